/// One lexicon: the per-token class table every recogniser reads (issue 19, "one lexicon").
///
/// The word files of `Words/` are read into one table of word classes (``TokenLexicon/table``): each
/// word with the classes it has in each recogniser's view, the persons' (``PersonWord``), the
/// organisations' (``OrganisationWordFacts`` with the head kind and context tag of
/// ``OrganisationTokenFacts``) and the cue and charge readers' (``EventStage/CueWordClass``). A run
/// looks every token up in it once (``TokenClasses``), the token's text and, when it has a capital, its
/// lower-case form; the stages read their view of the answers by position instead of asking their
/// own word lists. This file is the one place where word lists become token classes.
///
/// Which form a class is asked of is part of its view: the persons' ``PersonWord/asWritten`` classes
/// and the organisations' ``OrganisationWordFacts/ofText`` are asked of the text as written, the
/// others of the lower-case form; the organisations' and cue classes are asked of words only, the
/// persons' of punctuation too (`,`, `(`).

/// A word's classes in every view: an entry of ``TokenLexicon/table``, and a token's answers in
/// ``TokenClasses`` (there combined from the entries of its text and of its lower-case form).
struct WordClasses: Sendable {
    var person: PersonWord = []
    var organisation = OrganisationTokenFacts()
    var cue: EventStage.CueWordClass = []
}

/// The one table of word classes, and how a token's classes are read from it.
enum TokenLexicon {
    /// Every word some recogniser asks about, with its classes in each view (a view's words are those of
    /// ``ExtractionRun/personWordTable``, ``ExtractionRun/organisationWordTable`` and ``EventStage/cueVocabulary``).
    static let table: [String: WordClasses] = {
        var table = [String: WordClasses](minimumCapacity: 4096)  // sized once, not rehashed as it grows
        for (word, answers) in PersonStage.personWordTable { table[word, default: WordClasses()].person = answers }
        for (word, facts) in OrganisationStage.organisationWordTable { table[word, default: WordClasses()].organisation = facts }
        for (word, classes) in EventStage.cueVocabulary { table[word, default: WordClasses()].cue = classes }
        return table
    }()

    /// ``table`` for ASCII tokens, read from their scalars with no String hashed.
    static let scalarTable = WordClassScalarTable(table)

    /// A token's classes from the entry of its text as written (`text`) and of its lower-case form
    /// (`lower`, the same entry for a word with no capital): each view takes the classes it asks of each form.
    @inline(__always)
    static func classes(text: WordClasses, lower: WordClasses, isWord: Bool) -> WordClasses {
        var found = WordClasses()
        found.person = text.person.intersection(.asWritten).union(lower.person.subtracting(.asWritten))
        // Organisation and cue questions are asked of words only.
        guard isWord else { return found }
        found.organisation.word = text.organisation.word.intersection(.ofText).union(lower.organisation.word.intersection(.ofLower))
        found.organisation.headKind = text.organisation.headKind
        found.organisation.contextTag = lower.organisation.contextTag
        found.cue = lower.cue
        return found
    }

    /// Any word ending in `-ist(s)` is a role too (``WordLists/role(_:)``): asked only of a word ending so,
    /// written in lower case (a capitalised one is a name: `Petra Lindqvist`, `Anna Holmquist`).
    @inline(__always)
    static func addRole(_ found: inout WordClasses, lower: String) {
        guard !found.person.contains(.role) else { return }
        let role = WordLists.role(lower)
        if role.isRole { found.person.formUnion(role.official ? [.role, .officialRole] : .role) }
    }

    /// The classes of a token read as strings (a token beyond ASCII; any token if ``scalarTable`` is not usable).
    static func classes(of token: Token) -> WordClasses {
        let text = table[token.text] ?? WordClasses()
        // Most words are written in lower case: one lookup answers for both.
        let lower = token.lower == token.text ? text : table[token.lower] ?? WordClasses()
        var found = classes(text: text, lower: lower, isWord: token.isWord)
        if token.lower == token.text, let last = token.lower.utf8.last, last == UInt8(ascii: "t") || last == UInt8(ascii: "s") {
            addRole(&found, lower: token.lower)
        }
        return found
    }
}

/// One run's token classes: every token looked up once in ``TokenLexicon``, by section and position.
/// The persons, organisations and event stages read their view of it.
struct TokenClasses: Sendable {
    /// Every token's classes, by section and position.
    let classes: [[WordClasses]]

