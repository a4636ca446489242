import CaseSchema
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The casetrack database: schema, migrations and every write.
///
/// Open a file with ``open(path:)`` or an empty in-memory store with
/// ``inMemory()``. Every write runs in one transaction together with its
/// audit-log entry, so a failed command changes nothing.
public struct CaseDatabase: Sendable {
    /// Access for readers (the query module) and for writes in this module.
    public let writer: any DatabaseWriter
    /// Where the file lives, or `:memory:`.
    public let path: String

    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// An empty database in memory, for tests.
    public static func inMemory() throws -> CaseDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try migrate(queue, path: ":memory:")
        return CaseDatabase(writer: queue, path: ":memory:")
    }

    /// Opens the database at `path` for writing, creating it (owner-only)
    /// with the schema when it does not exist yet; with `readOnly`, opens an
    /// existing database for reading and never creates or changes a file.
    ///
    /// A file that is not SQLite, an SQLite file casetrack did not create, or
    /// a database written by a newer casetrack is refused before anything is
    /// written to it. A missing or empty file is refused for reading.
    public static func open(path: String, readOnly: Bool = false) throws -> CaseDatabase {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue { throw CaseStoreError.isDirectory(path: path) }
        if readOnly {
            guard exists else { throw CaseStoreError.noDatabase(path: path) }
            guard try DatabaseFileCheck.inspect(path) != .empty else { throw CaseStoreError.emptyDatabase(path: path) }
            return try openReadOnly(path: path)
        }
        if !exists { try createEmptyFile(at: path) }
        let state = try DatabaseFileCheck.inspect(path)
        // The owner's write bit counts even for root: a file made read-only stays unwritten.
        if !isWritable(path) { throw CaseStoreError.readOnlyDatabase(path: path) }
        if state == .casetrack(pending: []) { return CaseDatabase(writer: try openQueue(path: path), path: path) }
        // Creating or upgrading: one process at a time, and each re-checks
        // what it finds once it holds the lock (another may have done it).
        return try CreationLock.holding(forFileAt: path) {
            let queue = try openQueue(path: path)
            try migrate(queue, path: path)
            return CaseDatabase(writer: queue, path: path)
        }
    }

    /// One connection: all a command needs. (A DatabasePool would also write
    /// a probe table on every open, and a failed command must leave the file
    /// byte-for-byte as it was.)
    static func openQueue(path: String) throws -> DatabaseQueue {
        var config = configuration()
        config.prepareDatabase { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            return try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: path)
        }
    }

    static func isWritable(_ path: String) -> Bool {
        guard FileManager.default.isWritableFile(atPath: path) else { return false }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int ?? 0o600
        return mode & 0o200 != 0
    }

    /// Another read connection to a file this process already opened with
    /// ``open(path:readOnly:)``, for a long-running reader such as `casetrack serve`.
    ///
    /// It skips the file check: `database` passed it when it was opened.
    /// (The check reads the file only through SQLite, so opening the same
    /// file again with ``open(path:readOnly:)`` is safe too: see
    /// `DatabaseFileCheck.inspect`.)
    public static func openReader(alongside database: CaseDatabase) throws -> CaseDatabase {
        try openReadOnly(path: database.path)
    }

    /// Reading: SQL cannot write (`query_only`); a file the user made
    /// read-only is opened read-only. A writable file gets a read-write
    /// connection all the same, so that, closing last, it removes the `-wal`
    /// and `-shm` files it needed, as a writer does: a read leaves no files behind.
    static func openReadOnly(path: String) throws -> CaseDatabase {
        var config = configuration()
        if isWritable(path) {
            config.prepareDatabase { db in
                ClaimReviews.standInForOlderSchema(db)
                try db.execute(sql: "PRAGMA query_only = 1")
            }
        } else {
            config.readonly = true
            config.prepareDatabase { db in ClaimReviews.standInForOlderSchema(db) }
        }
        do {
            return CaseDatabase(writer: try DatabaseQueue(path: path, configuration: config), path: path)
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: path)
        }
    }

    /// casetrack's mark in the SQLite header (`PRAGMA application_id`): "CTRK".
    static let applicationID: Int32 = 0x4354_524B

    /// Applies the pending migrations in one IMMEDIATE transaction, the mark
    /// first: every committed state of the file is either empty or
    /// recognisably casetrack's. The state is read again inside the
    /// transaction, so a process that lost the race to create the file
    /// finds the schema there and does nothing.
    ///
    /// Applied migrations are recorded in `grdb_migrations`, as earlier
    /// versions (which used GRDB's migrator) did.
    static func migrate(_ queue: DatabaseQueue, path: String) throws {
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let pending: [String]
                    switch try DatabaseFileCheck.state(of: db, path: path) {
                    case .empty: pending = SchemaMigrations.all.map(\.identifier)
                    case .casetrack(let rest): pending = rest
                    }
                    if pending.isEmpty { return .commit }
                    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                    try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                    for migration in SchemaMigrations.all where pending.contains(migration.identifier) {
                        try db.execute(sql: migration.sql)
                        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
                    }
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: path)
        }
    }

    /// Each trigger's SQL as the given migrations create it, by name: what
    /// `check` compares the file's triggers with.
    public static func expectedTriggers(migrations identifiers: [String]) throws -> [String: String] {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            for migration in SchemaMigrations.all where identifiers.contains(migration.identifier) {
                try db.execute(sql: migration.sql)
            }
            return Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
                .map { ($0["name"] as String, $0["sql"] as String) })
        }
    }

    /// The migrations applied to `db`, oldest first.
    public static func appliedMigrations(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        return SchemaMigrations.all.map(\.identifier).filter(applied.contains)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another casetrack writing (an import, a backup) makes us wait, not fail.
        config.busyMode = .timeout(10)
        config.label = "casetrack"
        // Large lists (everyone's status as of a date) read much of the file:
        // memory-map it and allow a bigger page cache (both are upper bounds).
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        if ProcessInfo.processInfo.environment["CASETRACK_TRACE_SQL"] != nil {
            config.prepareDatabase { db in db.trace { FileHandle.standardError.write(Data("SQL: \($0)\n".utf8)) } }
        }
        return config
    }

    /// Creates `path` (and its directory) owner-only, unless it exists:
    /// O_EXCL, so two processes starting at once never replace each other's file.
    static func createEmptyFile(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw CaseStoreError.cannotOpen(path: path, reason: "cannot create the directory \(directory.path)")
        }
        // Created owner-only before SQLite opens it; SQLite gives the -wal and
        // -shm files the same mode.
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            Glibc.close(descriptor)
        } else if errno != EEXIST {
            throw CaseStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

extension CaseDatabase {
    /// A consistent copy through SQLite's online backup, safe while others
    /// write; the copy is created owner-only and never overwrites a file.
    ///
    /// The copy is written under a temporary name beside `destination` and
    /// takes its name only once it passed its integrity check: an
    /// interrupted backup never leaves a partial file under the final name.
    public func backup(to destination: String) throws {
        if FileManager.default.fileExists(atPath: destination) {
            throw CaseStoreError.backupExists(path: destination)
        }
        let directory = URL(fileURLWithPath: destination).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: directory.path) {
            throw CaseStoreError.cannotOpen(path: destination, reason: "no directory \(directory.path)")
        }
        let temporary = directory.appendingPathComponent(".\(URL(fileURLWithPath: destination).lastPathComponent).casetrack-\(UUID().uuidString)").path
        try Self.createEmptyFile(at: temporary)
        defer { for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) } }
        do {
            let target = try DatabaseQueue(path: temporary, configuration: Self.configuration())
            try writer.backup(to: target)
            let result = try target.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try target.close()
            guard result == ["ok"] else { throw CaseStoreError.cannotOpen(path: destination, reason: "the copy failed its integrity check") }
            // The copy reaches the disk before it takes its name.
            let descriptor = Glibc.open(temporary, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { fsync(descriptor); Glibc.close(descriptor) }
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: destination)
        }
        // link() fails rather than replace a file created meanwhile.
        guard link(temporary, destination) == 0 else {
            if errno == EEXIST { throw CaseStoreError.backupExists(path: destination) }
            throw CaseStoreError.cannotOpen(path: destination, reason: String(cString: strerror(errno)))
        }
    }
}

