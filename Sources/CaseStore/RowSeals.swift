import CaseIngest
import Foundation
import GRDB

/// Every row of every table under the audit chain (migration 0008).
///
/// Each audited write records, in `row_seal`, the digest of every row it
/// inserted, changed or deleted (found by temporary triggers this connection
/// puts on every table), and its audit entry carries the digest of those
/// seals (`rows_digest`), which its chain value covers. `casetrack check`
/// recomputes every row's digest and compares it with the row's latest
/// seal: a row changed, inserted or deleted with another tool shows, by
/// table and row.
///
/// Generic over tables and columns: the tables are read from the schema
/// when a write starts, so a table or column a later migration adds is
/// sealed without changes here (the baseline entry written after migrating
/// seals what the migration changed). Not sealed: the audit log's own
/// tables (`audit_log` is chained, `audit_link` checked against the
/// events), `grdb_migrations` (checked with the schema), SQLite's own
/// tables, virtual tables and their shadow tables (the full-text index is
/// derived from `section`), and tables WITHOUT ROWID (none exist).
public enum RowSeals {
    /// One row's seal: its digest, or `deleted`.
    public struct Seal: Equatable, Sendable {
        public var table: String
        public var row: Int64
        public var digest: String

        public init(table: String, row: Int64, digest: String) {
            self.table = table
            self.row = row
            self.digest = digest
        }
    }

    /// The digest a deleted row is sealed with.
    public static let deleted = "-"
    static let excluded: Set<String> = ["audit_log", "audit_link", "row_seal", "grdb_migrations"]
    static let changes = "casetrack_changed_rows"

    /// Whether `db` has the seal table (migration 0008 applied).
    static func enabled(_ db: Database) throws -> Bool { try db.tableExists("row_seal") }

