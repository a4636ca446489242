import CaseIngest
import CaseStore
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// One person and their status at some date: the `person list` / `status list` row.
public struct PersonStatusRow: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var aliases: [String]
    public var status: String?
    /// The step's own date, or the date of the resolution that reports it; nil for an undated step.
    public var statusDate: String?
    /// `event` when the date is the step's own; `reported` when it is the date of the
    /// resolution that reports it (a present-tense situation, "remains in detention");
    /// `bounded` for an undated step placed between others (`status_date_after`,
    /// `status_date_before`); `not stated` for a past step with no date at all.
    public var statusDateBasis: String?
    /// An undated step's bounds: after this date, before that one (either may be null: open).
    public var statusDateAfter: String? = nil
    public var statusDateBefore: String? = nil
    /// The date as every answer words it: `2023-11-30`, `as of 2024-01-18 (reported)`,
    /// `between 2023-03 and 2023-03-15`, `before 2022-09-16`, `after 2023-03`, `date not stated`.
    public var statusWhen: String? = nil
    /// The standing event's review state: `unreviewed`, `confirmed` (nil without a status).
    public var review: String?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, status, review
        case statusDate = "status_date", statusDateBasis = "status_date_basis"
        case statusDateAfter = "status_date_after", statusDateBefore = "status_date_before", statusWhen = "status_when"
    }

    /// Every key in every row, null where there is no value: scripts read one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(aliases, forKey: .aliases)
        try container.encode(status, forKey: .status)
        try container.encode(statusDate, forKey: .statusDate)
        try container.encode(statusDateBasis, forKey: .statusDateBasis)
        try container.encode(statusDateAfter, forKey: .statusDateAfter)
        try container.encode(statusDateBefore, forKey: .statusDateBefore)
        try container.encode(statusWhen, forKey: .statusWhen)
        try container.encode(review, forKey: .review)
    }

    init(id: Int64, name: String, standing: Standing?) {
        var wording = StepWordings()
        self.init(id: id, name: name, standing: standing, wording: &wording)
    }

    /// The row, its date worded through `wording` (a whole list shares one wording per date).
    init(id: Int64, name: String, standing: Standing?, wording: inout StepWordings) {
        self.id = id
        self.name = name
        self.aliases = []
        guard let standing else { return }
        let basis = standing.basis
        status = standing.status
        statusDate = standing.listDate
        statusDateBasis = basis
        statusDateAfter = standing.after
        statusDateBefore = standing.before
        statusWhen = wording.text(date: standing.effectiveDate, basis: basis, after: standing.after, before: standing.before,
                                  datePlace: standing.datePlace)
        review = standing.review
    }

    /// The row of a whole list: its standing step read from the places the list kept, straight
    /// into the row's fields (made in the caller's loop, not made and then copied into the list).
    @inline(__always) init(id: Int64, name: String, places: StandingPlaces?, texts: StepTexts, wording: inout StepWordings) {
        self.id = id
        self.name = name
        self.aliases = []
        guard let places else { return }
        let basis = Standing.basis(places.basisCode)
        let date = texts.text(places.effectiveDate), after = texts.text(places.after), before = texts.text(places.before)
        status = texts.status(places.status)
        statusDate = Standing.showsDate(places.basisCode) ? date : nil
        statusDateBasis = basis
        statusDateAfter = after
        statusDateBefore = before
        statusWhen = wording.text(date: date, basis: basis, after: after, before: before, datePlace: places.effectiveDate)
        review = places.review.rawValue
    }
}

/// Each event's review state, as `ClaimReviews.states` gives it (no review: unreviewed), looked
/// up for each of 300,000 events of a whole list: a flat table by event id when the reviewed ids
/// allow one (no hashing per event), else the dictionary.
struct EventReviews {
    private let table: [ReviewState?]
    private let dictionary: [Int64: ReviewState]

    init(_ reviews: [Int64: ReviewState]) {
        let largest = reviews.keys.max() ?? -1
        if !reviews.isEmpty, reviews.keys.allSatisfy({ $0 >= 0 }), largest < 50_000_000 {
            var table = [ReviewState?](repeating: nil, count: Int(largest) + 1)
            for (id, state) in reviews { table[Int(id)] = state }
            self.table = table
            dictionary = [:]
        } else {
            table = []
            dictionary = reviews
        }
    }

    @inline(__always) subscript(id: Int64) -> ReviewState {
        if !table.isEmpty { return id >= 0 && id < Int64(table.count) ? table[Int(id)] ?? .unreviewed : .unreviewed }
        return dictionary.isEmpty ? .unreviewed : dictionary[id] ?? .unreviewed
    }
}

