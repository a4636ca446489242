import CaseIngest
import CaseStore
import GRDB

/// One imported resolution, for `documents`.
public struct DocumentSummary: Sendable, Encodable {
    public var id: Int64
    public var procedure: String?
    /// `adopted text`, `motion` or `joint motion`; nil when the text did not say.
    public var kind: String?
    /// The document's own number: `P9_TA(2023)0123`, `B9-0123/2023`.
    public var reference: String?
    public var title: String
    public var adopted: String?
    public var adoptedBasis: String?
    /// When a motion was tabled, if it says.
    public var tabled: String?
    public var sections: Int
    public var persons: Int
    public var releaseCalls: Int
    public var sourceFile: String
    public var importedAt: String
    /// Withdrawn with `document remove`: its claims count in no answer.
    public var removed = false
    /// Claims its import recorded that no person has confirmed or rejected yet.
    public var unreviewed = 0

    enum CodingKeys: String, CodingKey {
        case id, procedure, kind, reference, title, adopted, tabled, sections, persons, removed, unreviewed
        case adoptedBasis = "adopted_basis", releaseCalls = "release_calls", sourceFile = "source_file", importedAt = "imported_at"
    }
}

/// `compare A B`: who one resolution names that the other does not.
public struct DocumentComparison: Sendable, Encodable {
    public struct Side: Sendable, Encodable {
        public var procedure: String
        public var persons: Int
        public var releaseCalls: Int

        enum CodingKeys: String, CodingKey {
            case procedure, persons
            case releaseCalls = "release_calls"
        }
    }

    public struct Named: Sendable, Encodable, Equatable {
        public var id: Int64
        public var name: String
    }

    public var first: Side
    public var second: Side
    public var onlyInFirst: [Named]
    public var onlyInSecond: [Named]
    public var inBoth: [Named]
    public var releaseCallsOnlyInFirst: [Named]
    public var releaseCallsOnlyInSecond: [Named]
    public var releaseCallsInBoth: [Named]

    enum CodingKeys: String, CodingKey {
        case first, second
        case onlyInFirst = "only_in_first", onlyInSecond = "only_in_second", inBoth = "in_both"
        case releaseCallsOnlyInFirst = "release_calls_only_in_first"
        case releaseCallsOnlyInSecond = "release_calls_only_in_second"
        case releaseCallsInBoth = "release_calls_in_both"
    }
}

extension CaseQueries {
    public func documents() throws -> [DocumentSummary] {
        try read { db in try Self.documentSummaries(where: "1", arguments: [], in: db) }
    }

    /// Documents with their counts, oldest adoption first.
    static func documentSummaries(where condition: String, arguments: StatementArguments, in db: Database) throws -> [DocumentSummary] {
        try Row.fetchAll(db, sql: """
            SELECT d.id, d.procedure, d.kind, d.reference, d.title, d.adopted, d.adopted_basis, d.tabled, d.source_file, d.imported_at,
                   (SELECT count(*) FROM section s WHERE s.document_id = d.id) AS sections,
                   (SELECT count(DISTINCT m.person_id) FROM mention m JOIN section s ON s.id = m.section_id
                    WHERE s.document_id = d.id AND m.person_id IS NOT NULL) AS persons,
                   (SELECT count(*) FROM release_call r JOIN section s ON s.id = r.section_id WHERE s.document_id = d.id) AS calls,
                   \(ClaimReviews.withdrawnSQL(document: "d.id")) AS removed, \(Self.unreviewedCountSQL) AS unreviewed
            FROM document d WHERE \(condition) ORDER BY d.adopted_start, d.id
            """, arguments: arguments).map { row in
            try DocumentSummary(id: row[checked: "id"], procedure: row[checked: "procedure"], kind: row[checked: "kind"], reference: row[checked: "reference"], title: row[checked: "title"],
                            adopted: row[checked: "adopted"], adoptedBasis: row[checked: "adopted_basis"], tabled: row[checked: "tabled"],
                            sections: row[checked: "sections"], persons: row[checked: "persons"],
                            releaseCalls: row[checked: "calls"], sourceFile: row[checked: "source_file"], importedAt: row[checked: "imported_at"],
                            removed: row[checked: "removed"], unreviewed: row[checked: "unreviewed"])
        }
    }

