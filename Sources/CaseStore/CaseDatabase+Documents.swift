import CaseIngest
import GRDB

/// What `document date` changed.
public struct AdoptionDateChange: Sendable, Equatable {
    public var procedure: String
    public var previous: String?
    public var previousBasis: String?
    public var adopted: String
    /// Status events whose effective date follows the document's (they have no date of their own, nor an upper bound).
    public var redatedEvents: Int
    /// False when the document already had this date from the user: nothing was written.
    public var changed: Bool
}

extension CaseDatabase {
    /// Sets or corrects the adoption date of an imported resolution, in one
    /// audited transaction. The triggers on `document` re-date every status
    /// event that takes its date from it; a resolution the user dated is
    /// never re-dated by a later import that cites it.
    public func setAdoptionDate(procedure: String, date: PartialDate, today: PartialDate? = nil, by recorder: Recorder) throws -> AdoptionDateChange {
        let today = try today ?? PartialDate.today()
        if date.start > today { throw CaseStoreError.futureDate(date: date.description, today: today.description) }
        return try auditedIfChanged("document date", by: recorder) { db in
            // A procedure may have a motion and an adopted text: the adopted text speaks for it.
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, procedure, adopted, adopted_basis FROM document WHERE procedure = ? COLLATE NOCASE
                ORDER BY COALESCE(kind = 'adopted text', 0) DESC, id LIMIT 1
                """, arguments: [procedure.trimmingWhitespace()]) else {
                let known = try String.fetchAll(db, sql: "SELECT DISTINCT procedure FROM document WHERE procedure IS NOT NULL")
                throw CaseStoreError.unknownDocumentSuggesting(procedure: procedure, suggestions: Suggestions.closest(to: procedure, among: known))
            }
            let id: Int64 = row["id"]
            let previous: String? = row["adopted"], basis: String? = row["adopted_basis"]
            let events = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM status_event e JOIN section s ON s.id = e.section_id
                WHERE s.document_id = ? AND e.date IS NULL AND e.date_before IS NULL
                """, arguments: [id]) ?? 0
            var change = AdoptionDateChange(procedure: row["procedure"], previous: previous, previousBasis: basis,
                                            adopted: date.description, redatedEvents: events, changed: false)
            if previous == date.description && basis == "option" { return (change, nil) }
            try db.execute(sql: "UPDATE document SET adopted = ?, adopted_start = ?, adopted_basis = 'option' WHERE id = ?",
                           arguments: [date.description, date.start.description, id])
            change.changed = true
            let was = previous.map { "\($0) (\(basis ?? "unknown basis"))" } ?? "undated"
            return (change, "dated \(change.procedure) adopted \(date) (was \(was)); \(events) status events follow it")
        }
    }
}

/// A stored resolution `document reread` works on: its id, how answers name it, and its text.
public struct StoredDocument: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var sourceFile: String
    public var text: String
    /// Its adoption date, when known: the date its undated present-tense steps are reported on.
    public var adopted: String?
    /// Of its normalised text: a file read again must give the same.
    public var sha256: String
    /// Removed with `document remove` (and not imported again since): reread refuses it.
    public var withdrawn = false
}

/// What `document reread` changed (or, for a dry run, would change) in one document.
public struct RereadChange: Sendable, Encodable {
    /// One status step, as the diff shows it.
    public struct Step: Sendable, Encodable, Equatable {
        public var eventID: Int64?
        public var personID: Int64
        public var person: String
        public var status: String
        public var date: String?
        public var dateAfter: String?
        public var dateBefore: String?
        public var step: Int?
        public var tense: String?
        public var section: String
        public var cue: String?

        enum CodingKeys: String, CodingKey {
            case person, status, date, step, tense, section, cue
            case eventID = "event_id", personID = "person_id", dateAfter = "date_after", dateBefore = "date_before"
        }
    }

    /// A release call, as the diff shows it.
    public struct Call: Sendable, Encodable, Equatable {
        public var personID: Int64
        public var person: String
        public var section: String

        enum CodingKeys: String, CodingKey {
            case person, section
            case personID = "person_id"
        }
    }