/// One status event as a whole list reads it, before the rule picks among a person's events: ids,
/// flags, and its texts as places (see ``CaseQueries/standing(sql:arguments:reviewedOnly:persons:in:)``),
/// nothing counted by reference, so keeping and dropping 300,000 of them copies and releases nothing.
struct PendingStep {
    var id: Int64
    var section: Int64?
    var step: Int64?
    var status: Int32
    var effectiveStart: Int32
    var effectiveDate: Int32
    var tense: Int32
    var after: Int32
    var before: Int32
    var ownDate: Bool
    var inferred: Bool
    var review: ReviewState
}

/// What a list row shows of a person's standing step (``StatusStep``), and no more, as the row
/// is made: a whole list keeps ``StandingPlaces`` (no strings) and makes this of them once per row.
struct Standing {
    var status: String
    var effectiveDate: String?
    var after: String?
    var before: String?
    var review: String?
    private var basisCode: UInt8
    /// Where ``effectiveDate`` is kept in the list's ``StepTexts`` (-1: not kept there), so that
    /// ``StepWordings`` finds its wording by place, not by hashing the date.
    var datePlace: Int32 = -1

    init(_ step: StatusStep) {
        status = step.status
        effectiveDate = step.effectiveDate
        after = step.after
        before = step.before
        review = step.review
        basisCode = Self.basisCode(ownDate: step.ownDate, bounded: step.after != nil || step.before != nil, past: step.tense == "past")
    }

    /// The standing step a list kept as places, its texts read from `texts`.
    @inline(__always) init(_ places: StandingPlaces, _ texts: StepTexts) {
        status = texts.status(places.status)
        effectiveDate = texts.text(places.effectiveDate)
        after = texts.text(places.after)
        before = texts.text(places.before)
        review = places.review.rawValue
        basisCode = places.basisCode
        datePlace = places.effectiveDate
    }

    /// ``StatusStep/listBasis`` decided from the fields that decide it, without spelling its string
    /// and comparing it again (a whole list does this for each of 100,000 persons).
    @inline(__always) static func basisCode(ownDate: Bool, bounded: @autoclosure () -> Bool, past: @autoclosure () -> Bool) -> UInt8 {
        ownDate ? 0 : bounded() ? 1 : past() ? 2 : 3
    }

    /// ``StatusStep/listBasis``.
    var basis: String { Self.basis(basisCode) }

    /// ``StatusStep/listDate``.
    var listDate: String? { Self.showsDate(basisCode) ? effectiveDate : nil }

    /// The basis a ``basisCode(ownDate:bounded:past:)`` stands for.
    @inline(__always) static func basis(_ code: UInt8) -> String {
        switch code {
        case 0: "event"
        case 1: "bounded"
        case 2: "not stated"
        default: "reported"
        }
    }

    /// Whether a row of this basis shows its date (``StatusStep/listDate``: its own, or its resolution's).
    @inline(__always) static func showsDate(_ code: UInt8) -> Bool { code == 0 || code == 3 }
}

/// A person's standing step as a whole list keeps it until its row is made: its texts as places
/// in the list's ``StepTexts`` and its review as a state, nothing counted by reference, so keeping
/// and dropping 100,000 of them retains and releases nothing.
struct StandingPlaces {
    var status: Int32
    var effectiveDate: Int32
    var after: Int32
    var before: Int32
    var review: ReviewState
    var basisCode: UInt8
}

/// The texts of the steps a list read, by place: a short text (a date, a bound, a tense) in the
/// memo, a status among the seventeen, anything else (a longer text, an unknown status) in
/// `others` (place -2 is its first; -1 is null).
final class StepTexts {
    let memo = TextMemo()
    let statuses = InternedStrings.statuses
    private(set) var others: [String] = []

    /// The place of a text whose bytes these are (kept now if it was not yet).
    @inline(__always) func place(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        let slot = memo.slot(bytes, count: count)
        return slot >= 0 ? slot : other(String(cString: bytes))
    }

    /// The place of a status whose bytes these are (one of the seventeen, or kept among the others).
    @inline(__always) func statusPlace(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        if let known = statuses.index(bytes: bytes, count: count) { return Int32(known) }
        return other(String(cString: bytes))
    }

    private func other(_ text: String) -> Int32 {
        others.append(text)
        return Int32(-others.count - 1)
    }

    /// The text at `place` (nil for -1).
    @inline(__always) func text(_ place: Int32) -> String? {
        place >= 0 ? memo[place] : place == -1 ? nil : others[Int(-place - 2)]
    }

