import Foundation

/// Reads a resolution and finds its people, organisations, provisions and
/// the cues around them, from the structure of the text.
public enum Extractor {
    /// Decodes, normalises and extracts a file's bytes.
    ///
    /// With `checkingLimits`, first throws as `ResolutionLimits.check(data:name:)` would for a text
    /// over the limits, checking the normalised text that extraction then reads, so that the file
    /// is decoded and normalised once.
    public static func extract(data: Data, name: String, checkingLimits: Bool = false) throws(IngestError) -> Extraction {
        let decoded = try TextDecoding.decode(data, name: name)
        let document = try Normaliser.normalise(decoded.text, name: name)
        if checkingLimits { try ResolutionLimits.check(document, name: name) }
        var extraction = extract(document)
        extraction.warnings = decoded.warnings + extraction.warnings
        return extraction
    }

    public static func extract(text: String, name: String) throws(IngestError) -> Extraction {
        extract(try Normaliser.normalise(text, name: name))
    }

    /// Extracts a normalised text (with `explanations`, noting why each name is or is not a person).
    static func extract(_ document: ResolutionText, explanations: ExplanationLog? = nil) -> Extraction {
        var run = ExtractionRun(document)
        run.explanations = explanations
        run.extractAll()
        var extraction = run.result()
        extraction.text = document.text
        extraction.warnings = document.warnings + extraction.warnings
        return extraction
    }
}

/// One extraction's working state.
struct ExtractionRun {
    struct Clause {
        var section: Int
        var range: Range<Int>  // token indices in the section
        /// Where each list introducer of the clause stands and the position after it, found once.
        var introducers: [(at: Int, after: Int)] = []
    }

    struct PersonDraft {
        var name: String
        var forms: [String]
        var roles: [String]
        var mentions: [Extraction.Mention]
        /// `NameKey.tokens` of each form, kept to compare fast.
        var formTokens: [[String]]
        /// Holds an office (head of state, minister, judge): never a case.
        var official = false
        /// The rules that accepted the candidates this person was made of (``PersonEvidence``).
        var rules: [RuleHit] = []
    }

    struct OrganisationDraft {
        var name: String
        var aliases: [String]
        var kind: String?
        var mentions: [Extraction.Mention]
        /// `organisationKey` of the name and of each alias, kept to compare fast.
        var nameKey: String
        var aliasKeys: Set<String>
        /// The rules that recognised its mentions (`organisation.…`).
        var rules: [RuleHit] = []
    }

    let document: ResolutionText
    var tokens: [[Token]] = []
    /// Each section's token indices by token text, in text order: where a known name may start
    /// (`positions[section][word] ?? []`).
    var positions: [WordPositions] = []
    var clauses: [Clause] = []
    var persons: [PersonDraft] = []
    var organisations: [OrganisationDraft] = []
    var provisions: [Extraction.ProvisionEntity] = []
    var charges: [Extraction.ChargeCue] = []
    var statuses: [Extraction.StatusCue] = []
    var memberships: [Extraction.MembershipCue] = []
    var releaseCalls: [Extraction.ReleaseCall] = []
    var acronyms: [String: String] = [:]
    /// The first organisation draft by its name key, and by each key of its aliases: see ``addOrganisation``.
    var organisationByNameKey: [String: Int] = [:]
    var organisationByAliasKey: [String: Int] = [:]
    /// Values worked out once per run and asked for again and again (see ``organisationKey(_:)``).
    final class Memo {
        var organisationKeys: [String: String] = [:]
    }
    let memo = Memo()
    /// Persons by name and by the variant key of every form (see ``NameKey/variantKey(_:)``), for fast lookups.
    var personByName: [String: Int] = [:]
    var personVariants: [String: Int] = [:]
    /// Persons by every word of their forms' `formTokens`, in `persons` order: see ``personsHolding(_:)``.
    var personsByWord: [String: [Int]] = [:]
    /// Persons by the variant key of every form (``NameKey/variantKey(tokens:)``), each once, in `persons` order: the
    /// persons ``record(person:form:mention:role:nameTokens:)`` compares a new name with (see ``indexPersonWords(_:_:variantKey:)``).
    var personsByVariantKey: [String: [Int]] = [:]
    /// Token ranges (section, tokens) that belong to organisation lists.
    var organisationSpans: [(section: Int, range: ClosedRange<Int>)] = []
    /// Rule hits of the entity-shape rules on persons, by person name (see ``applyPersonShapes()``).
    var personRuleHits: [String: [RuleHit]] = [:]
    /// Rule hits of the entity-shape rules on organisations, by name (see ``applyOrganisationShapes()``).
    var organisationRuleHits: [String: [RuleHit]] = [:]

