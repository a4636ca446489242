import CaseStore
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
        try reader.read { db in
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
                    "foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) points to a missing \(row[2] as String? ?? "?")"
                }
            }
            try run("every mention lies inside its section and quotes it exactly") {
                try Row.fetchAll(db, sql: """
                    SELECT m.id, m.text, s.label, COALESCE(d.procedure, d.title) AS document FROM mention m
                    JOIN section s ON s.id = m.section_id JOIN document d ON d.id = s.document_id
                    WHERE m.start_offset < s.start_offset OR m.end_offset > s.end_offset
                       OR substr(s.text, m.start_offset - s.start_offset + 1, m.end_offset - m.start_offset) <> m.text
                    """).map { "mention \($0["id"] as Int64) (‘\($0["text"] as String)’) does not match \($0["document"] as String) \($0["label"] as String)" }
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
                    "persons \($0["first"] as Int64) and \($0["second"] as Int64) share the name ‘\($0["alias"] as String)’ with no decision: "
                        + "merge them (casetrack person merge) or keep them apart (casetrack person review --keep-apart)"
                }
            }
            try run("status history is intact (append-only triggers present)") {
                let triggers = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                return ["status_event_no_delete", "status_event_no_update", "status_retraction_no_delete"]
                    .filter { !triggers.contains($0) }.map { "trigger \($0) is missing: status history is no longer protected" }
            }
            return report
        }
    }
}
