/// The tokens stage: a normalised text's tokens by section, where each word stands
/// (``WordPositions``), its clauses (split at `;`, with their list introducers) and every token's
/// word classes (``TokenClasses``), worked out once and handed on as one value (``Output``) to the
/// organisations, persons and events stages, which read it through ``TokenReading``.
enum TokenStage {
    struct Clause {
        var section: Int
        var range: Range<Int>  // token indices in the section
        /// Where each list introducer of the clause stands and the position after it, found once.
        var introducers: [(at: Int, after: Int)] = []
    }

    /// What the stage hands on.
    struct Output {
        let document: ResolutionText
        let tokens: [[Token]]
        /// Each section's token indices by token text, in text order: where a known name may start
        /// (`positions[section][word] ?? []`).
        let positions: [WordPositions]
        let clauses: [Clause]
        /// Every token's word classes, looked up once: persons, organisations and the event stage
        /// read their view of it.
        let tokenClasses: TokenClasses
    }

    static func run(_ document: ResolutionText) -> Output {
        var tokens: [[Token]] = [], positions: [WordPositions] = [], clauses: [Clause] = []
        var tokenClasses: TokenClasses?
        tokens.reserveCapacity(document.sections.count)
        positions.reserveCapacity(document.sections.count)
        document.scalars.withUnsafeBufferPointer { scalars in
            for (index, section) in document.sections.enumerated() {
                let sectionTokens = Tokenizer.tokens(in: scalars, from: section.start, to: section.end)
                tokens.append(sectionTokens)
                positions.append(WordPositions(tokens: sectionTokens, scalars: scalars))
                // Clauses end at `;`: a token of one scalar, `;` or the Greek question mark that equals it.
                var clauseStart = 0
                for (position, token) in sectionTokens.enumerated() where token.end - token.start == 1 {
                    let scalar = scalars[token.start]
                    guard scalar == ";" || scalar == "\u{037E}" else { continue }
                    clauses.append(Self.clause(section: index, range: clauseStart..<position, in: sectionTokens, scalars: scalars))
                    clauseStart = position + 1
                }
                clauses.append(Self.clause(section: index, range: clauseStart..<sectionTokens.count, in: sectionTokens, scalars: scalars))
            }
            tokenClasses = TokenClasses(tokens: tokens, scalars: scalars)
        }
        return Output(document: document, tokens: tokens, positions: positions, clauses: clauses,
                      tokenClasses: tokenClasses ?? TokenClasses(tokens: tokens, document: document))
    }

    /// A clause with its list introducers ("including", "such as") found.
    static func clause(section: Int, range: Range<Int>, in list: [Token]) -> Clause {
        var found: [(Int, Int)] = []
        for index in range where Lexicon.listIntroducerFirstWords.contains(list[index].lower) {
            for phrase in Lexicon.listIntroducers where index + phrase.count <= range.upperBound {
                if phrase.enumerated().allSatisfy({ list[index + $0.offset].lower == $0.element }) {
                    found.append((index, index + phrase.count))
                }
            }
        }
        return Clause(section: section, range: range, introducers: found)
    }

    /// ``clause(section:range:in:)`` for tokens of `scalars`: an ASCII token's lower-case form
    /// is hashed from its scalars and compared with the hashes of the introducers' first
    /// words, and only a token whose hash is among them is looked up in the set.
    static func clause(section: Int, range: Range<Int>, in list: [Token], scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Clause {
        let firstWordHashes = introducerFirstWordHashes
        // One bit for each first word's hash (its low six bits): most hashes miss them all at once.
        let firstWordBits = firstWordHashes?.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) } ?? 0
        let firstWordShapes = introducerFirstWordShapes
        var found: [(Int, Int)] = []
        for index in range {
            // A token starting with an ASCII scalar is a first word only if its lower-case first
            // letter and its length in scalars are one's (``introducerFirstWordShapes``).
            if let firstWordShapes {
                let start = list[index].start, length = list[index].end - start
                let first = scalars[start].value
                if first < 0x80, length >= 32 || firstWordShapes[Int(first &- 65 < 26 ? first | 0x20 : first)] & 1 << UInt32(length) == 0 {
                    continue
                }
            }
            if let firstWordHashes, let hash = WordPositions.asciiLowerHash(scalars, list[index].start..<list[index].end),
               firstWordBits & 1 << UInt64(hash & 63) == 0 || !firstWordHashes.contains(hash) { continue }
            guard Lexicon.listIntroducerFirstWords.contains(list[index].lower) else { continue }
            for phrase in Lexicon.listIntroducers where index + phrase.count <= range.upperBound {
                if phrase.enumerated().allSatisfy({ list[index + $0.offset].lower == $0.element }) {
                    found.append((index, index + phrase.count))
                }
            }
        }
        return Clause(section: section, range: range, introducers: found)
    }

    /// The hashes of the list introducers' first words (see ``WordPositions/asciiHash(_:)``);
    /// nil, so that every token is looked up, if one of them is not ASCII.
    static let introducerFirstWordHashes: [UInt32]? = {
        let hashes = Lexicon.listIntroducerFirstWords.compactMap(WordPositions.asciiHash)
        return hashes.count == Lexicon.listIntroducerFirstWords.count ? hashes : nil
    }()

    /// For each ASCII character, the lengths of the introducers' first words that start with it, as
    /// bits; nil unless every first word is ASCII. A token whose lower-case form equals an ASCII word
    /// has as many scalars as the word, and its first scalar, if ASCII, lower-cased is the word's first:
    /// lower-casing maps a scalar to one (but `İ`, whose two are not ASCII), and the only scalars
    /// canonically equivalent to ASCII map to one scalar too (see ``WordPositions``).
    static let introducerFirstWordShapes: [UInt32]? = {
        guard introducerFirstWordHashes != nil else { return nil }
        var shapes = [UInt32](repeating: 0, count: 128)
        for word in Lexicon.listIntroducerFirstWords {
            let bytes = Array(word.utf8)
            guard let first = bytes.first, bytes.count < 32 else { return nil }
            shapes[Int(first)] |= 1 << UInt32(bytes.count)
        }
        return shapes
    }()

}

