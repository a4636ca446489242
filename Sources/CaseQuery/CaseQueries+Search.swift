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
    /// How many passages match in all.
    public var matches: Int
    /// `relevance`, or `newest first` when too many passages match to rank them.
    public var order: String
    public var hits: [SearchHit]

    enum CodingKeys: String, CodingKey {
        case query, hits, matches, order
        case ftsQuery = "fts_query"
    }
}

extension CaseQueries {
    /// Passages matching an FTS5 query, best first: highlight open, close, query, limit. A document
    /// removed with `document remove` is withdrawn from answers: its passages are not found.
    public static let searchSQL = """
        SELECT COALESCE(d.procedure, d.title) AS document, d.adopted, s.label, s.kind,
               snippet(section_fts, 0, ?, ?, '…', 24) AS snippet, bm25(section_fts) AS rank
        FROM section_fts JOIN section s ON s.id = section_fts.rowid JOIN document d ON d.id = s.document_id
        WHERE section_fts MATCH ? AND NOT \(ClaimReviews.withdrawnSQL(document: "d.id"))
        ORDER BY rank LIMIT ?
        """

    /// The ids of the best-ranked passages, best first, ranked on the full-text index alone
    /// (``searchSQL`` joins every match to its section and document before it ranks them, which
    /// costs as much again as the ranking): query, limit. Only when no document was ever removed.
    public static let rankedIDsSQL = """
        SELECT rowid, bm25(section_fts) AS rank FROM section_fts WHERE section_fts MATCH ? ORDER BY rank LIMIT ?
        """

    /// One passage of ``rankedIDsSQL``'s answer as ``searchSQL`` shows it: highlight open, close, query, id.
    public static let hitSQL = """
        SELECT COALESCE(d.procedure, d.title) AS document, d.adopted, s.label, s.kind,
               snippet(section_fts, 0, ?, ?, '…', 24) AS snippet
        FROM section_fts JOIN section s ON s.id = section_fts.rowid JOIN document d ON d.id = s.document_id
        WHERE section_fts MATCH ? AND section_fts.rowid = ?
        """

    /// Above this many matching passages, search orders by recency instead of relevance.
    public static let rankingLimit = 5000

    /// Like ``searchSQL`` but newest imports first, which FTS5 answers without ranking every match.
    public static let newestSQL = """
        SELECT COALESCE(d.procedure, d.title) AS document, d.adopted, s.label, s.kind,
               snippet(section_fts, 0, ?, ?, '…', 24) AS snippet, 0.0 AS rank
        FROM section_fts JOIN section s ON s.id = section_fts.rowid JOIN document d ON d.id = s.document_id
        WHERE section_fts MATCH ? AND NOT \(ClaimReviews.withdrawnSQL(document: "d.id"))
        ORDER BY section_fts.rowid DESC LIMIT ?
        """

