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

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, status
        case statusDate = "status_date"
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

    public init(status: CaseStatus? = nil, organisation: String? = nil, document: String? = nil,
                asOf: PartialDate? = nil, withStatusOnly: Bool = false) {
        self.status = status
        self.organisation = organisation
        self.document = document
        self.asOf = asOf
        self.withStatusOnly = withStatusOnly
    }
}

extension CaseQueries {
    /// Persons with their status as of the first argument (a day), filtered by `conditions`.
    public static func personsSQL(conditions: [String]) -> String {
        """
        SELECT p.id, p.name, e.status, e.effective_date AS date,
               (SELECT group_concat(a.alias, char(31)) FROM person_alias a
                WHERE a.person_id = p.id AND a.alias <> p.name) AS aliases
        FROM person p
        LEFT JOIN status_event_dated e ON e.id = (
            SELECT e2.id FROM status_event_dated e2
            WHERE e2.person_id = p.id AND COALESCE(e2.effective_start, '0000') <= ? AND NOT e2.retracted
            ORDER BY COALESCE(e2.effective_start, '0000') DESC, e2.id DESC LIMIT 1)
        WHERE \(conditions.joined(separator: " AND "))
        ORDER BY p.name COLLATE NOCASE, p.id
        """
    }

    /// Active persons (merged ones excluded) with their status as of the filter's date.
    ///
    /// An event counts from the first day of its date (`2022-01` from 1 January);
    /// `asOf` counts to the last day of its period. Retracted events never count.
    public func persons(_ filter: PersonFilter) throws -> [PersonStatusRow] {
        try reader.read { db in
            var conditions = ["p.merged_into_id IS NULL"]
            var arguments: [any DatabaseValueConvertible] = [filter.asOf?.end.description ?? "9999-12-31"]
            if let status = filter.status {
                conditions.append("e.status = ?")
                arguments.append(status.rawValue)
            } else if filter.withStatusOnly {
                conditions.append("e.id IS NOT NULL")
            }
            if let organisation = filter.organisation {
                conditions.append("""
                    p.id IN (SELECT m.person_id FROM membership m JOIN organisation_alias oa ON oa.organisation_id = m.organisation_id
                             WHERE oa.match_key = ?)
                    """)
                arguments.append(NameKey.matchKey(organisation))
            }
            if let document = filter.document {
                conditions.append("""
                    p.id IN (SELECT mn.person_id FROM mention mn JOIN section s ON s.id = mn.section_id
                             JOIN document d ON d.id = s.document_id WHERE d.procedure = ? COLLATE NOCASE)
                    """)
                arguments.append(document)
            }
            let sql = Self.personsSQL(conditions: conditions)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let aliases: String? = row["aliases"]
                return PersonStatusRow(
                    id: row["id"], name: row["name"],
                    aliases: aliases.map { $0.split(separator: "\u{1F}").map(String.init) } ?? [],
                    status: row["status"], statusDate: row["date"])
            }
        }
    }
}
