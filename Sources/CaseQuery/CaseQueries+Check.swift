import CaseIngest
import CaseStore
import Foundation
import GRDB

/// What `casetrack check` found: empty when the database is sound.
public struct CheckReport: Sendable, Encodable {
    public var checks: [String]
    public var problems: [String]
    public var ok: Bool { problems.isEmpty }
}

extension CaseQueries {
    /// SQLite's integrity and foreign-key checks, then casetrack's own invariants.
    public func check() throws -> CheckReport {
        try readSnapshot { db in
            var report = CheckReport(checks: [], problems: [])
            func run(_ name: String, _ body: () throws -> [String]) rethrows {
                report.checks.append(name)
                report.problems += try body()
            }
            try run("SQLite integrity_check") {
                try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }.map { "integrity: \($0)" }
            }
            try run("SQLite foreign_key_check") {
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                    "foreign key: \(Self.cell(row, 0)) row \(Self.cell(row, 1)) points to a missing \(Self.cell(row, 2))"
                }
            }
            try run("every mention lies inside its section and quotes it exactly") {
                try Row.fetchAll(db, sql: """
                    SELECT m.id, m.text, s.label, COALESCE(d.procedure, d.title) AS document FROM mention m
                    JOIN section s ON s.id = m.section_id JOIN document d ON d.id = s.document_id
                    WHERE m.start_offset < s.start_offset OR m.end_offset > s.end_offset
                       OR substr(s.text, m.start_offset - s.start_offset + 1, m.end_offset - m.start_offset) <> m.text
                    """).map { "mention \(Self.cell($0, "id")) (‘\(Self.cell($0, "text"))’) does not match \(Self.cell($0, "document")) \(Self.cell($0, "label"))" }
            }
            try run("every event, charge, mention and membership belongs to an existing, unmerged person") {
                var problems: [String] = []
                for table in ["status_event", "mention", "charge", "membership", "release_call"] {
                    let count = try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM \(table) x LEFT JOIN person p ON p.id = x.person_id
                        WHERE x.person_id IS NOT NULL AND (p.id IS NULL OR p.merged_into_id IS NOT NULL)
                        """) ?? 0
                    if count > 0 { problems.append("\(table): \(count) rows point to a missing or merged person") }
                }
                return problems
            }
            try run("no two persons share a name without a decision") {
                try Row.fetchAll(db, sql: """
                    SELECT a.alias, a.person_id AS first, b.person_id AS second
                    FROM person_alias a JOIN person_alias b ON a.match_key = b.match_key AND a.person_id < b.person_id
                    JOIN person pa ON pa.id = a.person_id JOIN person pb ON pb.id = b.person_id
                    WHERE pa.merged_into_id IS NULL AND pb.merged_into_id IS NULL
                      AND NOT EXISTS (SELECT 1 FROM identity_review r WHERE r.person_id = a.person_id
                                      AND r.other_person_id = b.person_id AND r.decision IS NOT NULL)
                    GROUP BY a.person_id, b.person_id
                    """).map {
                    "persons \($0["first"] as Int64) and \($0["second"] as Int64) share the name ‘\(Self.cell($0, "alias"))’ with no decision: "
                        + "merge them (casetrack person merge) or keep them apart (casetrack person review --keep-apart)"
                }
            }
            try run("the schema (tables, indexes, views, triggers) is as the migrations define it") {
                let expected = try CaseDatabase.expectedSchema(migrations: try CaseDatabase.appliedMigrations(db))
                let present = try CaseDatabase.schema(of: db)
                var problems: [String] = []
                func what(_ object: CaseDatabase.SchemaObject) -> String { "\(object.type) \(Self.printable(object.name))" }
                for (object, sql) in expected.sorted(by: { ($0.key.type, $0.key.name) < ($1.key.type, $1.key.name) }) {
                    guard let found = present[object] else {
                        problems.append("\(what(object)) is missing: it was dropped with another tool; restore the file from a backup")
                        continue
                    }
                    if Self.squeezed(found) != Self.squeezed(sql) {
                        let consequence = object.type == "view" ? ": sqlite3 and Datasette show what it says instead of the recorded data"
                            : object.type == "trigger" ? ": the data it guards is no longer protected" : ""
                        problems.append("\(what(object)) differs from the one casetrack created\(consequence); restore the file from a backup")
                    }
                }
                for object in present.keys.sorted(by: { ($0.type, $0.name) < ($1.type, $1.name) }) where expected[object] == nil {
                    problems.append("\(what(object)) was not created by casetrack: see what it does (sqlite3 .schema \(Self.printable(object.name)))")
                }
                return problems
            }
            if try db.tableExists("row_seal") {
                try run("every row is as the audited write that last changed it left it") {
                    var problems: [String] = []
                    var shown: [String: Int] = [:]
                    let differences = try RowSeals.differences(db)
                    for difference in differences {
                        shown[difference.table, default: 0] += 1
                        guard shown[difference.table]! <= 20 else { continue }
                        let row = "\(Self.printable(difference.table)) row \(difference.row)"
                        switch (difference.current, difference.sealed) {
                        case (nil, _):
                            problems.append("\(row) was deleted without casetrack (audit entry \(difference.auditID ?? 0) recorded it)")
                        case (_, nil), (_, RowSeals.deleted?):
                            problems.append("\(row) was inserted without casetrack: no audit entry recorded it")
                        default:
                            problems.append("\(row) was changed without casetrack: it differs from what audit entry \(difference.auditID ?? 0) recorded")
                        }
                    }
                    for (table, count) in shown.sorted(by: { $0.key < $1.key }) where count > 20 {
                        problems.append("\(Self.printable(table)): \(count - 20) more rows differ from what the audit log recorded")
                    }
                    // Each entry's seals are what its chain covers.
                    var seals: [Int64: [RowSeals.Seal]] = [:]
                    for row in try Row.fetchAll(db, sql: "SELECT audit_id, CAST(table_name AS BLOB), row_id, CAST(digest AS BLOB) FROM row_seal") {
                        func text(_ index: Int) -> String { String(decoding: row[index] as Data? ?? Data(), as: UTF8.self) }
                        seals[row[0], default: []].append(RowSeals.Seal(table: text(1), row: row[2], digest: text(3)))
                    }
                    for row in try Row.fetchAll(db, sql: "SELECT id, CAST(rows_digest AS BLOB) FROM audit_log WHERE rows_digest IS NOT NULL ORDER BY id") {
                        let id: Int64 = row[0]
                        if RowSeals.digest(of: seals.removeValue(forKey: id) ?? []) != String(decoding: row[1] as Data? ?? Data(), as: UTF8.self) {
                            problems.append("the row seals of audit entry \(id) were edited: they no longer match its digest")
                        }
                    }
                    for id in seals.keys.sorted() {
                        problems.append("row seals name audit entry \(id), which does not exist or has no seals digest: they were written without casetrack")
                    }
                    return problems
                }
            }
            if try db.tableExists("section_fts_docsize") {
                try run("the full-text index covers exactly the sections") {
                    let extra = try Int.fetchOne(db, sql: "SELECT count(*) FROM section_fts_docsize WHERE id NOT IN (SELECT id FROM section)") ?? 0
                    let missing = try Int.fetchOne(db, sql: "SELECT count(*) FROM section WHERE id NOT IN (SELECT id FROM section_fts_docsize)") ?? 0
                    if extra + missing == 0 { return [] }
                    return ["the full-text index lists \(extra) sections that do not exist and misses \(missing): search answers from it are wrong; "
                            + "rebuild it (sqlite3 FILE \"INSERT INTO section_fts(section_fts) VALUES('rebuild')\") after restoring or checking the sections"]
                }
            }
            try run("every text column holds valid UTF-8 text") {
                try Self.unreadableText(in: db).map {
                    "table \($0.table) row \($0.row): its \($0.column) holds bytes that are not valid text; restore the file from a backup"
                }
            }
            try run("every document's text matches its SHA-256, and its sections quote it") {
                var problems: [String] = []
                for row in try Row.fetchAll(db, sql: "SELECT id, COALESCE(procedure, title) AS name, sha256, CAST(text AS BLOB) AS text FROM document") {
                    let bytes = row["text"] as Data? ?? Data()
                    if SHA256.hex(String(decoding: bytes, as: UTF8.self)) != String.fromDatabaseValue(row["sha256"] as DatabaseValue) {
                        problems.append("document \(Self.cell(row, "id")) (\(Self.cell(row, "name"))): its text does not match its SHA-256: it was edited after import")
                    }
                }
                problems += try Row.fetchAll(db, sql: """
                    SELECT s.id, s.label, COALESCE(d.procedure, d.title) AS name FROM section s JOIN document d ON d.id = s.document_id
                    WHERE substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset) IS NOT s.text
                    """).map { "section \(Self.cell($0, "id")) (\(Self.cell($0, "name")) \(Self.cell($0, "label"))) does not quote its document's text" }
                return problems
            }
            let steps = try db.columns(in: "status_event").contains { $0.name == "date_before" }
            try run("every status event is dated by its own date or its resolution's") {
                // From schema 9 an undated step placed before a later one speaks from that upper bound.
                let bound = steps ? "e.date_before, " : ""
                let boundStart = steps ? "CASE length(e.date_before) WHEN 4 THEN e.date_before || '-01-01' WHEN 7 THEN e.date_before || '-01' ELSE e.date_before END, " : ""
                return try Row.fetchAll(db, sql: """
                    SELECT e.id FROM status_event e LEFT JOIN section s ON s.id = e.section_id LEFT JOIN document d ON d.id = s.document_id
                    WHERE e.effective_date IS NOT COALESCE(e.date, \(bound)d.adopted)
                       OR e.effective_start IS NOT COALESCE(e.date_start, \(boundStart)d.adopted_start, '0000')
                    """).map { "status event \($0["id"] as Int64) is dated differently from its own date and its resolution's: it was redated" }
            }
            if steps {
                try run("every undated step's bounds are dates in order, on a past step without a date of its own") {
                    try Self.stepDatingProblems(in: db)
                }
            }
            if try db.tableExists("audit_link") {
                try run("every status event and retraction was recorded with an audit entry") {
                    var problems: [String] = []
                    for (table, label) in [("status_event", "status event"), ("status_retraction", "retraction")] {
                        problems += try Row.fetchAll(db, sql: """
                            SELECT x.id, l.record_id AS linked, l.audit_id, a.id AS audit FROM \(table) x
                            LEFT JOIN audit_link l ON l.record_table = '\(table)' AND l.record_id = x.id
                            LEFT JOIN audit_log a ON a.id = l.audit_id
                            WHERE l.record_id IS NULL OR (l.audit_id IS NOT NULL AND a.id IS NULL)
                            """).map { row in
                            let id: Int64 = row["id"]
                            if row["linked"] as Int64? == nil { return "\(label) \(id) has no audit entry: it was written without casetrack" }
                            return "\(label) \(id)'s audit entry \(row["audit_id"] as Int64? ?? 0) is gone: the audit log was cut"
                        }
                    }
                    return problems
                }
                let key = try AuditKey.current()
                let keyed = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE chain LIKE 'hmac:%'") ?? 0
                let label = keyed == 0 ? "" : key != nil ? " (keyed: verified with the key)"
                    : " (\(keyed) keyed entries not verified: give the key with --audit-key-file)"
                try run("the audit log's hash chain is intact" + label) {
                    var problems: [String] = []
                    var previous: String?
                    var seenKeyed = false
                    let digests = try db.columns(in: "audit_log").contains { $0.name == "rows_digest" } ? "CAST(rows_digest AS BLOB)" : "NULL"
                    for row in try Row.fetchAll(db, sql: "SELECT id, CAST(at AS BLOB) AS at, CAST(by AS BLOB) AS by, CAST(command AS BLOB) AS command, CAST(summary AS BLOB) AS summary, chain, \(digests) AS rows_digest FROM audit_log ORDER BY id") {
                        let id: Int64 = row["id"]
                        func text(_ column: String) -> String { String(decoding: row[column] as Data? ?? Data(), as: UTF8.self) }
                        guard let chain = String.fromDatabaseValue(row["chain"] as DatabaseValue) else {
                            if previous != nil { problems.append("audit entry \(id) has no chain value: it was written without casetrack") }
                            continue
                        }
                        let rowsDigest = (row["rows_digest"] as Data?).map { String(decoding: $0, as: UTF8.self) }
                        defer { previous = chain }
                        let isKeyed = chain.hasPrefix(AuditKey.prefix)
                        if !isKeyed, seenKeyed {
                            problems.append("audit entry \(id) is not keyed although an entry before it is: it was written without the key, not by casetrack")
                            continue
                        }
                        seenKeyed = seenKeyed || isKeyed
                        // A keyed entry is verified only with the key.
                        if isKeyed, key == nil { continue }
                        let expected = AuditTrail.chain(previous: previous ?? "", at: text("at"), by: text("by"), command: text("command"),
                                                        summary: text("summary"), rowsDigest: rowsDigest, key: isKeyed ? key : nil)
                        if chain != expected {
                            problems.append("audit entry \(id) does not follow the one before it: it, or an entry before it, was rewritten or removed"
                                            + (isKeyed ? " (or the key given is not the one the log was written with)" : ""))
                        }
                    }
                    // Given a key, a log with no keyed entry was never written with it, or rewritten without it.
                    if key != nil, !seenKeyed, previous != nil {
                        problems.append("no audit entry is keyed: if this database was written with this key, its log was rewritten without it")
                    }
                    return problems
                }
            }
            return report
        }
    }
}

extension CaseQueries {
    /// Status events whose dating contradicts itself: a bound that is not a date, a lower
    /// bound after the upper, bounds beside an own date or on a present-tense situation.
    static func stepDatingProblems(in db: Database) throws -> [String] {
        var problems: [String] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT id, date, tense, date_after, date_before FROM status_event WHERE date_after IS NOT NULL OR date_before IS NOT NULL
            """) {
            let id: Int64 = row["id"]
            var after: PartialDate?, before: PartialDate?
            for (column, value) in [("date_after", row["date_after"] as String?), ("date_before", row["date_before"] as String?)] {
                guard let value else { continue }
                guard let date = try? PartialDate(parsing: value), date.description == value else {
                    problems.append("status event \(id): its \(column) ‘\(printable(value))’ is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
                    continue
                }
                if column == "date_after" { after = date } else { before = date }
            }
            if let after, let before, after.start > before.end {
                problems.append("status event \(id): its lower bound \(after) is after its upper bound \(before)")
            }
            if row["date"] as String? != nil {
                problems.append("status event \(id) has bounds beside its own date: one of them was written without casetrack")
            } else if row["tense"] as String? == "present" {
                problems.append("status event \(id) is a present-tense situation with bounds: they were written without casetrack")
            }
        }
        return problems
    }