/// A stage that reads the tokens stage's output, with the helpers every stage asks of it.
protocol TokenReading {
    var document: ResolutionText { get }
    var tokens: [[Token]] { get }
    var positions: [WordPositions] { get }
    var clauses: [TokenStage.Clause] { get }
    var tokenClasses: TokenClasses { get }
}

extension TokenReading {
    func label(_ section: Int) -> String { document.sections[section].label }

    func isBody(_ section: Int) -> Bool { document.sections[section].kind != .footnote }

    func text(_ section: Int, _ first: Int, _ last: Int) -> String {
        let list = tokens[section]
        return document.slice(list[first].start, list[last].end)
    }

    func mention(_ section: Int, _ first: Int, _ last: Int, role: String? = nil) -> Extraction.Mention {
        let list = tokens[section]
        return .init(section: label(section), text: text(section, first, last),
                     start: list[first].start, end: list[last].end, role: role)
    }

    /// Whether tokens `a` and `b` are separated by one space only.
    func adjacent(_ section: Int, _ a: Int, _ b: Int) -> Bool {
        let list = tokens[section]
        return list[b].start - list[a].end <= 1
    }

    func clause(containing section: Int, _ index: Int) -> TokenStage.Clause? {
        // Clauses are in text order: a binary search for the first one not before the token.
        var low = 0, high = clauses.count
        while low < high {
            let middle = (low + high) / 2
            if clauses[middle].section < section || clauses[middle].section == section && clauses[middle].range.upperBound <= index {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < clauses.count, clauses[low].section == section, clauses[low].range.contains(index) else { return nil }
        return clauses[low]
    }

    /// The nearest group noun before token `index` in its clause: person or organisation.
    func groupNoun(before index: Int, in clause: TokenStage.Clause) -> (isPerson: Bool, noun: String)? {
        Self.groupNoun(in: tokens[clause.section], before: index, in: clause)
    }

    /// ``groupNoun(before:in:)`` of a section's tokens, for any stage that holds them.
    static func groupNoun(in list: [Token], before index: Int, in clause: TokenStage.Clause) -> (isPerson: Bool, noun: String)? {
        var position = index - 1
        var seen = 0
        while position >= clause.range.lowerBound, seen < 30 {
            let word = list[position].lower
            if list[position].isWord, !list[position].isTitleCase {
                seen += 1
                if Lexicon.organisationNouns.contains(word) { return (false, word) }
                if Lexicon.personNouns.contains(word) { return (true, word) }
            }
            position -= 1
        }
        return nil
    }

    /// Positions just after each list introducer ("including", "such as") in a clause.
    func introducers(in clause: TokenStage.Clause) -> [(at: Int, after: Int)] { clause.introducers }

    /// The token starting exactly at `start` (organisations place their mentions as the event stage does).
    func tokenIndex(_ section: Int, start: Int) -> Int? { EventStage.tokenIndex(in: tokens[section], start: start) }

    /// The token ending exactly at `end`.
    func tokenIndex(_ section: Int, end: Int) -> Int? { EventStage.tokenIndex(in: tokens[section], end: end) }

    func firstToken(_ count: Int, _ isAtOrAfter: (Int) -> Bool) -> Int { EventStage.firstToken(count, isAtOrAfter) }
}