    public var documentID: Int64
    public var document: String
    public var version: String
    public var dryRun: Bool
    /// Steps the current rules read that were not stored: recorded now.
    public var added: [Step] = []
    /// Steps stored that the current rules no longer read: retracted (they stay in the history).
    public var retracted: [Step] = []
    /// Steps read the same way as before: kept as they were.
    public var kept = 0
    /// Persons the current rules find that the document was not linked to before.
    public var personsAdded: [String] = []
    public var releaseCallsAdded: [Call] = []
    /// Release calls no longer read: kept, since a release call is not retracted (listed for review).
    public var releaseCallsNotRead: [Call] = []
    public var warnings: [String] = []
    /// Claims read anew that match one a person rejected before (person, kind, value, passage): rejected again, as on import.
    public var rejectedAsBefore = 0

    public var changed: Bool { !added.isEmpty || !retracted.isEmpty || !personsAdded.isEmpty || !releaseCallsAdded.isEmpty }

    enum CodingKeys: String, CodingKey {
        case document, version, added, retracted, kept, warnings
        case documentID = "document_id", dryRun = "dry_run", personsAdded = "persons_added"
        case releaseCallsAdded = "release_calls_added", releaseCallsNotRead = "release_calls_not_read"
        case rejectedAsBefore = "rejected_as_before"
    }
}

extension CaseDatabase {
    /// The documents `DOC` names: a document id, a document's number (`P9_TA(2023)0123`), or a
    /// procedure that only one document has (a motion and its adopted text share one: then the
    /// error lists both). With `all`, every document, oldest import first.
    public func storedDocuments(_ query: String?, all: Bool = false) throws -> [StoredDocument] {
        try writer.read { db in
            func documents(_ condition: String, _ arguments: StatementArguments) throws -> [StoredDocument] {
                try Row.fetchAll(db, sql: """
                    SELECT id, COALESCE(procedure, title) AS name, source_file, text, adopted, sha256,
                           \(ClaimReviews.withdrawnSQL(document: "document.id")) AS withdrawn
                    FROM document WHERE \(condition) ORDER BY id
                    """, arguments: arguments).map {
                    StoredDocument(id: $0["id"], name: $0["name"], sourceFile: $0["source_file"], text: $0["text"], adopted: $0["adopted"],
                                   sha256: $0["sha256"], withdrawn: $0["withdrawn"])
                }
            }
            if all { return try documents("1", []) }
            let query = (query ?? "").trimmingWhitespace()
            if !query.isEmpty, query.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(query) {
                let found = try documents("id = ?", [id])
                if !found.isEmpty { return found }
            }
            let byReference = try documents("reference = ? COLLATE NOCASE", [query])
            if !byReference.isEmpty { return byReference }
            let byProcedure = try Row.fetchAll(db, sql: """
                SELECT id, kind, reference FROM document WHERE procedure = ? COLLATE NOCASE ORDER BY id
                """, arguments: [query])
            if byProcedure.count == 1 { return try documents("id = ?", [byProcedure[0]["id"] as Int64]) }
            if byProcedure.count > 1 {
                throw CaseStoreError.ambiguousDocument(query: query, choices: byProcedure.map { row in
                    "\(row["id"] as Int64) (\(row["kind"] as String? ?? "kind unknown")\((row["reference"] as String?).map { ", \($0)" } ?? ""))"
                })
            }
            let known = try String.fetchAll(db, sql: "SELECT DISTINCT procedure FROM document WHERE procedure IS NOT NULL")
            throw CaseStoreError.unknownDocumentSuggesting(procedure: query, suggestions: Suggestions.closest(to: query, among: known))
        }
    }

