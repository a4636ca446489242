import Foundation
import GRDB

/// Checks an existing file before casetrack writes to it.
enum DatabaseFileCheck {
    /// Throws unless `path` is empty, or an SQLite database that casetrack
    /// created and this version can read. Reads only; never writes.
    /// Returns true when the schema is already complete (no migration to run).
    static func requireCasetrackFile(at path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CaseStoreError.cannotOpen(path: path, reason: "permission denied")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return false }  // a fresh file: the schema goes in
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw CaseStoreError.notADatabase(path: path)
        }
        // Bytes 68-71 of the header: the application id, big-endian.
        let applicationID = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        var config = Configuration()
        config.readonly = true
        // Another casetrack may be checkpointing or writing this very moment: wait, as every connection does.
        config.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                if applicationID != CaseDatabase.applicationID {
                    // An SQLite file with no schema at all (a first open that
                    // failed before its migration committed) is still ours to fill.
                    let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    if objects > 0 { throw CaseStoreError.foreignDatabase(path: path) }
                    return false
                }
                if try CaseDatabase.migrator.hasBeenSuperseded(db) {
                    throw CaseStoreError.newerDatabase(path: path)
                }
                return try CaseDatabase.migrator.hasCompletedMigrations(db)
            }
        } catch let error as CaseStoreError {
            throw error
        } catch {
            throw CaseStoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }
}
