import CaseStore
import GRDB

/// Counts of every table, to prove that a failed write changed nothing.
func tableCounts(_ database: CaseDatabase) throws -> [String: Int] {
    try database.writer.read { db in
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'section_fts%'
            """)
        var counts: [String: Int] = [:]
        for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") }
        return counts
    }
}

let tester = Recorder("tester")