    init(tokens: [[Token]], scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        let table = TokenLexicon.scalarTable
        var classes: [[WordClasses]] = []
        classes.reserveCapacity(tokens.count)
        for list in tokens {
            var row = [WordClasses](repeating: WordClasses(), count: list.count)
            for position in list.indices {
                let range = list[position].start..<list[position].end
                guard table.isUsable, let hashes = WordClassScalarTable.hashes(scalars, range) else {
                    // Beyond ASCII: the table of strings, which equal as characters do.
                    row[position] = TokenLexicon.classes(of: list[position])
                    continue
                }
                let entry = table.classes(scalars, range, hash: hashes.text, lowerCased: false)
                // A word with no capital is its own lower-case form: one lookup answers for both.
                let lowerEntry = hashes.hasCapital ? table.classes(scalars, range, hash: hashes.lower, lowerCased: true) : entry
                var found = TokenLexicon.classes(text: entry, lower: lowerEntry, isWord: list[position].isWord)
                // `-ist(s)` of more than five letters, in lower case, is a role too (``WordLists/role(_:)`` decides).
                if !hashes.hasCapital, WordClassScalarTable.endsInIst(scalars, range) { TokenLexicon.addRole(&found, lower: list[position].lower) }
                row[position] = found
            }
            classes.append(row)
        }
        self.classes = classes
    }

    /// The classes of the tokens of `document`.
    init(tokens: [[Token]], document: ResolutionText) {
        self = document.scalars.withUnsafeBufferPointer { TokenClasses(tokens: tokens, scalars: $0) }
    }

    /// The persons' view, by section and position.
    var person: [[PersonWord]] { classes.map { $0.map(\.person) } }

    /// The cue and charge readers' view, by section and position.
    var cue: [[EventStage.CueWordClass]] { classes.map { $0.map(\.cue) } }

    /// The organisations' view of token `position` of `section`.
    func organisation(_ section: Int, _ position: Int) -> OrganisationTokenFacts { classes[section][position].organisation }
}

/// The ASCII words of ``TokenLexicon/table`` in an open-addressing table by the FNV-1a hash of
/// their bytes (as ``WordPositions`` hashes a token's scalars), so that a token is looked up from its
/// scalars: no String is hashed (SipHash) and none is built for its lower-case form.
///
/// Only ASCII tokens are looked up here, and they equal only ASCII words: a word beyond ASCII equals an
/// ASCII one only when it holds one of the three scalars whose decomposition is ASCII
/// (``WordPositions/hasASCIIEquivalent(_:)``); if a word of the table held one, the table is not used.
struct WordClassScalarTable: Sendable {
    /// The entry at each slot (its hash's, or the next free one), or -1.
    private let slots: [Int32]
    private let entryHashes: [UInt32]
    /// The bytes of all entries, one after another: entry `e` is `bytes[starts[e]..<starts[e + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let entryClasses: [WordClasses]
    /// False when a word of the table holds a scalar that equals an ASCII character.
    let isUsable: Bool

    init(_ table: [String: WordClasses]) {
        // At most a quarter full: most tokens are no word of the table, and a miss ends at the first free slot.
        var capacity = 16
        while capacity < table.count * 4 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes: [UInt32] = [], bytes: [UInt8] = [], starts = [0], entryClasses: [WordClasses] = []
        var isUsable = true
        for (word, answers) in table {
            if WordPositions.hasASCIIEquivalent(word.unicodeScalars) { isUsable = false }
            guard let hash = WordPositions.asciiHash(word) else { continue }
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(hashes.count)
            hashes.append(hash)
            bytes += word.utf8
            starts.append(bytes.count)
            entryClasses.append(answers)
        }
        self.slots = slots
        self.entryHashes = hashes
        self.bytes = bytes
        self.starts = starts
        self.entryClasses = entryClasses
        self.isUsable = isUsable
    }

