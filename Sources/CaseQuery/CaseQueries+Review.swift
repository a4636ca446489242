import CaseStore
import GRDB

/// Two identities that may be one person, awaiting the user's decision.
public struct IdentityReviewItem: Sendable, Equatable, Encodable {
    public var id: Int64
    public var first: PersonIdentity
    public var second: PersonIdentity
    public var reason: String
}

extension CaseQueries {
    /// Close calls not yet settled with `person merge` or `person review --keep-apart`.
    public func pendingReviews() throws -> [IdentityReviewItem] {
        try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, r.person_id, r.other_person_id, r.reason FROM identity_review r
                JOIN person a ON a.id = r.person_id JOIN person b ON b.id = r.other_person_id
                WHERE r.decision IS NULL AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
                ORDER BY r.id
                """).compactMap { row in
                guard let first = try Person.fetchOne(db, key: row["person_id"] as Int64),
                      let second = try Person.fetchOne(db, key: row["other_person_id"] as Int64)
                else { return nil }
                return IdentityReviewItem(id: row["id"], first: try Self.identity(first, in: db),
                                          second: try Self.identity(second, in: db), reason: row["reason"])
            }
        }
    }
}
