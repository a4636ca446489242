import CaseIngest
import CaseStore
import GRDB

/// One person and their status at some date: the `person list` / `status list` row.
public struct PersonStatusRow: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var aliases: [String]
    public var status: String?
    public var statusDate: String?
    /// `event` when the date is the event's own, `reported` when it is the
    /// date of the resolution that reported an event it did not date.
    public var statusDateBasis: String?
    /// The standing event's review state: `unreviewed`, `confirmed` (nil without a status).
    public var review: String?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, status, review
        case statusDate = "status_date", statusDateBasis = "status_date_basis"
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
    /// Persons with their status as of the first argument (a day), filtered by `conditions`.
    public static func personsSQL(conditions: [String], reviewedOnly: Bool = false) -> String {
        """
        SELECT p.id, p.name, e.status, e.effective_date AS date,
               CASE WHEN e.id IS NULL THEN NULL WHEN e.date IS NULL THEN 'reported' ELSE 'event' END AS basis,
               CASE WHEN e.id IS NULL THEN NULL ELSE \(ClaimReviews.stateSQL(.status, id: "e.id")) END AS review
        FROM person p
        LEFT JOIN status_event e ON e.id = (
            SELECT e2.id FROM status_event e2
            WHERE e2.person_id = p.id AND e2.effective_start <= ?
              AND NOT EXISTS (SELECT 1 FROM status_retraction r WHERE r.event_id = e2.id)
              AND \(reviewCondition(reviewedOnly))
            ORDER BY e2.effective_start DESC, e2.id DESC LIMIT 1)
        WHERE \(conditions.joined(separator: " AND "))
        ORDER BY p.name COLLATE NOCASE, p.id
        """
    }

    /// Active persons (merged ones excluded) with their status as of the filter's date.
    ///
    /// An event counts from the first day of its date (`2022-01` from 1 January);
    /// `asOf` counts to the last day of its period. Retracted events never count.
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
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM person p WHERE \(conditions.joined(separator: " AND "))",
                                         arguments: StatementArguments(arguments)) ?? 0
            guard offset < total, limit > 0 else { return ([], total) }
            let asOf = filter.asOf?.end.description ?? "9999-12-31"
            var rows = try Row.fetchAll(db, sql: Self.personsPageSQL(conditions: conditions, reviewedOnly: filter.reviewedOnly),
                                        arguments: StatementArguments(arguments + [limit, offset, asOf])).map(Self.personStatusRow)
            try Self.addAliases(to: &rows, in: db)
            return (rows, total)
        }
    }

    /// One page of persons matching `conditions` (arguments first), in name
    /// order: `LIMIT ? OFFSET ?` over the persons, then each page person's
    /// status as of the last argument (a day), as ``personsSQL(conditions:)`` reads it.
    public static func personsPageSQL(conditions: [String], reviewedOnly: Bool = false) -> String {
        """
        SELECT p.id, p.name, e.status, e.effective_date AS date,
               CASE WHEN e.id IS NULL THEN NULL WHEN e.date IS NULL THEN 'reported' ELSE 'event' END AS basis,
               CASE WHEN e.id IS NULL THEN NULL ELSE \(ClaimReviews.stateSQL(.status, id: "e.id")) END AS review
        FROM (SELECT p.id, p.name FROM person p WHERE \(conditions.joined(separator: " AND "))
              ORDER BY p.name COLLATE NOCASE, p.id LIMIT ? OFFSET ?) p
        LEFT JOIN status_event e ON e.id = (
            SELECT e2.id FROM status_event e2
            WHERE e2.person_id = p.id AND e2.effective_start <= ?
              AND NOT EXISTS (SELECT 1 FROM status_retraction r WHERE r.event_id = e2.id)
              AND \(reviewCondition(reviewedOnly))
            ORDER BY e2.effective_start DESC, e2.id DESC LIMIT 1)
        ORDER BY p.name COLLATE NOCASE, p.id
        """
    }

    /// Every event up to a day, per person in time order (a scan of the covering index).
    public static let everyoneEventsSQL = """
        SELECT person_id, id, status, effective_date, date IS NULL FROM status_event
        WHERE effective_start <= ? ORDER BY person_id, effective_start, id
        """

    /// Everyone: one pass over the status index keeps each person's latest
    /// standing event, then one pass over persons in name order.
    static func everyone(_ filter: PersonFilter, in db: Database) throws -> [PersonStatusRow] {
        let asOf = filter.asOf?.end.description ?? "9999-12-31"
        let retracted = Set(try Int64.fetchAll(db, sql: "SELECT event_id FROM status_retraction"))
        let reviews = try ClaimReviews.states(.status, in: db)
        var latest: [Int64: (status: String, date: String?, reported: Bool, review: ReviewState)] = [:]
        let events = try Row.fetchCursor(db, sql: everyoneEventsSQL, arguments: [asOf])
        while let row = try events.next() {
            let id: Int64 = try row[checkedAt: 1]
            if retracted.contains(id) { continue }
            // A rejected claim never counts; with --reviewed, only confirmed ones do.
            let review = reviews[id] ?? .unreviewed
            if review == .rejected || (filter.reviewedOnly && review != .confirmed) { continue }
            try latest[row[checkedAt: 0]] = (row[checkedAt: 2], row[checkedAt: 3], row[checkedAt: 4], review)
        }
        var rows: [PersonStatusRow] = []
        let persons = try Row.fetchCursor(db, sql: "SELECT id, name FROM person WHERE merged_into_id IS NULL ORDER BY name COLLATE NOCASE, id")
        while let row = try persons.next() {
            let id: Int64 = try row[checkedAt: 0]
            let standing = latest[id]
            if let wanted = filter.status, standing?.status != wanted.rawValue { continue }
            if filter.withStatusOnly, standing == nil { continue }
            try rows.append(PersonStatusRow(id: id, name: row[checkedAt: 1], aliases: [], status: standing?.status, statusDate: standing?.date,
                                        statusDateBasis: standing.map { $0.reported ? "reported" : "event" }, review: standing?.review.rawValue))
        }
        return rows
    }

    static func selected(_ filter: PersonFilter, in db: Database) throws -> [PersonStatusRow] {
        var (conditions, arguments) = try personConditions(filter, in: db)
        if let status = filter.status {
            conditions.append("e.status = ?")
            arguments.append(status.rawValue)
        } else if filter.withStatusOnly {
            conditions.append("e.id IS NOT NULL")
        }
        let asOf: any DatabaseValueConvertible = filter.asOf?.end.description ?? "9999-12-31"
        return try Row.fetchAll(db, sql: Self.personsSQL(conditions: conditions, reviewedOnly: filter.reviewedOnly), arguments: StatementArguments([asOf] + arguments))
            .map(personStatusRow)
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

    /// A row of ``personsSQL(conditions:)`` or ``personsPageSQL(conditions:)``.
    static func personStatusRow(_ row: Row) throws -> PersonStatusRow {
        try PersonStatusRow(id: row[checked: "id"], name: row[checked: "name"], aliases: [], status: row[checked: "status"],
                            statusDate: row[checked: "date"], statusDateBasis: row[checked: "basis"], review: row[checked: "review"])
    }

    /// The condition on a candidate event `e2`: never rejected; with `reviewedOnly`, confirmed.
    static func reviewCondition(_ reviewedOnly: Bool) -> String {
        ClaimReviews.stateSQL(.status, id: "e2.id") + (reviewedOnly ? " = 'confirmed'" : " <> 'rejected'")
    }

    /// Other names in one pass (a few persons: by id; many: the whole alias table).
    static func addAliases(to rows: inout [PersonStatusRow], in db: Database) throws {
        let ids = rows.map(\.id)
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let cursor = ids.count <= 500
            ? try Row.fetchCursor(db, sql: "SELECT person_id, alias FROM person_alias WHERE person_id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY id")
            : try Row.fetchCursor(db, sql: "SELECT person_id, alias FROM person_alias ORDER BY id")
        while let row = try cursor.next() {
            guard let index = position[try row[checkedAt: 0] as Int64] else { continue }
            let alias: String = try row[checkedAt: 1]
            if alias != rows[index].name { rows[index].aliases.append(alias) }
        }
    }
}
