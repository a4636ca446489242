import GRDB

extension CaseDatabase {
    /// Runs `body` in one transaction and logs it in the audit log in the
    /// same transaction: either both happen or neither does.
    func audited<T>(
        _ command: String, by recorder: Recorder,
        _ body: (Database) throws -> (value: T, summary: String)
    ) throws -> T {
        // Every such body changes something: the same transaction as a body that may not.
        try auditedIfChanged(command, by: recorder) { db in
            let (value, summary) = try body(db)
            return (value, Optional(summary))
        }
    }

    /// Like ``audited(_:by:_:)``, but a body that returns no summary changed
    /// nothing: its transaction is rolled back and no audit entry is written.
    func auditedIfChanged<T>(
        _ command: String, by recorder: Recorder,
        _ body: (Database) throws -> (value: T, summary: String?)
    ) throws -> T {
        try OneLineText.require(recorder.name, option: "--by")
        return try translatingStorageErrors {
            try writer.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    let marks = try AuditTrail.marks(in: db)
                    let (result, summary) = try body(db)
                    value = result
                    guard let summary else { return .rollback }
                    var entry = AuditEntry(at: Timestamp.now(), by: recorder.name, command: command, summary: summary)
                    try AuditTrail.append(&entry, since: marks, in: db)
                    return .commit
                }
                guard let value else { throw CaseStoreError.cannotOpen(path: path, reason: "the write did not complete") }
                return value
            }
        }
    }

    /// Turns SQLite's busy, full-disk and read-only failures into one-sentence errors.
    func translatingStorageErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR:
                throw CaseStoreError.translating(error, path: path)
            default:
                throw error
            }
        }
    }
}
