import CaseIngest
import CaseQuery
import CaseStore
import GRDB
import Testing

/// Every step of a case, and the current status read from them: invented
/// resolutions whose statuses are built by hand with the fields the extractor
/// fills (`date`, `present`, `dateAfter`/`dateBefore`, `step`), imported, then
/// asked as users ask.
@Suite struct StatusStepTests {
    let recorder = Recorder("tester")

    static func text(adopted: String, procedure: String, recitals: [String]) -> String {
        """
        European Parliament resolution of \(adopted) on Freedonia (\(procedure))

        The European Parliament,

        – having regard to its previous resolutions on Freedonia,

        \(recitals.enumerated().map { "\(["A", "B", "C", "D"][$0]). whereas \($1);" }.joined(separator: "\n\n"))

        1. Calls on the authorities of Freedonia to respect human rights;

        """
    }

    static let oneRecital = text(adopted: "18 January 2024", procedure: "2024/9001(RSP)", recitals: [
        "the blogger Mira Lund was arrested on 20 September 2023, released on 18 November 2023 and re-arrested on 30 November 2023; whereas she remains in detention",
    ])

    /// A status cue as the extractor states it.
    static func cue(_ person: String, _ status: String, _ section: String = "A", date: String? = nil, present: Bool = false,
                    after: String? = nil, before: String? = nil, step: Int? = nil, cue: String = "cue") throws -> Extraction.StatusCue {
        var cue = Extraction.StatusCue(person: person, status: status, evidence: "stated", section: section, cue: cue,
                                       date: try date.map(PartialDate.init(parsing:)))
        cue.present = present
        cue.dateAfter = try after.map(PartialDate.init(parsing:))
        cue.dateBefore = try before.map(PartialDate.init(parsing:))
        cue.step = step
        return cue
    }

