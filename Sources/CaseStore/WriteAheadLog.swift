import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The `-wal` file beside a database, and whether SQLite may apply it.
///
/// SQLite applies any valid `-wal` it finds beside a file, whichever
/// database wrote it: another database's `-wal`, copied or restored beside a
/// good file, is read as part of it and merged into it by the next
/// checkpoint, which damages the file for good. Nothing in a `-wal` names its
/// database, so casetrack decides from what applying it would do
/// (``reconcile(_:)``), before anything opens the file for writing.
enum WriteAheadLog {
    /// What SQLite would apply from a `-wal` file: its page size and the
    /// frames up to its last valid commit (`committedFrames` 0: nothing).
    struct Contents: Equatable {
        var pageSize: Int
        var committedFrames: Int
    }

    /// Reads the `-wal` at `path` as SQLite's recovery does (header, salts,
    /// cumulative checksums, commit frames): nil when there is no file or no
    /// valid header, which SQLite ignores as well.
    static func contents(at path: String) -> Contents? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 32), header.count == 32 else { return nil }
        let bytes = [UInt8](header)
        func word(_ data: [UInt8], _ offset: Int) -> UInt32 {
            UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16 | UInt32(data[offset + 2]) << 8 | UInt32(data[offset + 3])
        }
        let magic = word(bytes, 0)
        guard magic == 0x377F_0682 || magic == 0x377F_0683, word(bytes, 4) == 3_007_000 else { return nil }
        let pageSize = Int(word(bytes, 8))
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else { return nil }
        let bigEndian = magic & 1 == 1
        var sums: (UInt32, UInt32) = (0, 0)
        func add(_ data: [UInt8], _ range: Range<Int>) {
            var index = range.lowerBound
            while index < range.upperBound {
                let first = bigEndian ? word(data, index) : word(data, index).byteSwapped
                let second = bigEndian ? word(data, index + 4) : word(data, index + 4).byteSwapped
                sums.0 = sums.0 &+ first &+ sums.1
                sums.1 = sums.1 &+ second &+ sums.0
                index += 8
            }
        }
        add(bytes, 0..<24)
        guard sums == (word(bytes, 24), word(bytes, 28)) else { return nil }
        let salts = (word(bytes, 16), word(bytes, 20))
        var frames = 0, committed = 0
        while let frame = try? handle.read(upToCount: 24 + pageSize), frame.count == 24 + pageSize {
            let data = [UInt8](frame)
            guard word(data, 0) > 0, (word(data, 8), word(data, 12)) == salts else { break }
            add(data, 0..<8)
            add(data, 24..<(24 + pageSize))
            guard sums == (word(data, 16), word(data, 20)) else { break }
            frames += 1
            if word(data, 4) != 0 { committed = frames }
        }
        return Contents(pageSize: pageSize, committedFrames: committed)
    }

    /// Whether another process has the database open through SQLite now:
    /// every SQLite connection to a WAL database holds a read lock on the
    /// `-shm` file while it is open. Read from `/proc/locks`, so no
    /// descriptor of ours is opened or closed on the file (closing one
    /// would drop this process's own locks on it). False where `/proc/locks`
    /// cannot be read: the `-wal` is then checked as if no one used it.
    static func inUseByAnotherProcess(_ path: String) -> Bool {
        var info = stat()
        guard stat(path + "-shm", &info) == 0,
              let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return false }
        let device = UInt64(info.st_dev)
        let major = ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF)
        let minor = (device & 0xFF) | ((device >> 12) & ~0xFF)
        let file = String(format: "%02llx:%02llx:%llu", major, minor, UInt64(info.st_ino))
        let me = String(getpid())
        for line in locks.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let index = fields.firstIndex(of: file), index > 0 else { continue }
            if fields[index - 1] != me { return true }
        }
        return false
    }

    /// Throws ``CaseStoreError/foreignWAL(path:reason:)`` when the `-wal`
    /// beside `path` holds commits that no process is using and that do not
    /// continue the file: applying it would change data the file already
    /// holds rather than add to it.
    ///
    /// The file's own `-wal` (left by a crash or a killed command) continues
    /// it: every casetrack write appends one audit entry and changes no
    /// earlier one, so the file's audit log, read from the file alone, is
    /// found unchanged with the `-wal` applied, the schema stays
    /// casetrack's, and SQLite's quick_check passes. Another database's
    /// `-wal` fails one of these (its pages overlay unrelated pages of this
    /// file). A `-wal` another process is using was applied by that process
    /// when it opened the file and is left to it.
    ///
    /// Reads only: the file alone is opened `immutable`, the file with its
    /// `-wal` read-only (SQLite rebuilds the `-shm` index; neither the file
    /// nor the `-wal` is written).
    static func reconcile(_ path: String) throws {
        // Cheapest first: no -wal, or one a running process holds (its frames are read only when no one does).
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
        guard size > 0, !inUseByAnotherProcess(path), let wal = contents(at: path + "-wal"), wal.committedFrames > 0 else { return }
        let alone = try? fileAlone(path)
        if let alone, alone.pageSize != wal.pageSize {
            throw CaseStoreError.foreignWAL(path: path, reason: "its pages are \(wal.pageSize) bytes, the file's \(alone.pageSize)")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: path, configuration: config) } catch let error as DatabaseError {
            throw CaseStoreError.foreignWAL(path: path, reason: "SQLite cannot read the two together: \(error.message ?? "error \(error.resultCode.rawValue)")")
        }
        defer { try? queue.close() }
        let problem: String? = try queue.read { db in
            do {
                _ = try DatabaseFileCheck.state(of: db, path: path)
                let damage = try String.fetchAll(db, sql: "PRAGMA quick_check").filter { $0 != "ok" }
                if let first = damage.first { return "with it applied SQLite finds damage (\(OneLineText.escaped(first)))" }
                guard let alone else { return nil }
                let migrations = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                if !alone.migrations.isSubset(of: migrations) { return "it would undo migrations of the file" }
                let entries = try AuditSnapshot.fetchAll(db, columns: alone.auditColumns)
                let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let changed = alone.audit.filter { byID[$0.id] != $0 }
                if let first = changed.first {
                    return "it would change or remove \(changed.count) of the file's \(alone.audit.count) audit entries, from entry \(first.id) on"
                }
                // Every casetrack write seals the rows it changes in the same commit, so the file's own
                // -wal leaves no row unlike its seal. Another database's pages can keep the audit entries
                // (two files that imported the same text in the same second) and still bring rows no
                // audited write of this file made: more rows unlike their seals than the file alone has.
                let withWAL = Set(try RowSeals.differences(db).map { "\($0.table) \($0.row)" })
                if !withWAL.isEmpty {
                    let fileAlone = try sealDifferencesOfFileAlone(path)
                    let brought = withWAL.subtracting(fileAlone)
                    if !brought.isEmpty {
                        return "with it applied \(brought.count) rows would differ from what the audited writes that made them left"
                    }
                }
                return nil
            } catch let error as CaseStoreError {
                if case .newerDatabase = error { throw error }
                return "with it applied the file is not casetrack's database"
            } catch let error as DatabaseError {
                return "with it applied SQLite cannot read the file (\(error.message ?? "error \(error.resultCode.rawValue)"))"
            }
        }
        if let problem { throw CaseStoreError.foreignWAL(path: path, reason: problem) }
    }

    /// One audit entry as stored: what a later write never changes.
    struct AuditSnapshot: Equatable {
        var id: Int64
        var fields: [DatabaseValue]

        /// The audit log's `columns` (those of the file alone: a migration in
        /// the `-wal` may have added more), every value as stored.
        static func fetchAll(_ db: Database, columns: [String]) throws -> [AuditSnapshot] {
            guard try db.tableExists("audit_log"), !columns.isEmpty else { return [] }
            let list = columns.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ", ")
            return try Row.fetchAll(db, sql: "SELECT id, \(list) FROM audit_log ORDER BY id").map { row in
                AuditSnapshot(id: row[0], fields: Array(row.databaseValues.dropFirst()))
            }
        }
    }

    /// What the main file holds without its `-wal`.
    struct FileAlone {
        var pageSize: Int
        var migrations: Set<String>
        var auditColumns: [String]
        var audit: [AuditSnapshot]
    }

    /// Reads the main file as if there were no `-wal` (SQLite's `immutable`
    /// URI parameter): nil for an empty file; throws when the file alone
    /// cannot be read (a crash in the middle of a checkpoint leaves it so
    /// until its `-wal` is applied).
    static func fileAlone(_ path: String) throws -> FileAlone? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        guard size > 0 else { return nil }
        let queue = try immutableQueue(path)
        defer { try? queue.close() }
        return try queue.read { db in
            let columns = try db.tableExists("audit_log") ? try db.columns(in: "audit_log").map(\.name) : []
            return FileAlone(pageSize: try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                             migrations: try db.tableExists("grdb_migrations") ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : [],
                             auditColumns: columns, audit: try AuditSnapshot.fetchAll(db, columns: columns))
        }
    }

    /// The rows of the main file alone (no `-wal`) that differ from their seals, as `table row`.
    static func sealDifferencesOfFileAlone(_ path: String) throws -> Set<String> {
        let queue = try immutableQueue(path)
        defer { try? queue.close() }
        return Set(try queue.read { db in try RowSeals.differences(db).map { "\($0.table) \($0.row)" } })
    }

    /// A read-only connection to the main file alone, ignoring any `-wal`
    /// and taking no locks: for a file no one else is writing.
    static func immutableQueue(_ path: String) throws -> DatabaseQueue {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: config)
    }
}
