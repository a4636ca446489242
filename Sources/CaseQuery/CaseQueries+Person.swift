import CaseIngest
import CaseStore
import GRDB

/// A person's identity: name, other names and the user's note.
public struct PersonIdentity: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var aliases: [String]
    public var note: String?
}

/// One status event as shown to users, retracted or not.
public struct StatusEventView: Sendable, Equatable, Encodable {
    public struct Retraction: Sendable, Equatable, Encodable {
        public var reason: String
        public var by: String
        public var at: String
    }

    public var id: Int64
    public var status: String
    /// Its own date, or the date of the resolution that reports it; nil for an undated step.
    public var date: String?
    /// `event` (its own date), `adopted` (its resolution's), `procedure-year` (only the year is known),
    /// `bounded` (an undated step placed between `date_after` and `date_before`), `not stated`.
    public var dateBasis: String?
    /// An undated step's bounds (either may be nil: open).
    public var dateAfter: String?
    public var dateBefore: String?
    /// Its place in the person's story within its resolution, from 1.
    public var step: Int?
    /// `present` (a situation as of the resolution), `past`, or nil (not worked out).
    public var tense: String?
    /// The date as every answer words it (``StepDateWording``).
    public var when: String
    public var sentence: String?
    public var place: String?
    public var note: String?
    public var cue: String?
    public var evidence: String
    public var source: SourceRef
    public var recordedBy: String
    public var recordedAt: String
    public var retracted: Retraction?
    /// `unreviewed`, `confirmed` or `rejected` (see `casetrack review`).
    public var review: String = ReviewState.unreviewed.rawValue
    /// Why a person rejected it, when they did.
    public var rejected: Retraction?
    /// What the current-status rule reads.
    var facts: StatusStep

    /// Counts in answers: neither retracted nor rejected.
    public var standing: Bool { retracted == nil && rejected == nil }

    enum CodingKeys: String, CodingKey {
        case id, status, date, step, tense, when, sentence, place, note, cue, evidence, source, retracted, review, rejected
        case recordedBy = "recorded_by", recordedAt = "recorded_at", dateBasis = "date_basis"
        case dateAfter = "date_after", dateBefore = "date_before"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(date, forKey: .date)
        try container.encode(dateBasis, forKey: .dateBasis)
        try container.encodeIfPresent(dateAfter, forKey: .dateAfter)
        try container.encodeIfPresent(dateBefore, forKey: .dateBefore)
        try container.encodeIfPresent(step, forKey: .step)
        try container.encodeIfPresent(tense, forKey: .tense)
        try container.encode(when, forKey: .when)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(place, forKey: .place)
        try container.encode(note, forKey: .note)
        try container.encode(cue, forKey: .cue)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(source, forKey: .source)
        try container.encode(recordedBy, forKey: .recordedBy)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encode(retracted, forKey: .retracted)
        try container.encode(review, forKey: .review)
        try container.encode(rejected, forKey: .rejected)
    }
}

/// A charge as shown to users.
public struct ChargeView: Sendable, Equatable, Encodable {
    public var id: Int64
    public var instrument: String
    public var article: String
    public var stage: String
    public var evidence: String
    public var date: String?
    public var because: String?
    public var source: SourceRef
    /// `unreviewed`, `confirmed` or `rejected`.
    public var review: String = ReviewState.unreviewed.rawValue
}

/// A person's tie to an organisation.
public struct MembershipView: Sendable, Equatable, Encodable {
    public var organisation: String
    public var role: String
    public var source: SourceRef
    /// `unreviewed`, `confirmed` or `rejected`.
    public var review: String = ReviewState.unreviewed.rawValue
}

/// A place where a resolution names the person.
public struct MentionView: Sendable, Equatable, Encodable {
    public var document: String
    public var adopted: String?
    public var section: String
    public var text: String
    public var role: String?
}

/// Everything `person show` prints.
public struct PersonDetail: Sendable, Equatable, Encodable {
    public var person: PersonIdentity
    public var currentStatus: StatusEventView?
    public var events: [StatusEventView]
    public var charges: [ChargeView]
    public var organisations: [MembershipView]
    public var mentions: [MentionView]