    /// The status at `place`.
    @inline(__always) func status(_ place: Int32) -> String {
        place >= 0 ? statuses[Int(place)] : others[Int(-place - 2)]
    }
}

/// ``StepDateWording/text(date:basis:after:before:)`` for many rows: a resolution's date
/// (`as of 2024-01-18 (reported)`) is worded once and the string shared by every row that
/// shows it, instead of one new string per row (found by the date's place in the list's texts,
/// else by the date).
struct StepWordings {
    private var reported: [String: String] = [:]
    private var byPlace: [String?] = []

    mutating func text(date: String?, basis: String, after: String?, before: String?, datePlace: Int32 = -1) -> String {
        guard basis == "reported", let date else { return StepDateWording.text(date: date, basis: basis, after: after, before: before) }
        if datePlace >= 0 {
            if byPlace.isEmpty { byPlace = Array(repeating: nil, count: TextMemo.size) }
            if let known = byPlace[Int(datePlace)] { return known }
            let text = StepDateWording.text(date: date, basis: basis, after: after, before: before)
            byPlace[Int(datePlace)] = text
            return text
        }
        if let known = reported[date] { return known }
        let text = StepDateWording.text(date: date, basis: basis, after: after, before: before)
        reported[date] = text
        return text
    }
}

/// Filters for person and status lists. All are optional and combine with AND.
public struct PersonFilter: Sendable {
    public var status: CaseStatus?
    public var organisation: String?
    public var document: String?
    /// Statuses as they stood at the end of this period (`2022` = 31 December 2022).
    public var asOf: PartialDate?
    /// Only people who have a status (at `asOf`).
    public var withStatusOnly: Bool
    /// Answer from claims a person confirmed only (`--reviewed`).
    public var reviewedOnly: Bool

    public init(status: CaseStatus? = nil, organisation: String? = nil, document: String? = nil,
                asOf: PartialDate? = nil, withStatusOnly: Bool = false, reviewedOnly: Bool = false) {
        self.reviewedOnly = reviewedOnly
        self.status = status
        self.organisation = organisation
        self.document = document
        self.asOf = asOf
        self.withStatusOnly = withStatusOnly
    }
}

extension CaseQueries {
    /// The columns of a status event the current-status rule reads (``StatusStep``), all in
    /// the `status_event_person` index. The loop in ``standing(sql:arguments:reviewedOnly:persons:in:)``
    /// reads each cell once as SQLite stored it and refuses a cell of the wrong storage class
    /// (bytes where text belongs, text where an id belongs) instead of trapping on it. (That check
    /// was a `typeof` expression over every cell in SQL: a third of everyone's status as of a date.)
    public static let stepColumns = """
        e.person_id, e.id, e.status, e.effective_start, e.effective_date, e.date IS NOT NULL AS own_date,
        e.step, e.section_id, e.tense, e.date_after, e.date_before
        """

    /// ``stepColumns`` for a database of an earlier schema, read as it is: no steps or bounds
    /// yet (its events read as not worked out).
    static let stepColumnsBeforeSteps = """
        e.person_id, e.id, e.status, e.effective_start, e.effective_date, e.date IS NOT NULL AS own_date,
        NULL AS step, e.section_id, NULL AS tense, NULL AS date_after, NULL AS date_before
        """

    /// ``stepColumns`` as `db` has them.
    static func stepColumns(in db: Database) throws -> String {
        try hasSteps(db) ? stepColumns : stepColumnsBeforeSteps
    }

    /// Whether `status_event` has the columns of schema 9 (steps and bounds).
    static func hasSteps(_ db: Database) throws -> Bool {
        try db.columns(in: "status_event").contains { $0.name == "step" }
    }

    /// The status events up to a day (first argument) of the persons matching `conditions`
    /// (on `person p`, arguments after the day), per person in time order: what
    /// ``StatusRule`` picks each person's status from.
    public static func personsSQL(conditions: [String]) -> String {
        """
        SELECT \(stepColumns) FROM status_event e
        WHERE e.effective_start <= ? AND e.person_id IN (SELECT p.id FROM person p WHERE \(conditions.joined(separator: " AND ")))
        ORDER BY e.person_id, e.effective_start, e.id
        """
    }

    /// Active persons (merged ones excluded) with their status as of the filter's date.
    ///
    /// An event counts from the first day of its date (`2022-01` from 1 January; an
    /// undated step placed before a later one, from that upper bound); `asOf` counts to
    /// the last day of its period. Retracted events never count. The status is the one
    /// ``StatusRule`` picks.
    public func persons(_ filter: PersonFilter) throws -> [PersonStatusRow] {
        try read { db in
            var rows = filter.organisation == nil && filter.document == nil
                ? try Self.everyone(filter, in: db) : try Self.selected(filter, in: db)
            try Self.addAliases(to: &rows, in: db)
            return rows
        }
    }

