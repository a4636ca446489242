import CaseStore
import GRDB

/// One audit-log line.
public struct AuditLine: Sendable, Equatable, Encodable {
    public var id: Int64
    public var at: String
    public var by: String
    public var command: String
    public var summary: String
}

extension CaseQueries {
    /// The audit log, newest first.
    public func auditLog(limit: Int? = nil) throws -> [AuditLine] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit ?? -1]).map { row in
                AuditLine(id: row["id"], at: row["at"], by: row["by"], command: row["command"], summary: row["summary"])
            }
        }
    }
}
