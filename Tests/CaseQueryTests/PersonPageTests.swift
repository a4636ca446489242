import CaseIngest
import CaseQuery
import CaseStore
import GRDB
import Testing

/// The paged person list (the web's `/persons`) cuts its pages in SQL and reads
/// statuses for the page's persons only: every page must hold exactly the rows
/// the unpaged list (the CLI's `person list`) has at those places.
@Suite struct PersonPageTests {
    let recorder = Recorder("tester")

    /// Both sample resolutions (persons with organisations, mentions and
    /// statuses) and thirty more persons: names equal but for case and names
    /// equal outright (order falls to the id), events out of date order, a
    /// retraction and a merge.
    func given() throws -> CaseDatabase {
        let database = try SampleImport.both()
        let names = ["aaron Pagetest", "Aaron Pagetest", "Aaron Pagetest", "Zoe Pagetest", "zoe Pagetest", "Émile Pagetest", "Mia Pagetest"]
        var ids: [Int64] = []
        for index in 0..<30 {
            let person = try database.addPerson(name: names[index % names.count] + (index < names.count ? "" : " \(index % 4)"),
                                                allowDuplicate: true, by: recorder)
            ids.append(person.id ?? 0)
        }
        let statuses = CaseStatus.allCases
        for (index, id) in ids.enumerated() where index % 5 != 4 {
            for step in 0..<(1 + index % 3) {
                let date = try PartialDate(parsing: ["2021", "2020-05", "2022-02-03", "2019-11"][(index + step) % 4])
                _ = try database.setStatus(StatusChange(person: String(id), status: statuses[(index * 3 + step) % statuses.count],
                                                        date: date, source: .text("page test \(index) \(step)")), by: recorder)
            }
        }
        let latest = try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM status_event") ?? 0 }
        _ = try database.retractStatus(eventID: latest, reason: "wrong person", by: recorder)
        _ = try database.mergePersons(kept: String(ids[1]), absorbed: String(ids[8]), by: recorder)
        return database
    }

    @Test func everyPageHoldsTheRowsOfTheUnpagedList() throws {
        let database = try given()
        let queries = CaseQueries(database)
        let (organisations, documents) = try database.writer.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM organisation ORDER BY id"),
             try String.fetchAll(db, sql: "SELECT procedure FROM document WHERE procedure IS NOT NULL ORDER BY id"))
        }
        try #require(!organisations.isEmpty && !documents.isEmpty)
        var filters = [PersonFilter(), PersonFilter(withStatusOnly: true), PersonFilter(status: .detained),
                       PersonFilter(asOf: try PartialDate(parsing: "2020")), PersonFilter(asOf: try PartialDate(parsing: "2021-06"), withStatusOnly: true),
                       PersonFilter(status: .charged, asOf: try PartialDate(parsing: "2022"))]
        for organisation in organisations.prefix(3) {
            filters += [PersonFilter(organisation: organisation), PersonFilter(organisation: organisation, withStatusOnly: true)]
        }
        for document in documents {
            filters += [PersonFilter(document: document), PersonFilter(document: document, asOf: try PartialDate(parsing: "2021")),
                        PersonFilter(status: .detained, document: document)]
        }
        var checkedMultiplePages = false
        for filter in filters {
            let all = try queries.persons(filter)
            for size in [1, 3, 7, 100] {
                var paged: [PersonStatusRow] = []
                var offset = 0
                repeat {
                    let page = try queries.persons(filter, offset: offset, limit: size)
                    #expect(page.total == all.count, "total for \(filter)")
                    #expect(page.rows.count <= size)
                    #expect(page.rows == Array(all[min(offset, all.count)..<min(all.count, offset + size)]), "page at \(offset) of \(size) for \(filter)")
                    paged += page.rows
                    offset += size
                } while offset < all.count
                #expect(paged == all, "pages of \(size) for \(filter)")
                if all.count > size * 2 { checkedMultiplePages = true }
            }
            let beyond = try queries.persons(filter, offset: all.count + 5, limit: 10)
            #expect(beyond.rows.isEmpty && beyond.total == all.count)
            #expect(try queries.persons(filter, offset: 0, limit: 0).rows.isEmpty)
        }
        #expect(checkedMultiplePages)
        // The unfiltered list covers the added persons, the merged one excluded, the retraction applied.
        let everyone = try queries.persons(PersonFilter())
        #expect(everyone.filter { $0.name.lowercased().hasPrefix("aaron pagetest") }.count >= 3)
        #expect(everyone.count == Set(everyone.map(\.id)).count)
    }

    @Test func unknownOrganisationOrDocumentIsAnErrorOnEveryPage() throws {
        let queries = CaseQueries(try given())
        #expect(throws: (any Error).self) { try queries.persons(PersonFilter(organisation: "No Such Organisation Anywhere"), offset: 0, limit: 10) }
        #expect(throws: (any Error).self) { try queries.persons(PersonFilter(document: "1999/9999(RSP)"), offset: 100, limit: 10) }
    }
}
