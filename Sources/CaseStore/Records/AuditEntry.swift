import GRDB

/// One write: who, when, which command, what it did.
public struct AuditEntry: Sendable, Equatable, SnakeCaseRecord {
    public static let databaseTableName = "audit_log"
    public var id: Int64?
    public var at: String
    public var by: String
    public var command: String
    public var summary: String
    /// SHA-256 over the previous entry's chain and this entry (see ``AuditTrail``).
    public var chain: String?
    /// SHA-256 over the seals of the rows this entry's write changed (see ``RowSeals``); nil before migration 0008.
    public var rowsDigest: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
