import CaseIngest
import GRDB

/// What one import did (or, for a dry run, would do).
public struct ImportSummary: Sendable, Encodable {
    public struct Review: Sendable, Encodable {
        public var name: String
        public var existing: String
        public var reason: String
    }

    public var file: String
    public var procedure: String?
    /// `adopted text`, `motion` or `joint motion`, when the text says.
    public var kind: String?
    public var title: String
    public var adopted: String?
    public var adoptedBasis: String?
    public var alreadyImported = false
    public var dryRun = false
    public var documentID: Int64?
    public var sections = 0
    public var personsNew = 0
    public var personsMatched = 0
    public var organisations = 0
    public var provisions = 0
    public var mentions = 0
    public var statuses = 0
    public var charges = 0
    public var memberships = 0
    public var releaseCalls = 0
    public var reviews: [Review] = []
    /// New claims rejected again because a person rejected the same claim before.
    public var rememberedRejections = 0
    /// The document had been removed: importing it again restored it.
    public var restored = false
    /// Persons joined to an identity already known: the name read and the identity's id (the preview lists them).
    public var matched: [String: Int64] = [:]
    /// Earlier documents whose adoption date this one supplied.
    public var backfilled: [String] = []
    public var warnings: [String] = []

    enum CodingKeys: String, CodingKey {
        case file, procedure, kind, title, adopted, sections, organisations, provisions, mentions, statuses, charges
        case memberships, reviews, backfilled, warnings
        case adoptedBasis = "adopted_basis", alreadyImported = "already_imported", dryRun = "dry_run"
        case documentID = "document_id", personsNew = "persons_new", personsMatched = "persons_matched"
        case releaseCalls = "release_calls"
        case rememberedRejections = "remembered_rejections", restored
    }
}

extension CaseDatabase {
    /// Imports one extracted resolution in one transaction: the document and
    /// its sections, entities, mentions, cues, identity links and reviews,
    /// and the audit entry. Importing the same text again changes nothing.
    ///
    /// - Parameters:
    ///   - adopted: the adoption date when the user knows it (`--adopted`).
    ///   - dryRun: do everything, report it, and roll back.
    public func importResolution(
        _ extraction: Extraction, file: String, adopted: PartialDate? = nil, dryRun: Bool = false, by recorder: Recorder
    ) throws -> ImportSummary {
        try OneLineText.require(recorder.name, option: "--by")
        // A file name is not the user's text to fix: stored and logged with its control characters escaped.
        let file = OneLineText.escaped(file)
        var summary = ImportSummary(file: file, procedure: extraction.document.procedure, title: extraction.document.title)
        summary.dryRun = dryRun
        summary.kind = extraction.document.kind?.rawValue
        summary.warnings = extraction.warnings
        try translatingStorageErrors { try writer.writeWithoutTransaction { db in
            // IMMEDIATE: take the write lock at the start, so a second casetrack
            // waits its turn (busy timeout) instead of failing half-way.
            try db.inTransaction(.immediate) {
                let marks = try AuditTrail.marks(in: db)
                var importer = Importer(db: db, extraction: extraction, recorder: recorder, summary: summary)
                try importer.run(file: file, adopted: adopted)
                summary = importer.summary
                if summary.alreadyImported { return .rollback }
                var entry = AuditEntry(at: Timestamp.now(), by: recorder.name, command: "import", summary: importer.auditLine())
                try AuditTrail.append(&entry, since: marks, in: db)
                return dryRun ? .rollback : .commit
            }
        } }
        return summary
    }
}

/// One import's work inside its transaction.
struct Importer {
    let db: Database
    let extraction: Extraction
    let recorder: Recorder
    var summary: ImportSummary
    let now = Timestamp.now()
    var documentID: Int64 = 0
    var sectionIDs: [String: Int64] = [:]
    var personIDs: [String: Int64] = [:]
    var organisationIDs: [String: Int64] = [:]
    var provisionIDs: [String: Int64] = [:]

    init(db: Database, extraction: Extraction, recorder: Recorder, summary: ImportSummary) {
        self.db = db
        self.extraction = extraction
        self.recorder = recorder
        self.summary = summary
    }