    /// One page of ``persons(_:)``: the rows from `offset`, at most `limit`, and how many match in all.
    ///
    /// Without a status filter the page is cut in SQL over the `person_name`
    /// index and statuses are read for the page's persons only (one index
    /// search each), so the first page of 100,000 costs a hundred searches.
    /// A status filter (or "with a status only") needs everyone's status to
    /// count the matches: that case still computes the whole list and slices it.
    /// Other names are read for the page's rows only.
    public func persons(_ filter: PersonFilter, offset: Int, limit: Int) throws -> (rows: [PersonStatusRow], total: Int) {
        try read { db in
            let offset = max(0, offset), limit = max(0, limit)
            if filter.status != nil || filter.withStatusOnly {
                let all = filter.organisation == nil && filter.document == nil
                    ? try Self.everyone(filter, in: db) : try Self.selected(filter, in: db)
                let start = min(offset, all.count), end = min(all.count, start + limit)
                var rows = Array(all[start..<end])
                try Self.addAliases(to: &rows, in: db)
                return (rows, all.count)
            }
            let (conditions, arguments) = try Self.personConditions(filter, in: db)
            // Everyone active: all persons less the merged ones. SQLite counts a whole table from its
            // pages (no row visited) and the merged ones through `person_merged_into`, where stepping
            // through 100,000 index entries for `merged_into_id IS NULL` took milliseconds a page.
            let total = filter.organisation == nil && filter.document == nil
                ? try Int.fetchOne(cached: db, sql: Self.activePersonsCountSQL) ?? 0
                : try Int.fetchOne(db, sql: "SELECT count(*) FROM person p WHERE \(conditions.joined(separator: " AND "))",
                                   arguments: StatementArguments(arguments)) ?? 0
            guard offset < total, limit > 0 else { return ([], total) }
            let asOf = filter.asOf?.end.description ?? "9999-12-31"
            let page = try Row.fetchAll(db, sql: Self.personsPageSQL(conditions: conditions), arguments: StatementArguments(arguments + [limit, offset]))
            let ids = try page.map { try $0[checkedAt: 0] as Int64 }
            let standing = try Self.standing(sql: Self.personEventsSQL(ids: ids), arguments: [asOf], reviewedOnly: filter.reviewedOnly, in: db)
            var rows = try page.map { row in
                let id: Int64 = try row[checkedAt: 0]
                return PersonStatusRow(id: id, name: try row[checkedAt: 1], standing: standing[id])
            }
            try Self.addAliases(to: &rows, in: db)
            return (rows, total)
        }
    }

    /// How many persons are not merged into another (the whole table's count less the merged ones).
    static let activePersonsCountSQL = """
        SELECT (SELECT count(*) FROM person) - (SELECT count(*) FROM person WHERE merged_into_id IS NOT NULL)
        """

    /// One page of persons matching `conditions` (arguments first), in name
    /// order: `LIMIT ? OFFSET ?` over the persons; their statuses are read
    /// with ``personEventsSQL(ids:)``.
    public static func personsPageSQL(conditions: [String]) -> String {
        """
        SELECT p.id, p.name FROM person p WHERE \(conditions.joined(separator: " AND "))
        ORDER BY p.name COLLATE NOCASE, p.id LIMIT ? OFFSET ?
        """
    }

    /// The status events up to a day (the argument) of the persons `ids` (one index search each).
    public static func personEventsSQL(ids: [Int64]) -> String {
        """
        SELECT \(stepColumns) FROM status_event e
        WHERE e.person_id IN (\(ids.map(String.init).joined(separator: ","))) AND e.effective_start <= ?
        ORDER BY e.person_id, e.effective_start, e.id
        """
    }

    /// Every event up to a day, per person in time order (a scan of the covering index).
    public static let everyoneEventsSQL = """
        SELECT \(stepColumns) FROM status_event e
        WHERE e.effective_start <= ? ORDER BY e.person_id, e.effective_start, e.id
        """