    enum CodingKeys: String, CodingKey {
        case person, events, charges, organisations, mentions
        case currentStatus = "current_status"
    }
}

extension CaseQueries {
    /// One person with all that is known of them.
    public func person(_ query: String, reviewedOnly: Bool = false) throws -> PersonDetail {
        try read { db in
            let person = try PersonResolver.resolve(query, in: db)
            let id = person.id ?? 0
            let events = try Self.statusEvents(personID: id, in: db)
            return PersonDetail(
                person: try Self.identity(person, in: db),
                currentStatus: try Self.current(events, reviewedOnly: reviewedOnly, in: db),
                events: events.filter { !reviewedOnly || $0.review == "confirmed" },
                charges: try Self.charges(personID: id, in: db).filter { $0.review != "rejected" && (!reviewedOnly || $0.review == "confirmed") },
                organisations: try Self.memberships(personID: id, in: db).filter { $0.review != "rejected" && (!reviewedOnly || $0.review == "confirmed") },
                mentions: try Self.mentions(personID: id, in: db))
        }
    }

    static func identity(_ person: Person, in db: Database) throws -> PersonIdentity {
        let aliases = try String.fetchAll(cached: db, sql: """
            SELECT alias FROM person_alias WHERE person_id = ? AND alias <> ? ORDER BY id
            """, arguments: [person.id, person.name])
        return PersonIdentity(id: person.id ?? 0, name: person.name, aliases: aliases, note: person.note)
    }

    /// The event that stands, by ``StatusRule``, among events in story order: neither
    /// retracted nor rejected (with `reviewedOnly`, confirmed).
    static func current(_ events: [StatusEventView], reviewedOnly: Bool = false, in db: Database) throws -> StatusEventView? {
        let counted = events.filter { $0.standing && (!reviewedOnly || $0.review == "confirmed") }
        let standing = try StatusRule.current(counted.map(\.facts), document: StatusRule.Documents(db).callAsFunction)
        return standing.flatMap { step in events.first { $0.id == step.id } }
    }

    /// One person's status events with their effective dates and retractions.
    public static let statusEventsSQL = """
        SELECT e.*, r.reason AS r_reason, r.recorded_by AS r_by, r.recorded_at AS r_at,
               cr.decision AS review, cr.reason AS cr_reason, cr.recorded_by AS cr_by, cr.recorded_at AS cr_at
        FROM status_event_dated e
        LEFT JOIN status_retraction r ON r.event_id = e.id
        LEFT JOIN claim_review cr ON cr.id = (SELECT max(c2.id) FROM claim_review c2 WHERE c2.claim_kind = 'status' AND c2.claim_id = e.id)
        WHERE e.person_id = ?
        ORDER BY e.effective_start, e.id
        """

