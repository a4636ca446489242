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
        try readSnapshot { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit ?? -1]).map { row in
                let id: Int64 = try row.decode(forColumn: "id")
                // Decoded with errors, not traps: a row another tool filled with bytes is named, not a crash.
                func text(_ column: String) throws -> String {
                    do { return try row.decode(forColumn: column) } catch {
                        throw CaseStoreError.unreadableRow(table: "audit_log", row: id, column: column)
                    }
                }
                return AuditLine(id: id, at: try text("at"), by: try text("by"), command: try text("command"), summary: try text("summary"))
            }
        }
    }
}