    /// Each person's standing step among the events `sql` reads (in the columns of
    /// ``stepColumns``, grouped by person, in time order): retracted events left out, the rest judged by ``StatusRule``.
    /// A claim a person rejected never counts; with `reviewedOnly`, only confirmed ones do.
    ///
    /// This loop reads every event of everyone (`status list`): each cell is decoded once,
    /// straight from the statement, and a person's steps go through the whole rule only
    /// when it needs them (see ``StatusRule/latest(_:document:)``).
    /// `persons`: about how many persons the events belong to (room is made for them at once).
    static func standing(sql: String, arguments: StatementArguments, reviewedOnly: Bool = false, persons: Int = 0, in db: Database) throws -> StandingSteps {
        let sql = try hasSteps(db) ? sql : sql.replacingOccurrences(of: stepColumns, with: stepColumnsBeforeSteps)
        let retracted = Set(try Int64.fetchAll(cached: db, sql: "SELECT event_id FROM status_retraction"))
        let reviews = try ClaimReviews.states(.status, in: db)
        // The literal (not a bound argument) lets SQLite use the partial index `status_event_release_call`.
        let inferred = Set(try Int64.fetchAll(cached: db, sql: "SELECT id FROM status_event WHERE note = 'implied by a call for release'"))
        let documents = StatusRule.Documents(db)
        // The person's events as read (``PendingStep``: no string copied or released per event);
        // their texts are places in `texts` (dates, bounds, tenses: a few thousand texts read
        // 400,000 times).
        let texts = StepTexts()
        var reader = StandingReader(texts: texts, document: { try documents($0) }, capacity: persons)
        let statement = try db.makeStatement(sql: sql)
        let events = try Row.fetchCursor(statement, arguments: arguments)
        // Every cell is checked before the row is skipped or kept, each read once straight from
        // SQLite (no `DatabaseValue`, no generic decoding; a status is one of the seventeen known
        // strings, not a new one each row). A cell of the wrong storage class is refused.
        let cells = StatementCells(statement)
        let checkRetracted = !retracted.isEmpty, checkInferred = !inferred.isEmpty
        let reviewOf = EventReviews(reviews)
        while let row = try events.next() {
            // Each cell is asked of the statement once (its value), its storage class then read off
            // the value: null, or the one its column holds.
            func optionalInteger(_ index: CInt) throws -> Int64? {
                let cell = cells.value(index)
                switch cell.storageClass {
                case SQLITE_NULL: return nil
                case SQLITE_INTEGER: return cell.integer
                default: throw undecodableStep(row)
                }
            }
            /// The text's place (-1: null).
            func textPlace(_ index: CInt, optional: Bool = true) throws -> Int32 {
                let cell = cells.value(index)
                switch cell.storageClass {
                case SQLITE_NULL where optional: return -1
                case SQLITE_TEXT:
                    guard let bytes = cell.bytes else { throw undecodableStep(row) }
                    return texts.place(bytes, count: cell.byteCount)
                default: throw undecodableStep(row)
                }
            }
            let ownerCell = cells.value(0), idCell = cells.value(1), statusCell = cells.value(2)
            guard ownerCell.storageClass == SQLITE_INTEGER, idCell.storageClass == SQLITE_INTEGER,
                  statusCell.storageClass == SQLITE_TEXT, let statusBytes = statusCell.bytes else { throw undecodableStep(row) }
            let owner = ownerCell.integer, id = idCell.integer
            let statusPlace = texts.statusPlace(statusBytes, count: statusCell.byteCount)
            let effectiveStart = try textPlace(3, optional: false)
            let effectiveDate = try textPlace(4)
            let ownDateCell = cells.value(5)
            let ownDate: Bool = if ownDateCell.storageClass == SQLITE_INTEGER { ownDateCell.integer != 0 } else { try row.decode(atIndex: 5) }
            let stepNumber = try optionalInteger(6), section = try optionalInteger(7), tense = try textPlace(8)
            let after = try textPlace(9), before = try textPlace(10)
            if checkRetracted, retracted.contains(id) { continue }
            let review = reviewOf[id]
            if review == .rejected || (reviewedOnly && review != .confirmed) { continue }
            try reader.add(owner, PendingStep(
                id: id, section: section, step: stepNumber, status: statusPlace, effectiveStart: effectiveStart,
                effectiveDate: effectiveDate, tense: tense, after: after, before: before, ownDate: ownDate,
                inferred: checkInferred && inferred.contains(id), review: review))
        }
        return try reader.finish()
    }

    /// The first cell of a step's row that cannot be read as its column's type, named as
    /// `row[checkedAt:]` names it.
    static func undecodableStep(_ row: Row) -> UndecodableCell {
        let names = Array(row.columnNames)
        let integers: Set<Int> = [0, 1, 6, 7]
        for index in 0..<11 where index != 5 {
            let value: DatabaseValue = row[index]
            switch value.storage {
            case .null:
                continue
            case .int64 where integers.contains(index), .string where !integers.contains(index):
                continue
            case .blob where !integers.contains(index):
                return UndecodableCell(column: names[index], underlying: BytesAsText())
            default:
                return UndecodableCell(column: names[index], underlying: nil)
            }
        }
        return UndecodableCell(column: names[min(10, names.count - 1)], underlying: nil)
    }

