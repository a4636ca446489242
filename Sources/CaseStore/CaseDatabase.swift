import CaseSchema
import Foundation
import GRDB

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

    init(writer: any DatabaseWriter, path: String, migrate: Bool = true) throws {
        self.writer = writer
        self.path = path
        // Migrating only when needed keeps a read-only command from writing at all.
        if migrate { try Self.migrator.migrate(writer) }
    }

    /// An empty database in memory, for tests.
    public static func inMemory() throws -> CaseDatabase {
        try CaseDatabase(writer: DatabaseQueue(configuration: configuration()), path: ":memory:")
    }

    /// Opens the database at `path`, creating it (owner-only) with the schema
    /// when it does not exist yet.
    ///
    /// A file that is not SQLite, an SQLite file casetrack did not create, or
    /// a database written by a newer casetrack is refused before anything is
    /// written to it.
    public static func open(path: String, readOnly: Bool = false) throws -> CaseDatabase {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        var upToDate = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CaseStoreError.isDirectory(path: path) }
            upToDate = try DatabaseFileCheck.requireCasetrackFile(at: path)
            // The owner's write bit counts even for root: a file made read-only stays unwritten.
            if !isWritable(path) {
                guard readOnly, upToDate else { throw CaseStoreError.readOnlyDatabase(path: path) }
                return try openReadOnly(path: path)
            }
        } else {
            try createEmptyFile(at: path)
        }
        do {
            // One connection is all a command needs. (A DatabasePool would also
            // write a probe table on every open, and a failed command must
            // leave the file byte-for-byte as it was.)
            var config = configuration()
            config.prepareDatabase { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let queue = try DatabaseQueue(path: path, configuration: config)
            return try CaseDatabase(writer: queue, path: path, migrate: !upToDate)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_READONLY { throw CaseStoreError.readOnlyDatabase(path: path) }
            throw CaseStoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    static func isWritable(_ path: String) -> Bool {
        guard FileManager.default.isWritableFile(atPath: path) else { return false }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int ?? 0o600
        return mode & 0o200 != 0
    }

    /// Reading a database the user made read-only: nothing is written, not even WAL files.
    static func openReadOnly(path: String) throws -> CaseDatabase {
        var config = configuration()
        config.readonly = true
        do {
            return try CaseDatabase(writer: DatabaseQueue(path: path, configuration: config), path: path, migrate: false)
        } catch let error as DatabaseError {
            throw CaseStoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// casetrack's mark in the SQLite header (`PRAGMA application_id`): "CTRK".
    static let applicationID: Int32 = 0x4354_524B

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in SchemaMigrations.all {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            }
        }
        return migrator
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
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CaseStoreError.cannotOpen(path: path, reason: "cannot create the file")
        }
    }
}

extension CaseDatabase {
    /// A consistent copy through SQLite's online backup, safe while others
    /// write; the copy is created owner-only and never overwrites a file.
    public func backup(to destination: String) throws {
        if FileManager.default.fileExists(atPath: destination) {
            throw CaseStoreError.backupExists(path: destination)
        }
        try Self.createEmptyFile(at: destination)
        do {
            let target = try DatabaseQueue(path: destination, configuration: Self.configuration())
            try writer.backup(to: target)
            let result = try target.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try target.close()
            guard result == ["ok"] else { throw CaseStoreError.cannotOpen(path: destination, reason: "the copy failed its integrity check") }
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: destination)
            throw CaseStoreError.cannotOpen(path: destination, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