    /// Reads a stored document again with `extraction` (its text extracted by the current
    /// rules), in one audited transaction: status steps no longer read are retracted (reason
    /// "re-read with casetrack VERSION"; they stay in the history), steps read anew are added,
    /// and steps read the same way are kept as they are. Persons the document was not linked to
    /// join their identities as import joins them; release calls read anew are added.
    ///
    /// A step is the same when its person, status, dating (own date, bounds, tense), place in
    /// the story, section, cue and sentence are: a step read with a different date or place is
    /// retracted and recorded again, since a recorded event never changes.
    public func reread(_ document: StoredDocument, extraction: Extraction, version: String, dryRun: Bool = false,
                       by recorder: Recorder) throws -> RereadChange {
        var change = RereadChange(documentID: document.id, document: document.name, version: version, dryRun: dryRun)
        return try auditedIfChanged("document reread", by: recorder) { db in
            // A removed document's claims are all rejected: reading it again would bring nothing back but confusion.
            if try ClaimReviews.isWithdrawn(document: document.id, in: db) {
                throw CaseStoreError.documentRemoved(document: document.name, id: document.id)
            }
            var reader = Rereader(db: db, document: document, extraction: extraction, recorder: recorder, change: change)
            try reader.run()
            change = reader.change
            // As on import: a claim read anew that a person rejected before (same person, kind, value
            // and passage) is rejected again. Kept claims keep their review rows as they are.
            if change.changed {
                change.rejectedAsBefore = try ClaimReviews.applyRememberedRejections(document: document.id, by: recorder.name,
                                                                                      at: reader.now, in: db)
            }
            let summary = "re-read \(document.name) (document \(document.id)) with casetrack \(version): \(change.added.count) steps added, "
                + "\(change.retracted.count) retracted, \(change.kept) kept; \(change.personsAdded.count) persons and "
                + "\(change.releaseCallsAdded.count) release calls added"
                + (change.rejectedAsBefore > 0 ? "; \(change.rejectedAsBefore) claims rejected again as a person rejected them before" : "")
            return (change, dryRun || !change.changed ? nil : summary)
        }
    }
}

/// One re-read's work inside its transaction.
struct Rereader {
    let db: Database
    let document: StoredDocument
    let extraction: Extraction
    let recorder: Recorder
    var change: RereadChange
    let now = Timestamp.now()

    /// What makes two stated steps the same.
    struct Key: Hashable {
        var person: Int64
        var status: String
        var date: String?
        var after: String?
        var before: String?
        var tense: String?
        var step: Int?
        var section: Int64
        var cue: String?
        var sentence: String?
    }