    /// Everyone: one pass over the status index keeps each person's standing
    /// step, then one pass over persons in name order.
    static func everyone(_ filter: PersonFilter, in db: Database) throws -> [PersonStatusRow] {
        let asOf = filter.asOf?.end.description ?? "9999-12-31"
        // Room for everyone at once (the largest id bounds how many there are; it is read from the table's b-tree, not counted).
        let room = min(10_000_000, max(0, Int(try Int64.fetchOne(cached: db, sql: "SELECT max(id) FROM person") ?? 0)))
        let latest = try standing(sql: everyoneEventsSQL, arguments: [asOf], reviewedOnly: filter.reviewedOnly, persons: room, in: db)
        var rows: [PersonStatusRow] = []
        rows.reserveCapacity(filter.status == nil ? room : latest.count)
        // Cells decoded straight from the statement, each read once as SQLite stored it: a name
        // that is not text (bytes) is refused as `row[checkedAt:]` refuses it.
        let statement = try db.makeStatement(sql: """
            SELECT id, name FROM person WHERE merged_into_id IS NULL ORDER BY name COLLATE NOCASE, id
            """)
        let persons = try Row.fetchCursor(statement)
        let cells = StatementCells(statement)
        var wording = StepWordings()
        let texts = latest.texts
        while let row = try persons.next() {
            let nameCell = cells.value(1), idCell = cells.value(0)
            guard nameCell.storageClass == SQLITE_TEXT, let nameBytes = nameCell.bytes else {
                _ = try row[checkedAt: 1] as String
                throw UndecodableCell(column: "name", underlying: nil)
            }
            let name = String(cString: nameBytes)
            let id: Int64 = if idCell.storageClass == SQLITE_INTEGER { idCell.integer } else { try row.decode(atIndex: 0) }
            let places = latest.places(id)
            if let wanted = filter.status, places.map({ texts.status($0.status) }) != wanted.rawValue { continue }
            if filter.withStatusOnly, places == nil { continue }
            rows.append(PersonStatusRow(id: id, name: name, places: places, texts: texts, wording: &wording))
        }
        return rows
    }

    static func selected(_ filter: PersonFilter, in db: Database) throws -> [PersonStatusRow] {
        let (conditions, arguments) = try personConditions(filter, in: db)
        let asOf: any DatabaseValueConvertible = filter.asOf?.end.description ?? "9999-12-31"
        let latest = try standing(sql: personsSQL(conditions: conditions), arguments: StatementArguments([asOf] + arguments),
                                  reviewedOnly: filter.reviewedOnly, in: db)
        var rows: [PersonStatusRow] = []
        for row in try Row.fetchAll(db, sql: "SELECT p.id, p.name FROM person p WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.name COLLATE NOCASE, p.id",
                                    arguments: StatementArguments(arguments)) {
            let id: Int64 = try row[checkedAt: 0]
            let standing = latest[id]
            if let wanted = filter.status, standing?.status != wanted.rawValue { continue }
            if filter.withStatusOnly, standing == nil { continue }
            rows.append(PersonStatusRow(id: id, name: try row[checkedAt: 1], standing: standing))
        }
        return rows
    }

    /// The conditions on `person p` for the filter's organisation and document
    /// (not its status), with their arguments. An unknown organisation or
    /// document is an error, never an empty list.
    static func personConditions(_ filter: PersonFilter, in db: Database) throws
        -> (conditions: [String], arguments: [any DatabaseValueConvertible]) {
        var conditions = ["p.merged_into_id IS NULL"]
        var arguments: [any DatabaseValueConvertible] = []
        if let organisation = filter.organisation {
            let ids = try Self.organisationIDs(organisation, in: db)
            conditions.append("p.id IN (SELECT m.person_id FROM membership m WHERE m.organisation_id IN (\(ids.map(String.init).joined(separator: ","))))")
        }
        if let document = filter.document {
            _ = try Self.documentID(document, in: db)
            conditions.append("""
                p.id IN (SELECT mn.person_id FROM mention mn JOIN section s ON s.id = mn.section_id
                         JOIN document d ON d.id = s.document_id WHERE d.procedure = ? COLLATE NOCASE)
                """)
            arguments.append(document.trimmingWhitespace())
        }
        return (conditions, arguments)
    }

