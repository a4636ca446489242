import CaseIngest
import Foundation
import GRDB

/// Finds the person a user means.
///
/// - A number is a person id (a merged person leads to the identity it was
///   merged into).
/// - A name matches any alias in any word order, ignoring case and
///   diacritics (`petrov ivan` finds `Ivan Petrov`).
/// - Failing that, a part of a name matches when exactly one person's alias
///   holds all its words (`Petrov`).
/// - Several matches are ambiguous; none gives the closest names.
public enum PersonResolver {
    public static func resolve(_ query: String, in db: Database) throws -> Person {
        let trimmed = query.trimmingWhitespace()
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(trimmed) {
            guard let person = try follow(id: id, in: db) else {
                throw CaseStoreError.unknownPerson(query: query, suggestions: [])
            }
            return person
        }
        let tokens = NameKey.tokens(trimmed)
        guard !tokens.isEmpty else { throw CaseStoreError.unknownPerson(query: query, suggestions: []) }

        let exact = try activePersons(
            sql: "SELECT DISTINCT person_id FROM person_alias WHERE match_key = ?",
            arguments: [tokens.sorted().joined(separator: " ")], in: db)
        if let only = try single(exact, query: query) { return only }

        // All of the query's words inside one alias, in any order.
        let longest = tokens.max(by: { $0.count < $1.count }) ?? ""
        let rows = try Row.fetchAll(db, sql: """
            SELECT person_id, match_key FROM person_alias
            WHERE ' ' || match_key || ' ' LIKE ? ESCAPE '\\'
            """, arguments: ["% \(escapeLike(longest)) %"])
        let wanted = Set(tokens)
        // Decoded with errors, not traps: a key another tool filled with bytes is named by the reader, not a crash.
        let partial = try rows.compactMap { row -> Int64? in
            let key: String = try row.decode(forColumn: "match_key")
            return wanted.isSubset(of: key.split(separator: " ").map(String.init)) ? try row.decode(forColumn: "person_id") : nil
        }
        let partialPersons = try persons(ids: partial, in: db)
        if let only = try single(partialPersons, query: query) { return only }

        throw CaseStoreError.unknownPerson(query: query, suggestions: try closest(to: tokens, in: db))
    }

    /// The person with this id, following merges; nil when there is none.
    static func follow(id: Int64, in db: Database) throws -> Person? {
        var current = try Person.fetchOne(db, key: id)
        var hops = 0
        while let person = current, let next = person.mergedIntoId, hops < 1000 {
            current = try Person.fetchOne(db, key: next)
            hops += 1
        }
        return current
    }

    private static func single(_ persons: [Person], query: String) throws -> Person? {
        if persons.count == 1 { return persons[0] }
        if persons.count > 1 {
            throw CaseStoreError.ambiguousPerson(query: query, candidates: persons.map(\.candidate))
        }
        return nil
    }

    private static func activePersons(sql: String, arguments: StatementArguments, in db: Database) throws -> [Person] {
        try persons(ids: Int64.fetchAll(db, sql: sql, arguments: arguments), in: db)
    }

    private static func persons(ids: [Int64], in db: Database) throws -> [Person] {
        var seen = Set<Int64>()
        var result: [Person] = []
        for id in ids {
            guard let person = try follow(id: id, in: db), let personID = person.id, seen.insert(personID).inserted
            else { continue }
            result.append(person)
        }
        return result.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    /// Up to three people whose names are closest to the query's words.
    static func closest(to tokens: [String], in db: Database) throws -> [PersonCandidate] {
        let query = tokens.sorted().joined(separator: " ")
        var best: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT a.person_id, a.match_key FROM person_alias a
            JOIN person p ON p.id = a.person_id WHERE p.merged_into_id IS NULL
            """)
        while let row = try rows.next() {
            let key: String = try row.decode(forColumn: "match_key")
            let id: Int64 = try row.decode(forColumn: "person_id")
            var distance = NameKey.editDistance(query, key)
            if tokens.count == 1 {
                let words = key.split(separator: " ").map(String.init)
                distance = min(distance, words.map { NameKey.editDistance(query, $0) }.min() ?? distance)
            }
            if distance <= max(2, query.count / 3) { best[id] = min(best[id] ?? .max, distance) }
        }
        let ranked = best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(3)
        return try ranked.compactMap { id, _ in try Person.fetchOne(db, key: id)?.candidate }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