    /// SQL with runs of white space made one space, for comparing schema text.
    static func squeezed(_ sql: String) -> String {
        sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Text from the file, safe to print on one line.
    static func printable(_ text: String) -> String { OneLineText.escaped(text) }

    /// A cell of `row`, whatever it holds, printable on one line: `check`
    /// reads damaged files, so it never decodes with a trap (bytes that are
    /// not UTF-8 are shown with replacement characters, and named by the
    /// text check).
    static func cell(_ row: Row, _ column: String) -> String {
        describe(row[column] as DatabaseValue)
    }

    static func cell(_ row: Row, _ index: Int) -> String {
        describe(row[index] as DatabaseValue)
    }

    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "?"
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return printable(text)
        case .blob(let bytes): return printable(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Cells of TEXT columns that hold bytes (a BLOB) or text that is not
    /// valid UTF-8, by table, row and column: what no reader can decode.
    public func unreadableText() throws -> [UnreadableCell] {
        try readSnapshot { db in try Self.unreadableText(in: db) }
    }

    static func unreadableText(in db: Database) throws -> [UnreadableCell] {
        var problems: [UnreadableCell] = []
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'section_fts%' AND name <> 'audit_link'
            ORDER BY name
            """)
        for table in tables {
            let columns = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
                .filter { ($0["type"] as String? ?? "").uppercased().contains("TEXT") }.map { $0["name"] as String }
            for column in columns {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid AS row_id, typeof("\(column)") AS kind, CAST("\(column)" AS BLOB) AS bytes FROM "\(table)"
                    WHERE typeof("\(column)") IN ('blob', 'text')
                    """)
                for row in rows {
                    let kind: String = row["kind"]
                    let bytes = row["bytes"] as Data? ?? Data()
                    if kind == "blob" || String(validating: bytes, as: UTF8.self) == nil {
                        problems.append(UnreadableCell(table: table, row: row["row_id"], column: column))
                    }
                }
            }
        }
        return problems
    }
}

/// A cell no reader can decode as text.
public struct UnreadableCell: Sendable, Equatable {
    public var table: String
    public var row: Int64
    public var column: String
}