    /// Runs a statement compiled once per connection: an import runs the same few hundreds of times.
    func exec(_ sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    mutating func run(file: String, adopted: PartialDate?) throws {
        let document = extraction.document
        if let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, procedure FROM document WHERE sha256 = ?"), arguments: [document.sha256]) {
            // A removed document imported again comes back, its claims unreviewed.
            if try restoreIfWithdrawn(existing["id"]) { return }
            summary.alreadyImported = true
            summary.documentID = existing["id"]
            return
        }
        // A motion and the text adopted from it are two documents of one procedure;
        // two different texts of the same kind (or of unknown kind) are not.
        if let procedure = document.procedure,
           let other = try Row.fetchOne(db.cachedStatement(sql: """
               SELECT source_file, kind FROM document WHERE procedure = ? COLLATE NOCASE AND (kind IS NULL OR ? IS NULL OR kind = ?)
                 AND NOT \(ClaimReviews.withdrawnSQL(document: "document.id"))
               """), arguments: [procedure, document.kind?.rawValue, document.kind?.rawValue]) {
            throw CaseStoreError.differentTextOfDocument(procedure: procedure, existingFile: other["source_file"], kind: other["kind"])
        }
        let (date, basis) = try adoption(given: adopted)
        summary.adopted = date?.description
        summary.adoptedBasis = basis
        try exec("""
            INSERT INTO document (procedure, title, subject_key, adopted, adopted_start, adopted_basis, source_file, sha256, imported_at, imported_by, text,
                                  kind, reference, tabled)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [document.procedure, document.title, DocumentSubject.key(title: document.title), date?.description, date?.start.description, basis,
                             file, document.sha256, now, recorder.name, extraction.text,
                             document.kind?.rawValue, document.reference, document.tabled?.description])
        documentID = db.lastInsertedRowID
        summary.documentID = documentID
        try insertSections()
        try insertProvisions()
        try insertOrganisations()
        try insertPersons()
        try insertMemberships()
        try insertCharges()
        try insertStatuses()
        try insertReleaseCalls()
        try backfillCitedDocuments()
        summary.rememberedRejections = try ClaimReviews.applyRememberedRejections(document: documentID, by: recorder.name, at: now, in: db)
    }

    func auditLine() -> String {
        let name = summary.procedure ?? summary.title
        return "imported \(summary.file) as \(name): \(summary.sections) sections, \(summary.personsNew) new and "
            + "\(summary.personsMatched) known persons, \(summary.statuses) statuses, \(summary.charges) charges, "
            + "\(summary.reviews.count) identity reviews"
            + (summary.backfilled.isEmpty ? "" : "; dated \(summary.backfilled.joined(separator: ", "))")
    }

    // MARK: - Dates

    /// `--adopted`, else the text, else a citing resolution already imported,
    /// else the year of the procedure number.
    func adoption(given: PartialDate?) throws -> (PartialDate?, String?) {
        if let given { return (given, "option") }
        if let stated = extraction.document.adopted { return (stated, "text") }
        let subject = DocumentSubject.key(title: extraction.document.title)
        if let date = try citedDate(subject: subject) { return (date, "cited") }
        if let procedure = extraction.document.procedure, let year = Int(procedure.prefix(4)),
           let date = try? PartialDate(year: year) {
            return (date, "procedure-year")
        }
        return (nil, nil)
    }

    /// The date under which an imported resolution cites a resolution on this subject.
    func citedDate(subject: String) throws -> PartialDate? {
        guard !subject.isEmpty else { return nil }
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT date FROM document_citation WHERE subject_key = ?"), arguments: [subject])
        let procedureYear = extraction.document.procedure.flatMap { Int($0.prefix(4)) }
        for row in rows {
            guard let date = try? PartialDate(parsing: row["date"] as String) else { continue }
            if let procedureYear, date.year != procedureYear { continue }
            return date
        }
        return nil
    }

    /// This document's citations date earlier ones known only by their procedure year.
    mutating func backfillCitedDocuments() throws {
        for cite in extraction.document.cites {
            let key = DocumentSubject.key(subject: cite.subject)
            try exec("INSERT INTO document_citation (document_id, date, subject, subject_key) VALUES (?, ?, ?, ?)",
                           arguments: [documentID, cite.date.description, cite.subject, key])
            let candidates = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, procedure, title FROM document
                WHERE subject_key = ? AND id <> ? AND (adopted_basis IS NULL OR adopted_basis = 'procedure-year')
                """), arguments: [key, documentID])
            for row in candidates {
                let title: String = row["title"]
                let procedure: String? = row["procedure"]
                if let year = procedure.flatMap({ Int($0.prefix(4)) }), year != cite.date.year { continue }
                try exec("UPDATE document SET adopted = ?, adopted_start = ?, adopted_basis = 'cited' WHERE id = ?",
                               arguments: [cite.date.description, cite.date.start.description, row["id"] as Int64])
                summary.backfilled.append("\(procedure ?? title) as \(cite.date)")
            }
        }
    }

    // MARK: - Sections and entities

    mutating func insertSections() throws {
        let scalars = Array(extraction.text.unicodeScalars)
        for (ordinal, section) in extraction.document.sections.enumerated() {
            let start = max(0, min(section.start, scalars.count)), end = max(start, min(section.end, scalars.count))
            let text = String(String.UnicodeScalarView(scalars[start..<end]))
            try exec("""
                INSERT INTO section (document_id, label, kind, ordinal, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [documentID, section.label, section.kind.rawValue, ordinal, start, end, text])
            sectionIDs[section.label] = db.lastInsertedRowID
        }
        summary.sections = extraction.document.sections.count
    }

    func section(_ label: String) throws -> Int64 {
        guard let id = sectionIDs[label] else { throw CaseStoreError.unknownSection(procedure: summary.procedure ?? summary.title, label: label) }
        return id
    }

    mutating func insertMention(_ mention: Extraction.Mention, person: Int64? = nil, organisation: Int64? = nil, provision: Int64? = nil) throws {
        try exec("""
            INSERT INTO mention (section_id, person_id, organisation_id, provision_id, text, start_offset, end_offset, role)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [try section(mention.section), person, organisation, provision, mention.text, mention.start, mention.end, mention.role])
        summary.mentions += 1
    }

    static func provisionKey(_ instrument: String, _ article: String) -> String { "\(instrument)\u{1F}\(article)" }

    mutating func insertProvisions() throws {
        for provision in extraction.provisions {
            let instrumentID: Int64
            if let id = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT i.id FROM instrument i WHERE i.name = ?
                UNION SELECT a.instrument_id FROM instrument_alias a WHERE a.match_key = ? LIMIT 1
                """), arguments: [provision.instrument, ProvisionNames.instrumentKey(provision.instrument)]) {
                instrumentID = id
            } else {
                try exec("INSERT INTO instrument (name) VALUES (?)", arguments: [provision.instrument])
                instrumentID = db.lastInsertedRowID
            }
            for alias in [provision.instrument] + provision.instrumentAliases {
                try exec("INSERT OR IGNORE INTO instrument_alias (instrument_id, alias, match_key) VALUES (?, ?, ?)",
                               arguments: [instrumentID, alias, ProvisionNames.instrumentKey(alias)])
            }
            try exec("INSERT OR IGNORE INTO provision (instrument_id, article) VALUES (?, ?)", arguments: [instrumentID, provision.article])
            let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM provision WHERE instrument_id = ? AND article = ?"),
                                        arguments: [instrumentID, provision.article]) ?? 0
            provisionIDs[Self.provisionKey(provision.instrument, provision.article)] = id
            for mention in provision.mentions { try insertMention(mention, provision: id) }
        }
        summary.provisions = extraction.provisions.count
    }

    mutating func insertOrganisations() throws {
        for organisation in extraction.organisations {
            let forms = [organisation.name] + organisation.aliases
            // A full name matches across documents; an acronym alone only with the same full name.
            var id = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT organisation_id FROM organisation_alias WHERE match_key = ? AND is_acronym = 0 ORDER BY organisation_id LIMIT 1
                """), arguments: [NameKey.matchKey(organisation.name)])
            if id == nil, organisation.name.allSatisfy({ $0.isUppercase || !$0.isLetter }) {
                id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT organisation_id FROM organisation_alias WHERE match_key = ? LIMIT 1"),
                                        arguments: [NameKey.matchKey(organisation.name)])
            }
            let organisationID: Int64
            if let id {
                organisationID = id
                if let kind = organisation.kind {
                    try exec("UPDATE organisation SET kind = ? WHERE id = ? AND kind IS NULL", arguments: [kind, id])
                }
            } else {
                try exec("INSERT INTO organisation (name, kind, created_at) VALUES (?, ?, ?)",
                               arguments: [organisation.name, organisation.kind, now])
                organisationID = db.lastInsertedRowID
            }
            for form in forms {
                let acronym = form != organisation.name && form.count <= 8 && form.allSatisfy { $0.isUppercase || !$0.isLetter }
                try exec("""
                    INSERT OR IGNORE INTO organisation_alias (organisation_id, alias, match_key, is_acronym) VALUES (?, ?, ?, ?)
                    """, arguments: [organisationID, form, NameKey.matchKey(form), acronym])
            }
            organisationIDs[organisation.name] = organisationID
            for mention in organisation.mentions { try insertMention(mention, organisation: organisationID) }
        }
        summary.organisations = extraction.organisations.count
    }

    /// Each extracted person joins the identity it safely matches (same name
    /// in any order, or one transliterated word), or becomes a new identity;
    /// a close call with an identity from another document goes to review.
    /// Candidates come from indexed keys, so the cost does not grow with the database.
    mutating func insertPersons() throws {
        var createdHere: Set<Int64> = []
        for person in extraction.persons {
            let forms = [person.name] + person.aliases
            var match: Int64?
            for form in forms where match == nil {
                match = try Int64.fetchAll(db.cachedStatement(sql: """
                    SELECT a.person_id FROM person_alias a JOIN person p ON p.id = a.person_id
                    WHERE a.match_key = ? AND p.merged_into_id IS NULL ORDER BY a.person_id
                    """), arguments: [NameKey.matchKey(form)]).first { !createdHere.contains($0) }
            }
            for form in forms where match == nil {
                let tokens = NameKey.tokens(form)
                match = try candidates(sql: "a.variant_key = ?", [NameKey.variantKey(form)]).first { candidate in
                    !createdHere.contains(candidate.id) && IdentityRules.compare(tokens: tokens, NameKey.tokens(candidate.alias)) == .same
                }?.id
            }
            let personID: Int64
            if let match {
                personID = match
                summary.personsMatched += 1
                summary.matched[person.name] = match
            } else {
                try exec("INSERT INTO person (name, created_at) VALUES (?, ?)", arguments: [person.name, now])
                personID = db.lastInsertedRowID
                summary.personsNew += 1
                try queueReviews(for: personID, name: person.name, forms: forms, skipping: createdHere)
                createdHere.insert(personID)
            }
            for form in forms { try CaseDatabase.addAlias(form, to: personID, in: db) }
            personIDs[person.name] = personID
            for mention in person.mentions { try insertMention(mention, person: personID) }
        }
    }

    func candidates(sql condition: String, _ arguments: [String]) throws -> [(id: Int64, alias: String, name: String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.person_id, a.alias, p.name FROM person_alias a JOIN person p ON p.id = a.person_id
            WHERE \(condition) AND p.merged_into_id IS NULL ORDER BY a.person_id
            """), arguments: StatementArguments(arguments)).map { (id: $0["person_id"], alias: $0["alias"], name: $0["name"]) }
    }

    /// Close calls with identities from earlier documents, unless a user already decided.
    mutating func queueReviews(for personID: Int64, name: String, forms: [String], skipping createdHere: Set<Int64>) throws {
        var reviewed: Set<Int64> = []
        for form in forms {
            let tokens = NameKey.tokens(form)
            guard !tokens.isEmpty else { continue }
            let placeholders = Array(repeating: "?", count: tokens.count).joined(separator: ", ")
            for known in try candidates(sql: "a.family_key IN (\(placeholders))", tokens)
            where !reviewed.contains(known.id) && !createdHere.contains(known.id) && known.id != personID {
                guard case .closeCall(let reason) = IdentityRules.compare(tokens: tokens, NameKey.tokens(known.alias)) else { continue }
                reviewed.insert(known.id)
                let (low, high) = known.id < personID ? (known.id, personID) : (personID, known.id)
                try exec("""
                    INSERT OR IGNORE INTO identity_review (person_id, other_person_id, reason, created_at) VALUES (?, ?, ?, ?)
                    """, arguments: [low, high, reason, now])
                summary.reviews.append(.init(name: name, existing: known.name, reason: reason))
            }
        }
    }

    func person(_ name: String) throws -> Int64 {
        guard let id = personIDs[name] else { throw CaseStoreError.unknownPerson(query: name, suggestions: []) }
        return id
    }

    // MARK: - Cues

    mutating func insertMemberships() throws {
        for membership in extraction.memberships {
            guard let organisationID = organisationIDs[membership.organisation] else { continue }
            try exec("""
                INSERT INTO membership (person_id, organisation_id, role, section_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [try person(membership.person), organisationID, membership.role, try section(membership.section), recorder.name, now])
            summary.memberships += 1
        }
    }

    mutating func insertCharges() throws {
        for charge in extraction.charges {
            guard let provisionID = provisionIDs[Self.provisionKey(charge.instrument, charge.article)] else { continue }
            let personID = try charge.subject.person.map(person)
            let organisationID = charge.subject.organisation.flatMap { organisationIDs[$0] }
            let group = personID == nil && organisationID == nil ? charge.subject.group : nil
            guard personID != nil || organisationID != nil || group != nil else { continue }
            try exec("""
                INSERT INTO charge (person_id, organisation_id, provision_id, stage, evidence, section_id, because,
                                    via_organisation_id, cue, subject_group, subject_count, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [personID, organisationID, provisionID, charge.stage, charge.evidence, try section(charge.section),
                                 charge.because, charge.via.flatMap { organisationIDs[$0] }, charge.cue, group,
                                 group == nil ? nil : charge.subject.count, recorder.name, now])
            summary.charges += 1
        }
    }

    /// A stated status keeps the date written next to its cue; without one it
    /// speaks as of the document's adoption, which a later resolution may still supply.
    mutating func insertStatuses() throws {
        for status in extraction.statuses where status.supersededBy == nil {
            try insertStatus(status)
        }
    }

    /// One stated step, with how its date is known (``StatusDating``) and its place in the story.
    mutating func insertStatus(_ status: Extraction.StatusCue) throws {
        let dating = StatusDating(status)
        if let problem = dating.problem {
            summary.warnings.append("\(status.person), \(status.status) (\(status.section)): \(problem)")
        }
        try exec("""
            INSERT INTO status_event (person_id, status, date, date_start, evidence, section_id, cue, note, sentence, recorded_by, recorded_at,
                                      date_after, date_before, step, tense)
            VALUES (?, ?, ?, ?, 'stated', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [try person(status.person), status.status, status.date?.description, status.date?.start.description,
                             try section(status.section), status.cue, status.note, status.sentence, recorder.name, now,
                             dating.after?.description, dating.before?.description, dating.step, dating.tense])
        summary.statuses += 1
    }

    mutating func insertReleaseCalls() throws {
        for call in extraction.releaseCalls {
            for label in [call.section] + call.also {
                try exec("INSERT OR IGNORE INTO release_call (person_id, section_id) VALUES (?, ?)",
                         arguments: [try person(call.person), try section(label)])
            }
            summary.releaseCalls += 1
        }
    }
}

/// How a stated step's date is known, as stored: its own date; a present-tense
/// situation (as of the resolution); bounds of an undated past step; or a past
/// step whose date is not stated. Bounds that contradict the rest (beside an own
/// date or a present tense, or a lower bound after the upper) are not stored,
/// and `problem` says why.
public struct StatusDating: Sendable, Equatable {
    public var after: PartialDate?
    public var before: PartialDate?
    public var step: Int?
    /// `present`, `past`, or nil when the extraction did not work it out.
    public var tense: String?
    public var problem: String?

    public init(_ status: Extraction.StatusCue) {
        after = status.dateAfter
        before = status.dateBefore
        step = status.step.flatMap { $0 >= 1 ? $0 : nil }
        if status.present {
            tense = "present"
        } else if status.date != nil || status.step != nil || after != nil || before != nil {
            tense = "past"
        }
        if after != nil || before != nil {
            if status.date != nil {
                problem = "bounds beside the step's own date were not stored"
            } else if status.present {
                problem = "bounds of a present-tense situation were not stored"
            } else if let after, let before, after.start > before.end {
                problem = "its lower bound \(after) is after its upper bound \(before): neither was stored"
            }
            if problem != nil { after = nil; before = nil }
        }
    }
}

/// What a resolution is about, comparable between its title and a later
/// resolution's citation of it (`its resolution of 11 February 2021 on the
/// human rights situation in Freedonia`).
public enum DocumentSubject {
    public static func key(title: String) -> String {
        var words = NameKey.fold(title).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if let index = words.firstIndex(of: "resolution") { words.removeFirst(index + 1) }
        if let on = words.firstIndex(of: "on"), on <= 6 { words.removeFirst(on + 1) }
        return key(words)
    }

    public static func key(subject: String) -> String {
        var words = NameKey.fold(subject).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if words.first == "on" { words.removeFirst() }
        return key(words)
    }

    static func key(_ words: [String]) -> String {
        words.filter { !["the", "a", "an", "rsp"].contains($0) && !$0.allSatisfy(\.isNumber) }.joined(separator: " ")
    }
}