    /// Imports `text` with the persons the extractor finds and these statuses instead of its own.
    @discardableResult
    func importing(_ text: String, _ statuses: [Extraction.StatusCue], into database: CaseDatabase, file: String = "freedonia.txt") throws -> ImportSummary {
        var extraction = try Extractor.extract(text: text, name: file)
        let names = Set(extraction.persons.map(\.name))
        for status in statuses { try #require(names.contains(status.person), "the extractor did not find \(status.person): \(names)") }
        extraction.statuses = statuses
        extraction.releaseCalls = []
        return try database.importResolution(extraction, file: file, by: recorder)
    }

    /// The current status as the list, `person show`, `history` and the SQL view each answer it: all must agree.
    func current(_ name: String, in database: CaseDatabase, asOf: String? = nil) throws -> String? {
        let queries = CaseQueries(database)
        let filter = PersonFilter(asOf: try asOf.map(PartialDate.init(parsing:)))
        let row = try queries.persons(filter).first { $0.name == name }
        let page = try queries.persons(filter, offset: 0, limit: 50).rows.first { $0.name == name }
        #expect(page?.status == row?.status && page?.statusWhen == row?.statusWhen, "the paged list differs")
        if asOf == nil {
            #expect(try queries.person(name).currentStatus?.status == row?.status, "person show differs")
            #expect(try queries.history(name).currentStatus?.status == row?.status, "history differs")
            let view = try database.writer.read { db in
                try String.fetchOne(db, sql: "SELECT c.status FROM current_status c JOIN person p ON p.id = c.person_id WHERE p.name = ?", arguments: [name])
            }
            #expect(view == row?.status, "the current_status view differs")
        }
        return row?.status
    }

    @Test func arrestReleaseReArrestAndRemainsEndsDetainedAsReported() throws {
        let database = try CaseDatabase.inMemory()
        try importing(Self.oneRecital, [
            Self.cue("Mira Lund", "detained", date: "2023-09-20", step: 1, cue: "was arrested"),
            Self.cue("Mira Lund", "released", date: "2023-11-18", step: 2, cue: "released"),
            Self.cue("Mira Lund", "detained", date: "2023-11-30", step: 3, cue: "re-arrested"),
            Self.cue("Mira Lund", "detained", present: true, step: 4, cue: "remains in detention"),
        ], into: database)
        #expect(try current("Mira Lund", in: database) == "detained")
        let row = try #require(try CaseQueries(database).persons(PersonFilter()).first)
        #expect(row.statusDate == "2024-01-18" && row.statusDateBasis == "reported" && row.statusWhen == "as of 2024-01-18 (reported)")
        #expect(try current("Mira Lund", in: database, asOf: "2023-11-20") == "released")
        #expect(try current("Mira Lund", in: database, asOf: "2023-12") == "detained")
        let history = try CaseQueries(database).history("Mira Lund")
        #expect(history.events.filter { $0.kind == "status" }.map(\.when) == ["2023-09-20", "2023-11-18", "2023-11-30", "as of 2024-01-18 (reported)"])
        #expect(history.currentStatus?.when == "as of 2024-01-18 (reported)")
        let shown = try CaseQueries(database).person("Mira Lund")
        #expect(shown.events.map(\.when) == ["2023-09-20", "2023-11-18", "2023-11-30", "as of 2024-01-18 (reported)"])
        #expect(shown.events.map(\.step) == [1, 2, 3, 4])
        #expect(shown.events.last?.tense == "present")
    }

    @Test func arrestAndDeathOnOneDayEndDeceased() throws {
        let text = Self.text(adopted: "6 October 2022", procedure: "2022/9002(RSP)", recitals: [
            "the student Lea Varga died in custody on 16 September 2022 after being arrested on that day",
            "the poet Ivo Brandt died on 3 March 2022 in prison, where he was held",
        ])
        let database = try CaseDatabase.inMemory()
        try importing(text, [
            // Steps on one date follow the story, not the order of mention.
            Self.cue("Lea Varga", "deceased", date: "2022-09-16", step: 2, cue: "died in custody"),
            Self.cue("Lea Varga", "detained", date: "2022-09-16", step: 1, cue: "being arrested"),
            // Not worked out (as older extractions): the death still stands over a detention the same text mentions after it.
            Self.cue("Ivo Brandt", "deceased", "B", date: "2022-03-03", cue: "died"),
            Self.cue("Ivo Brandt", "detained", "B", date: "2022-03-03", cue: "held"),
            Self.cue("Ivo Brandt", "imprisoned", "B", cue: "in prison"),
        ], into: database)
        #expect(try current("Lea Varga", in: database) == "deceased")
        #expect(try current("Ivo Brandt", in: database) == "deceased")
        #expect(try CaseQueries(database).history("Lea Varga").events.filter { $0.kind == "status" }.map { String($0.summary.prefix(8)) } == ["detained", "deceased"])
        #expect(try CaseQueries(database).person("Lea Varga").events.map(\.status) == ["detained", "deceased"])
        // A later step the same resolution writes (its own later date) does stand after a death.
        let later = try CaseDatabase.inMemory()
        try importing(text, [
            Self.cue("Ivo Brandt", "deceased", "B", date: "2022-03-03", cue: "died"),
            Self.cue("Ivo Brandt", "released", "B", date: "2022-04", cue: "released"),
        ], into: later)
        #expect(try current("Ivo Brandt", in: later) == "released")
    }

    @Test func aReleaseTiedToTheReArrestComesFirst() throws {
        let text = Self.text(adopted: "13 April 2023", procedure: "2023/9003(RSP)", recitals: [
            "the activist Nora Sand was re-arrested on 15 March 2023, only hours after her release",
        ])
        let database = try CaseDatabase.inMemory()
        try importing(text, [
            Self.cue("Nora Sand", "detained", date: "2023-03-15", step: 2, cue: "re-arrested"),
            Self.cue("Nora Sand", "released", date: "2023-03-15", step: 1, cue: "her release"),
        ], into: database)
        #expect(try current("Nora Sand", in: database) == "detained")
        #expect(try CaseQueries(database).history("Nora Sand").events.filter { $0.kind == "status" }.map { $0.summary.hasPrefix("released") } == [true, false])
    }

    @Test func anUndatedStepBetweenTwoDatedOnesIsPlacedAndCountsFromItsUpperBound() throws {
        let text = Self.text(adopted: "14 September 2023", procedure: "2023/9004(RSP)", recitals: [
            "the editor Olaf Krantz was arrested in March 2023, was subsequently sentenced, and was moved to a prison camp on 15 June 2023",
            "the trade unionist Hana Ruiz was sentenced before her death on 16 September 2022, and later appealed after March 2023 to no avail",
        ])
        let database = try CaseDatabase.inMemory()
        try importing(text, [
            Self.cue("Olaf Krantz", "detained", date: "2023-03", step: 1, cue: "was arrested"),
            Self.cue("Olaf Krantz", "sentenced", after: "2023-03", before: "2023-06-15", step: 2, cue: "was subsequently sentenced"),
            Self.cue("Olaf Krantz", "imprisoned", date: "2023-06-15", step: 3, cue: "moved to a prison camp"),
            Self.cue("Hana Ruiz", "sentenced", "B", before: "2022-09-16", step: 1, cue: "was sentenced"),
            Self.cue("Hana Ruiz", "on trial", "B", after: "2023-03", step: 2, cue: "appealed"),
            Self.cue("Hana Ruiz", "charged", "B", step: 3, cue: "charged"),
        ], into: database)
        #expect(try current("Olaf Krantz", in: database) == "imprisoned")
        #expect(try current("Olaf Krantz", in: database, asOf: "2023-06-14") == "detained")
        // Ties on the upper bound's day follow the story: the sentence, then the transfer.
        #expect(try current("Olaf Krantz", in: database, asOf: "2023-06-15") == "imprisoned")
        let steps = try CaseQueries(database).person("Olaf Krantz").events
        #expect(steps.map(\.when) == ["2023-03", "between 2023-03 and 2023-06-15", "2023-06-15"])
        #expect(steps[1].date == nil && steps[1].dateBasis == "bounded" && steps[1].dateAfter == "2023-03" && steps[1].dateBefore == "2023-06-15")
        let hana = try CaseQueries(database).person("Hana Ruiz").events
        #expect(hana.map(\.when) == ["before 2022-09-16", "after 2023-03", "date not stated"])
        // The bounded step alone, as of its bound: it counts from that day, not before.
        let alone = try CaseDatabase.inMemory()
        try importing(text, [
            Self.cue("Olaf Krantz", "detained", date: "2023-03", step: 1, cue: "was arrested"),
            Self.cue("Olaf Krantz", "sentenced", after: "2023-03", before: "2023-06-15", step: 2, cue: "was subsequently sentenced"),
        ], into: alone)
        #expect(try current("Olaf Krantz", in: alone, asOf: "2023-06-14") == "detained")
        let asOf = try #require(try CaseQueries(alone).persons(PersonFilter(asOf: PartialDate(parsing: "2023-06-15"))).first { $0.name == "Olaf Krantz" })
        #expect(asOf.status == "sentenced" && asOf.statusDate == nil && asOf.statusDateBasis == "bounded")
        #expect(asOf.statusDateAfter == "2023-03" && asOf.statusDateBefore == "2023-06-15" && asOf.statusWhen == "between 2023-03 and 2023-06-15")
    }

    @Test func thePresentTenseAfterADatedSentenceIsTheCurrentSituation() throws {
        let text = Self.text(adopted: "8 June 2023", procedure: "2023/9005(RSP)", recitals: [
            "the journalist Petra Holm was sentenced on 2 May 2023 to six years in prison and is serving her sentence",
        ])
        let database = try CaseDatabase.inMemory()
        try importing(text, [
            Self.cue("Petra Holm", "sentenced", date: "2023-05-02", step: 1, cue: "was sentenced"),
            Self.cue("Petra Holm", "imprisoned", present: true, step: 2, cue: "is serving"),
        ], into: database)
        #expect(try current("Petra Holm", in: database) == "imprisoned")
        #expect(try current("Petra Holm", in: database, asOf: "2023-05-31") == "sentenced")
        let standing = try #require(try CaseQueries(database).history("Petra Holm").currentStatus)
        #expect(standing.when == "as of 2023-06-08 (reported)" && standing.dateBasis == "adopted")
    }

    @Test func aLaterResolutionsRemainsOutranksAnEarlierReleaseAndAUsersDatedRecordOrdersByItsDate() throws {
        let database = try CaseDatabase.inMemory()
        try importing(Self.text(adopted: "1 December 2023", procedure: "2023/9006(RSP)", recitals: [
            "the blogger Mira Lund was released on 18 November 2023",
        ]), [Self.cue("Mira Lund", "released", date: "2023-11-18", step: 1, cue: "was released")], into: database, file: "first.txt")
        #expect(try current("Mira Lund", in: database) == "released")
        try importing(Self.text(adopted: "18 January 2024", procedure: "2024/9007(RSP)", recitals: [
            "the blogger Mira Lund remains in detention",
        ]), [Self.cue("Mira Lund", "detained", present: true, step: 1, cue: "remains in detention")], into: database, file: "second.txt")
        #expect(try current("Mira Lund", in: database) == "detained")
        // A user's record dated before the later resolution does not outrank it; one dated after it does.
        let today = try PartialDate(parsing: "2026-01-01")
        _ = try database.setStatus(StatusChange(person: "Mira Lund", status: .houseArrest, date: PartialDate(parsing: "2023-12-20"),
                                                source: .text("lawyer")), today: today, by: recorder)
        #expect(try current("Mira Lund", in: database) == "detained")
        #expect(try current("Mira Lund", in: database, asOf: "2023-12-31") == "house arrest")
        _ = try database.setStatus(StatusChange(person: "Mira Lund", status: .released, date: PartialDate(parsing: "2024-02-01"),
                                                source: .text("lawyer")), today: today, by: recorder)
        #expect(try current("Mira Lund", in: database) == "released")
        #expect(try CaseQueries(database).history("Mira Lund").currentStatus?.when == "since 2024-02-01")
    }

    @Test func aCallForReleaseAloneIsAnInferredDetentionThatNeverOutranksADeath() throws {
        let database = try CaseDatabase.inMemory()
        let text = Self.text(adopted: "1 December 2023", procedure: "2023/9008(RSP)", recitals: [
            "the poet Ivo Brandt died on 3 March 2022", "the blogger Mira Lund is a blogger",
        ])
        var call = try Self.cue("Ivo Brandt", "detained", "B", cue: "release")
        call.note = Extraction.StatusCue.releaseCallNote
        var other = try Self.cue("Mira Lund", "detained", "B", cue: "release")
        other.note = Extraction.StatusCue.releaseCallNote
        try importing(text, [Self.cue("Ivo Brandt", "deceased", date: "2022-03-03", step: 1, cue: "died"), call, other], into: database)
        #expect(try current("Ivo Brandt", in: database) == "deceased")
        #expect(try current("Mira Lund", in: database) == "detained")
        #expect(try CaseQueries(database).person("Mira Lund").events.first?.evidence == "inferred")
    }

    @Test func stepsAreAppendOnlyAndCheckFindsBoundsOutOfOrder() throws {
        let database = try CaseDatabase.inMemory()
        let summary = try importing(Self.oneRecital, [
            Self.cue("Mira Lund", "sentenced", after: "2023-11", before: "2023-09-20", step: 1),
            Self.cue("Mira Lund", "detained", date: "2023-09-20", before: "2023-10", step: 2),
        ], into: database)
        // Contradicting bounds are not stored, and the import says so.
        #expect(summary.warnings.contains { $0.contains("lower bound 2023-11 is after its upper bound 2023-09-20") })
        #expect(summary.warnings.contains { $0.contains("bounds beside the step's own date") })
        let stored = try database.writer.read { db in try Row.fetchAll(db, sql: "SELECT date_after, date_before, tense FROM status_event ORDER BY id") }
        #expect(stored.map { $0["date_after"] as String? } == [nil, nil] && stored.map { $0["tense"] as String? } == ["past", "past"])
        #expect(try CaseQueries(database).check().ok)
        for sql in ["UPDATE status_event SET step = 5", "UPDATE status_event SET date_before = '2023'", "UPDATE status_event SET tense = 'present'"] {
            #expect(throws: DatabaseError.self) { try database.writer.write { db in try db.execute(sql: sql) } }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "INSERT INTO status_event (person_id, status, evidence, source_text, recorded_by, recorded_at, tense) VALUES (1, 'detained', 'recorded', 'x', 'x', 'x', 'future')") }
        }
        // Written behind casetrack's back: check names the bounds out of order.
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO status_event (person_id, status, evidence, source_text, recorded_by, recorded_at, date_after, date_before, tense)
                VALUES (1, 'sentenced', 'recorded', 'x', 'x', 'x', '2023-05', '2023-03', 'past')
                """)
        }
        let report = try CaseQueries(database).check()
        #expect(report.problems.contains { $0.contains("lower bound 2023-05 is after its upper bound 2023-03") }, "\(report.problems)")
    }

    @Test func rereadNamesADocumentByIdNumberOrAProcedureOnlyOneDocumentHas() throws {
        let database = try CaseDatabase.inMemory()
        var motion = try Extractor.extract(text: Self.oneRecital, name: "motion.txt")
        motion.document.kind = .motion
        motion.document.reference = "B9-0001/2024"
        _ = try database.importResolution(motion, file: "motion.txt", by: recorder)
        #expect(try database.storedDocuments("2024/9001(RSP)").map(\.id) == [1])
        var adopted = try Extractor.extract(text: Self.oneRecital + "\n2. Instructs its President to forward this resolution;\n", name: "adopted.txt")
        adopted.document.kind = .adoptedText
        _ = try database.importResolution(adopted, file: "adopted.txt", by: recorder)
        // Two documents of one procedure: the error lists them, to be named by id.
        #expect(throws: CaseStoreError.ambiguousDocument(query: "2024/9001(RSP)", choices: ["1 (motion, B9-0001/2024)", "2 (adopted text)"])) {
            try database.storedDocuments("2024/9001(RSP)")
        }
        #expect(try database.storedDocuments("2").map(\.sourceFile) == ["adopted.txt"])
        #expect(try database.storedDocuments("b9-0001/2024").map(\.sourceFile) == ["motion.txt"])
        #expect(try database.storedDocuments(nil, all: true).count == 2)
        #expect(throws: CaseStoreError.self) { try database.storedDocuments("2023/9999(RSP)") }
    }

    @Test func aNewAdoptionDateMovesReportedStepsButNotPlacedOnes() throws {
        let database = try CaseDatabase.inMemory()
        try importing(Self.oneRecital, [
            Self.cue("Mira Lund", "detained", date: "2023-09-20", step: 1, cue: "was arrested"),
            Self.cue("Mira Lund", "sentenced", after: "2023-09-20", before: "2023-11-30", step: 2, cue: "sentenced"),
            Self.cue("Mira Lund", "detained", present: true, step: 3, cue: "remains in detention"),
        ], into: database)
        let change = try database.setAdoptionDate(procedure: "2024/9001(RSP)", date: PartialDate(parsing: "2024-01-20"),
                                                  today: PartialDate(parsing: "2026-01-01"), by: recorder)
        #expect(change.redatedEvents == 1)
        #expect(try CaseQueries(database).person("Mira Lund").events.map(\.when)
                == ["2023-09-20", "between 2023-09-20 and 2023-11-30", "as of 2024-01-20 (reported)"])
        #expect(try CaseQueries(database).check().ok)
    }

    /// A resolution known only by its year (a motion without a date): a release placed only
    /// after a July detention is ordered from July, not from the year's first day.
    @Test func aStepAfterALowerBoundIsOrderedNoEarlierThanItInAYearOnlyResolution() throws {
        let text = """
            European Parliament resolution on Freedonia
            (2023/9006(RSP))

            The European Parliament,

            – having regard to its previous resolutions on Freedonia,

            A. whereas the lawyer Tarek Moll was detained in July 2023 and was later released;

            1. Calls on the authorities of Freedonia to respect human rights;

            """
        let database = try CaseDatabase.inMemory()
        let summary = try importing(text, [
            Self.cue("Tarek Moll", "detained", date: "2023-07", step: 1, cue: "was detained"),
            Self.cue("Tarek Moll", "released", after: "2023-07", step: 2, cue: "was later released"),
        ], into: database)
        #expect(summary.adopted == "2023" && summary.adoptedBasis == "procedure-year")
        // The list, `person show`, `history` and the SQL view all answer released.
        #expect(try current("Tarek Moll", in: database) == "released")
        #expect(try CaseQueries(database).person("Tarek Moll").currentStatus?.status == "released")
        // The stored dates are unchanged: the release still speaks from the resolution's year.
        let start = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT effective_start FROM status_event WHERE status = 'released'")
        }
        #expect(start == "2023-01-01")
        #expect(try CaseQueries(database).check().ok)
        // A lower bound before the resolution's first day changes nothing: the step speaks from that day.
        let earlier = StatusStep(id: 1, status: "released", effectiveStart: "2023-01-01", effectiveDate: "2023", section: 1, step: 2,
                                 ownDate: false, tense: "past", after: "2022-05", before: nil, inferred: false)
        #expect(earlier.orderStart == "2023-01-01")
        // An upper bound, or a date of its own, decides instead.
        var bounded = earlier
        bounded.after = "2023-07"
        #expect(bounded.orderStart == "2023-07-01")
        bounded.before = "2023-06-30"
        #expect(bounded.orderStart == "2023-01-01")
    }
}