    // Values worked out once per run for each recogniser, so that it does not
    // ask the same question of the same token again and again.
    // MARK: Run caches: persons
    /// Every token's word classes, looked up once (``TokenClasses``): persons, organisations and the
    /// event stage read their view of it.
    let tokenClasses: TokenClasses
    /// What persons ask of each token's text, by section and position: see ``findPersonWords()``.
    var personWords: [[PersonWord]] = []

    // Run caches of cues and charges: owned by ``EventStage``.

    // MARK: Run caches: organisations and provisions
    // organisations
    /// What organisation recognition asks of every token, and where capitalised words stand, worked out once per run.
    let organisationCache = OrganisationCache()
    // provisions
    /// Instrument names, their words and keys, worked out once per run (see ``ProvisionMemo``).
    let provisionMemo = ProvisionMemo()
    /// Indexes by section or key for questions asked of every candidate (see ``RunIndexes``).
    let runIndexes = RunIndexes()

    /// Set by ``Extractor/explain(data:name:)``: where the run notes why each name is or is not a person.
    var explanations: ExplanationLog?

    init(_ document: ResolutionText) {
        self.document = document
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
        self.tokens = tokens
        self.tokenClasses = tokenClasses ?? TokenClasses(tokens: tokens, document: document)
        self.positions = positions
        self.clauses = clauses
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

    func label(_ section: Int) -> String { document.sections[section].label }

    func isBody(_ section: Int) -> Bool { document.sections[section].kind != .footnote }

    mutating func extractAll() {
        findAcronyms()
        findOrganisations()
        findProvisions()
        unifyWrittenInstrumentNames()
        findPersons()
        findCoordinatedOrganisations()
        findAllMentions()
        findAllOrganisationMentions()
        applyOrganisationShapes()
        applyPersonShapes()
        findEvents()
    }

    func result() -> Extraction {
        Extraction(
            document: .init(
                procedure: document.procedure, title: document.title, adopted: document.adopted,
                sha256: SHA256.hex(document.text), country: document.country, cites: document.cites,
                sections: document.sections.map { .init(label: $0.label, kind: $0.kind, start: $0.start, end: $0.end) },
                kind: document.kind, reference: document.reference, tabled: document.tabled),
            persons: persons.map { draft in
                .init(name: draft.name, aliases: uniqueForms(draft.forms, except: draft.name),
                      roles: draft.official ? ["official"] + draft.roles.filter { $0 != "official" } : draft.roles.filter { $0 != "official" },
                      mentions: draft.mentions.sorted { $0.start < $1.start }, rules: draft.rules + (personRuleHits[draft.name] ?? []))
            },
            organisations: organisations.map { draft in
                .init(name: draft.name, aliases: uniqueForms(draft.aliases, except: draft.name), kind: draft.kind,
                      mentions: draft.mentions.sorted { $0.start < $1.start }, rules: draft.rules + (organisationRuleHits[draft.name] ?? []))
            },
            provisions: provisions,
            charges: charges, statuses: statuses, memberships: memberships, releaseCalls: releaseCalls, warnings: [])
    }

    func uniqueForms(_ forms: [String], except name: String) -> [String] {
        var seen: Set<String> = [name]
        return forms.filter { seen.insert($0).inserted }
    }

    // MARK: - Shared helpers

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

    func clause(containing section: Int, _ index: Int) -> Clause? {
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

    func isInOrganisationList(_ section: Int, _ index: Int) -> Bool {
        organisationListHolds(section, index)
    }

    /// The nearest group noun before token `index` in its clause: person or organisation.
    func groupNoun(before index: Int, in clause: Clause) -> (isPerson: Bool, noun: String)? {
        Self.groupNoun(in: tokens[clause.section], before: index, in: clause)
    }

    /// ``groupNoun(before:in:)`` of a section's tokens, for any stage that holds them.
    static func groupNoun(in list: [Token], before index: Int, in clause: Clause) -> (isPerson: Bool, noun: String)? {
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
    func introducers(in clause: Clause) -> [(at: Int, after: Int)] { clause.introducers }
}