    /// The FNV-1a hashes of ASCII scalars as written and lower-cased, and whether one is a capital; nil if one is beyond ASCII.
    static func hashes(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> (text: UInt32, lower: UInt32, hasCapital: Bool)? {
        var text: UInt32 = 2_166_136_261, lower: UInt32 = 2_166_136_261
        var hasCapital = false
        for index in range {
            let value = scalars[index].value
            if value >= 0x80 { return nil }
            let isCapital = value &- 65 < 26
            hasCapital = hasCapital || isCapital
            text = (text ^ value) &* 16_777_619
            lower = (lower ^ (isCapital ? value | 0x20 : value)) &* 16_777_619
        }
        return (text, lower, hasCapital)
    }

    /// The classes of the word with these ASCII scalars (lower-cased first, with `lowerCased`), whose hash is `hash`; none if it is no word of the table.
    func classes(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, hash: UInt32, lowerCased: Bool) -> WordClasses {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if entryHashes[entry] == hash, starts[entry + 1] - starts[entry] == range.count {
                var offset = starts[entry], equal = true
                for index in range {
                    let value = scalars[index].value
                    let byte = UInt8(truncatingIfNeeded: lowerCased && value &- 65 < 26 ? value | 0x20 : value)
                    if byte != bytes[offset] { equal = false; break }
                    offset += 1
                }
                if equal { return entryClasses[entry] }
            }
            slot = (slot + 1) & mask
        }
        return WordClasses()
    }

    /// Whether ASCII scalars lower-cased end in `ist` or `ists` and are more than five: what may make a word a role
    /// in ``WordLists/role(_:)`` beyond its list.
    @inline(__always)
    static func endsInIst(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Bool {
        guard range.count > 5 else { return false }
        func lower(_ index: Int) -> UInt32 { let value = scalars[index].value; return value &- 65 < 26 ? value | 0x20 : value }
        var end = range.upperBound
        if lower(end - 1) == 0x73 { end -= 1 }  // `s`
        return lower(end - 3) == 0x69 && lower(end - 2) == 0x73 && lower(end - 1) == 0x74  // `ist`
    }
}

// MARK: - The persons' view

/// The persons' view of a token's classes, one bit a question (see ``ExtractionRun/personWordTable``):
/// every token is looked up once a run in the one table (``TokenClasses``), and the persons stage
/// keeps the answers by position (``ExtractionRun/personWords``).
struct PersonWord: OptionSet, Sendable {
    let rawValue: UInt64

    // Asked of the text as written.
    /// The first word of a title (``WordLists/titleFirstWords``).
    static let titleFirstWord = PersonWord(rawValue: 1 << 0)
    /// A title of one word (``WordLists/oneWordTitles``), and whether it is an office.
    static let oneWordTitle = PersonWord(rawValue: 1 << 1)
    static let officialOneWordTitle = PersonWord(rawValue: 1 << 2)
    /// Never part of a person's name (``ExtractionRun/personCommonWords``).
    static let commonWord = PersonWord(rawValue: 1 << 3)
    /// `de`, `van`, `al` (``WordLists/particles``).
    static let particle = PersonWord(rawValue: 1 << 4)
    /// `,`, `;`, `:`, `.` (``ExtractionRun/phraseEnds``).
    static let phraseEnd = PersonWord(rawValue: 1 << 5)
    /// `(` and `)`: with the phrase ends, ``ExtractionRun/phraseEndsOrBrackets``.
    static let bracket = PersonWord(rawValue: 1 << 6)

    // Asked of the lower-case form.
    /// ``WordLists/role(_:)``: a role noun, and whether it is an office.
    static let role = PersonWord(rawValue: 1 << 7)
    static let officialRole = PersonWord(rawValue: 1 << 8)
    static let kinship = PersonWord(rawValue: 1 << 9)
    static let personVerb = PersonWord(rawValue: 1 << 10)
    /// A person verb ending in `ed` (`arrested`).
    static let pastPersonVerb = PersonWord(rawValue: 1 << 11)
    static let personEvent = PersonWord(rawValue: 1 << 12)
    static let officialHead = PersonWord(rawValue: 1 << 13)
    static let former = PersonWord(rawValue: 1 << 14)
    static let reportingVerb = PersonWord(rawValue: 1 << 15)
    static let headingWord = PersonWord(rawValue: 1 << 16)
    static let neutralBefore = PersonWord(rawValue: 1 << 17)
    static let placeBefore = PersonWord(rawValue: 1 << 18)
    static let auxiliaryVerb = PersonWord(rawValue: 1 << 19)
    static let officeVerb = PersonWord(rawValue: 1 << 20)
    static let personAfter = PersonWord(rawValue: 1 << 21)
    static let personAfterComma = PersonWord(rawValue: 1 << 22)
    static let participleLead = PersonWord(rawValue: 1 << 23)
    static let ageWord = PersonWord(rawValue: 1 << 24)
    static let aliasWord = PersonWord(rawValue: 1 << 25)
    static let listSubjectVerb = PersonWord(rawValue: 1 << 26)
    static let listGapStopper = PersonWord(rawValue: 1 << 27)
    static let officeLink = PersonWord(rawValue: 1 << 28)

