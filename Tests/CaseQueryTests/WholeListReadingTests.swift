import CaseIngest
@testable import CaseQuery
import CaseStore
import GRDB
import Testing

/// The whole-list answer (`status list`, `person list`, `--as-of`) reads every status event of
/// everyone straight from SQLite, shares its strings and takes the rule's shortcut
/// (``StatusRule/latest(_:document:)``). Here it is held, for every date that matters, to the
/// plainest reading there is: each person's events decoded one by one through GRDB's rows,
/// retracted and rejected ones dropped, the whole rule (``StatusRule/current(_:document:)``)
/// applied, the date worded by ``StepDateWording``.
@Suite struct WholeListReadingTests {
    let recorder = Recorder("tester")

    /// Several resolutions and users' records: dated, bounded, present-tense and undated steps,
    /// steps of one day in story order, deaths with later steps, a call for release, a retraction,
    /// a rejected claim and a confirmed one, a merge.
    func database() throws -> CaseDatabase {
        let database = try CaseDatabase.inMemory()
        let steps = StatusStepTests()
        try steps.importing(StatusStepTests.text(adopted: "6 October 2022", procedure: "2022/9002(RSP)", recitals: [
            "the student Lea Varga died in custody on 16 September 2022 after being arrested on that day",
            "the poet Ivo Brandt died on 3 March 2022 in prison, where he was held",
        ]), [
            StatusStepTests.cue("Lea Varga", "deceased", date: "2022-09-16", step: 2, cue: "died in custody"),
            StatusStepTests.cue("Lea Varga", "detained", date: "2022-09-16", step: 1, cue: "being arrested"),
            StatusStepTests.cue("Ivo Brandt", "deceased", "B", date: "2022-03-03", cue: "died"),
            StatusStepTests.cue("Ivo Brandt", "detained", "B", date: "2022-03-03", cue: "held"),
            StatusStepTests.cue("Ivo Brandt", "imprisoned", "B", cue: "in prison"),
        ], into: database, file: "one.txt")
        try steps.importing(StatusStepTests.text(adopted: "14 September 2023", procedure: "2023/9004(RSP)", recitals: [
            "the editor Olaf Krantz was arrested in March 2023, was subsequently sentenced, and was moved to a prison camp on 15 June 2023",
            "the trade unionist Hana Ruiz was sentenced before her death on 16 September 2022, and later appealed after March 2023 to no avail",
        ]), [
            StatusStepTests.cue("Olaf Krantz", "detained", date: "2023-03", step: 1, cue: "was arrested"),
            StatusStepTests.cue("Olaf Krantz", "sentenced", after: "2023-03", before: "2023-06-15", step: 2, cue: "was subsequently sentenced"),
            StatusStepTests.cue("Olaf Krantz", "imprisoned", date: "2023-06-15", step: 3, cue: "moved to a prison camp"),
            StatusStepTests.cue("Hana Ruiz", "sentenced", "B", before: "2022-09-16", step: 1, cue: "was sentenced"),
            StatusStepTests.cue("Hana Ruiz", "on trial", "B", after: "2023-03", step: 2, cue: "appealed"),
            StatusStepTests.cue("Hana Ruiz", "charged", "B", step: 3, cue: "charged"),
        ], into: database, file: "two.txt")
        try steps.importing(StatusStepTests.text(adopted: "8 June 2023", procedure: "2023/9005(RSP)", recitals: [
            "the journalist Petra Holm was sentenced on 2 May 2023 to six years in prison and is serving her sentence",
            "the activist Nora Sand was re-arrested on 15 March 2023, only hours after her release",
        ]), [
            StatusStepTests.cue("Petra Holm", "sentenced", date: "2023-05-02", step: 1, cue: "was sentenced"),
            StatusStepTests.cue("Petra Holm", "imprisoned", present: true, step: 2, cue: "is serving"),
            StatusStepTests.cue("Nora Sand", "detained", "B", date: "2023-03-15", step: 2, cue: "re-arrested"),
            StatusStepTests.cue("Nora Sand", "released", "B", date: "2023-03-15", step: 1, cue: "her release"),
        ], into: database, file: "three.txt")
        var call = try StatusStepTests.cue("Mira Lund", "detained", "B", cue: "release")
        call.note = Extraction.StatusCue.releaseCallNote
        try steps.importing(StatusStepTests.text(adopted: "1 December 2023", procedure: "2023/9008(RSP)", recitals: [
            "the poet Ivo Brandt died on 3 March 2022", "the blogger Mira Lund is a blogger",
        ]), [StatusStepTests.cue("Ivo Brandt", "deceased", date: "2022-03-03", step: 1, cue: "died"), call], into: database, file: "four.txt")
        let today = try PartialDate(parsing: "2026-01-01")
        for (person, status, date) in [("Mira Lund", CaseStatus.houseArrest, "2023-12-20"), ("Mira Lund", .released, "2024-02"),
                                       ("Lea Varga", .atLarge, "2024"), ("Petra Holm", .restrictedLiberty, "2023-06-08"),
                                       ("Olaf Krantz", .preTrialDetention, "2023-06-15"), ("Nora Sand", .chargesDropped, "2023-03-15")] {
            _ = try database.setStatus(StatusChange(person: person, status: status, date: PartialDate(parsing: date), source: .text("lawyer")),
                                       today: today, by: recorder)
        }
        _ = try database.addPerson(name: "Tomas Weber", aliases: ["T. Weber"], by: recorder)
        _ = try database.addPerson(name: "Tom Weberr", by: recorder)
        _ = try database.setStatus(StatusChange(person: "Tom Weberr", status: .atRisk, date: PartialDate(parsing: "2021-06"),
                                                source: .text("friend")), today: today, by: recorder)
        _ = try database.mergePersons(kept: "Tomas Weber", absorbed: "Tom Weberr", by: recorder)
        _ = try database.setStatus(StatusChange(person: "Tomas Weber", status: .disappeared, date: PartialDate(parsing: "2021-05-05"),
                                                source: .text("family")), today: today, by: recorder)
        let (ids, rejected): ([Int64], Int64) = try database.writer.read { db in
            (try Int64.fetchAll(db, sql: "SELECT id FROM status_event WHERE status = 'released' ORDER BY id"),
             try Int64.fetchOne(db, sql: "SELECT id FROM status_event WHERE status = 'sentenced' ORDER BY id LIMIT 1") ?? 0)
        }
        _ = try database.retractStatus(eventID: try #require(ids.last), reason: "wrong person", by: recorder)
        _ = try database.rejectClaim(ClaimID(kind: .status, id: rejected), reason: "misread", by: recorder)
        _ = try database.confirmClaims([ClaimID(kind: .status, id: try #require(ids.first))], by: recorder)
        return database
    }

    /// The row a person's list line must have, read the plain way.
    struct Expected: Equatable, CustomStringConvertible {
        var status, date, basis, after, before, when, review: String?
        var description: String { "\(status ?? "-") \(date ?? "-") \(basis ?? "-") \(when ?? "-") \(review ?? "-")" }
    }

    static func expected(in db: Database, asOf: String, reviewedOnly: Bool) throws -> [Int64: Expected] {
        let retracted = Set(try Int64.fetchAll(db, sql: "SELECT event_id FROM status_retraction"))
        let reviews = try ClaimReviews.states(.status, in: db)
        let documents = StatusRule.Documents(db)
        var steps: [Int64: [StatusStep]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(CaseQueries.stepColumns), e.note FROM status_event e ORDER BY e.id") {
            let id: Int64 = row["id"], start: String = row["effective_start"]
            guard start <= asOf, !retracted.contains(id) else { continue }
            let review = reviews[id] ?? .unreviewed
            if review == .rejected || (reviewedOnly && review != .confirmed) { continue }
            steps[row["person_id"], default: []].append(StatusStep(
                id: id, status: row["status"], effectiveStart: start, effectiveDate: row["effective_date"], section: row["section_id"],
                step: row["step"], ownDate: row["own_date"], tense: row["tense"], after: row["date_after"], before: row["date_before"],
                inferred: (row["note"] as String?) == "implied by a call for release", review: review.rawValue))
        }
        var answer: [Int64: Expected] = [:]
        for (person, steps) in steps {
            guard let step = try StatusRule.current(steps, document: documents.callAsFunction) else { continue }
            answer[person] = Expected(status: step.status, date: step.listDate, basis: step.listBasis, after: step.after, before: step.before,
                                      when: StepDateWording.text(date: step.effectiveDate, basis: step.listBasis, after: step.after, before: step.before),
                                      review: step.review)
        }
        return answer
    }

    @Test func theWholeListIsTheRuleAppliedToEachPersonAtEveryDate() throws {
        let database = try database()
        let queries = CaseQueries(database)
        let (days, names): ([String], [Int64: String]) = try database.writer.read { db in
            let starts = try String.fetchAll(db, sql: "SELECT DISTINCT effective_start FROM status_event")
            let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM person WHERE merged_into_id IS NULL")
                .map { ($0["id"] as Int64, $0["name"] as String) })
            return (starts, names)
        }
        // Every day a step starts, the day before it, its month and year, and no date at all.
        var dates: Set<String?> = [nil, "1999", "2026-12-31"]
        for day in days where day.count == 10 {
            dates.insert(day)
            dates.insert(String(day.prefix(7)))
            dates.insert(String(day.prefix(4)))
            let parts = day.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 {
                let before = parts[2] > 1 ? try PartialDate(year: parts[0], month: parts[1], day: parts[2] - 1)
                    : parts[1] > 1 ? try PartialDate(year: parts[0], month: parts[1] - 1).end : try PartialDate(year: parts[0] - 1).end
                dates.insert(before.description)
            }
        }
        var compared = 0
        for date in dates {
            for reviewedOnly in [false, true] {
                let asOf = try date.map(PartialDate.init(parsing:))
                let filter = PersonFilter(asOf: asOf, reviewedOnly: reviewedOnly)
                let rows = try queries.persons(filter)
                let expected = try database.writer.read { db in
                    try Self.expected(in: db, asOf: asOf?.end.description ?? "9999-12-31", reviewedOnly: reviewedOnly)
                }
                #expect(rows.count == names.count, "as of \(date ?? "now")")
                #expect(rows.map(\.name) == rows.map(\.name).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) })
                for row in rows {
                    let got = Expected(status: row.status, date: row.statusDate, basis: row.statusDateBasis, after: row.statusDateAfter,
                                       before: row.statusDateBefore, when: row.statusWhen, review: row.review)
                    #expect(got == expected[row.id] ?? Expected(), "\(row.name) as of \(date ?? "now"), reviewed only \(reviewedOnly)")
                    compared += 1
                }
                // The page of the list and a list cut by resolution read the same rows.
                let page = try queries.persons(filter, offset: 0, limit: 100).rows
                #expect(page == rows, "the page as of \(date ?? "now")")
                var byDocument = filter
                byDocument.document = "2023/9004(RSP)"
                let cut = try queries.persons(byDocument)
                #expect(cut == rows.filter { row in cut.contains { $0.id == row.id } } && !cut.isEmpty)
            }
        }
        #expect(compared > 200)
        // The other name reads beside the name, and only there.
        let weber = try #require(try queries.persons(PersonFilter()).first { $0.name == "Tomas Weber" })
        #expect(weber.aliases.contains("T. Weber") && weber.status == "at risk", "\(weber)")
    }

    @Test func aStatusIsReadAsTheSharedStringOfItsBytesAndAnythingElseAsItself() throws {
        for status in CaseStatus.allCases {
            let bytes = Array(status.rawValue.utf8)
            let read = bytes.withUnsafeBufferPointer { InternedStrings.statuses.string(bytes: $0.baseAddress!, count: $0.count) }
            #expect(read == status.rawValue)
        }
        for other in ["detaine", "detainedd", "Detained", "at larg", ""] {
            let bytes = Array(other.utf8) + [0]
            let read = bytes.withUnsafeBufferPointer { InternedStrings.statuses.string(bytes: $0.baseAddress!, count: $0.count - 1) }
            #expect(read == nil, "\(other)")
        }
    }

    /// A whole list keeps each step's texts as places: every text reads back as `String(cString:)`
    /// of its bytes (short ones shared, long ones, ones holding a NUL and unknown statuses kept
    /// apart), the same bytes give the same place, and no two texts share one.
    @Test func aTextKeptAsAPlaceReadsAsItsBytes() {
        let texts = StepTexts()
        var places: [Int32: String] = [:]
        let samples = ["2023-03", "2023-06-15", "0000", "", "past", "present", "a text longer than fifteen bytes",
                       "exactly 15 byte", "exactly 16 bytes", "with\u{0}nul", "Łódź", "2023-03"]
        for text in samples {
            let bytes = Array(text.utf8) + [0]
            let place = bytes.withUnsafeBufferPointer { texts.place($0.baseAddress!, count: $0.count - 1) }
            let expected = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            #expect(place != -1 && texts.text(place) == expected, "\(text)")
            if let earlier = places[place] { #expect(earlier == expected && place >= 0, "\(text)") }
            places[place] = expected
        }
        #expect(texts.text(-1) == nil)
        for status in CaseStatus.allCases {
            let bytes = Array(status.rawValue.utf8) + [0]
            let place = bytes.withUnsafeBufferPointer { texts.statusPlace($0.baseAddress!, count: $0.count - 1) }
            #expect(place >= 0 && texts.status(place) == status.rawValue)
        }
        for other in ["Detained", "detaine", "a status nobody knows of"] {
            let bytes = Array(other.utf8) + [0]
            let place = bytes.withUnsafeBufferPointer { texts.statusPlace($0.baseAddress!, count: $0.count - 1) }
            #expect(place < -1 && texts.status(place) == other, "\(other)")
        }
    }

    @Test func aCellOfTheWrongStorageClassIsRefusedNotRead() throws {
        let database = try self.database()
        let queries = CaseQueries(database)
        let before = try queries.persons(PersonFilter())
        for (sql, column) in [("UPDATE person_alias SET alias = CAST(alias AS BLOB) WHERE alias = 'T. Weber'", "alias"),
                              ("UPDATE person SET name = CAST(name AS BLOB) WHERE name = 'Tomas Weber'", "name")] {
            let copy = try self.database()
            try copy.writer.write { db in try db.execute(sql: sql) }
            #expect(throws: (any Error).self, "\(column)") { _ = try CaseQueries(copy).persons(PersonFilter()) }
        }
        #expect(try queries.persons(PersonFilter()) == before)
    }
}
