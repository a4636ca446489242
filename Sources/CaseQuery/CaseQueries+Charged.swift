import CaseIngest
import CaseStore
import GRDB

/// `charged ARTICLE`: who is charged under a provision, and on what evidence.
public struct ChargedAnswer: Sendable, Encodable {
    public struct Provision: Sendable, Encodable {
        public var instrument: String
        public var article: String
    }

    /// One subject: its strongest evidence (recorded, then stated, then
    /// inferred) decides the row; the others stay listed.
    public struct Subject: Sendable, Encodable {
        public var id: Int64?
        public var name: String
        public var evidence: String
        public var stage: String
        public var because: String?
        public var via: String?
        public var count: Int?
        public var cue: String?
        public var sources: [SourceRef]
        public var otherEvidence: [String]
        /// `confirmed` when a person confirmed a charge of the shown evidence, else `unreviewed`.
        public var review: String = ReviewState.unreviewed.rawValue

        enum CodingKeys: String, CodingKey {
            case id, name, evidence, stage, because, via, count, cue, sources, review
            case otherEvidence = "other_evidence"
        }
    }

    public var provision: Provision
    /// How the article asked for was read, when it is not the article answered
    /// (`405(2)` answered by Article 405, whose paragraphs are not recorded apart).
    public var note: String?
    public var persons: [Subject]
    public var organisations: [Subject]
    /// Unnamed, counted subjects (`at least 15 organisations`).
    public var groups: [Subject]
}

extension CaseQueries {
    static let evidenceRank = ["recorded": 0, "stated": 1, "inferred": 2]

    /// Every charge under one provision, with names and sources (the benchmark runs it too).
    public static let chargedSQL = """
        SELECT c.*, pe.name AS person_name, o.name AS organisation_name, via.name AS via_name,
               \(SourceRef.columns), \(ClaimReviews.stateSQL(.charge, id: "c.id")) AS review
        FROM charge c
        LEFT JOIN person pe ON pe.id = c.person_id
        LEFT JOIN organisation o ON o.id = c.organisation_id
        LEFT JOIN organisation via ON via.id = c.via_organisation_id
        \(SourceRef.joins(on: "c"))
        WHERE c.provision_id = ?
        ORDER BY c.id
        """