    /// Full-text search over every passage (FTS5 syntax), best first. A query
    /// that names a known person also finds the other spellings of the name.
    public func search(_ query: String, limit: Int = 20, open: String = "[", close: String = "]") throws -> SearchAnswer {
        let trimmed = query.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw CaseQueryError.emptySearch }
        return try read { db in
            let fts = try Self.widened(trimmed, in: db)
            do {
                // Ranking tens of thousands of passages costs more than it tells: past a
                // threshold the newest passages come first, and the answer says so.
                // Passages of removed documents are not counted (the join only when a document was ever removed).
                let anyRemoved = try Bool.fetchOne(cached: db, sql: "SELECT EXISTS (SELECT 1 FROM document_withdrawal)") ?? false
                let matches = try Int.fetchOne(cached: db, sql: anyRemoved ? """
                    SELECT count(*) FROM section_fts JOIN section s ON s.id = section_fts.rowid
                    WHERE section_fts MATCH ? AND NOT \(ClaimReviews.withdrawnSQL(document: "s.document_id"))
                    """ : "SELECT count(*) FROM section_fts WHERE section_fts MATCH ?", arguments: [fts]) ?? 0
                let ranked = matches <= Self.rankingLimit
                func hit(_ row: Row, rank: Double) throws -> SearchHit {
                    try SearchHit(document: row[checked: "document"], adopted: row[checked: "adopted"], section: row[checked: "label"], kind: row[checked: "kind"],
                                  snippet: row[checked: "snippet"], rank: rank)
                }
                // Ranked on the index alone, then each passage shown looked up by its id: the same passages in the
                // same order (ties too: both rank the matches in id order). A passage the index holds without its
                // section (an index out of step with its table) falls back to the one query that skips it.
                if ranked, !anyRemoved {
                    var hits: [SearchHit] = []
                    for best in try Row.fetchAll(cached: db, sql: Self.rankedIDsSQL, arguments: [fts, limit]) {
                        guard let row = try Row.fetchOne(cached: db, sql: Self.hitSQL, arguments: [open, close, fts, try best[checkedAt: 0] as Int64]) else { break }
                        hits.append(try hit(row, rank: best[checkedAt: 1]))
                    }
                    if hits.count == min(matches, limit) {
                        return SearchAnswer(query: trimmed, ftsQuery: fts, matches: matches, order: "relevance", hits: hits)
                    }
                }
                let hits = try Row.fetchAll(cached: db, sql: ranked ? Self.searchSQL : Self.newestSQL, arguments: [open, close, fts, limit]).map { row in
                    try hit(row, rank: row[checked: "rank"])
                }
                return SearchAnswer(query: trimmed, ftsQuery: fts, matches: matches,
                                    order: ranked ? "relevance" : "newest first (too many matches to rank)", hits: hits)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                throw CaseQueryError.badSearch(query: trimmed, reason: Self.searchProblem(error.message ?? ""))
            }
        }
    }

    /// What is wrong with a search, in the user's words rather than SQLite's.
    static func searchProblem(_ message: String) -> String {
        if message.contains("unterminated string") {
            return "a double quote is not closed; close the phrase with another \" or remove the quote"
        }
        if let range = message.range(of: "no such column: ") {
            let word = message[range.upperBound...]
            return "'\(word):' reads as a column name, but passages have no columns; put the words in double quotes to search for them as written"
        }
        if let range = message.range(of: "syntax error near ") {
            let near = message[range.upperBound...].trimmingCharacters(in: ["\""])
            let place = near.isEmpty ? "at its end" : "near '\(near)'"
            return "it cannot be read \(place): AND, OR and NOT need words on both sides, brackets and NEAR( must be closed; "
                + "put a phrase in double quotes to search for it as written"
        }
        return "it is not a search casetrack can run (\(message)); put a phrase in double quotes to search for it as written"
    }

    /// Quotes words FTS5 would split or misread (`pre-trial`, `O'Brien`,
    /// `3(5)` stays) outside phrases, so operators still work around them.
    static func quotingCompoundWords(_ query: String) -> String {
        var out = "", word = "", inPhrase = false
        func flush() {
            if word.contains(where: { $0 == "-" || $0 == "'" || $0 == "." || $0 == "/" }) && !word.hasSuffix("*") {
                out += "\"" + word + "\""
            } else {
                out += word
            }
            word = ""
        }
        for character in query {
            if inPhrase {
                out.append(character)
                if character == "\"" { inPhrase = false }
            } else if character == "\"" {
                flush(); out.append(character); inPhrase = true
            } else if character.isWhitespace || character == "(" || character == ")" || character == ":" || character == "^" || character == "," {
                flush(); out.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return out
    }

    /// A query with FTS5 operators runs as written. Plain words are quoted
    /// (so `pre-trial` is a word, not an operator); plain words that name one
    /// known person (any alias, any order, or part of a name) become an OR
    /// of that person's spellings.
    static func widened(_ query: String, in db: Database) throws -> String {
        let operators = ["\"", "*", "(", ")", ":", "^", " AND ", " OR ", " NOT ", "NEAR("]
        if operators.contains(where: { query.contains($0) }) { return quotingCompoundWords(query) }
        func phrase(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let words = query.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let plain = words.map(phrase).joined(separator: " ")
        // Indexed lookups only: the whole name in any order, or one family name only one person has.
        let tokens = NameKey.tokens(query)
        var ids = try Int64.fetchAll(cached: db, sql: """
            SELECT DISTINCT a.person_id FROM person_alias a JOIN person p ON p.id = a.person_id
            WHERE a.match_key = ? AND p.merged_into_id IS NULL LIMIT 2
            """, arguments: [tokens.sorted().joined(separator: " ")])
        if ids.isEmpty, tokens.count == 1 {
            ids = try Int64.fetchAll(cached: db, sql: """
                SELECT DISTINCT a.person_id FROM person_alias a JOIN person p ON p.id = a.person_id
                WHERE a.family_key = ? AND p.merged_into_id IS NULL LIMIT 2
                """, arguments: [tokens[0]])
        }
        guard ids.count == 1, let id = ids.first else { return plain }
        let aliases = try String.fetchAll(cached: db, sql: "SELECT alias FROM person_alias WHERE person_id = ? ORDER BY id", arguments: [id])
        return Array(Set(aliases.map(phrase))).sorted().joined(separator: " OR ")
    }
}
