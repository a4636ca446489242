import CaseIngest
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// What decides where one status event stands in a person's story, and how its date reads.
public struct StatusStep: Sendable, Equatable {
    public var id: Int64
    public var status: String
    /// The first day of the date the event speaks from (see `status_event.effective_start`).
    public var effectiveStart: String
    /// Its own date, its upper bound, or its resolution's date (see `status_event.effective_date`).
    public var effectiveDate: String?
    /// Its section (nil for a user's record with a free-text source).
    public var section: Int64?
    /// Its place in the person's story within its document.
    public var step: Int?
    /// The event has a date of its own.
    public var ownDate: Bool
    /// `present`, `past` or nil (not worked out).
    public var tense: String?
    public var after: String?
    public var before: String?
    /// Read only from a call for release.
    public var inferred: Bool
    /// Its review state (`unreviewed`, `confirmed`), when read with one.
    public var review: String? = nil

    public init(id: Int64, status: String, effectiveStart: String, effectiveDate: String?, section: Int64?, step: Int?,
                ownDate: Bool, tense: String?, after: String?, before: String?, inferred: Bool, review: String? = nil) {
        self.review = review
        self.id = id
        self.status = status
        self.effectiveStart = effectiveStart
        self.effectiveDate = effectiveDate
        self.section = section
        self.step = step
        self.ownDate = ownDate
        self.tense = tense
        self.after = after
        self.before = before
        self.inferred = inferred
    }

    /// How the status list names the date: `event` (its own), `reported` (its resolution's,
    /// for a present-tense situation or a step not worked out), `bounded` (an undated step
    /// placed between others), `not stated` (a past step with no date).
    public var listBasis: String {
        if ownDate { return "event" }
        if after != nil || before != nil { return "bounded" }
        if tense == "past" { return "not stated" }
        return "reported"
    }

    /// The first day the step is ordered from: ``effectiveStart``, but never before the first day
    /// of its lower bound when it has no date of its own and no upper bound (a release "after
    /// July 2023" in a resolution dated only to 2023 comes after a detention of July 2023, not
    /// from 1 January). The `current_status` view orders by the same day (schema 12).
    public var orderStart: String {
        guard !ownDate, before == nil, let after else { return effectiveStart }
        let start: String
        switch after.count {
        case 4: start = after + "-01-01"
        case 7: start = after + "-01"
        default: start = after
        }
        return max(start, effectiveStart)
    }

    /// The date the status list shows: its own, or the reporting resolution's; nil for an undated step.
    public var listDate: String? {
        switch listBasis {
        case "event", "reported": return effectiveDate
        default: return nil
        }
    }
}

/// The one rule for a person's current status, used by every answer (status and
/// person lists, `person show`, `history`, the web pages; the `current_status`
/// view states the same rule in SQL).
///
/// Steps are ordered by the date they speak from (no earlier than the lower bound
/// of a step placed only after another, see ``StatusStep/orderStart``), then by document, then by
/// their place in the story within it, then by when they were recorded. The
/// current status is the latest step not retracted; but death is final: a step
/// after a death stands only if it is not read from a call for release and it
/// comes from another source, or is a later step the same resolution writes
/// (both placed in its story, or dated later by a date of its own; never a
/// present-tense situation).
public enum StatusRule {
    /// Whether `a` comes before `b`. `document` gives a section's document (nil for none); it is
    /// asked only when two steps speak from the same day.
    public static func precedes(_ a: StatusStep, _ b: StatusStep, document: (Int64?) throws -> Int64?) throws -> Bool {
        let startA = a.orderStart, startB = b.orderStart
        if startA != startB { return startA < startB }
        let documentA = try document(a.section) ?? .max, documentB = try document(b.section) ?? .max
        if documentA != documentB { return documentA < documentB }
        let stepA = a.step ?? .max, stepB = b.step ?? .max
        if stepA != stepB { return stepA < stepB }
        return a.id < b.id
    }

    /// The steps in story order.
    public static func ordered(_ steps: [StatusStep], document: (Int64?) throws -> Int64?) throws -> [StatusStep] {
        guard steps.count > 1 else { return steps }
        var sorted = steps
        var failure: (any Error)?
        sorted.sort { a, b in
            do { return try precedes(a, b, document: document) } catch { failure = failure ?? error; return a.id < b.id }
        }
        if let failure { throw failure }
        return sorted
    }

    /// Whether `later`, after the death `death`, still stands.
    static func overrides(_ later: StatusStep, death: StatusStep, document: (Int64?) throws -> Int64?) throws -> Bool {
        if later.inferred { return false }
        // One section is one document (no section: no document): asked only of two sections.
        if later.section != death.section, try document(later.section) != document(death.section) { return true }
        if later.tense == "present" { return false }
        return (later.step != nil && death.step != nil) || (later.ownDate && later.effectiveStart > death.effectiveStart)
    }

    /// The current status among steps not retracted (in any order): the latest one that no earlier death outranks.
    public static func current(_ steps: [StatusStep], document: (Int64?) throws -> Int64?) throws -> StatusStep? {
        try currentIndex(steps, document: document).map { steps[$0] }
    }