    mutating func run() throws {
        var sections: [String: Int64] = [:]
        var labels: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, label FROM section WHERE document_id = ?", arguments: [document.id]) {
            sections[row["label"]] = row["id"]
            labels[row["id"]] = row["label"]
        }
        // Offsets and labels are the stored text's only if the text read is the same.
        guard extraction.document.sha256 == document.sha256 else { throw CaseStoreError.textReadsDifferently(document: document.name) }
        let persons = try resolvePersons(sections: sections)
        var names: [Int64: String] = [:]
        func name(_ id: Int64) throws -> String {
            if let known = names[id] { return known }
            let found = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [id]) ?? "person \(id)"
            names[id] = found
            return found
        }

        // Status steps: what is stored, then what the current rules read.
        var stored: [Key: [Int64]] = [:]
        var storedSteps: [Int64: RereadChange.Step] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT e.* FROM status_event e JOIN section s ON s.id = e.section_id
            WHERE s.document_id = ? AND e.evidence = 'stated'
              AND NOT EXISTS (SELECT 1 FROM status_retraction r WHERE r.event_id = e.id)
            ORDER BY e.id
            """, arguments: [document.id]) {
            let id: Int64 = row["id"], person: Int64 = row["person_id"], section: Int64 = row["section_id"]
            let key = Key(person: person, status: row["status"], date: row["date"], after: row["date_after"], before: row["date_before"],
                          tense: row["tense"], step: row["step"], section: section, cue: row["cue"], sentence: row["sentence"])
            stored[key, default: []].append(id)
            storedSteps[id] = RereadChange.Step(eventID: id, personID: person, person: try name(person), status: key.status, date: key.date,
                                                dateAfter: key.after, dateBefore: key.before, step: key.step, tense: key.tense,
                                                section: labels[section] ?? "?", cue: key.cue)
        }
        var importer = Importer(db: db, extraction: extraction, recorder: recorder,
                                summary: ImportSummary(file: document.sourceFile, procedure: extraction.document.procedure, title: extraction.document.title))
        importer.documentID = document.id
        importer.sectionIDs = sections
        importer.personIDs = persons
        for status in extraction.statuses where status.supersededBy == nil {
            guard let person = persons[status.person], let section = sections[status.section] else {
                change.warnings.append("\(status.person), \(status.status): section \(status.section) is not a section of the stored document; not read")
                continue
            }
            let dating = StatusDating(status)
            let key = Key(person: person, status: status.status, date: status.date?.description, after: dating.after?.description,
                          before: dating.before?.description, tense: dating.tense, step: dating.step, section: section, cue: status.cue,
                          sentence: status.sentence)
            if var ids = stored[key], !ids.isEmpty {
                ids.removeFirst()
                stored[key] = ids
                change.kept += 1
                continue
            }
            let before = importer.summary.warnings.count
            try importer.insertStatus(status)
            change.warnings += importer.summary.warnings[before...]
            change.added.append(RereadChange.Step(eventID: db.lastInsertedRowID, personID: person, person: try name(person), status: status.status,
                                                  date: key.date, dateAfter: key.after, dateBefore: key.before, step: key.step, tense: key.tense,
                                                  section: status.section, cue: status.cue))
        }
        let reason = "re-read with casetrack \(change.version)"
        for id in stored.values.flatMap({ $0 }).sorted() {
            try db.execute(sql: "INSERT INTO status_retraction (event_id, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [id, reason, recorder.name, now])
            if let step = storedSteps[id] { change.retracted.append(step) }
        }

        // Release calls: added when read anew; one no longer read is listed, not removed.
        var calls: Set<[Int64]> = []
        for row in try Row.fetchAll(db, sql: """
            SELECT r.person_id, r.section_id FROM release_call r JOIN section s ON s.id = r.section_id WHERE s.document_id = ?
            """, arguments: [document.id]) {
            calls.insert([row["person_id"], row["section_id"]])
        }
        var read: Set<[Int64]> = []
        for call in extraction.releaseCalls {
            guard let person = persons[call.person] else { continue }
            for label in [call.section] + call.also {
                guard let section = sections[label] else { continue }
                read.insert([person, section])
                if !calls.contains([person, section]) {
                    try db.execute(sql: "INSERT OR IGNORE INTO release_call (person_id, section_id) VALUES (?, ?)", arguments: [person, section])
                    calls.insert([person, section])
                    change.releaseCallsAdded.append(.init(personID: person, person: try name(person), section: label))
                }
            }
        }
        for pair in calls.subtracting(read).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            change.releaseCallsNotRead.append(.init(personID: pair[0], person: try name(pair[0]), section: labels[pair[1]] ?? "?"))
        }
    }

    /// Each extracted person's identity: the one its mentions in this document are linked to
    /// (following merges), else a person this document names under the same name, else the
    /// identity import would join it to (or a new one, with its mentions).
    mutating func resolvePersons(sections: [String: Int64]) throws -> [String: Int64] {
        var found: [String: Int64] = [:]
        var unknown: [Extraction.PersonEntity] = []
        for person in extraction.persons {
            var id: Int64?
            for mention in person.mentions where id == nil {
                guard let section = sections[mention.section] else { continue }
                if let linked = try Int64.fetchOne(db, sql: """
                    SELECT person_id FROM mention WHERE section_id = ? AND start_offset = ? AND end_offset = ? AND person_id IS NOT NULL LIMIT 1
                    """, arguments: [section, mention.start, mention.end]) {
                    id = try PersonResolver.follow(id: linked, in: db)?.id
                }
            }
            for form in [person.name] + person.aliases where id == nil {
                id = try Int64.fetchOne(db, sql: """
                    SELECT DISTINCT a.person_id FROM person_alias a
                    JOIN mention m ON m.person_id = a.person_id JOIN section s ON s.id = m.section_id
                    WHERE a.match_key = ? AND s.document_id = ? LIMIT 1
                    """, arguments: [NameKey.matchKey(form), document.id]).flatMap { try PersonResolver.follow(id: $0, in: db)?.id }
            }
            if let id { found[person.name] = id } else { unknown.append(person) }
        }
        if !unknown.isEmpty {
            var newcomers = extraction
            newcomers.persons = unknown
            var importer = Importer(db: db, extraction: newcomers, recorder: recorder,
                                    summary: ImportSummary(file: document.sourceFile, procedure: extraction.document.procedure, title: extraction.document.title))
            importer.documentID = document.id
            importer.sectionIDs = sections
            try importer.insertPersons()
            for person in unknown {
                if let id = importer.personIDs[person.name] { found[person.name] = id }
                change.personsAdded.append(person.name)
            }
            change.warnings += importer.summary.reviews.map { "\($0.name) / \($0.existing): \($0.reason) (casetrack person review)" }
        }
        return found
    }
}
