import CaseIngest
import GRDB

/// What the importer read and a person may confirm or reject: a status event,
/// a charge, a membership or a release call.
public enum ClaimKind: String, Sendable, CaseIterable, Codable {
    case status, charge, membership, release

    /// The letter of its typed id: `s12` is status event 12.
    public var letter: Character {
        switch self {
        case .status: return "s"
        case .charge: return "c"
        case .membership: return "m"
        case .release: return "r"
        }
    }

    /// The table that holds this kind of claim.
    public var table: String {
        switch self {
        case .status: return "status_event"
        case .charge: return "charge"
        case .membership: return "membership"
        case .release: return "release_call"
        }
    }

    public var noun: String {
        switch self {
        case .status: return "status event"
        case .charge: return "charge"
        case .membership: return "membership"
        case .release: return "release call"
        }
    }
}

/// A claim's id in the one namespace of every kind: `s12` (status event 12),
/// `c4` (charge 4), `m5` (membership 5), `r3` (release call 3).
public struct ClaimID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public var kind: ClaimKind
    public var id: Int64

    public init(kind: ClaimKind, id: Int64) {
        self.kind = kind
        self.id = id
    }

    /// Reads `s12`, `C4`; nil for anything else.
    public init?(_ text: String) {
        let text = text.trimmingWhitespace().lowercased()
        guard let first = text.first, let kind = ClaimKind.allCases.first(where: { $0.letter == first }),
              let id = Int64(text.dropFirst()), id > 0 else { return nil }
        self.init(kind: kind, id: id)
    }

    public var description: String { "\(kind.letter)\(id)" }

    public static func < (a: ClaimID, b: ClaimID) -> Bool {
        (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ClaimID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a claim id: \(text)"))
        }
        self = id
    }
}

/// A claim's review state: the latest review row, else unreviewed.
public enum ReviewState: String, Sendable, Codable {
    case unreviewed, confirmed, rejected
}

/// What went wrong with a review command, in one sentence with its fix.
public enum ClaimReviewError: Error, CustomStringConvertible, Equatable {
    case badClaimID(String)
    case unknownClaim(ClaimID)
    case withdrawnDocument(ClaimID, document: String)
    case unknownDocument(String)
    case ambiguousDocument(String, choices: [String])
    case alreadyWithdrawn(String)
    case nothingToCorrect(ClaimID)
    case correctionNotSupported(ClaimID, option: String)
    case alreadyRejected(ClaimID)
    case unknownOrganisation(String)
    case emptyReason(command: String)
    case correctionSameAsClaim(ClaimID)

    public var description: String {
        switch self {
        case .badClaimID(let text):
            return "'\(text)' is not a claim id: give a letter and a number, e.g. s12 (status event), c4 (charge), m5 (membership) or r3 (release call), as 'casetrack review' lists them."
        case .unknownClaim(let id):
            return "There is no \(id.kind.noun) \(id.id) (\(id)); list the claims with 'casetrack review'."
        case .withdrawnDocument(let id, let document):
            return "\(id) comes from \(document), which was removed; import that text again to review its claims."
        case .unknownDocument(let text):
            return "No imported document is '\(text)': give its id, its number or its procedure, as 'casetrack documents' lists them."
        case .ambiguousDocument(let text, let choices):
            return "'\(text)' names \(choices.count) documents: give one of \(choices.joined(separator: "; "))."
        case .alreadyWithdrawn(let document):
            return "\(document) is already removed; nothing was changed."
        case .nothingToCorrect(let id):
            return "Say what is right about \(id): give at least one of the correcting options (see 'casetrack review correct --help')."
        case .correctionNotSupported(let id, let option):
            return "\(option) does not apply to \(id) (a \(id.kind.noun)); see 'casetrack review correct --help' for what each kind takes."
        case .correctionSameAsClaim(let id):
            return "The correction says what \(id) already says; nothing was changed: give what is different (or confirm \(id))."
        case .emptyReason(let command):
            return "\(command) needs a reason: add --reason TEXT saying why."
        case .unknownOrganisation(let name):
            return "No organisation is named '\(name)': give a name as 'casetrack organisations' lists it."
        case .alreadyRejected(let id):
            return "\(id) is already rejected; confirm it first if the rejection was wrong, then correct it."
        }
    }
}