    /// Other names in one pass (a few persons: by id; many: the whole alias table).
    static func addAliases(to rows: inout [PersonStatusRow], in db: Database) throws {
        let ids = rows.map(\.id)
        let position = RowPositions(ids)
        // Cells decoded straight from the statement (every alias of everyone, for a whole list), each
        // read once as SQLite stored it: a cell of the wrong type is refused as `row[checkedAt:]` refuses it.
        let columns = "person_id, alias"
        let statement = ids.count <= 500
            ? try db.makeStatement(sql: "SELECT \(columns) FROM person_alias WHERE person_id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY id")
            : try db.makeStatement(sql: "SELECT \(columns) FROM person_alias ORDER BY id")
        let cursor = try Row.fetchCursor(statement)
        let cells = StatementCells(statement)
        while let row = try cursor.next() {
            // Each cell asked of the statement once (its value), read off the value after.
            let personCell = cells.value(0), aliasCell = cells.value(1)
            guard personCell.storageClass == SQLITE_INTEGER else { throw undecodableAlias(row) }
            guard let index = position[personCell.integer] else {
                // Not a row of the list: only its storage class is checked, as before.
                if aliasCell.storageClass != SQLITE_TEXT { throw undecodableAlias(row) }
                continue
            }
            guard aliasCell.storageClass == SQLITE_TEXT, let bytes = aliasCell.bytes else { throw undecodableAlias(row) }
            let count = aliasCell.byteCount
            // Most persons' first other name is their name: compared byte for byte before any
            // string is made of it (equal bytes hold no NUL where the name holds none, so they read
            // as the name); a name that differs in its bytes is compared as a string (canonically
            // equivalent spellings are the same name, as they always were).
            var name = rows[index].name
            let same = name.withUTF8 { CellValue.bytes(bytes, count: count, equal: $0) }
            if same { continue }
            let alias = String(cString: bytes)
            if alias != name { rows[index].aliases.append(alias) }
        }
    }

    /// The error for a row of `person_alias` whose cells are not an id and a text.
    static func undecodableAlias(_ row: Row) -> any Error {
        do {
            _ = try row[checkedAt: 0] as Int64
            _ = try row[checkedAt: 1] as String
        } catch { return error }
        return UndecodableCell(column: "alias", underlying: nil)
    }
}

/// The rule's pass over a whole list's events, person by person (the events of one person come
/// together): a person's events are kept as read, and when the next person's begin, the one
/// ``StatusRule`` picks is kept as ``StandingPlaces``. A struct, so that its state is reached
/// without the run-time exclusivity checks a closure's captured variables cost at every event.
struct StandingReader {
    let texts: StepTexts
    /// One closure for every person (a method reference made per person is an allocation each).
    let document: (Int64?) throws -> Int64?
    private let deceased: Int32
    private let unreviewed = ReviewState.unreviewed.rawValue
    private var standing: StandingSteps
    private var person: Int64?
    private var pending: [PendingStep] = []

    init(texts: StepTexts, document: @escaping (Int64?) throws -> Int64?, capacity: Int) {
        self.texts = texts
        self.document = document
        deceased = texts.statuses.index(of: CaseStatus.deceased.rawValue).map(Int32.init) ?? -1
        standing = StandingSteps(texts: texts, capacity: capacity)
    }

    /// One more event of `owner` (the events of one person come one after another).
    @inline(__always) mutating func add(_ owner: Int64, _ event: PendingStep) throws {
        if owner != person {
            try settle()
            person = owner
            pending.removeAll(keepingCapacity: true)
        }
        pending.append(event)
    }

    /// The standing step of each person read.
    mutating func finish() throws -> StandingSteps {
        try settle()
        standing.finish()
        return standing
    }

    /// The event made a whole ``StatusStep``.
    func step(_ event: PendingStep) -> StatusStep {
        StatusStep(
            id: event.id, status: texts.status(event.status), effectiveStart: texts.text(event.effectiveStart) ?? "",
            effectiveDate: texts.text(event.effectiveDate), section: event.section, step: event.step.map { Int($0) },
            ownDate: event.ownDate, tense: texts.text(event.tense), after: texts.text(event.after), before: texts.text(event.before),
            inferred: event.inferred, review: event.review == .unreviewed ? unreviewed : event.review.rawValue)
    }

    /// ``StatusStep/orderStart`` of the event's step (made whole only when a lower bound may lift it).
    func orderStart(_ event: PendingStep) -> String {
        if !event.ownDate, event.before == -1, event.after != -1 { return step(event).orderStart }
        return texts.text(event.effectiveStart) ?? ""
    }

    func isDeath(_ event: PendingStep) -> Bool {
        event.status >= 0 ? event.status == deceased : texts.status(event.status) == CaseStatus.deceased.rawValue
    }