    // Asked of the token where it stands, not of the table (see ``ExtractionRun/markNamesWrittenInLowerCase(_:_:_:_:_:_:)``).
    /// A name word whose lower-case form the document also writes as a word of its own (`Calls` and `calls`).
    static let writtenInLowerCase = PersonWord(rawValue: 1 << 29)

    // Asked of the lower-case form: the classes of `Words/person-context.txt` the rules compare words with.
    static let eventLink = PersonWord(rawValue: 1 << 30)
    static let headLink = PersonWord(rawValue: 1 << 31)
    static let article = PersonWord(rawValue: 1 << 32)
    static let agent = PersonWord(rawValue: 1 << 33)
    static let officeAs = PersonWord(rawValue: 1 << 34)
    static let officeTaking = PersonWord(rawValue: 1 << 35)
    static let officeNoun = PersonWord(rawValue: 1 << 36)
    static let aliasAfterName = PersonWord(rawValue: 1 << 37)
    static let aliasAfterComma = PersonWord(rawValue: 1 << 38)
    static let phraseOpener = PersonWord(rawValue: 1 << 39)
    static let coordinator = PersonWord(rawValue: 1 << 40)
    static let rolePhraseStop = PersonWord(rawValue: 1 << 41)
    /// `well` of `as well as`: a list of names that goes on past a described member (``ExtractionRun/isListGap(_:from:to:)``).
    static let listAddition = PersonWord(rawValue: 1 << 42)
    /// `in`, `near`: a run of name words after one is a place (``ExtractionRun/placeRuns()``, `person.written-as-place`).
    static let placeIn = PersonWord(rawValue: 1 << 43)

    /// The classes of `Words/person-context.txt` read into the table as these answers (the file's other
    /// classes are read as the named word lists of ``ExtractionRun``).
    static let fileClasses: [(String, PersonWord)] = [
        ("event-link", .eventLink), ("head-link", .headLink), ("article", .article), ("agent", .agent), ("office-as", .officeAs),
        ("office-taking", .officeTaking), ("office-noun", .officeNoun), ("alias-after-name", .aliasAfterName),
        ("alias-after-comma", .aliasAfterComma), ("phrase-opener", .phraseOpener), ("coordinator", .coordinator),
        ("role-phrase-stop", .rolePhraseStop), ("list-addition", .listAddition),
        ("place-in", .placeIn),
    ]

    /// The questions asked of the text as written; the others are asked of its lower-case form.
    static let asWritten: PersonWord = [.titleFirstWord, .oneWordTitle, .officialOneWordTitle, .commonWord, .particle, .phraseEnd, .bracket]
}

extension PersonStage {
    /// Every word a ``PersonWord`` question is asked of, with the questions it answers yes to: the lists
    /// persons ask in one table, so that a word is looked up once rather than once a list.
    static let personWordTable: [String: PersonWord] = {
        var table = [String: PersonWord](minimumCapacity: 1024)  // sized once, not rehashed as it grows
        func add(_ words: some Sequence<String>, _ answer: PersonWord) { for word in words { table[word, default: []].formUnion(answer) } }
        add(WordLists.titleFirstWords, .titleFirstWord)
        for (word, official) in WordLists.oneWordTitles { add([word], official ? [.oneWordTitle, .officialOneWordTitle] : .oneWordTitle) }
        add(personCommonWords, .commonWord)
        add(WordLists.particles, .particle)
        add(phraseEnds, .phraseEnd)
        add(["(", ")"], .bracket)
        for (word, official) in WordLists.roleNouns { add([word], official ? [.role, .officialRole] : .role) }
        add(WordLists.kinship, .kinship)
        add(WordLists.personVerbs, .personVerb)
        add(WordLists.personVerbs.filter { $0.hasSuffix("ed") }, .pastPersonVerb)
        add(WordLists.personEvents, .personEvent)
        add(WordLists.officialHeads, .officialHead)
        add(formerWords, .former)
        add(reportingVerbs, .reportingVerb)
        add(headingWords, .headingWord)
        add(neutralWordsBefore, .neutralBefore)
        add(placeWordsBefore, .placeBefore)
        add(auxiliaryVerbs, .auxiliaryVerb)
        add(officeVerbs, .officeVerb)
        add(personWordsAfter, .personAfter)
        add(personWordsAfterComma, .personAfterComma)
        add(participleLeads, .participleLead)
        add(ageWords, .ageWord)
        add(aliasWords, .aliasWord)
        add(listSubjectVerbs, .listSubjectVerb)
        add(listGapStoppers, .listGapStopper)
        add(officeLinkWords, .officeLink)
        for (wordClass, answer) in PersonWord.fileClasses { add(WordLists.classList(PackageResources.person_context_txt, wordClass), answer) }
        return table
    }()
}

// MARK: - The organisations' view

/// The organisations' view of a token's classes: whether it is in one of the word lists, asked of
/// the token's text or of its lower-case form. Every token is looked up once a run in the one table
/// (``TokenClasses``), and organisation recognition keeps the answers by run-wide token number
/// (``OrganisationCache/facts``).
struct OrganisationWordFacts: OptionSet, Sendable {
    let rawValue: UInt32