/// A correction: the right claim in place of a wrong one. Only the fields
/// given change; the rest is copied from the wrong claim.
public struct ClaimCorrection: Sendable {
    public var person: String?
    public var status: CaseStatus?
    public var date: PartialDate?
    public var article: String?
    public var instrument: String?
    public var stage: ChargeStage?
    public var organisation: String?
    public var role: String?
    public var reason: String?

    public init(person: String? = nil, status: CaseStatus? = nil, date: PartialDate? = nil, article: String? = nil,
                instrument: String? = nil, stage: ChargeStage? = nil, organisation: String? = nil, role: String? = nil,
                reason: String? = nil) {
        self.person = person
        self.status = status
        self.date = date
        self.article = article
        self.instrument = instrument
        self.stage = stage
        self.organisation = organisation
        self.role = role
        self.reason = reason
    }

    var isEmpty: Bool {
        person == nil && status == nil && date == nil && article == nil && instrument == nil && stage == nil && organisation == nil && role == nil
    }
}

/// What a review command did.
public struct ClaimReviewOutcome: Sendable, Encodable {
    /// Claims whose state changed.
    public var changed: [ClaimID]
    /// Claims already in the asked state: nothing written for them.
    public var unchanged: [ClaimID]
    /// For a correction: the claim recorded instead.
    public var corrected: ClaimID?
    /// For `confirm --document` and `document remove`: the document.
    public var document: String?

    enum CodingKeys: String, CodingKey { case changed, unchanged, corrected, document }
}

/// SQL and writes shared by the review commands, the importer and the queries.
public enum ClaimReviews {
    /// SQL for a claim's review state, for a claim of `kind` whose id is the
    /// column `idColumn`: one search of the `claim_review_claim` index.
    public static func stateSQL(_ kind: ClaimKind, id idColumn: String) -> String {
        "COALESCE((SELECT cr.decision FROM claim_review cr WHERE cr.claim_kind = '\(kind.rawValue)' AND cr.claim_id = \(idColumn) ORDER BY cr.id DESC LIMIT 1), 'unreviewed')"
    }

    /// Each claim of `kind` that has a review row, with its latest state (no row: unreviewed).
    public static func states(_ kind: ClaimKind, in db: Database) throws -> [Int64: ReviewState] {
        var states: [Int64: ReviewState] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT claim_id, decision FROM claim_review WHERE claim_kind = ? ORDER BY id", arguments: [kind.rawValue])
        while let row = try rows.next() {
            states[row[0]] = ReviewState(rawValue: row[1]) ?? .unreviewed
        }
        return states
    }

    /// The latest review of one claim.
    public static func state(of claim: ClaimID, in db: Database) throws -> ReviewState {
        let decision = try String.fetchOne(db, sql: "SELECT decision FROM claim_review WHERE claim_kind = ? AND claim_id = ? ORDER BY id DESC LIMIT 1",
                                           arguments: [claim.kind.rawValue, claim.id])
        return decision.flatMap(ReviewState.init(rawValue:)) ?? .unreviewed
    }

    /// Appends one review row.
    static func record(_ claim: ClaimID, _ decision: ReviewState, origin: String, reason: String? = nil, correctedBy: ClaimID? = nil,
                       by recorder: String, at: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO claim_review (claim_kind, claim_id, decision, reason, origin, corrected_by, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [claim.kind.rawValue, claim.id, decision.rawValue, reason, origin, correctedBy?.description, recorder, at])
    }

    /// A claim a user records is confirmed by its author.
    static func confirmByAuthor(_ claim: ClaimID, by recorder: String, at: String, in db: Database) throws {
        try record(claim, .confirmed, origin: "author", by: recorder, at: at, in: db)
    }

