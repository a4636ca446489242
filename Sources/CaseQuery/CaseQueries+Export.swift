import CaseIngest
import CaseStore
import GRDB

/// A cell of an exported table, without database types.
public enum ExportValue: Sendable, Encodable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }

    /// As a CSV field: empty for null.
    public var csv: String {
        switch self {
        case .null: return ""
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return value
        }
    }
}

/// The Popolo shape (persons, organizations, memberships) for other tools.
public struct PopoloExport: Sendable, Encodable {
    public struct OtherName: Sendable, Encodable { public var name: String }
    public struct Person: Sendable, Encodable {
        public var id: String
        public var name: String
        public var otherNames: [OtherName]
        enum CodingKeys: String, CodingKey { case id, name; case otherNames = "other_names" }
    }
    public struct Organization: Sendable, Encodable {
        public var id: String
        public var name: String
        public var classification: String?
        public var otherNames: [OtherName]
        enum CodingKeys: String, CodingKey { case id, name, classification; case otherNames = "other_names" }
    }
    public struct Membership: Sendable, Encodable {
        public var personID: String
        public var organizationID: String
        public var role: String
        public var sources: [SourceRef]
        /// `unreviewed` or `confirmed` (rejected memberships are not exported).
        public var review: String
        enum CodingKeys: String, CodingKey { case role, sources, review; case personID = "person_id", organizationID = "organization_id" }
    }

    public var persons: [Person]
    public var organizations: [Organization]
    public var memberships: [Membership]
}

extension CaseQueries {
    /// casetrack's own tables, in schema order (not SQLite's, GRDB's or the FTS index's).
    public func exportTables() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'section_fts%' ORDER BY rootpage
                """)
        }
    }

    /// The column names of one of ``exportTables()``.
    public func columns(of table: String) throws -> [String] {
        try read { db in try db.columns(in: table).map(\.name) }
    }

    /// Whether `table` has a rowid (it was not created `WITHOUT ROWID`).
    static func hasRowID(_ db: Database, _ table: String) throws -> Bool {
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) ?? ""
        return !sql.uppercased().contains("WITHOUT ROWID")
    }

    /// Streams every row of `table` (one read transaction: a consistent snapshot per table).
    public func eachRow(of table: String, _ body: (_ columns: [String], _ values: [ExportValue]) throws -> Void) throws {
        try read { db in
            guard try db.tableExists(table) else { return }
            // A WITHOUT ROWID table has no rowid: its primary key orders it.
            let order = try db.primaryKey(table).rowIDColumn == nil && !(try Self.hasRowID(db, table))
                ? (try db.primaryKey(table).columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))
                : "rowid"
            // Bytes in a column declared TEXT are a damaged cell, named by `read`, not exported as base64.
            let textColumns = Set(try db.columns(in: table).filter { $0.type.uppercased().contains("TEXT") }.map(\.name))
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order)")
            let derive = Self.derivedEvidence(table: table, columns: Array(cursor.columnNames))
            while let row = try cursor.next() {
                var values: [ExportValue] = try zip(row.columnNames, row.databaseValues).map { column, value in
                    switch value.storage {
                    case .null: return .null
                    case .int64(let number): return .integer(number)
                    case .double(let number): return .real(number)
                    case .string(let text): return .text(text)
                    case .blob(let data):
                        if textColumns.contains(column) {
                            throw UndecodableCell(column: column, underlying: nil)
                        }
                        return .text(data.base64EncodedString())
                    }
                }
                derive(&values)
                try body(Array(row.columnNames), values)
            }
        }
    }

    /// Evidence as every other surface reads it: a status event implied by a call for release is
    /// `inferred` (as `history` and `person show` say), whatever the extractor stored. Status events are
    /// append-only, so the value is derived when read, not corrected in place.
    static func derivedEvidence(table: String, columns: [String]) -> (inout [ExportValue]) -> Void {
        guard table == "status_event", let evidence = columns.firstIndex(of: "evidence"), let note = columns.firstIndex(of: "note") else {
            return { _ in }
        }
        return { values in
            if case .text("stated") = values[evidence], case .text(Extraction.StatusCue.releaseCallNote) = values[note] {
                values[evidence] = .text("inferred")
            }
        }
    }

    public func popolo() throws -> PopoloExport {
        try read { db in
            var aliases: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT person_id, alias FROM person_alias ORDER BY id") {
                try aliases[row[checked: "person_id"], default: []].append(row[checked: "alias"])
            }
            let persons = try Row.fetchAll(db, sql: "SELECT id, name FROM person WHERE merged_into_id IS NULL ORDER BY id").map { row in
                let name: String = try row[checked: "name"]
                return try PopoloExport.Person(id: "person/\(row[checked: "id"] as Int64)", name: name,
                                           otherNames: (aliases[row[checked: "id"]] ?? []).filter { $0 != name }.map { .init(name: $0) })
            }
            var organisationAliases: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT organisation_id, alias FROM organisation_alias ORDER BY id") {
                try organisationAliases[row[checked: "organisation_id"], default: []].append(row[checked: "alias"])
            }
            let organizations = try Row.fetchAll(db, sql: "SELECT id, name, kind FROM organisation ORDER BY id").map { row in
                let name: String = try row[checked: "name"]
                return try PopoloExport.Organization(id: "organization/\(row[checked: "id"] as Int64)", name: name, classification: row[checked: "kind"],
                                                 otherNames: (organisationAliases[row[checked: "id"]] ?? []).filter { $0 != name }.map { .init(name: $0) })
            }
            let memberships = try Row.fetchAll(db, sql: """
                SELECT m.person_id, m.organisation_id, m.role, m.source_text, \(SourceRef.columns), \(ClaimReviews.stateSQL(.membership, id: "m.id")) AS review
                FROM membership m \(SourceRef.joins(on: "m"))
                WHERE \(ClaimReviews.stateSQL(.membership, id: "m.id")) <> 'rejected' ORDER BY m.id
                """).map { row in
                try PopoloExport.Membership(personID: "person/\(row[checked: "person_id"] as Int64)",
                                        organizationID: "organization/\(row[checked: "organisation_id"] as Int64)",
                                        role: row[checked: "role"], sources: [try SourceRef(row: row)], review: row[checked: "review"])
            }
            return PopoloExport(persons: persons, organizations: organizations, memberships: memberships)
        }
    }
}