    // Asked of the token's text.
    /// `of`, `for`, `and`, …: ``ExtractionRun/connectors``.
    static let connector = Self(rawValue: 1 << 0)
    /// A final word of organisation names: ``ExtractionRun/isHead(_:)``.
    static let head = Self(rawValue: 1 << 1)
    /// `Code`, `Law`: `Lexicon.instrumentHeads`.
    static let instrumentHead = Self(rawValue: 1 << 2)
    /// `Decision`, `Prize`: ``ExtractionRun/instrumentWords``.
    static let instrumentWord = Self(rawValue: 1 << 3)
    /// ``ExtractionRun/nameParticles``.
    static let nameParticle = Self(rawValue: 1 << 4)
    /// ``ExtractionRun/monthNames``.
    static let monthName = Self(rawValue: 1 << 5)
    /// ``ExtractionRun/leadingVerbs``.
    static let leadingVerb = Self(rawValue: 1 << 6)
    /// ``ExtractionRun/officeTitles``.
    static let officeTitle = Self(rawValue: 1 << 7)
    /// ``ExtractionRun/isPersonLead(_:)``.
    static let personLead = Self(rawValue: 1 << 8)
    /// The first word of a well-known institution's name or alias (``ExtractionRun/institutionWordsByFirstWord``).
    static let institutionStart = Self(rawValue: 1 << 9)
    /// `Lexicon.nonNameWords`.
    static let nonNameWord = Self(rawValue: 1 << 10)
    /// `Article`, `section`, `Rule`: ``ExtractionRun/articleWords`` (asked by ``ExtractionRun/findProvisions()``).
    static let articleWord = Self(rawValue: 1 << 11)
    /// `paragraph` (asked by ``ExtractionRun/findProvisions()``).
    static let paragraphWord = Self(rawValue: 1 << 12)
    /// Single words as written, classes of `Words/organisation-words.txt` the recognisers compare tokens with.
    static let ofAsWritten = Self(rawValue: 1 << 13)
    static let theCapitalised = Self(rawValue: 1 << 14)
    static let articleAsWritten = Self(rawValue: 1 << 15)
    static let andAsWritten = Self(rawValue: 1 << 30)
    static let inAsWritten = Self(rawValue: 1 << 31)

    // Asked of the token's lower-case form.
    /// `Lexicon.organisationNouns`.
    static let organisationNoun = Self(rawValue: 1 << 16)
    /// `Lexicon.personNouns`.
    static let personNoun = Self(rawValue: 1 << 17)
    /// ``ExtractionRun/bracketBodies``.
    static let bracketBody = Self(rawValue: 1 << 18)
    /// ``ExtractionRun/trailingNouns``.
    static let trailingNoun = Self(rawValue: 1 << 19)
    /// ``ExtractionRun/attributiveNouns``.
    static let attributiveNoun = Self(rawValue: 1 << 20)
    /// `journalist`, `correspondent`, `reporter`: see ``ExtractionRun/findMedia(in:)``.
    static let mediaRole = Self(rawValue: 1 << 21)
    /// The classes of `Words/organisation-words.txt` the recognisers compare single words with.
    static let article = Self(rawValue: 1 << 22)
    static let and = Self(rawValue: 1 << 23)
    static let or = Self(rawValue: 1 << 24)
    static let mediaLink = Self(rawValue: 1 << 25)
    static let which = Self(rawValue: 1 << 26)
    static let unlistedNoun = Self(rawValue: 1 << 27)
    static let workingVerb = Self(rawValue: 1 << 28)
    static let staffOf = Self(rawValue: 1 << 29)

