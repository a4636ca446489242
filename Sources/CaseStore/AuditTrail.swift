import CaseIngest
import GRDB

/// The audit log's guarantees: every status event and retraction is linked
/// to the entry that recorded it, and every entry extends a hash chain, so
/// `casetrack check` finds rows written behind casetrack's back and entries
/// rewritten or removed.
///
/// Unkeyed, the chain detects edits by tools that do not recompute it, not
/// by someone who recomputes every later entry; keyed (``AuditKey``), each
/// value is an HMAC that needs the key, and once an entry is keyed every
/// later one must be. Records linked to an entry that is gone show a wiped
/// or truncated log all the same.
public enum AuditTrail {
    /// The highest event and retraction ids at the start of a write transaction.
    struct Marks {
        var event: Int64
        var retraction: Int64
    }

    static func marks(in db: Database) throws -> Marks {
        // From here on, this transaction's changed rows are noted for their seals.
        try RowSeals.track(db)
        return Marks(event: try Int64.fetchOne(db, sql: "SELECT max(id) FROM status_event") ?? 0,
              retraction: try Int64.fetchOne(db, sql: "SELECT max(id) FROM status_retraction") ?? 0)
    }

    /// Appends `entry` to the chain and links to it the events and
    /// retractions this transaction inserted (ids above `marks`: the
    /// transaction holds the write lock, so no one else inserted them).
    static func append(_ entry: inout AuditEntry, since marks: Marks, in db: Database) throws {
        try append(&entry, seals: try RowSeals.pending(db), since: marks, in: db)
    }

    /// Appends `entry` with `seals`: the digests of the rows its write
    /// inserted, changed or deleted (see ``RowSeals``).
    static func append(_ entry: inout AuditEntry, seals: [RowSeals.Seal], since marks: Marks, in db: Database) throws {
        let previous = try String.fetchOne(db, sql: "SELECT chain FROM audit_log ORDER BY id DESC LIMIT 1") ?? ""
        let key = try AuditKey.current()
        if key == nil, previous.hasPrefix(AuditKey.prefix) {
            throw CaseStoreError.auditKeyNeeded
        }
        let sealed = try RowSeals.enabled(db)
        entry.rowsDigest = sealed ? RowSeals.digest(of: seals) : nil
        entry.chain = chain(previous: previous, at: entry.at, by: entry.by, command: entry.command, summary: entry.summary,
                            rowsDigest: entry.rowsDigest, key: key)
        try entry.insert(db)
        let auditID = entry.id ?? db.lastInsertedRowID
        if sealed { try RowSeals.store(seals, auditID: auditID, in: db) }
        try db.execute(sql: """
            INSERT INTO audit_link (audit_id, record_table, record_id) SELECT ?, 'status_event', id FROM status_event WHERE id > ?;
            INSERT INTO audit_link (audit_id, record_table, record_id) SELECT ?, 'status_retraction', id FROM status_retraction WHERE id > ?;
            """, arguments: [auditID, marks.event, auditID, marks.retraction])
    }

    /// The chain value of an entry that follows one whose chain is `previous` ("" for none).
    /// With `rowsDigest` (entries written since migration 0008), the chain covers the entry's seals too.
    /// With `key`, the value is ``AuditKey/prefix`` and the HMAC-SHA256 of the same fields.
    public static func chain(previous: String, at: String, by: String, command: String, summary: String,
                             rowsDigest: String? = nil, key: [UInt8]? = nil) -> String {
        let message = ([previous, at, by, command, summary] + (rowsDigest.map { [$0] } ?? [])).joined(separator: "\u{1F}")
        guard let key else { return SHA256.hex(message) }
        return AuditKey.prefix + RowSeals.hex(AuditKey.hmac(key: key, message: Array(message.utf8)))
    }
}