    /// Whether one of the person's events is a death (a loop, not a closure: one would copy the reader).
    private func hasDeath() -> Bool {
        for event in pending where isDeath(event) { return true }
        return false
    }

    /// ``StatusRule/latestIndex(_:document:)`` on the person's events: one stands alone; a death
    /// takes the whole rule on the steps made whole; else its one pass (the latest day, the
    /// rule's order on a tie), on the events as read. The chosen one is kept as places.
    private mutating func settle() throws {
        guard let person, !pending.isEmpty else { return }
        let chosen: Int
        if pending.count == 1 {
            chosen = 0
        } else if hasDeath() {
            var steps: [StatusStep] = []
            steps.reserveCapacity(pending.count)
            for event in pending { steps.append(step(event)) }
            guard let index = try StatusRule.latestIndex(steps, document: document) else { return }
            chosen = index
        } else {
            var best = 0
            var bestStart = orderStart(pending[0])
            for index in 1..<pending.count {
                let start = orderStart(pending[index])
                if start > bestStart {
                    best = index
                    bestStart = start
                } else if start == bestStart, try StatusRule.precedes(step(pending[best]), step(pending[index]), document: document) {
                    best = index
                }
            }
            chosen = best
        }
        let event = pending[chosen]
        // ``StatusStep/listBasis`` of the chosen step, its tense read only when the rest does not decide it.
        let basis = Standing.basisCode(ownDate: event.ownDate, bounded: event.after != -1 || event.before != -1,
                                       past: texts.text(event.tense) == "past")
        standing.append(person, StandingPlaces(status: event.status, effectiveDate: event.effectiveDate, after: event.after,
                                               before: event.before, review: event.review, basisCode: basis))
    }
}

/// Each person's standing step, kept in person id order (the order the status index reads
/// them in) and found by binary search: no hashing of 100,000 ids for a whole list. When the ids
/// are dense (a whole list's are), a flat table by id finds each at once.
struct StandingSteps {
    /// The texts the kept places point at.
    let texts: StepTexts
    private var ids: [Int64] = []
    private var steps: [StandingPlaces] = []
    private var sorted = true
    /// Position of each id in ``ids`` (-1: none), for dense ids; empty otherwise.
    private var table: [Int32] = []

    init(texts: StepTexts, capacity: Int = 0) {
        self.texts = texts
        ids.reserveCapacity(capacity)
        steps.reserveCapacity(capacity)
    }

    var count: Int { ids.count }

    mutating func append(_ id: Int64, _ step: StandingPlaces) {
        if let last = ids.last, id <= last { sorted = false }
        ids.append(id)
        steps.append(step)
    }

    /// Puts the steps in id order if they were not read in it.
    mutating func finish() {
        if !sorted {
            let order = ids.indices.sorted { ids[$0] < ids[$1] }
            ids = order.map { ids[$0] }
            steps = order.map { steps[$0] }
            sorted = true
        }
        if ids.count > 1000, let first = ids.first, let last = ids.last, first >= 0, last < Int64(4 * ids.count + 1024) {
            table = Array(repeating: -1, count: Int(last) + 1)
            for (index, id) in ids.enumerated() where table[Int(id)] < 0 { table[Int(id)] = Int32(index) }
        }
    }

    /// The person's standing step, its texts read now.
    subscript(id: Int64) -> Standing? { places(id).map { Standing($0, texts) } }

    /// The person's standing step as kept (its texts places in ``texts``).
    @inline(__always) func places(_ id: Int64) -> StandingPlaces? {
        if !table.isEmpty {
            guard id >= 0, id < Int64(table.count) else { return nil }
            let index = table[Int(id)]
            return index < 0 ? nil : steps[Int(index)]
        }
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? steps[low] : nil
    }
}

/// Where each person id sits in a list of rows: a flat table by id when the ids are dense
/// (as a whole list's are), else a dictionary.
struct RowPositions {
    private var table: [Int32] = []
    private var dictionary: [Int64: Int] = [:]
    private let dense: Bool

    init(_ ids: [Int64]) {
        let largest = ids.max() ?? 0
        dense = ids.count > 1000 && largest < Int64(4 * ids.count + 1024) && ids.allSatisfy { $0 >= 0 }
        if dense {
            table = Array(repeating: -1, count: Int(largest) + 1)
            for (index, id) in ids.enumerated() { table[Int(id)] = Int32(index) }
        } else {
            dictionary = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    subscript(id: Int64) -> Int? {
        guard dense else { return dictionary[id] }
        guard id >= 0, id < Int64(table.count) else { return nil }
        let index = table[Int(id)]
        return index < 0 ? nil : Int(index)
    }
}
