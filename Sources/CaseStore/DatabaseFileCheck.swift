import CaseSchema
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What an existing file holds, as SQLite sees it (the `-wal` included).
enum DatabaseFileState: Equatable {
    /// No schema at all: a file casetrack created and has not filled yet.
    case empty
    /// casetrack's schema; `pending` lists the migrations still to apply.
    case casetrack(pending: [String])
}

/// Checks an existing file before casetrack reads or writes it.
enum DatabaseFileCheck {
    /// Throws unless `path` is empty or an SQLite database that casetrack
    /// created and this version can read. Opens the file read-only: never
    /// writes to it.
    ///
    /// The mark is read through SQLite, not from the file's first bytes:
    /// after a crash the committed header may be only in the `-wal`.
    ///
    /// The file is never opened with a descriptor of casetrack's own, only
    /// through SQLite (and looked at with `stat`/`access`): closing any
    /// descriptor of a file drops every POSIX lock the process holds on it,
    /// the locks of this process's open SQLite connections included, and
    /// another process would then take the file for unused and delete the
    /// `-wal` that holds their commits. SQLite keeps one set of locks per file
    /// for all its connections in a process and defers closing a descriptor
    /// while another connection holds a lock, so this check is safe while
    /// the same file is open elsewhere in the process.
    static func inspect(_ path: String) throws -> DatabaseFileState {
        guard access(path, R_OK) == 0 else {
            if let target = CaseDatabase.danglingLink(path) {
                throw CaseStoreError.cannotOpen(path: path, reason: "it is a symbolic link to \(target), which does not exist")
            }
            throw CaseStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        let walIsEmpty = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0) == 0
        if size == 0, walIsEmpty { return .empty }
        // Before SQLite reads the file with its -wal: another database's -wal must never be applied.
        try WriteAheadLog.reconcile(path)
        // Anything else is SQLite's to read: a file that is not SQLite fails
        // with SQLITE_NOTADB, which `translating` reports as not a database.
        var config = Configuration()
        config.readonly = true
        // Another casetrack may be checkpointing or writing this very moment: wait, as every connection does.
        config.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in try state(of: db, path: path) }
        } catch CaseStoreError.foreignDatabase where !walIsEmpty {
            // The -wal may be another database's (copied or restored beside this file): say so.
            throw CaseStoreError.foreignWAL(path: path, reason: "with it applied the file is not casetrack's database")
        } catch let error as CaseStoreError {
            throw error
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: path)
        }
    }

    /// The state of an open database; throws for a file that is not casetrack's
    /// or was written by a newer casetrack.
    static func state(of db: Database, path: String) throws -> DatabaseFileState {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if applicationID != CaseDatabase.applicationID {
            // An SQLite file with no schema at all is still ours to fill.
            if objects == 0, applicationID == 0 { return .empty }
            throw CaseStoreError.foreignDatabase(path: path)
        }
        // casetrack's mark without casetrack's record of its schema: not ours.
        guard try db.tableExists("grdb_migrations") else { throw CaseStoreError.foreignDatabase(path: path) }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let known = SchemaMigrations.all.map(\.identifier)
        if !applied.isSubset(of: Set(known)) { throw CaseStoreError.newerDatabase(path: path) }
        // The first migration is committed together with the mark; without it the file is not ours.
        guard let first = known.first, applied.contains(first) else { throw CaseStoreError.foreignDatabase(path: path) }
        return .casetrack(pending: known.filter { !applied.contains($0) })
    }
}
