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
        /// Each page those frames hold, to the offset in the `-wal` of its latest image.
        var pages: [UInt32: UInt64] = [:]
        /// The database's size in pages after the last commit.
        var pageCount: UInt32 = 0
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
        var frames = 0, committed = 0, pageCount: UInt32 = 0
        var pages: [UInt32: UInt64] = [:], pending: [UInt32: UInt64] = [:]
        while let frame = try? handle.read(upToCount: 24 + pageSize), frame.count == 24 + pageSize {
            let data = [UInt8](frame)
            guard word(data, 0) > 0, (word(data, 8), word(data, 12)) == salts else { break }
            add(data, 0..<8)
            add(data, 24..<(24 + pageSize))
            guard sums == (word(data, 16), word(data, 20)) else { break }
            pending[word(data, 0)] = UInt64(32 + frames * (24 + pageSize) + 24)
            frames += 1
            if word(data, 4) != 0 {
                committed = frames
                pageCount = word(data, 4)
                pages.merge(pending) { _, later in later }
                pending.removeAll(keepingCapacity: true)
            }
        }
        return Contents(pageSize: pageSize, committedFrames: committed, pages: pages, pageCount: pageCount)
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
    /// The audit entries and sealed rows compared are those on the pages the
    /// `-wal` holds (``WalPages``): no other can differ, so the cost follows
    /// the `-wal`, not the file. When its pages cannot all be placed (a
    /// migration in the `-wal`, or pages SQLite would not have written), the
    /// whole file is compared instead. ``lastCheck`` says which was done.
    ///
    /// Reads only: the file alone is opened `immutable`, the file with its
    /// `-wal` read-only (SQLite rebuilds the `-shm` index; neither the file
    /// nor the `-wal` is written).
    static func reconcile(_ path: String, wholeFile: Bool = false) throws {
        // Cheapest first: no -wal, or one a running process holds (its frames are read only when no one does).
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
        guard size > 0, !inUseByAnotherProcess(path), let wal = contents(at: path + "-wal"), wal.committedFrames > 0 else { return }
        var report = CheckReport(scope: .pages, rowsVerified: 0, pagesRead: 0, wholeFileBecause: nil)
        defer { lastCheck = report }
        let aloneQueue = fileIsEmpty(path) ? nil : try? immutableQueue(path)
        defer { try? aloneQueue?.close() }
        let alone = try? aloneQueue?.read { db in try fileAlone(db) }
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
        let problem: String? = try queue.read { db -> String? in
            do {
                _ = try DatabaseFileCheck.state(of: db, path: path)
                let damage = try String.fetchAll(db, sql: "PRAGMA quick_check").filter { $0 != "ok" }
                if let first = damage.first { return "with it applied SQLite finds damage (\(OneLineText.escaped(first)))" }
                guard let alone, let aloneQueue else { return nil }
                let migrations = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                if !alone.migrations.isSubset(of: migrations) { return "it would undo migrations of the file" }
                return try aloneQueue.read { aloneDB -> String? in
                    let placed = try wholeFile ? WalPages.Outcome.unplaced("asked for") : WalPages.changedRows(path: path, wal: wal, walDB: db, aloneDB: aloneDB)
                    switch placed {
                    case .rows(let rows, let pagesRead):
                        report.pagesRead = pagesRead
                        return try problemOnPages(rows, walDB: db, aloneDB: aloneDB, auditColumns: alone.auditColumns, report: &report)
                    case .unplaced(let reason):
                        report.scope = .wholeFile
                        report.wholeFileBecause = reason
                        return try problemInWholeFile(walDB: db, aloneDB: aloneDB, auditColumns: alone.auditColumns, report: &report)
                    }
                }
            } catch let error as CaseStoreError {
                if case .newerDatabase = error { throw error }
                return "with it applied the file is not casetrack's database"
            } catch let error as DatabaseError {
                return "with it applied SQLite cannot read the file (\(error.message ?? "error \(error.resultCode.rawValue)"))"
            }
        }
        if let problem { throw CaseStoreError.foreignWAL(path: path, reason: problem) }
    }

    /// What the last ``reconcile(_:)`` of this process that read a `-wal`'s
    /// commits verified: for tests and benchmarks, which count work rather
    /// than time it.
    struct CheckReport: Equatable, Sendable {
        enum Scope: Equatable, Sendable { case pages, wholeFile }
        var scope: Scope
        /// Rows whose digest was computed and compared with their seal, both versions counted.
        var rowsVerified: Int
        /// Pages read to place the `-wal`'s pages (zero for the whole file).
        var pagesRead: Int
        /// Why the whole file was compared, if it was.
        var wholeFileBecause: String?
    }

    private static let lastCheckLock = NSLock()
    nonisolated(unsafe) private static var lastCheckValue: CheckReport?
    static var lastCheck: CheckReport? {
        get { lastCheckLock.lock(); defer { lastCheckLock.unlock() }; return lastCheckValue }
        set { lastCheckLock.lock(); defer { lastCheckLock.unlock() }; lastCheckValue = newValue }
    }

    static func auditChanged(_ changed: Int, _ total: Int, _ first: Int64) -> String {
        "it would change or remove \(changed) of the file's \(total) audit entries, from entry \(first) on"
    }

    static func rowsBrought(_ count: Int) -> String {
        "with it applied \(count) rows would differ from what the audited writes that made them left"
    }

    /// The check on the rows of the pages the `-wal` holds (`rows`, by table).
    static func problemOnPages(_ rows: [String: Set<Int64>], walDB: Database, aloneDB: Database, auditColumns: [String],
                               report: inout CheckReport) throws -> String? {
        // The file's audit entries on those pages must be unchanged (no other page can change one).
        if let ids = rows["audit_log"], !ids.isEmpty {
            let before = try AuditSnapshot.fetchAll(aloneDB, columns: auditColumns, ids: ids.sorted())
            let after = Dictionary(try AuditSnapshot.fetchAll(walDB, columns: auditColumns, ids: before.map(\.id)).map { ($0.id, $0) },
                                   uniquingKeysWith: { a, _ in a })
            let changed = before.filter { after[$0.id] != $0 }
            if let first = changed.first {
                return auditChanged(changed.count, try Int.fetchOne(aloneDB, sql: "SELECT count(*) FROM audit_log") ?? 0, first.id)
            }
        }
        guard try RowSeals.enabled(walDB) else { return nil }
        // A seal on those pages names its row: that row too.
        var rows = rows
        if let seals = rows["row_seal"], !seals.isEmpty {
            let list = seals.sorted()
            for db in [aloneDB, walDB] {
                for start in stride(from: 0, to: list.count, by: 500) {
                    let chunk = Array(list[start..<min(list.count, start + 500)])
                    let sql = "SELECT CAST(table_name AS TEXT), row_id FROM row_seal WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))"
                    for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)) {
                        if let table = row[0] as String?, let id = row[1] as Int64? { rows[table, default: []].insert(id) }
                    }
                }
            }
        }
        // Every casetrack write seals the rows it changes in the same commit (see the whole-file check).
        let sealed = Set(try RowSeals.sealedTables(walDB))
        var brought = 0
        for (table, ids) in rows.sorted(by: { $0.key < $1.key }) where sealed.contains(table) {
            let list = ids.sorted()
            let withWAL = try RowSeals.differences(walDB, table: table, rows: list)
            report.rowsVerified += list.count
            guard !withWAL.isEmpty else { continue }
            let fileAlone = try RowSeals.differences(aloneDB, table: table, rows: withWAL.sorted())
            report.rowsVerified += withWAL.count
            brought += withWAL.subtracting(fileAlone).count
        }
        return brought > 0 ? rowsBrought(brought) : nil
    }

    /// The check on the whole file: every audit entry, every sealed row.
    static func problemInWholeFile(walDB: Database, aloneDB: Database, auditColumns: [String], report: inout CheckReport) throws -> String? {
        let audit = try AuditSnapshot.fetchAll(aloneDB, columns: auditColumns)
        let entries = try AuditSnapshot.fetchAll(walDB, columns: auditColumns)
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = audit.filter { byID[$0.id] != $0 }
        if let first = changed.first { return auditChanged(changed.count, audit.count, first.id) }
        // Every casetrack write seals the rows it changes in the same commit, so the file's own
        // -wal leaves no row unlike its seal. Another database's pages can keep the audit entries
        // (two files that imported the same text in the same second) and still bring rows no
        // audited write of this file made: more rows unlike their seals than the file alone has.
        var verified = 0
        let withWAL = Set(try RowSeals.differences(walDB, verified: &verified).map { "\($0.table) \($0.row)" })
        if !withWAL.isEmpty {
            let fileAlone = Set(try RowSeals.differences(aloneDB, verified: &verified).map { "\($0.table) \($0.row)" })
            let brought = withWAL.subtracting(fileAlone)
            if !brought.isEmpty { report.rowsVerified = verified; return rowsBrought(brought.count) }
        }
        report.rowsVerified = verified
        return nil
    }

    /// One audit entry as stored: what a later write never changes.
    struct AuditSnapshot: Equatable {
        var id: Int64
        var fields: [DatabaseValue]

        /// The audit log's `columns` (those of the file alone: a migration in
        /// the `-wal` may have added more), every value as stored; only the
        /// entries `ids` when given.
        static func fetchAll(_ db: Database, columns: [String], ids: [Int64]? = nil) throws -> [AuditSnapshot] {
            guard try db.tableExists("audit_log"), !columns.isEmpty else { return [] }
            let list = columns.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ", ")
            func fetch(_ filter: String, _ arguments: StatementArguments) throws -> [AuditSnapshot] {
                try Row.fetchAll(db, sql: "SELECT id, \(list) FROM audit_log \(filter) ORDER BY id", arguments: arguments).map { row in
                    AuditSnapshot(id: row[0], fields: Array(row.databaseValues.dropFirst()))
                }
            }
            guard let ids else { return try fetch("", StatementArguments()) }
            var result: [AuditSnapshot] = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                result += try fetch("WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))", StatementArguments(chunk))
            }
            return result
        }
    }

    /// What the main file holds without its `-wal` (the audit entries themselves are read as needed).
    struct FileAlone {
        var pageSize: Int
        var migrations: Set<String>
        var auditColumns: [String]
    }

    static func fileIsEmpty(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0) == 0
    }

    /// Reads the main file as if there were no `-wal` (`db` is an
    /// ``immutableQueue(_:)``'s); throws when the file alone cannot be read
    /// (a crash in the middle of a checkpoint leaves it so until its `-wal`
    /// is applied).
    static func fileAlone(_ db: Database) throws -> FileAlone {
        let columns = try db.tableExists("audit_log") ? try db.columns(in: "audit_log").map(\.name) : []
        return FileAlone(pageSize: try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                         migrations: try db.tableExists("grdb_migrations") ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : [],
                         auditColumns: columns)
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

extension CaseDatabase {
    /// For `casetrack-bench wal`: the check every command runs on a `-wal`
    /// left beside `path` (`wholeFile`: compared on the whole file, as before
    /// the check was bounded to the `-wal`'s pages), and what it verified.
    public static func checkLeftoverWALForBenchmark(path: String, wholeFile: Bool) throws -> (scope: String, rowsVerified: Int, pagesRead: Int) {
        WriteAheadLog.lastCheck = nil
        try WriteAheadLog.reconcile(path, wholeFile: wholeFile)
        guard let report = WriteAheadLog.lastCheck else { return ("no -wal to check", 0, 0) }
        return (report.scope == .pages ? "the -wal's pages" : "the whole file (\(report.wholeFileBecause ?? ""))", report.rowsVerified, report.pagesRead)
    }
}