    static let ofText: Self = [.connector, .head, .instrumentHead, .instrumentWord, .nameParticle, .monthName, .leadingVerb,
                               .officeTitle, .personLead, .institutionStart, .nonNameWord, .articleWord, .paragraphWord,
                               .ofAsWritten, .theCapitalised, .articleAsWritten, .andAsWritten, .inAsWritten]
    static let ofLower: Self = [.organisationNoun, .personNoun, .bracketBody, .trailingNoun, .attributiveNoun, .mediaRole,
                                .article, .and, .or, .mediaLink, .which, .unlistedNoun, .workingVerb, .staffOf]
}

/// A token's answers: its word facts, the kind its head word suggests and the tag of its context noun.
struct OrganisationTokenFacts: Sendable {
    var word: OrganisationWordFacts = []
    /// 0: no head word; else `ExtractionRun.headKinds[headKind - 1]` (a head may suggest no kind).
    var headKind: UInt8 = 0
    /// 0: no context noun (`WordLists.organisationContext`, asked of the lower-case form); else `ExtractionRun.contextTags[contextTag - 1]`.
    var contextTag: UInt8 = 0

    var isConnector: Bool { word.contains(.connector) }
    var isHead: Bool { word.contains(.head) }
}

extension OrganisationStage {
    /// Every word some organisation question is asked about, with its answers (strings equal as
    /// characters are one key, as they are one word).
    static let organisationWordTable: [String: OrganisationTokenFacts] = {
        var table = [String: OrganisationTokenFacts](minimumCapacity: 2048)
        func note(_ fact: OrganisationWordFacts, _ words: some Sequence<String>) {
            for word in words { table[word, default: OrganisationTokenFacts()].word.insert(fact) }
        }
        note(.connector, connectors)
        note(.instrumentHead, Lexicon.instrumentHeads)
        note(.instrumentWord, instrumentWords)
        note(.nameParticle, nameParticles)
        note(.monthName, monthNames)
        note(.leadingVerb, leadingVerbs)
        note(.officeTitle, officeTitles)
        note(.personLead, personLeads)  // ``isPersonLead(_:)``
        note(.personLead, Lexicon.honorifics)
        note(.institutionStart, institutionWordsByFirstWord.keys)
        note(.nonNameWord, Lexicon.nonNameWords)
        note(.articleWord, articleWords)
        note(.paragraphWord, paragraphWords)
        note(.organisationNoun, Lexicon.organisationNouns)
        note(.personNoun, Lexicon.personNouns)
        note(.bracketBody, bracketBodies)
        note(.trailingNoun, trailingNouns)
        note(.attributiveNoun, attributiveNouns)
        note(.mediaRole, mediaRoles)
        for (wordClass, fact) in [("article", OrganisationWordFacts.article), ("and", .and), ("or", .or), ("media-link", .mediaLink),
                                  ("which", .which), ("unlisted-noun", .unlistedNoun), ("working-verb", .workingVerb), ("staff-of", .staffOf),
                                  ("of-as-written", .ofAsWritten), ("the-capitalised", .theCapitalised), ("article-as-written", .articleAsWritten),
                                  ("and-as-written", .andAsWritten), ("in-as-written", .inAsWritten)] {
            note(fact, WordLists.wordClass(PackageResources.organisation_words_txt, wordClass))
        }
        // ``headKind(_:)`` holds a kind for exactly the words of the two head lists.
        for word in Set(Lexicon.organisationHeads.keys).union(WordLists.organisationHeads.keys) {
            guard let kind = headKind(word), let code = headKinds.firstIndex(of: kind) else { continue }
            table[word, default: OrganisationTokenFacts()].word.insert(.head)
            table[word, default: OrganisationTokenFacts()].headKind = UInt8(code + 1)
        }
        for (word, tag) in WordLists.organisationContext {
            guard let code = contextTags.firstIndex(of: tag) else { continue }
            table[word, default: OrganisationTokenFacts()].contextTag = UInt8(code + 1)
        }
        return table
    }()
}

// MARK: - The cue and charge readers' view

extension EventStage {
    /// The cue and charge readers' view of a token's classes, asked of its lower-case word: every
    /// token is looked up once a run in the one table (``TokenClasses``), and the stage keeps the
    /// answers by position (``CueMemo/classes``).
    struct CueWordClass: OptionSet {
        let rawValue: UInt32
        /// One of ``cueWords``: a case of ``cueHits(in:)`` may start there.
        static let cue = CueWordClass(rawValue: 1 << 0)
        /// `he`, `she`: a pronoun subject.
        static let heOrShe = CueWordClass(rawValue: 1 << 1)
        static let they = CueWordClass(rawValue: 1 << 2)
        static let them = CueWordClass(rawValue: 1 << 3)
        static let their = CueWordClass(rawValue: 1 << 4)
        static let whom = CueWordClass(rawValue: 1 << 5)
        /// One of ``pronouns``: a pronoun that stands in for persons named before.
        static let pronoun = CueWordClass(rawValue: 1 << 6)
        /// `all`, `both`, `each`: `all of them`.
        static let everyone = CueWordClass(rawValue: 1 << 7)
        /// `none`: `none of them`.
        static let none = CueWordClass(rawValue: 1 << 8)
        /// A word after which a call for release no longer reaches (``callStops``).
        static let callStop = CueWordClass(rawValue: 1 << 9)
        /// One of ``chargeTriggers``.
        static let chargeTrigger = CueWordClass(rawValue: 1 << 10)
        /// One of ``requestWords``.
        static let request = CueWordClass(rawValue: 1 << 11)
        /// `convicted`, `sentenced`.
        static let convicted = CueWordClass(rawValue: 1 << 12)
        /// One of ``offenceChargeWords``: a clause that may charge someone with a quoted offence.
        static let chargeWord = CueWordClass(rawValue: 1 << 13)
        /// A key of ``supportWords``.
        static let support = CueWordClass(rawValue: 1 << 14)
        /// One of ``positionWords``.
        static let position = CueWordClass(rawValue: 1 << 15)
        /// An English month name (``PartialDate/month(named:)``).
        static let month = CueWordClass(rawValue: 1 << 16)
        /// `same`: `on the same charge`.
        static let same = CueWordClass(rawValue: 1 << 17)
        /// A key of ``eventNouns``.
        static let eventNoun = CueWordClass(rawValue: 1 << 18)
        /// One of ``riskEvents``.
        static let riskEvent = CueWordClass(rawValue: 1 << 19)
        /// One of ``charging``: `charges against X`.
        static let charging = CueWordClass(rawValue: 1 << 20)
        /// One of ``ending``: `drop the charges against X`.
        static let ending = CueWordClass(rawValue: 1 << 21)
        /// One of ``endedPast``: `the charges against X were dropped`.
        static let endedPast = CueWordClass(rawValue: 1 << 22)
        /// One of ``approving``: `welcomes the release of X`.
        static let approving = CueWordClass(rawValue: 1 << 23)
    }