    /// The document a claim was read from (nil for a user's record from free text).
    static func documentID(of claim: ClaimID, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT s.document_id FROM \(claim.kind.table) x JOIN section s ON s.id = x.section_id WHERE x.id = ?",
                           arguments: [claim.id])
    }

    static func exists(_ claim: ClaimID, in db: Database) throws -> Bool {
        try Int64.fetchOne(db, sql: "SELECT id FROM \(claim.kind.table) WHERE id = ?", arguments: [claim.id]) != nil
    }

    /// SQL: is the document with id `column` withdrawn?
    public static func withdrawnSQL(document column: String) -> String {
        "COALESCE((SELECT w.action FROM document_withdrawal w WHERE w.document_id = \(column) ORDER BY w.id DESC LIMIT 1), 'restored') = 'withdrawn'"
    }

    static func isWithdrawn(document id: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT \(withdrawnSQL(document: "?"))", arguments: [id]) ?? false
    }

    /// Every claim an import of `documentID` recorded (not users' records citing it), in id order.
    static func importedClaims(document documentID: Int64, in db: Database) throws -> [ClaimID] {
        var claims: [ClaimID] = []
        for kind in ClaimKind.allCases {
            let evidence = kind == .status || kind == .charge ? "AND x.evidence <> 'recorded'" : ""
            let recorded = kind == .membership ? "AND x.source_text IS NULL" : ""
            let ids = try Int64.fetchAll(db, sql: """
                SELECT x.id FROM \(kind.table) x JOIN section s ON s.id = x.section_id
                WHERE s.document_id = ? \(evidence) \(recorded) ORDER BY x.id
                """, arguments: [documentID])
            claims += ids.map { ClaimID(kind: kind, id: $0) }
        }
        return claims
    }

    /// The text a claim is matched by across imports: the section's words,
    /// folded, without its label, so a renumbered paragraph still matches.
    static func quoteKey(_ sectionText: String) -> String {
        var words = NameKey.fold(sectionText).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        // The label of the section (`4.`, `AB.`): short, at the start.
        if let first = words.first, first.count <= 3 { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// What identifies a claim across imports: person (or subject), kind,
    /// value and quote; never its section or document.
    static func matchKey(_ claim: ClaimID, in db: Database) throws -> String? {
        let sql: String
        switch claim.kind {
        case .status:
            sql = "SELECT 'status', x.person_id, x.status, COALESCE(x.date, ''), s.text FROM status_event x JOIN section s ON s.id = x.section_id WHERE x.id = ?"
        case .charge:
            sql = """
                SELECT 'charge', COALESCE(x.person_id, -x.organisation_id, x.subject_group), x.provision_id || ' ' || x.stage, COALESCE(x.date, ''), s.text
                FROM charge x JOIN section s ON s.id = x.section_id WHERE x.id = ?
                """
        case .membership:
            sql = "SELECT 'membership', x.person_id, x.organisation_id || ' ' || x.role, '', s.text FROM membership x JOIN section s ON s.id = x.section_id WHERE x.id = ?"
        case .release:
            sql = "SELECT 'release', x.person_id, '', '', s.text FROM release_call x JOIN section s ON s.id = x.section_id WHERE x.id = ?"
        }
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [claim.id]) else { return nil }
        let subject: DatabaseValue = row[1]
        return [row[0] as String, subject.description, row[2] as String, row[3] as String, quoteKey(row[4] as String)].joined(separator: "\u{1F}")
    }

    /// Claims that a person rejected, or rejected by correcting them — not those rejected by
    /// removing their document — by their match key, with the rejection.
    static func rememberedRejections(kind: ClaimKind, in db: Database) throws -> [String: (claim: ClaimID, reason: String)] {
        var remembered: [String: (ClaimID, String)] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT cr.claim_id, cr.reason FROM claim_review cr
            WHERE cr.claim_kind = ? AND cr.decision = 'rejected' AND cr.origin IN ('review', 'correct', 'remembered')
              AND cr.id = (SELECT max(r2.id) FROM claim_review r2 WHERE r2.claim_kind = cr.claim_kind AND r2.claim_id = cr.claim_id)
            """, arguments: [kind.rawValue])
        for row in rows {
            let claim = ClaimID(kind: kind, id: row[0])
            if let key = try matchKey(claim, in: db) { remembered[key] = (claim, row[1]) }
        }
        return remembered
    }

    /// After an import: every new claim that matches one a person rejected
    /// before is rejected again, citing that rejection. Returns how many.
    static func applyRememberedRejections(document documentID: Int64, by recorder: String, at: String, in db: Database) throws -> Int {
        // Cheap when nothing was ever rejected by a person.
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM claim_review WHERE decision = 'rejected' AND origin IN ('review', 'correct', 'remembered')") ?? 0 > 0
        else { return 0 }
        var count = 0
        var rememberedByKind: [ClaimKind: [String: (claim: ClaimID, reason: String)]] = [:]
        for claim in try importedClaims(document: documentID, in: db) where try state(of: claim, in: db) == .unreviewed {
            if rememberedByKind[claim.kind] == nil {
                rememberedByKind[claim.kind] = try rememberedRejections(kind: claim.kind, in: db)
            }
            guard let key = try matchKey(claim, in: db), let earlier = rememberedByKind[claim.kind]?[key] else { continue }
            let reason = earlier.reason.hasPrefix("as ") ? earlier.reason : "as \(earlier.claim): \(earlier.reason)"
            try record(claim, .rejected, origin: "remembered", reason: reason, by: recorder, at: at, in: db)
            count += 1
        }
        return count
    }
}

extension Importer {
    /// When the document with this text was removed: restores it and returns
    /// its claims to unreviewed (those a person rejected stay rejected).
    /// False when the document is not removed.
    mutating func restoreIfWithdrawn(_ id: Int64) throws -> Bool {
        guard try ClaimReviews.isWithdrawn(document: id, in: db) else { return false }
        guard let row = try Row.fetchOne(db, sql: "SELECT procedure, kind, adopted, adopted_basis FROM document WHERE id = ?", arguments: [id]) else { return false }
        summary.adopted = row["adopted"]
        summary.adoptedBasis = row["adopted_basis"]
        let procedure: String? = row["procedure"], kind: String? = row["kind"]
        // Another text of the procedure may have been imported in its place.
        if let procedure, let other = try Row.fetchOne(db, sql: """
            SELECT source_file, kind FROM document WHERE procedure = ? COLLATE NOCASE AND id <> ? AND COALESCE(kind, '') = COALESCE(?, '')
              AND NOT \(ClaimReviews.withdrawnSQL(document: "document.id"))
            """, arguments: [procedure, id, kind]) {
            throw CaseStoreError.differentTextOfDocument(procedure: procedure, existingFile: other["source_file"], kind: other["kind"])
        }
        try db.execute(sql: "INSERT INTO document_withdrawal (document_id, action, recorded_by, recorded_at) VALUES (?, 'restored', ?, ?)",
                       arguments: [id, recorder.name, now])
        documentID = id
        summary.documentID = id
        summary.restored = true
        summary.sections = try Int.fetchOne(db, sql: "SELECT count(*) FROM section WHERE document_id = ?", arguments: [id]) ?? 0
        for claim in try ClaimReviews.importedClaims(document: id, in: db) {
            let origin = try String.fetchOne(db, sql: "SELECT origin FROM claim_review WHERE claim_kind = ? AND claim_id = ? ORDER BY id DESC LIMIT 1",
                                             arguments: [claim.kind.rawValue, claim.id])
            guard origin == "document remove" else { continue }
            try ClaimReviews.record(claim, .unreviewed, origin: "reimport", by: recorder.name, at: now, in: db)
            switch claim.kind {
            case .status: summary.statuses += 1
            case .charge: summary.charges += 1
            case .membership: summary.memberships += 1
            case .release: summary.releaseCalls += 1
            }
        }
        summary.warnings.append("this text had been removed; imported again, its claims are back and unreviewed")
        summary.rememberedRejections = try ClaimReviews.applyRememberedRejections(document: id, by: recorder.name, at: now, in: db)
        return true
    }
}

extension ClaimReviews {
    /// A database written before claim review (migration 0010), read without
    /// migrating it (a read never changes the file): empty stand-ins for its
    /// review tables, in this connection's memory only, so that every claim
    /// reads as unreviewed and no document as removed.
    static func standInForOlderSchema(_ db: Database) {
        guard (try? db.tableExists("claim_review")) == false else { return }
        try? db.execute(sql: """
            PRAGMA temp_store = MEMORY;
            CREATE TEMP TABLE claim_review (id INTEGER PRIMARY KEY, claim_kind TEXT, claim_id INTEGER, decision TEXT, reason TEXT,
                                            origin TEXT, corrected_by TEXT, recorded_by TEXT, recorded_at TEXT);
            CREATE TEMP TABLE document_withdrawal (id INTEGER PRIMARY KEY, document_id INTEGER, action TEXT, reason TEXT,
                                                   recorded_by TEXT, recorded_at TEXT);
            """)
    }
}
