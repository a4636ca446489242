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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
