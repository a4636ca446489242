import CaseIngest
import CaseStore
import GRDB

/// One passage found by `search`.
public struct SearchHit: Sendable, Encodable {
    public var document: String
    public var adopted: String?
    public var section: String
    public var kind: String
    /// The passage around the match; matches between `highlightStart` and `highlightEnd` markers.
    public var snippet: String
    public var rank: Double
}

public struct SearchAnswer: Sendable, Encodable {
    public var query: String
    /// The FTS5 query actually run (a person's name widened to all their aliases).
    public var ftsQuery: String
    public var hits: [SearchHit]

    enum CodingKeys: String, CodingKey {
        case query, hits
        case ftsQuery = "fts_query"
    }
}

extension CaseQueries {
    /// Passages matching an FTS5 query, best first: highlight open, close, query, limit.
    public static let searchSQL = """
        SELECT COALESCE(d.procedure, d.title) AS document, d.adopted, s.label, s.kind,
               snippet(section_fts, 0, ?, ?, '…', 24) AS snippet, bm25(section_fts) AS rank
        FROM section_fts JOIN section s ON s.id = section_fts.rowid JOIN document d ON d.id = s.document_id
        WHERE section_fts MATCH ?
        ORDER BY rank LIMIT ?
        """

    /// Full-text search over every passage (FTS5 syntax), best first. A query
    /// that names a known person also finds the other spellings of the name.
    public func search(_ query: String, limit: Int = 20, open: String = "[", close: String = "]") throws -> SearchAnswer {
        let trimmed = query.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw CaseQueryError.emptySearch }
        return try reader.read { db in
            let fts = try Self.widened(trimmed, in: db)
            do {
                let hits = try Row.fetchAll(db, sql: Self.searchSQL, arguments: [open, close, fts, limit]).map { row in
                    SearchHit(document: row["document"], adopted: row["adopted"], section: row["label"], kind: row["kind"],
                              snippet: row["snippet"], rank: row["rank"])
                }
                return SearchAnswer(query: trimmed, ftsQuery: fts, hits: hits)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                throw CaseQueryError.badSearch(query: trimmed, reason: error.message ?? "syntax error")
            }
        }
    }

    /// A query with FTS5 operators runs as written. Plain words are quoted
    /// (so `pre-trial` is a word, not an operator); plain words that name one
    /// known person (any alias, any order, or part of a name) become an OR
    /// of that person's spellings.
    static func widened(_ query: String, in db: Database) throws -> String {
        let operators = ["\"", "*", "(", ")", ":", "^", " AND ", " OR ", " NOT ", "NEAR("]
        if operators.contains(where: { query.contains($0) }) { return query }
        func phrase(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let words = query.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let plain = words.map(phrase).joined(separator: " ")
        guard let person = try? PersonResolver.resolve(query, in: db), let id = person.id else { return plain }
        let aliases = try String.fetchAll(db, sql: "SELECT alias FROM person_alias WHERE person_id = ? ORDER BY id", arguments: [id])
        return Array(Set(aliases.map(phrase))).sorted().joined(separator: " OR ")
    }
}