    /// All of a person's status events in story order (``StatusRule``), retracted ones included.
    static func statusEvents(personID: Int64, in db: Database) throws -> [StatusEventView] {
        let events = try Row.fetchAll(cached: db, sql: statusEventsSQL, arguments: [personID]).map { row in
            let reason: String? = try row[checked: "r_reason"], note: String? = try row[checked: "note"], evidence: String = try row[checked: "evidence"]
            // A status read from a call for release is presumed from that call: inferred, whatever the extractor stored.
            let inferred = evidence == "stated" && note == Extraction.StatusCue.releaseCallNote
            let basis: String? = try row[checked: "date_basis"]
            let effectiveDate: String? = try row[checked: "effective_date"]
            // A database of an earlier schema, read as it is, has no steps or bounds yet.
            func optional<Value: DatabaseValueConvertible>(_ column: String) throws -> Value? {
                row.hasColumn(column) ? try row[checked: column] as Value? : nil
            }
            let after: String? = try optional("date_after"), before: String? = try optional("date_before")
            let own: String? = try row[checked: "date"]
            let review: String = try row[checked: "review"] ?? ReviewState.unreviewed.rawValue
            let facts = try StatusStep(
                id: row[checked: "id"], status: row[checked: "status"], effectiveStart: row[checked: "effective_start"], effectiveDate: effectiveDate,
                section: row[checked: "section_id"], step: optional("step"), ownDate: own != nil, tense: optional("tense"),
                after: after, before: before, inferred: note == Extraction.StatusCue.releaseCallNote, review: review)
            // An undated step has no date to show: its bounds say where it stands.
            let shown = basis == "bounded" || basis == "not stated" ? nil : effectiveDate
            return try StatusEventView(
                id: facts.id, status: facts.status, date: shown, dateBasis: basis, dateAfter: after, dateBefore: before,
                step: facts.step, tense: facts.tense, when: StepDateWording.text(date: shown, basis: basis, after: after, before: before),
                sentence: row[checked: "sentence"],
                place: row[checked: "place"], note: note, cue: row[checked: "cue"], evidence: inferred ? "inferred" : evidence,
                source: SourceRef(row: row), recordedBy: row[checked: "recorded_by"], recordedAt: row[checked: "recorded_at"],
                retracted: reason.map { try StatusEventView.Retraction(reason: $0, by: row[checked: "r_by"], at: row[checked: "r_at"]) },
                review: review,
                rejected: review == "rejected" ? StatusEventView.Retraction(reason: try row[checked: "cr_reason"] ?? "", by: row[checked: "cr_by"], at: row[checked: "cr_at"]) : nil,
                facts: facts)
        }
        let documents = StatusRule.Documents(db)
        let order = try StatusRule.ordered(events.map(\.facts), document: documents.callAsFunction).map(\.id)
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) })
        return order.compactMap { byID[$0] }
    }

    static func charges(personID: Int64, in db: Database) throws -> [ChargeView] {
        try Row.fetchAll(cached: db, sql: """
            SELECT c.*, i.name AS instrument, p.article, \(SourceRef.columns), \(ClaimReviews.stateSQL(.charge, id: "c.id")) AS review
            FROM charge c JOIN provision p ON p.id = c.provision_id JOIN instrument i ON i.id = p.instrument_id
            \(SourceRef.joins(on: "c"))
            WHERE c.person_id = ?
            ORDER BY COALESCE(c.date_start, src_d.adopted, '9999'), c.id
            """, arguments: [personID]).map(chargeView)
    }

    static func chargeView(_ row: Row) throws -> ChargeView {
        try ChargeView(id: row[checked: "id"], instrument: row[checked: "instrument"], article: row[checked: "article"], stage: row[checked: "stage"],
                   evidence: row[checked: "evidence"], date: row[checked: "date"], because: row[checked: "because"], source: SourceRef(row: row),
                   review: row.hasColumn("review") ? row[checked: "review"] : ReviewState.unreviewed.rawValue)
    }

    static func memberships(personID: Int64, in db: Database) throws -> [MembershipView] {
        try Row.fetchAll(cached: db, sql: """
            SELECT o.name, m.role, m.source_text, \(SourceRef.columns), \(ClaimReviews.stateSQL(.membership, id: "m.id")) AS review
            FROM membership m JOIN organisation o ON o.id = m.organisation_id
            \(SourceRef.joins(on: "m"))
            WHERE m.person_id = ? ORDER BY m.id
            """, arguments: [personID]).map { row in
            try MembershipView(organisation: row[checked: "name"], role: row[checked: "role"], source: SourceRef(row: row), review: row[checked: "review"])
        }
    }

    static func mentions(personID: Int64, in db: Database) throws -> [MentionView] {
        try Row.fetchAll(cached: db, sql: """
            SELECT COALESCE(d.procedure, d.title) AS document, d.adopted, s.label, m.text, m.role
            FROM mention m JOIN section s ON s.id = m.section_id JOIN document d ON d.id = s.document_id
            WHERE m.person_id = ?
            ORDER BY COALESCE(d.adopted, '9999'), d.id, s.ordinal, m.start_offset
            """, arguments: [personID]).map { row in
            try MentionView(document: row[checked: "document"], adopted: row[checked: "adopted"], section: row[checked: "label"],
                        text: row[checked: "text"], role: row[checked: "role"])
        }
    }
}
