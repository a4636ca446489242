import CaseIngest
import CaseQuery
import CaseStore
import Foundation
import GRDB
import Testing

/// Both samples imported into one database, checked against `cases.json`.
enum SampleImport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let recorder = Recorder("tester")

    static func extraction(_ stem: String) throws -> Extraction {
        let url = repository.appendingPathComponent("SampleData/\(stem).txt")
        return try Extractor.extract(data: Data(contentsOf: url), name: url.lastPathComponent)
    }

    static let first = Result { try extraction("ep-2021-2544-kazakhstan") }
    static let second = Result { try extraction("ep-2022-2505-kazakhstan") }

    /// Imported in publication order, the second with its public adoption date.
    static func both() throws -> CaseDatabase {
        let database = try CaseDatabase.inMemory()
        _ = try database.importResolution(first.get(), file: "2021.txt", by: recorder)
        _ = try database.importResolution(second.get(), file: "2022.txt", adopted: PartialDate(parsing: "2022-01-20"), by: recorder)
        return database
    }

    struct Cases: Decodable {
        struct Identity: Decodable {
            var same_person: [[String]]
            var different_persons: [[String]]
            var distinct_persons_after_both_imports: Int
        }
        struct Status: Decodable { var name: String; var status: String; var as_of: String?; var section: String; var sentence: String? }
        var identity: Identity
        var statuses: [Status]
    }

    static func cases() throws -> Cases {
        let url = repository.appendingPathComponent("Tests/CaseIngestTests/Fixtures/cases.json")
        return try JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }
}

@Suite struct ImportTests {
    @Test func oneIdentityPerPersonAcrossDocuments() throws {
        let database = try SampleImport.both()
        let cases = try SampleImport.cases()
        let persons = try CaseQueries(database).persons(PersonFilter())
        #expect(persons.count == cases.identity.distinct_persons_after_both_imports)
        let queries = CaseQueries(database)
        for pair in cases.identity.same_person {
            #expect(try queries.person(pair[0]).person.id == queries.person(pair[1]).person.id, "\(pair)")
        }
        for pair in cases.identity.different_persons {
            #expect(try queries.person(pair[0]).person.id != queries.person(pair[1]).person.id, "\(pair)")
        }
    }

    @Test func statusesAsOfEachResolutionMatchTheGold() throws {
        let queries = CaseQueries(try SampleImport.both())
        for expected in try SampleImport.cases().statuses {
            let detail = try queries.person(expected.name)
            let parts = expected.section.split(separator: " ").map(String.init)
            // A section may state several steps; the gold's status is one of them.
            let inSection = detail.events.filter { $0.source.document == parts[0] && $0.source.section == parts[1] }
            let event = inSection.first { $0.status == expected.status } ?? inSection.first
            #expect(event?.status == expected.status, "\(expected.name): \(detail.events.map(\.status))")
            if let sentence = expected.sentence { #expect(event?.sentence == sentence) }
            if let asOf = expected.as_of {
                let rows = try queries.persons(PersonFilter(asOf: PartialDate(parsing: asOf)))
                #expect(rows.first { $0.id == detail.person.id }?.status == expected.status, "\(expected.name) as of \(asOf)")
            }
        }
    }

    @Test func aLaterResolutionDatesAnEarlierOne() throws {
        let database = try CaseDatabase.inMemory()
        let first = try database.importResolution(SampleImport.first.get(), file: "2021.txt", by: SampleImport.recorder)
        #expect(first.adopted == "2021" && first.adoptedBasis == "procedure-year")
        let second = try database.importResolution(SampleImport.second.get(), file: "2022.txt", by: SampleImport.recorder)
        #expect(second.backfilled == ["2021/2544(RSP) as 2021-02-11"])
        let detail = try CaseQueries(database).person("Dametkan Aspandiyarova")
        #expect(detail.currentStatus?.date == "2021-02-11")
        #expect(detail.currentStatus?.dateBasis == "adopted")
        // Imported in the other order, the earlier one takes the date from the later at once.
        let reversed = try CaseDatabase.inMemory()
        _ = try reversed.importResolution(SampleImport.second.get(), file: "2022.txt", by: SampleImport.recorder)
        let late = try reversed.importResolution(SampleImport.first.get(), file: "2021.txt", by: SampleImport.recorder)
        #expect(late.adopted == "2021-02-11" && late.adoptedBasis == "cited")
    }

    @Test func reimportingTheSameTextChangesNothing() throws {
        let database = try SampleImport.both()
        let before = try counts(database)
        let again = try database.importResolution(SampleImport.first.get(), file: "copy.txt", by: SampleImport.recorder)
        #expect(again.alreadyImported)
        #expect(try counts(database) == before)
    }

    @Test func aDryRunWritesNothing() throws {
        let database = try CaseDatabase.inMemory()
        let summary = try database.importResolution(SampleImport.first.get(), file: "2021.txt", dryRun: true, by: SampleImport.recorder)
        #expect(summary.personsNew == 53 && summary.dryRun)
        #expect(try counts(database).values.allSatisfy { $0 == 0 })
    }

    /// A failure late in an import (here a status pointing at a section the
    /// document lacks) leaves nothing of the document behind.
    @Test func aFailedImportLeavesNothingBehind() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.importResolution(SampleImport.first.get(), file: "2021.txt", by: SampleImport.recorder)
        let before = try counts(database)
        var broken = try SampleImport.second.get()
        broken.statuses.append(.init(person: broken.persons[0].name, status: "detained", evidence: "stated", section: "ZZZ", cue: "x"))
        #expect(throws: CaseStoreError.self) {
            try database.importResolution(broken, file: "broken.txt", by: SampleImport.recorder)
        }
        #expect(try counts(database) == before)
    }

    @Test func closeCallsGoToReviewAndDecisionsAreRemembered() throws {
        let database = try SampleImport.both()
        let queries = CaseQueries(database)
        let pending = try queries.pendingReviews()
        #expect(pending.count == 1)
        _ = try database.keepApart("Bekizhan Mendygaziyev", "Barlyk Mendygaziyev", by: SampleImport.recorder)
        #expect(try queries.pendingReviews().isEmpty)
        // A third resolution naming him again joins the same identity, with no new review.
        let third = try Extractor.extract(text: """
            European Parliament resolution of 5 May 2023 on the case of Bekizhan Mendygaziyev (2023/2600(RSP))
            A. whereas the philanthropist Bekizhan Mendygaziyev was sentenced to seven years in prison;
            1. Calls for the release of Bekizhan Mendygaziyev;
            """, name: "third")
        let summary = try database.importResolution(third, file: "third.txt", by: SampleImport.recorder)
        #expect(summary.personsNew == 0 && summary.reviews.isEmpty)
        #expect(try queries.person("Bekizhan Mendygaziyev").currentStatus?.status == "sentenced")
    }

    func counts(_ database: CaseDatabase) throws -> [String: Int] {
        try database.writer.read { db in
            var counts: [String: Int] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'section_fts%' AND name NOT LIKE 'grdb_%'") {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            return counts
        }
    }
}