    /// A name's words in order, without the words an instrument's key leaves out (`the`, `of`).
    static func significantWords(_ name: String) -> [String] {
        NameKey.tokens(name).map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : $0 }
            .filter { !["the", "of", "on", "s", "'s", "its", ""].contains($0) }
    }

    /// Who is charged under `article` (of `instrument`, when several instruments have it).
    public func charged(article rawArticle: String, instrument: String? = nil, evidence: ChargeEvidence? = nil,
                        reviewedOnly: Bool = false) throws -> ChargedAnswer {
        let asked = Self.articleAsked(rawArticle)
        return try read { db in
            func fetchProvisions(_ article: String) throws -> [Row] {
                try Row.fetchAll(cached: db, sql: """
                    SELECT p.id, i.name, i.id AS instrument_id FROM provision p JOIN instrument i ON i.id = p.instrument_id
                    WHERE p.article = ? AND \(Self.provisionStandsSQL) ORDER BY i.name
                    """, arguments: [article])
            }
            // `405(2)` or `405.2`: the paragraph when it is recorded apart, else the whole article.
            var article = asked, note: String?
            var provisions = try fetchProvisions(article)
            if provisions.isEmpty {
                for other in Self.articleForms(asked) {
                    provisions = try fetchProvisions(other)
                    if !provisions.isEmpty {
                        if other == Self.wholeArticle(asked) {
                            note = "Article \(asked) is not recorded apart from Article \(other): showing everyone charged under Article \(other)."
                        }
                        article = other
                        break
                    }
                }
            }
            if let instrument, !provisions.isEmpty {
                let key = ProvisionNames.instrumentKey(instrument)
                let wanted = Set(try Int64.fetchAll(cached: db, sql: "SELECT instrument_id FROM instrument_alias WHERE match_key = ?",
                                                    arguments: [ProvisionNames.instrumentKey(instrument)]))
                // Exactly the instrument named (or one of its aliases) first; failing that, those whose name
                // begins with the words given; failing that, those whose name has them all.
                let exact = try provisions.filter { row in
                    let id: Int64 = try row[checked: "instrument_id"], name: String = try row[checked: "name"]
                    return wanted.contains(id) || ProvisionNames.instrumentKey(name) == key
                }
                let typed = Self.significantWords(instrument)
                let byPrefix = try provisions.filter { row in Self.significantWords(try row[checked: "name"]).starts(with: typed) }
                let byWords = try provisions.filter { row in
                    Set(key.split(separator: " ")).isSubset(of: Set(ProvisionNames.instrumentKey(try row[checked: "name"]).split(separator: " ")))
                }
                let filtered = !exact.isEmpty ? exact : !byPrefix.isEmpty ? byPrefix : byWords
                if filtered.isEmpty {
                    // The article exists, under other instruments: offer those, the most alike first.
                    let words = Set(key.split(separator: " "))
                    let names: [String] = try provisions.map { try $0[checked: "name"] }
                    let ranked = names.sorted {
                        (-words.intersection(ProvisionNames.instrumentKey($0).split(separator: " ")).count, $0)
                            < (-words.intersection(ProvisionNames.instrumentKey($1).split(separator: " ")).count, $1)
                    }
                    throw CaseQueryError.unknownInstrument(article: article, instrument: instrument, suggestions: Array(ranked.prefix(3)))
                }
                provisions = filtered
            }
            guard let provision = provisions.first else {
                let known = try String.fetchAll(cached: db, sql: "SELECT DISTINCT article FROM provision p WHERE \(Self.provisionStandsSQL)")
                let close = known.filter { Self.wholeArticle($0) == Self.wholeArticle(asked) }
                    + known.filter { Self.wholeArticle($0) != Self.wholeArticle(asked) && NameKey.editDistance($0, asked) == 1 }.sorted()
                throw CaseQueryError.unknownProvision(article: asked, instrument: instrument, suggestions: Array(close.prefix(3)))
            }
            if provisions.count > 1 {
                throw CaseQueryError.ambiguousArticle(article: article, instruments: try provisions.map { try $0[checked: "name"] })
            }
            let rows = try Row.fetchAll(cached: db, sql: Self.chargedSQL, arguments: [try provision[checked: "id"] as Int64])
            let at = ColumnPositions(rows.first)
            var persons: [String: [Row]] = [:], organisations: [String: [Row]] = [:], groups: [String: [Row]] = [:]
            var order: [String] = []
            for row in rows {
                // A rejected charge never counts; with --reviewed, only confirmed ones do.
                let review: String = try row[checked: "review", at: at]
                if review == "rejected" || (reviewedOnly && review != "confirmed") { continue }
                if let id: Int64 = try row[checked: "person_id", at: at] {
                    persons["p\(id)", default: []].append(row); order.append("p\(id)")
                } else if let id: Int64 = try row[checked: "organisation_id", at: at] {
                    organisations["o\(id)", default: []].append(row); order.append("o\(id)")
                } else {
                    let id: Int64 = try row[checked: "id", at: at]
                    groups["g\(id)", default: []].append(row); order.append("g\(id)")
                }
            }
            func subjects(_ table: [String: [Row]], name: (Row) throws -> String, id: (Row) throws -> Int64?) throws -> [ChargedAnswer.Subject] {
                var seen: Set<String> = []
                return try order.filter { table[$0] != nil && seen.insert($0).inserted }.compactMap { key in
                    let group = try table[key]!.sorted { try (Self.evidenceRank[$0[checked: "evidence", at: at]] ?? 9) < (Self.evidenceRank[$1[checked: "evidence", at: at]] ?? 9) }
                    let best = group[0]
                    let bestEvidence: String = try best[checked: "evidence", at: at]
                    if let evidence, evidence.rawValue != bestEvidence { return nil }
                    let sources = try group.filter { try ($0[checked: "evidence", at: at] as String) == bestEvidence }.map(SourceRef.init(row:))
                    let others = Set(try group.map { try $0[checked: "evidence", at: at] as String }).subtracting([bestEvidence]).sorted()
                    return try .init(id: id(best), name: name(best), evidence: bestEvidence, stage: best[checked: "stage", at: at],
                                 because: best[checked: "because", at: at], via: best[checked: "via_name", at: at], count: best[checked: "subject_count", at: at], cue: best[checked: "cue", at: at],
                                 sources: Self.unique(sources), otherEvidence: others,
                                 review: group.contains { row in
                                     let shown: String = try row[checked: "evidence", at: at], review: String = try row[checked: "review", at: at]
                                     return shown == bestEvidence && review == "confirmed"
                                 } ? "confirmed" : "unreviewed")
                }
            }
            let answer = ChargedAnswer(
                provision: .init(instrument: try provision[checked: "name"], article: article),
                note: note,
                persons: Self.sortedByName(try subjects(persons, name: { try $0[checked: "person_name", at: at] }, id: { try $0[checked: "person_id", at: at] })),
                organisations: try subjects(organisations, name: { try $0[checked: "organisation_name", at: at] }, id: { try $0[checked: "organisation_id", at: at] }),
                groups: try subjects(groups, name: { try $0[checked: "subject_group", at: at] ?? "unnamed" }, id: { _ in nil }))
            return answer
        }
    }

    /// A provision `p` still in answers: named in a document not removed, or
    /// charged by a claim not rejected, or entered by a user (never named).
    static let provisionStandsSQL = """
        (EXISTS (SELECT 1 FROM mention m JOIN section s ON s.id = m.section_id WHERE m.provision_id = p.id
                   AND NOT \(ClaimReviews.withdrawnSQL(document: "s.document_id")))
         OR EXISTS (SELECT 1 FROM charge c WHERE c.provision_id = p.id AND \(ClaimReviews.stateSQL(.charge, id: "c.id")) <> 'rejected')
         OR NOT EXISTS (SELECT 1 FROM mention m WHERE m.provision_id = p.id))
        """

    /// An article as a user may type it: `Article 405`, `Art. 405`, `art 405`, `§ 405`, `405 (2)`.
    static func articleAsked(_ text: String) -> String {
        var words = text.trimmingWhitespace()
        for prefix in ["articles ", "article ", "art. ", "art.", "art ", "§"] where words.lowercased().hasPrefix(prefix) {
            words = String(words.dropFirst(prefix.count))
            break
        }
        return ProvisionNames.normaliseArticle(words)
    }

    /// The article without its paragraph: `405` for `405(2)`, `405.2` and `405(2)(a)`.
    static func wholeArticle(_ article: String) -> String {
        let cut = article.firstIndex { $0 == "(" || $0 == "." } ?? article.endIndex
        return String(article[..<cut])
    }

    /// Other ways the same paragraph is written (`405(2)` and `405.2`), then the whole article.
    static func articleForms(_ article: String) -> [String] {
        let whole = wholeArticle(article)
        guard whole != article, !whole.isEmpty else { return [] }
        let paragraph = article.dropFirst(whole.count)
        var forms: [String] = []
        if paragraph.hasPrefix("("), let close = paragraph.firstIndex(of: ")") {
            forms.append(whole + "." + paragraph.dropFirst().prefix(upTo: close))
        } else if paragraph.hasPrefix(".") {
            forms.append(whole + "(" + paragraph.dropFirst() + ")")
        }
        return forms + [whole]
    }

    /// Subjects in name order as `localizedStandardCompare` orders names (the Finder's order), ties kept
    /// in the order given: what `sorted(by:)` gives, with about half the comparisons. Each comparison
    /// costs tens of microseconds (a locale's collation), and `sorted` insertion-sorts fewer than 64
    /// elements (n²/4 comparisons); a binary search for each one's place needs log₂ n.
    static func sortedByName(_ subjects: [ChargedAnswer.Subject]) -> [ChargedAnswer.Subject] {
        var sorted: [ChargedAnswer.Subject] = []
        sorted.reserveCapacity(subjects.count)
        for subject in subjects {
            // After every one it does not sort before: the first place whose name sorts after it.
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if subject.name.localizedStandardCompare(sorted[middle].name) == .orderedAscending { high = middle } else { low = middle + 1 }
            }
            sorted.insert(subject, at: low)
        }
        return sorted
    }

    static func unique(_ sources: [SourceRef]) -> [SourceRef] {
        var result: [SourceRef] = []
        for source in sources where !result.contains(source) { result.append(source) }
        return result
    }
}
