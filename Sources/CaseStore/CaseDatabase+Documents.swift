import CaseIngest
import GRDB

/// What `document date` changed.
public struct AdoptionDateChange: Sendable, Equatable {
    public var procedure: String
    public var previous: String?
    public var previousBasis: String?
    public var adopted: String
    /// Status events whose effective date follows the document's (they have no date of their own).
    public var redatedEvents: Int
    /// False when the document already had this date from the user: nothing was written.
    public var changed: Bool
}

extension CaseDatabase {
    /// Sets or corrects the adoption date of an imported resolution, in one
    /// audited transaction. The triggers on `document` re-date every status
    /// event that takes its date from it; a resolution the user dated is
    /// never re-dated by a later import that cites it.
    public func setAdoptionDate(procedure: String, date: PartialDate, today: PartialDate? = nil, by recorder: Recorder) throws -> AdoptionDateChange {
        let today = try today ?? PartialDate.today()
        if date.start > today { throw CaseStoreError.futureDate(date: date.description, today: today.description) }
        return try auditedIfChanged("document date", by: recorder) { db in
            // A procedure may have a motion and an adopted text: the adopted text speaks for it.
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, procedure, adopted, adopted_basis FROM document WHERE procedure = ? COLLATE NOCASE
                ORDER BY COALESCE(kind = 'adopted text', 0) DESC, id LIMIT 1
                """, arguments: [procedure.trimmingWhitespace()]) else {
                let known = try String.fetchAll(db, sql: "SELECT DISTINCT procedure FROM document WHERE procedure IS NOT NULL")
                throw CaseStoreError.unknownDocumentSuggesting(procedure: procedure, suggestions: Suggestions.closest(to: procedure, among: known))
            }
            let id: Int64 = row["id"]
            let previous: String? = row["adopted"], basis: String? = row["adopted_basis"]
            let events = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM status_event e JOIN section s ON s.id = e.section_id
                WHERE s.document_id = ? AND e.date IS NULL
                """, arguments: [id]) ?? 0
            var change = AdoptionDateChange(procedure: row["procedure"], previous: previous, previousBasis: basis,
                                            adopted: date.description, redatedEvents: events, changed: false)
            if previous == date.description && basis == "option" { return (change, nil) }
            try db.execute(sql: "UPDATE document SET adopted = ?, adopted_start = ?, adopted_basis = 'option' WHERE id = ?",
                           arguments: [date.description, date.start.description, id])
            change.changed = true
            let was = previous.map { "\($0) (\(basis ?? "unknown basis"))" } ?? "undated"
            return (change, "dated \(change.procedure) adopted \(date) (was \(was)); \(events) status events follow it")
        }
    }
}