    /// Where in `steps` ``current(_:document:)``'s answer is. The steps are put in story order by
    /// their positions (each step's ``StatusStep/orderStart`` worked out once, not at every
    /// comparison; no step copied): ``precedes(_:_:document:)`` is a total order, so this is the
    /// order ``ordered(_:document:)`` gives.
    static func currentIndex(_ steps: [StatusStep], document: (Int64?) throws -> Int64?) throws -> Int? {
        let starts = steps.map(\.orderStart)
        var order = Array(steps.indices)
        if steps.count > 1 {
            var failure: (any Error)?
            order.sort { a, b in
                if starts[a] != starts[b] { return starts[a] < starts[b] }
                do { return try precedes(steps[a], steps[b], document: document) } catch {
                    failure = failure ?? error
                    return steps[a].id < steps[b].id
                }
            }
            if let failure { throw failure }
        }
        let deaths = order.indices.filter { steps[order[$0]].status == "deceased" }
        for position in order.indices.reversed() {
            var stands = true
            for death in deaths where death < position {
                if try !overrides(steps[order[position]], death: steps[order[death]], document: document) { stands = false; break }
            }
            if stands { return order[position] }
        }
        return nil
    }

    /// ``current(_:document:)``, cheaper in the common cases (every person's status in one
    /// pass needs it): one step stands alone; without a death the latest step stands, found in
    /// one pass, documents read only for steps of the same day. A death takes the whole rule.
    public static func latest(_ steps: [StatusStep], document: (Int64?) throws -> Int64?) throws -> StatusStep? {
        try latestIndex(steps, document: document).map { steps[$0] }
    }

    /// Where in `steps` ``latest(_:document:)``'s answer is (the best step is followed by its
    /// position, not copied at each step that betters it).
    static func latestIndex(_ steps: [StatusStep], document: (Int64?) throws -> Int64?) throws -> Int? {
        guard !steps.isEmpty else { return nil }
        guard steps.count > 1 else { return 0 }
        if steps.contains(where: { $0.status == CaseStatus.deceased.rawValue }) { return try currentIndex(steps, document: document) }
        var best = 0
        var bestStart = steps[0].orderStart
        for index in 1..<steps.count {
            let start = steps[index].orderStart
            if start > bestStart {
                best = index
                bestStart = start
            } else if start == bestStart, try precedes(steps[best], steps[index], document: document) {
                best = index
            }
        }
        return best
    }

    /// A section's document, read once per section: the rule asks only on ties and after a death.
    final class Documents {
        let db: Database
        var known: [Int64: Int64?] = [:]
        /// Its one statement, prepared at the first question (not looked up by its SQL each time).
        private var statement: Statement?

        init(_ db: Database) { self.db = db }

        func callAsFunction(_ section: Int64?) throws -> Int64? {
            guard let section else { return nil }
            if let document = known[section] { return document }
            let lookup = try statement ?? db.makeStatement(sql: "SELECT document_id FROM section WHERE id = ?")
            statement = lookup
            let document = try Self.fastLookup(lookup, section) ?? Int64.fetchOne(lookup, arguments: [section])
            known[section] = document
            return document
        }

        /// The lookup straight through SQLite (a whole list asks it of thousands of sections after a
        /// death; GRDB's generic fetch cost ten times the search itself): `.some(nil)` for no such
        /// section, nil when the answer is anything but an id or none (an error, a cell of another
        /// type), which the caller then asks through GRDB to fail exactly as it always did.
        private static func fastLookup(_ statement: Statement, _ section: Int64) -> Int64?? {
            let handle = statement.sqliteStatement
            guard sqlite3_reset(handle) == SQLITE_OK, sqlite3_bind_int64(handle, 1, section) == SQLITE_OK else {
                sqlite3_reset(handle)
                return nil
            }
            defer { sqlite3_reset(handle) }
            switch sqlite3_step(handle) {
            case SQLITE_DONE:
                return .some(nil)
            case SQLITE_ROW where sqlite3_column_type(handle, 0) == SQLITE_INTEGER:
                let document = sqlite3_column_int64(handle, 0)
                return sqlite3_step(handle) == SQLITE_DONE ? .some(document) : nil
            default:
                return nil
            }
        }
    }
}

/// One wording of a step's date, everywhere it is shown.
public enum StepDateWording {
    /// - Parameters:
    ///   - date: the event's own date, or the date of the resolution that reports it.
    ///   - basis: `event` or `recorded` (its own date), `adopted` or `reported` (its resolution's),
    ///     `procedure-year` (its resolution's year only), `bounded` (placed between `after` and
    ///     `before`), `not stated`.
    /// - Returns: `2023-11-30`, `as of 2024-01-18 (reported)`, `between 2023-03 and 2023-03-15`,
    ///   `before 2022-09-16`, `after 2023-03`, `date not stated`.
    public static func text(date: String?, basis: String?, after: String? = nil, before: String? = nil) -> String {
        switch basis {
        case "adopted"?, "reported"?:
            return date.map { "as of \($0) (reported)" } ?? "as of its resolution (date unknown)"
        case "procedure-year"?:
            return date.map { "as of \($0) (reported, year only)" } ?? "as of its resolution (date unknown)"
        case "bounded"?:
            switch (after, before) {
            case let (after?, before?): return "between \(after) and \(before)"
            case let (nil, before?): return "before \(before)"
            case let (after?, nil): return "after \(after)"
            default: return "date not stated"
            }
        case "not stated"?:
            return "date not stated"
        default:
            return date ?? "date not stated"
        }
    }

    /// `since 2023-11-30` for a step's own date, else its wording (`as of 2024-01-18 (reported)`):
    /// how a current status says when.
    public static func since(date: String?, basis: String?, after: String? = nil, before: String? = nil) -> String {
        if basis == "event" || basis == "recorded", let date { return "since \(date)" }
        return text(date: date, basis: basis, after: after, before: before)
    }
}
