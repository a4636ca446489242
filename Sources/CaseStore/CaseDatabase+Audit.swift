import GRDB

extension CaseDatabase {
    /// Runs `body` in one transaction and logs it in the audit log in the
    /// same transaction: either both happen or neither does.
    func audited<T>(
        _ command: String, by recorder: Recorder,
        _ body: (Database) throws -> (value: T, summary: String)
    ) throws -> T {
        try writer.write { db in
            let (value, summary) = try body(db)
            var entry = AuditEntry(at: Timestamp.now(), by: recorder.name, command: command, summary: summary)
            try entry.insert(db)
            return value
        }
    }
}
