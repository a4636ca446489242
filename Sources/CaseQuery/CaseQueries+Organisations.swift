import CaseIngest
import CaseStore
import GRDB

/// One organisation for `casetrack organisations`.
public struct OrganisationSummary: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var kind: String?
    public var aliases: [String]
    /// Persons recorded as members or supporters (any role), merged identities counted once.
    public var members: Int
    /// Provisions it is charged under.
    public var charges: Int
}

/// A person who belongs to an organisation, with the roles the records give them.
public struct OrganisationMember: Sendable, Equatable, Encodable {
    public var personID: Int64
    public var name: String
    public var roles: [String]
}

/// One provision for `casetrack articles`.
public struct ProvisionSummary: Sendable, Equatable, Encodable {
    public var article: String
    public var instrument: String
    /// Persons charged under it (any evidence).
    public var persons: Int
    public var organisations: Int
    public var groups: Int
}

extension CaseQueries {
    /// Every organisation with its kind, other names and how many persons belong to it.
    public func organisations() throws -> [OrganisationSummary] {
        try read { db in
            var aliases: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT organisation_id, alias FROM organisation_alias ORDER BY id") {
                try aliases[row[checked: "organisation_id"], default: []].append(row[checked: "alias"])
            }
            return try Row.fetchAll(db, sql: """
                SELECT o.id, o.name, o.kind,
                       (SELECT count(DISTINCT COALESCE(p.merged_into_id, p.id)) FROM membership m JOIN person p ON p.id = m.person_id
                        WHERE m.organisation_id = o.id) AS members,
                       (SELECT count(DISTINCT c.provision_id) FROM charge c WHERE c.organisation_id = o.id) AS charges
                FROM organisation o ORDER BY o.name COLLATE NOCASE, o.id
                """).map { row in
                let name: String = try row[checked: "name"]
                return try OrganisationSummary(id: row[checked: "id"], name: name, kind: row[checked: "kind"],
                                           aliases: (aliases[row[checked: "id"]] ?? []).filter { $0 != name },
                                           members: row[checked: "members"], charges: row[checked: "charges"])
            }
        }
    }

    /// The first `limit` members of every organisation by name (merged identities as the person they
    /// were merged into, each once, with their roles), keyed by organisation id.
    public func organisationMembers(limit: Int) throws -> [Int64: [OrganisationMember]] {
        try read { db in
            var members: [Int64: [OrganisationMember]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT organisation_id, person_id, name, roles FROM (
                    SELECT m.organisation_id, COALESCE(p.merged_into_id, p.id) AS person_id, COALESCE(k.name, p.name) AS name,
                           group_concat(DISTINCT m.role) AS roles,
                           row_number() OVER (PARTITION BY m.organisation_id ORDER BY COALESCE(k.name, p.name) COLLATE NOCASE) AS n
                    FROM membership m JOIN person p ON p.id = m.person_id LEFT JOIN person k ON k.id = p.merged_into_id
                    GROUP BY m.organisation_id, COALESCE(p.merged_into_id, p.id))
                WHERE n <= ? ORDER BY organisation_id, n
                """, arguments: [limit]) {
                let roles: String? = try row[checked: "roles"]
                try members[row[checked: "organisation_id"], default: []].append(OrganisationMember(
                    personID: row[checked: "person_id"], name: row[checked: "name"],
                    roles: (roles ?? "").split(separator: ",").map(String.init).sorted()))
            }
            return members
        }
    }

    /// Every provision with its instrument and how many are charged under it.
    public func articles() throws -> [ProvisionSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.article, i.name AS instrument,
                       count(DISTINCT c.person_id) AS persons, count(DISTINCT c.organisation_id) AS organisations,
                       count(DISTINCT c.subject_group) AS groups
                FROM provision p JOIN instrument i ON i.id = p.instrument_id
                LEFT JOIN charge c ON c.provision_id = p.id
                GROUP BY p.id
                """).map { row in
                try ProvisionSummary(article: row[checked: "article"], instrument: row[checked: "instrument"], persons: row[checked: "persons"],
                                 organisations: row[checked: "organisations"], groups: row[checked: "groups"])
            }
            .sorted { ($0.instrument, ArticleNumber($0.article)) < ($1.instrument, ArticleNumber($1.article)) }
        }
    }

    /// The organisations a user means by `name`: every organisation with an
    /// alias of that name (any word order, case and diacritics ignored);
    /// failing that, the one organisation whose name starts with it
    /// (`Freedom` for `Freedom Party of Ruritania`). None, or several
    /// by prefix, is an error naming the closest.
    static func organisationIDs(_ name: String, in db: Database) throws -> [Int64] {
        let exact = try Int64.fetchAll(db, sql: "SELECT DISTINCT organisation_id FROM organisation_alias WHERE match_key = ?",
                                       arguments: [NameKey.matchKey(name)])
        if !exact.isEmpty { return exact }
        let wanted = NameKey.tokens(name)
        guard !wanted.isEmpty else { throw CaseQueryError.unknownOrganisation(name: name, suggestions: []) }
        var byPrefix: [Int64: String] = [:]
        var all: [String] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT a.organisation_id, a.alias, o.name FROM organisation_alias a JOIN organisation o ON o.id = a.organisation_id
            """) {
            let alias: String = try row[checked: "alias"]
            all.append(alias)
            let tokens = NameKey.tokens(alias)
            // Whole words, then the last typed word may be the start of the next word of the name.
            guard tokens.count >= wanted.count,
                  zip(wanted.dropLast(), tokens).allSatisfy({ $0 == $1 }),
                  let last = wanted.last, tokens[wanted.count - 1].hasPrefix(last) else { continue }
            try byPrefix[row[checked: "organisation_id"]] = row[checked: "name"]
        }
        if byPrefix.count == 1, let only = byPrefix.keys.first { return [only] }
        if byPrefix.count > 1 {
            throw CaseQueryError.ambiguousOrganisation(name: name, candidates: Array(Set(byPrefix.values)).sorted().prefix(5).map { $0 })
        }
        throw CaseQueryError.unknownOrganisation(name: name, suggestions: Suggestions.closest(to: name, among: all))
    }
}

/// Sorts article numbers as people read them: 2 before 10, 460-1 before 460-2.
struct ArticleNumber: Comparable {
    let parts: [(Int, String)]

    init(_ article: String) {
        var parts: [(Int, String)] = []
        var digits = "", letters = ""
        func flush() {
            if !digits.isEmpty || !letters.isEmpty { parts.append((Int(digits) ?? -1, letters)) }
            digits = ""; letters = ""
        }
        for character in article {
            if character.isNumber { if !letters.isEmpty { flush() }; digits.append(character) }
            else if character.isLetter { letters.append(character) }
            else { flush() }
        }
        flush()
        self.parts = parts
    }

    static func == (lhs: ArticleNumber, rhs: ArticleNumber) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    static func < (lhs: ArticleNumber, rhs: ArticleNumber) -> Bool {
        for (a, b) in zip(lhs.parts, rhs.parts) where a != b { return a < b }
        return lhs.parts.count < rhs.parts.count
    }
}