    /// The tables whose rows are sealed, by name (SQLite's table list:
    /// ordinary tables with a rowid, not virtual or shadow ones).
    public static func sealedTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND wr = 0 AND name NOT LIKE 'sqlite_%' ORDER BY name
            """).filter { !excluded.contains($0) }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Makes this connection note every row a write inserts, changes or
    /// deletes (temporary triggers, one set a table; created once per
    /// connection and table). Called at the start of every audited transaction.
    static func track(_ db: Database) throws {
        guard try enabled(db) else { return }
        // No unique key: the conflict clause of the statement that fires a trigger (an upsert's, INSERT OR
        // REPLACE's) overrides the trigger's own, so duplicates are kept and read once (DISTINCT).
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS \(changes) (table_name TEXT NOT NULL, row_id INTEGER NOT NULL)")
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_temp_master WHERE type = 'trigger'"))
        for table in try sealedTables(db) {
            let name = "casetrack_seal_" + SHA256.hex(table).prefix(16)
            guard !present.contains(name + "_d") else { continue }
            let literal = "'" + table.replacingOccurrences(of: "'", with: "''") + "'"
            let target = "main." + quoted(table)
            try db.execute(sql: """
                CREATE TEMP TRIGGER \(name)_i AFTER INSERT ON \(target) BEGIN
                    INSERT INTO \(changes) VALUES (\(literal), new.rowid);
                END;
                CREATE TEMP TRIGGER \(name)_u AFTER UPDATE ON \(target) BEGIN
                    INSERT INTO \(changes) VALUES (\(literal), old.rowid);
                    INSERT INTO \(changes) VALUES (\(literal), new.rowid);
                END;
                CREATE TEMP TRIGGER \(name)_d AFTER DELETE ON \(target) BEGIN
                    INSERT INTO \(changes) VALUES (\(literal), old.rowid);
                END;
                """)
        }
    }

    /// The seals of the rows this transaction changed (noted by ``track(_:)``), and forgets them.
    static func pending(_ db: Database) throws -> [Seal] {
        guard try enabled(db), try db.tableExists(changes, in: "temp") else { return [] }
        var byTable: [String: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT table_name, row_id FROM temp.\(changes)") {
            byTable[row[0], default: []].append(row[1])
        }
        var seals: [Seal] = []
        let existing = Set(try sealedTables(db))
        for (table, rows) in byTable {
            let current = existing.contains(table) ? try digests(of: table, changedRowsOnly: true, in: db) : [:]
            for row in rows { seals.append(Seal(table: table, row: row, digest: current[row] ?? deleted)) }
        }
        try db.execute(sql: "DELETE FROM temp.\(changes)")
        return seals.sorted { ($0.table, $0.row) < ($1.table, $1.row) }
    }

    /// The digest of each row of `table` (only `rows`, when given): SHA-256
    /// over the table's name and each column's name, storage class and
    /// stored bytes, in the table's column order.
    public static func digests(of table: String, rows: [Int64]? = nil, in db: Database) throws -> [Int64: String] {
        try digests(of: table, rows: rows, changedRowsOnly: false, in: db)
    }

    /// With `changedRowsOnly`, the rows this transaction changed (one statement a table, prepared once a connection).
    static func digests(of table: String, rows: [Int64]? = nil, changedRowsOnly: Bool, in db: Database) throws -> [Int64: String] {
        let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table]).map { $0[0] as String }
        let selected = columns.map { "typeof(\(quoted($0))), CAST(\(quoted($0)) AS BLOB)" }.joined(separator: ", ")
        var result: [Int64: String] = [:]
        // Each column's name between its separators, worked out once a table.
        let names = columns.map { [0x1E] + Array($0.utf8) + [0x1F] }
        var bytes: [UInt8] = []
        func scan(_ filter: String, _ arguments: StatementArguments, cached: Bool = false) throws {
            let sql = "SELECT rowid, \(selected) FROM main.\(quoted(table)) \(filter)"
            let cursor = try Row.fetchCursor(cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql), arguments: arguments)
            while let row = try cursor.next() {
                bytes.removeAll(keepingCapacity: true)
                bytes.append(contentsOf: table.utf8)
                for index in columns.indices {
                    bytes.append(contentsOf: names[index])
                    bytes.append(contentsOf: (row[1 + 2 * index] as String? ?? "null").utf8)
                    bytes.append(0x1F)
                    switch (row[2 + 2 * index] as DatabaseValue).storage {
                    case .blob(let data): bytes.append(contentsOf: data)
                    case .string(let text): bytes.append(contentsOf: text.utf8)
                    case .int64(let number): bytes.append(contentsOf: String(number).utf8)
                    case .double(let number): bytes.append(contentsOf: String(number).utf8)
                    case .null: break
                    }
                }
                result[row[0]] = hex(SHA256.digest(bytes))
            }
        }
        if changedRowsOnly {
            try scan("WHERE rowid IN (SELECT row_id FROM temp.\(changes) WHERE table_name = ?)", [table], cached: true)
        } else if let rows {
            for start in stride(from: 0, to: rows.count, by: 500) {
                let chunk = Array(rows[start..<min(rows.count, start + 500)])
                try scan("WHERE rowid IN (\(chunk.map { _ in "?" }.joined(separator: ",")))", StatementArguments(chunk))
            }
        } else {
            try scan("", StatementArguments())
        }
        return result
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The digest an audit entry carries for its seals.
    public static func digest(of seals: [Seal]) -> String {
        SHA256.hex(seals.sorted { ($0.table, $0.row) < ($1.table, $1.row) }
            .map { "\($0.table)\u{1F}\($0.row)\u{1F}\($0.digest)" }.joined(separator: "\n"))
    }

    /// Stores `seals` under audit entry `auditID`.
    static func store(_ seals: [Seal], auditID: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO row_seal (audit_id, table_name, row_id, digest) VALUES (?, ?, ?, ?)")
        for seal in seals { try statement.execute(arguments: [auditID, seal.table, seal.row, seal.digest]) }
    }

    /// A row that is not as its latest seal says.
    public struct Difference: Sendable, Equatable {
        public var table: String
        public var row: Int64
        /// The row's digest now; nil when it is gone.
        public var current: String?
        /// The latest seal's digest (nil: never sealed; ``deleted``: sealed as deleted) and its audit entry.
        public var sealed: String?
        public var auditID: Int64?
    }

    /// Every row whose digest differs from its latest seal, every row with
    /// no seal, and every sealed row that is gone, by table and row.
    public static func differences(_ db: Database) throws -> [Difference] {
        var verified = 0
        return try differences(db, verified: &verified)
    }

    /// The same, adding to `verified` the number of rows whose digest it computed.
    static func differences(_ db: Database, verified: inout Int) throws -> [Difference] {
        guard try enabled(db) else { return [] }
        var latest: [String: [Int64: (digest: String, audit: Int64)]] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT s.table_name, s.row_id, CAST(s.digest AS BLOB), s.audit_id FROM row_seal s
            JOIN (SELECT max(id) AS id FROM row_seal GROUP BY table_name, row_id) m ON m.id = s.id
            """)
        while let row = try cursor.next() {
            let table = String(decoding: row[0] as Data? ?? Data(), as: UTF8.self)
            latest[table, default: [:]][row[1]] = (String(decoding: row[2] as Data? ?? Data(), as: UTF8.self), row[3])
        }
        var found: [Difference] = []
        let tables = try sealedTables(db)
        for table in tables {
            var sealed = latest.removeValue(forKey: table) ?? [:]
            let current = try digests(of: table, in: db)
            verified += current.count
            for (row, digest) in current.sorted(by: { $0.key < $1.key }) {
                let seal = sealed.removeValue(forKey: row)
                if seal?.digest != digest {
                    found.append(Difference(table: table, row: row, current: digest, sealed: seal?.digest, auditID: seal?.audit))
                }
            }
            for (row, seal) in sealed.sorted(by: { $0.key < $1.key }) where seal.digest != deleted {
                found.append(Difference(table: table, row: row, current: nil, sealed: seal.digest, auditID: seal.audit))
            }
        }
        // Seals of a table that is gone altogether.
        for (table, sealed) in latest.sorted(by: { $0.key < $1.key }) {
            for (row, seal) in sealed.sorted(by: { $0.key < $1.key }) where seal.digest != deleted {
                found.append(Difference(table: table, row: row, current: nil, sealed: seal.digest, auditID: seal.audit))
            }
        }
        return found
    }

    /// The rows among `rows` of `table` that differ from their latest seal
    /// (as ``differences(_:)`` finds them, for those rows only: each read
    /// by its rowid and its seal by the `row_seal_row` index).
    static func differences(_ db: Database, table: String, rows: [Int64]) throws -> Set<Int64> {
        guard try enabled(db), !rows.isEmpty else { return [] }
        let current = try db.tableExists(table) ? try digests(of: table, rows: rows, in: db) : [:]
        let latest = try db.cachedStatement(sql: """
            SELECT CAST(digest AS BLOB) FROM row_seal WHERE table_name = ? AND row_id = ? ORDER BY id DESC LIMIT 1
            """)
        var found = Set<Int64>()
        for row in rows {
            let sealed = try Data.fetchOne(latest, arguments: [table, row]).map { String(decoding: $0, as: UTF8.self) }
            if let digest = current[row] {
                if sealed != digest { found.insert(row) }
            } else if let sealed, sealed != deleted {
                found.insert(row)
            }
        }
        return found
    }

    /// The seals that bring every row under the chain: written with the
    /// baseline entry after a migration (migration 0008 itself seals every
    /// row there is; a later one, what it added or changed).
    static func baseline(_ db: Database) throws -> [Seal] {
        try differences(db).map { Seal(table: $0.table, row: $0.row, digest: $0.current ?? deleted) }
    }
}
