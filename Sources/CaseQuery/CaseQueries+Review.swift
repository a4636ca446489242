import CaseStore
import GRDB

/// Two identities that may be one person, awaiting the user's decision.
public struct IdentityReviewItem: Sendable, Equatable, Encodable {
    public var id: Int64
    public var first: PersonIdentity
    public var second: PersonIdentity
    public var reason: String
    /// Where each name is found, so the decision needs no other command.
    public var firstPassages: [Passage]
    public var secondPassages: [Passage]

    /// A sentence of a resolution that names one of the two.
    public struct Passage: Sendable, Equatable, Encodable {
        public var document: String
        public var adopted: String?
        public var section: String
        public var name: String
        public var quote: String
    }

    enum CodingKeys: String, CodingKey {
        case id, first, second, reason
        case firstPassages = "first_passages", secondPassages = "second_passages"
    }
}

extension CaseQueries {
    /// Close calls not yet settled with `person merge` or `person review --keep-apart`.
    public func pendingReviews() throws -> [IdentityReviewItem] {
        try read { db in
            try Row.fetchAll(cached: db, sql: """
                SELECT r.id, r.person_id, r.other_person_id, r.reason FROM identity_review r
                JOIN person a ON a.id = r.person_id JOIN person b ON b.id = r.other_person_id
                WHERE r.decision IS NULL AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
                ORDER BY r.id
                """).compactMap { row in
                guard let first = try Person.fetchOne(db, key: row[checked: "person_id"] as Int64),
                      let second = try Person.fetchOne(db, key: row[checked: "other_person_id"] as Int64)
                else { return nil }
                return try IdentityReviewItem(id: row[checked: "id"], first: try Self.identity(first, in: db),
                                          second: try Self.identity(second, in: db), reason: row[checked: "reason"],
                                          firstPassages: try Self.passages(personID: first.id ?? 0, in: db),
                                          secondPassages: try Self.passages(personID: second.id ?? 0, in: db))
            }
        }
    }
}

extension CaseQueries {
    /// Each place a person is named, with the clause around the name.
    static func passages(personID: Int64, in db: Database) throws -> [IdentityReviewItem.Passage] {
        try Row.fetchAll(cached: db, sql: Self.historyMentionsSQL, arguments: [personID]).map { row in
            let sectionStart: Int = try row[checked: "section_start"]
            return try IdentityReviewItem.Passage(
                document: row[checked: "document"], adopted: row[checked: "adopted"], section: row[checked: "label"], name: row[checked: "text"],
                quote: Self.clause(in: row[checked: "section_text"], from: (row[checked: "start_offset"] as Int) - sectionStart,
                                   to: (row[checked: "end_offset"] as Int) - sectionStart))
        }
    }
}
