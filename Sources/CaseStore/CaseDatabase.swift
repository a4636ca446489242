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

    /// Closes the connection. When it is the file's last one, SQLite checkpoints the `-wal` into
    /// the file and removes it, so that no leftover `-wal` makes the next command verify it (see
    /// ``WriteAheadLog``). A long-running process (`serve`) calls it when it stops.
    public func close() throws {
        try writer.close()
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
        if let target = danglingLink(path) {
            throw CaseStoreError.cannotOpen(path: path, reason: "it is a symbolic link to \(target), which does not exist")
        }
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

    /// Where `path` points when it is a symbolic link to nothing (followed
    /// to its end), else nil: a write would otherwise create the target, a
    /// read report it missing or unreadable.
    static func danglingLink(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0, errno == ENOENT else { return nil }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing file"
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

    /// Reading: the file is opened read-only (SQLITE_OPEN_READONLY), so a
    /// read never checkpoints: whatever lies beside the file, a reading
    /// command cannot change it. (SQLite may leave the empty `-wal` and the
    /// `-shm` index it needs to read beside the file; the next write, closing
    /// last, removes them.)
    static func openReadOnly(path: String) throws -> CaseDatabase {
        var config = configuration()
        config.readonly = true
        config.prepareDatabase { db in ClaimReviews.standInForOlderSchema(db) }
        do {
            return CaseDatabase(writer: try DatabaseQueue(path: path, configuration: config), path: path)
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: path)
        }
    }

    /// The main file alone, read-only, ignoring a `-wal` beside it: what
    /// `check` reads when that `-wal` is another database's
    /// (``CaseStoreError/foreignWAL(path:reason:)``). It takes no locks:
    /// for a file no other process is writing.
    public static func openFileAlone(path: String) throws -> CaseDatabase {
        do {
            return CaseDatabase(writer: try WriteAheadLog.immutableQueue(path), path: path)
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
                    // The baseline: rows the migrations found or changed come under the audit chain.
                    let seals = try RowSeals.baseline(db)
                    if !seals.isEmpty {
                        let tables = Set(seals.map(\.table)).count
                        var entry = AuditEntry(at: Timestamp.now(), by: "casetrack", command: "migrate",
                                               summary: "sealed \(seals.count) rows of \(tables) tables as they were when migrating to \(pending.last ?? "")")
                        try AuditTrail.append(&entry, seals: seals, since: try AuditTrail.marks(in: db), in: db)
                    }
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: path)
        }
    }

    /// One object of a schema: a table, index, view or trigger.
    public struct SchemaObject: Hashable, Sendable {
        public var type: String
        public var name: String
        public var table: String
    }

    /// Every table, index, view and trigger the given migrations create (in
    /// a fresh database in memory, as `migrate` runs them), with its SQL:
    /// what `check` compares the file's schema with. SQLite's own objects
    /// (`sqlite_%`) are left out.
    public static func expectedSchema(migrations identifiers: [String]) throws -> [SchemaObject: String] {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in SchemaMigrations.all where identifiers.contains(migration.identifier) {
                try db.execute(sql: migration.sql)
            }
            return try schema(of: db)
        }
    }

    /// The schema of `db` (see ``expectedSchema(migrations:)``).
    public static func schema(of db: Database) throws -> [SchemaObject: String] {
        var objects: [SchemaObject: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT type, CAST(name AS BLOB), CAST(tbl_name AS BLOB), CAST(sql AS BLOB) FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%'
            """) {
            func text(_ index: Int) -> String { String(decoding: row[index] as Data? ?? Data(), as: UTF8.self) }
            objects[SchemaObject(type: row[0] as String? ?? "", name: text(1), table: text(2))] = text(3)
        }
        return objects
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
    /// The copy is written under a hidden temporary name beside
    /// `destination` (`.NAME.casetrack-backup-UUID`) and takes its name only
    /// once it passed its integrity check: an interrupted backup never
    /// leaves a partial file under the final name. A backup killed before
    /// it finished leaves its hidden copy behind; the next backup into the
    /// same directory removes such copies (those no running backup holds)
    /// and returns their paths.
    @discardableResult
    public func backup(to destination: String) throws -> [String] {
        if FileManager.default.fileExists(atPath: destination) {
            throw CaseStoreError.backupExists(path: destination)
        }
        let directory = URL(fileURLWithPath: destination).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: directory.path) {
            throw CaseStoreError.cannotOpen(path: destination, reason: "no directory \(directory.path)")
        }
        let removed = Self.removeStaleBackups(in: directory.path)
        let temporary = directory.appendingPathComponent(".\(URL(fileURLWithPath: destination).lastPathComponent)\(Self.backupMarker)\(UUID().uuidString)").path
        // Created and locked at once: the lock tells another backup's clean-up that this copy is in use.
        let lock = Glibc.open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw CaseStoreError.cannotOpen(path: destination, reason: String(cString: strerror(errno))) }
        flock(lock, LOCK_EX)
        // Closed last: closing it while SQLite still had the copy open would drop SQLite's locks on it.
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
            Glibc.close(lock)
        }
        do {
            let target = try DatabaseQueue(path: temporary, configuration: Self.configuration())
            try writer.backup(to: target)
            let result = try target.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try target.close()
            guard result == ["ok"] else { throw CaseStoreError.cannotOpen(path: destination, reason: "the copy failed its integrity check") }
            // The copy reaches the disk before it takes its name.
            fsync(lock)
        } catch let error as DatabaseError {
            throw CaseStoreError.translating(error, path: destination)
        }
        // The copy written is the file locked (no clean-up removed it meanwhile).
        var locked = stat(), named = stat()
        guard fstat(lock, &locked) == 0, stat(temporary, &named) == 0, locked.st_ino == named.st_ino, locked.st_dev == named.st_dev else {
            throw CaseStoreError.cannotOpen(path: destination, reason: "its temporary copy was removed while it was written")
        }
        // link() fails rather than replace a file created meanwhile.
        guard link(temporary, destination) == 0 else {
            if errno == EEXIST { throw CaseStoreError.backupExists(path: destination) }
            throw CaseStoreError.cannotOpen(path: destination, reason: String(cString: strerror(errno)))
        }
        return removed
    }

    /// What names a backup's temporary copy, after `.NAME`.
    static let backupMarker = ".casetrack-backup-"

    /// Removes the hidden copies that killed backups left in `directory`
    /// (with their `-journal`): those whose lock no running backup holds.
    /// Copies named by earlier versions (`.NAME.casetrack-UUID`, no lock)
    /// count only when they are SQLite files. Returns the paths removed.
    static func removeStaleBackups(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        let sidecars = ["-journal", "-wal", "-shm"]
        for name in names.sorted() where name.hasPrefix(".") {
            // A copy's journal files go with it; one whose copy is gone is left over.
            if let suffix = sidecars.first(where: { name.hasSuffix($0) }) {
                let main = directory + "/" + String(name.dropLast(suffix.count))
                if name.contains(backupMarker), !FileManager.default.fileExists(atPath: main) { unlink(directory + "/" + name) }
                continue
            }
            let current = name.range(of: backupMarker)
            let earlier = name.range(of: ".casetrack-")
            guard let marker = current ?? earlier, marker.lowerBound > name.index(after: name.startIndex),
                  UUID(uuidString: String(name[marker.upperBound...])) != nil else { continue }
            let path = directory + "/" + name
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { continue }
            defer { Glibc.close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            if current == nil {
                var header = [UInt8](repeating: 0, count: 16)
                guard read(descriptor, &header, 16) == 16, header == Array("SQLite format 3\0".utf8) else { continue }
            }
            if unlink(path) == 0 {
                removed.append(path)
                for suffix in sidecars { unlink(path + suffix) }
            }
        }
        return removed
    }
}