    /// Every word one of ``CueWordClass`` answers for, with the classes it belongs to.
    static let cueVocabulary: [String: CueWordClass] = {
        var vocabulary = [String: CueWordClass](minimumCapacity: 256)
        func add(_ words: some Sequence<String>, _ kind: CueWordClass) {
            for word in words { vocabulary[word, default: []].insert(kind) }
        }
        add(cueWords, .cue)
        add(EventWords.words("he-she"), .heOrShe)
        add(EventWords.words("they"), .they)
        add(EventWords.words("them"), .them)
        add(EventWords.words("their"), .their)
        add(EventWords.words("whom"), .whom)
        add(pronouns, .pronoun)
        add(EventWords.words("everyone"), .everyone)
        add(EventWords.words("none"), .none)
        add(callStops, .callStop)
        add(chargeTriggers, .chargeTrigger)
        add(requestWords, .request)
        add(EventWords.words("conviction-word"), .convicted)
        add(offenceChargeWords, .chargeWord)
        add(supportWords.keys, .support)
        add(positionWords, .position)
        add((1...12).map { PartialDate.monthName($0) }, .month)
        add(EventWords.words("same"), .same)
        add(eventNouns.keys, .eventNoun)
        add(riskEvents, .riskEvent)
        add(charging, .charging)
        add(ending, .ending)
        add(endedPast, .endedPast)
        add(approving, .approving)
        return vocabulary
    }()
}