    public func compare(_ first: String, _ second: String) throws -> DocumentComparison {
        try read { db in
            let a = try Self.documentID(first, in: db), b = try Self.documentID(second, in: db)
            func named(_ sql: String, _ document: Int64) throws -> [Named] {
                try Row.fetchAll(db, sql: sql, arguments: [document]).map { try Named(id: $0[checked: "id"], name: $0[checked: "name"]) }
            }
            typealias Named = DocumentComparison.Named
            let mentioned = """
                SELECT DISTINCT p.id, p.name FROM mention m JOIN section s ON s.id = m.section_id JOIN person p ON p.id = m.person_id
                WHERE s.document_id = ? ORDER BY p.name
                """
            let called = """
                SELECT DISTINCT p.id, p.name FROM release_call r JOIN section s ON s.id = r.section_id JOIN person p ON p.id = r.person_id
                WHERE s.document_id = ? ORDER BY s.ordinal, r.id
                """
            let inA = try named(mentioned, a.id), inB = try named(mentioned, b.id)
            let callsA = try named(called, a.id), callsB = try named(called, b.id)
            let idsB = Set(inB.map(\.id)), idsA = Set(inA.map(\.id))
            let callIDsA = Set(callsA.map(\.id)), callIDsB = Set(callsB.map(\.id))
            return DocumentComparison(
                first: .init(procedure: a.name, persons: inA.count, releaseCalls: callsA.count),
                second: .init(procedure: b.name, persons: inB.count, releaseCalls: callsB.count),
                onlyInFirst: inA.filter { !idsB.contains($0.id) }, onlyInSecond: inB.filter { !idsA.contains($0.id) },
                inBoth: inA.filter { idsB.contains($0.id) },
                releaseCallsOnlyInFirst: callsA.filter { !callIDsB.contains($0.id) },
                releaseCallsOnlyInSecond: callsB.filter { !callIDsA.contains($0.id) },
                releaseCallsInBoth: callsA.filter { callIDsB.contains($0.id) })
        }
    }

    static func documentID(_ procedure: String, in db: Database) throws -> (id: Int64, name: String) {
        // A procedure may have a motion and an adopted text: the adopted text speaks for it.
        if let row = try Row.fetchOne(db, sql: """
            SELECT id, COALESCE(procedure, title) AS name FROM document WHERE procedure = ? COLLATE NOCASE
            ORDER BY COALESCE(kind = 'adopted text', 0) DESC, id LIMIT 1
            """, arguments: [procedure.trimmingWhitespace()]) {
            return (try row[checked: "id"], try row[checked: "name"])
        }
        let known = try String.fetchAll(db, sql: "SELECT DISTINCT procedure FROM document WHERE procedure IS NOT NULL ORDER BY id")
        throw CaseQueryError.unknownDocument(procedure: procedure, known: known)
    }
}

/// `release-calls --document DOC`: whom one resolution calls to release, section by section.
public struct ReleaseCallList: Sendable, Encodable {
    public struct Call: Sendable, Encodable, Equatable {
        /// The person as casetrack keeps them now (a merged identity shows the person it was merged into).
        public var personID: Int64
        public var name: String
        /// The recital or paragraph that makes the call.
        public var section: String

        enum CodingKeys: String, CodingKey {
            case name, section
            case personID = "person_id"
        }
    }

    public var document: DocumentSummary
    public var calls: [Call]
}

extension CaseQueries {
    /// Whom the resolution `reference` calls to release, in the order of its sections.
    public func releaseCalls(_ reference: String) throws -> ReleaseCallList {
        try read { db in
            let id = try Self.oneDocument(reference, in: db)
            guard let document = try Self.documentSummaries(where: "d.id = ?", arguments: [id], in: db).first else {
                throw CaseQueryError.unknownDocument(procedure: reference, known: [])
            }
            let calls = try Row.fetchAll(db, sql: """
                SELECT COALESCE(p.merged_into_id, p.id) AS person_id, COALESCE(k.name, p.name) AS name, s.label
                FROM release_call r JOIN section s ON s.id = r.section_id JOIN person p ON p.id = r.person_id
                LEFT JOIN person k ON k.id = p.merged_into_id
                WHERE s.document_id = ? ORDER BY s.ordinal, r.id
                """, arguments: [id]).map { row in
                try ReleaseCallList.Call(personID: row[checked: "person_id"], name: row[checked: "name"], section: row[checked: "label"])
            }
            return ReleaseCallList(document: document, calls: calls)
        }
    }

    /// The one document `reference` names: its id, its own number (`P9_TA(2023)0123`), or its
    /// procedure when only one text of that procedure is imported. A procedure with a motion and an
    /// adopted text is an error listing both, each as something that can be typed instead.
    static func oneDocument(_ reference: String, in db: Database) throws -> Int64 {
        let text = reference.trimmingWhitespace()
        if let id = Int64(text), try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [id]) == true { return id }
        let byNumber = try Int64.fetchAll(db, sql: "SELECT id FROM document WHERE reference = ? COLLATE NOCASE", arguments: [text])
        if byNumber.count == 1, let id = byNumber.first { return id }
        let rows = try Row.fetchAll(db, sql: "SELECT id, reference, kind FROM document WHERE procedure = ? COLLATE NOCASE ORDER BY id", arguments: [text])
        if rows.count == 1 { return try rows[0][checked: "id"] }
        if rows.count > 1 {
            throw CaseQueryError.ambiguousDocument(reference: text, choices: try rows.map { row in
                let id: Int64 = try row[checked: "id"]
                let kind: String? = try row[checked: "kind"]
                let number: String? = try row[checked: "reference"]
                return DocumentChoice(typed: number ?? String(id), kind: kind ?? "text")
            })
        }
        let known = try String.fetchAll(db, sql: "SELECT DISTINCT procedure FROM document WHERE procedure IS NOT NULL ORDER BY id")
        throw CaseQueryError.unknownDocument(procedure: text, known: known)
    }
}

/// One of several documents a reference could mean: what to type for it, and what it is.
public struct DocumentChoice: Sendable, Equatable {
    public var typed: String
    public var kind: String
}
