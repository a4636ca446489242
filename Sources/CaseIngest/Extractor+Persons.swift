import Foundation

/// Persons, recognised by weighed evidence rather than sentence templates.
///
/// Every run of name-shaped words (with inner particles: `Ana de Souza`,
/// `Omar al-Rahman`; with titles before it: `Dr`, `Senior General`) is a
/// candidate. What is around it decides: a title or a role noun (`journalist
/// Lena Ortiz`, `Lena Ortiz, a lawyer,`), kinship (`her son, Tomas Ortiz`), a
/// verb with a person as its subject or object (`was arrested`, `the release
/// of`), a nationality bracket (`(Freedonia/Ruritania)`), a list it shares
/// with a person, a list after a group of people (`prisoners, including`).
/// Words of awards, places, laws and organisations in the run say it is none.
/// A name decided once is that person at every other occurrence; a family
/// name alone, or a title with it, joins the one full name it ends.
extension PersonStage {
    /// One candidate: name words `first...last` in a section, with what was seen around them.
    struct PersonCandidate {
        var section: Int
        var first: Int
        var last: Int
        var titleFirst: Int?
        /// The rules that fired on it, their summed weight, and what accepted or refused it.
        var evidence = PersonEvidence()
        var official: Bool
        var role: String?
        /// A second name for the same person (`Tavo Renn, known as Ko Tavo`).
        var alias: (first: Int, last: Int)?
        var accepted = false
        /// The role noun or people's name of the run read before the name (`person.role-inside-run`,
        /// `person.people-before-name`): the word before the name is weighed by that rule alone.
        var wordBefore: Int?

        var start: Int { titleFirst ?? first }
        /// The summed weight of its evidence.
        var score: Int { evidence.score }
    }

    static let formerWords: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "former")

    // Word lists asked in loops, made once rather than at every pass.
    static let officeLinkWords: [String] = WordLists.classList(PackageResources.person_context_txt, "office-link")
    static let phraseEnds = [",", ";", ":", "."]
    static let phraseEndsOrBrackets = [",", ";", ":", ".", "(", ")"]
    static let aliasWords: [String] = WordLists.classList(PackageResources.person_context_txt, "alias")
    static let listSubjectVerbs: [String] = WordLists.classList(PackageResources.person_context_txt, "list-subject-verb")
    static let peopleAdjectiveEndings: [String] = WordLists.classList(PackageResources.person_context_txt, "people-adjective-ending")
    static let pluralPeopleEndings: [String] = WordLists.classList(PackageResources.person_context_txt, "plural-people-ending")
    static let listGapStoppers: [String] = WordLists.classList(PackageResources.person_context_txt, "list-gap-stopper")
    static let possessives: [String] = WordLists.classList(PackageResources.person_context_txt, "possessive")
    static let reportingVerbs: [String] = WordLists.classList(PackageResources.person_context_txt, "reporting-verb")
    static let headingWords: [String] = WordLists.classList(PackageResources.person_context_txt, "heading")
    static let neutralWordsBefore: [String] = WordLists.classList(PackageResources.person_context_txt, "neutral-before")
    static let placeWordsBefore: [String] = WordLists.classList(PackageResources.person_context_txt, "place-before")
    static let ageWords: [String] = WordLists.classList(PackageResources.person_context_txt, "age")
    static let auxiliaryVerbs: [String] = WordLists.classList(PackageResources.person_context_txt, "auxiliary")
    static let officeVerbs: [String] = WordLists.classList(PackageResources.person_context_txt, "office-verb")
    static let personWordsAfter: [String] = WordLists.classList(PackageResources.person_context_txt, "person-after")
    static let personWordsAfterComma: [String] = WordLists.classList(PackageResources.person_context_txt, "person-after-comma")
    static let participleLeads: [String] = WordLists.classList(PackageResources.person_context_txt, "participle-lead")


    /// Works out ``personWords``: every token's answers, the persons' view of the run's ``TokenClasses``, and
    /// which name words the document also writes in lower case (``PersonWord/writtenInLowerCase``).
    mutating func findPersonWords() {
        var all = tokenClasses.person
        // The words starting with a lower-case letter, and the name words, in ASCII (with the hash of
        // their lower-case form) and beyond: see ``markNamesWrittenInLowerCase(_:_:_:_:_:_:)``.
        var lowerCaseWords: [(start: Int32, end: Int32, hash: UInt32)] = []
        var asciiNameWords: [(section: Int, position: Int, lowerHash: UInt32)] = []
        var otherLowerCaseWords: [(section: Int, position: Int)] = [], otherNameWords: [(section: Int, position: Int)] = []
        document.scalars.withUnsafeBufferPointer { scalars in
            for (section, list) in tokens.enumerated() {
                for position in list.indices where list[position].isWord && (list[position].startsLowercase || list[position].isNameWord) {
                    let range = list[position].start..<list[position].end
                    if let hashes = WordClassScalarTable.hashes(scalars, range) {
                        if list[position].startsLowercase { lowerCaseWords.append((Int32(range.lowerBound), Int32(range.upperBound), hashes.text)) }
                        if list[position].isNameWord { asciiNameWords.append((section, position, hashes.lower)) }
                    } else {
                        if list[position].startsLowercase { otherLowerCaseWords.append((section, position)) }
                        if list[position].isNameWord { otherNameWords.append((section, position)) }
                    }
                }
            }
            markNamesWrittenInLowerCase(&all, scalars, lowerCaseWords, asciiNameWords, otherLowerCaseWords, otherNameWords)
        }
        personWords = all
    }

    /// Marks the name words whose lower-case form the document also writes as a word starting with a
    /// lower-case letter (``PersonWord/writtenInLowerCase``), as ``lowerCaseNameWords()`` finds them.
    ///
    /// An ASCII name word's lower-case form is compared with `lowerCaseWords`, the ASCII lower-case words
    /// (in a ``LowerCaseFormSet`` of the forms, which those words mark): no other word equals the form (a word beyond ASCII equals an ASCII one only through the Kelvin sign, a
    /// capital, or `;` or `` ` ``, which are no word's). A name word beyond ASCII is looked up as
    /// ``lowerCaseNameWords()`` does, among the lower-case words beyond ASCII that have the shape of a
    /// name word's lower-case form (an ASCII word equals none of them either, unless that form is ASCII:
    /// then in all of ``lowerCaseNameWords()``).
    func markNamesWrittenInLowerCase(_ all: inout [[PersonWord]], _ scalars: UnsafeBufferPointer<Unicode.Scalar>,
                                     _ lowerCaseWords: [(start: Int32, end: Int32, hash: UInt32)],
                                     _ asciiNameWords: [(section: Int, position: Int, lowerHash: UInt32)],
                                     _ otherLowerCaseWords: [(section: Int, position: Int)], _ otherNameWords: [(section: Int, position: Int)]) {
        // The name words' lower-case forms in a set, each word's slot kept; the lower-case words mark the forms they equal.
        var forms = LowerCaseFormSet(capacityFor: asciiNameWords.count)
        var slots: [Int] = []
        slots.reserveCapacity(asciiNameWords.count)
        for (section, position, lowerHash) in asciiNameWords {
            slots.append(forms.insert(scalars, tokens[section][position].start..<tokens[section][position].end, lowerHash: lowerHash))
        }
        if !asciiNameWords.isEmpty {
            for word in lowerCaseWords { forms.markWritten(scalars, Int(word.start)..<Int(word.end), hash: word.hash) }
        }
        for (offset, (section, position, _)) in asciiNameWords.enumerated() where forms.isWritten(slots[offset]) {
            all[section][position].insert(.writtenInLowerCase)
        }
        guard !otherNameWords.isEmpty else { return }
        // A name word beyond ASCII whose lower-case form is ASCII (a Kelvin sign made `k`): all asked as before.
        if otherNameWords.contains(where: { Token.isASCII(tokens[$0.section][$0.position].lower) }) {
            let lowerWords = lowerCaseNameWords()
            for (section, position) in otherNameWords where lowerWords.contains(tokens[section][position].lower) {
                all[section][position].insert(.writtenInLowerCase)
            }
            return
        }
        guard !otherLowerCaseWords.isEmpty else { return }
        var shapes = WordShapes()
        for (section, position, _) in asciiNameWords { shapes.insert(tokens[section][position].lower) }
        for (section, position) in otherNameWords { shapes.insert(tokens[section][position].lower) }
        var others = Set<String>()
        for (section, position) in otherLowerCaseWords where shapes.mayContain(tokens[section][position].text) {
            others.insert(tokens[section][position].text)
        }
        for (section, position) in otherNameWords where others.contains(tokens[section][position].lower) {
            all[section][position].insert(.writtenInLowerCase)
        }
    }

    /// A word of a person's name (see ``Token/isNameWord``).
    func isNameWord(_ token: Token) -> Bool { token.isNameWord }
}

/// Titles, asked of the persons' view of each token: by the persons stage, and by the organisation
/// shapes it runs (see ``PersonWordReading``).
extension PersonWordReading {
    /// The title starting at `index`, longest first: its length and whether it is an office.
    func title(at index: Int, in section: Int) -> (count: Int, official: Bool)? {
        guard mayOpenTitle(tokens[section], index, personWords[section][index]) else { return nil }
        return title(openingAt: index, in: section)
    }

    /// Whether a token may open a title (its ``PersonWord`` answers `words`): most tokens are neither
    /// capitalised nor hold a `/`, and are turned away before any lookup.
    @inline(__always)
    func mayOpenTitle(_ list: [Token], _ index: Int, _ words: PersonWord) -> Bool {
        list[index].hasSlash || (list[index].isCapitalised || !WordLists.titlesStartCapitalised) && words.contains(.titleFirstWord)
    }

    /// ``title(at:in:)`` of a token that ``mayOpenTitle(_:_:_:)``.
    func title(openingAt index: Int, in section: Int) -> (count: Int, official: Bool)? {
        let list = tokens[section]
        var count = min(WordLists.longestTitle, list.count - index)
        while count >= 1 {
            let words = list[index..<index + count]
            if words.allSatisfy(\.isWord), count == 1 || (index..<index + count - 1).allSatisfy({ adjacent(section, $0, $0 + 1) }),
               let official = WordLists.titles[words.map(\.text)] {
                return (count, official)
            }
            // `Representative/Vice-President`: a title written with another.
            if count == 1, list[index].hasSlash {
                let parts = list[index].text.split(separator: "/").map { [String($0)] }
                if parts.allSatisfy({ WordLists.titles[$0] != nil }) { return (1, parts.contains { WordLists.titles[$0] == true }) }
            }
            count -= 1
        }
        return nil
    }

    /// ``isTitleWord(_:)`` of token `index` of a section, from its ``personWords``.
    func isTitleWord(_ section: Int, _ index: Int) -> Bool {
        if tokens[section][index].hasSlash { return isTitleWord(tokens[section][index]) }
        guard tokens[section][index].isCapitalised || !WordLists.titlesStartCapitalised else { return false }
        return personWords[section][index].contains(.oneWordTitle)
    }

    /// ``isOfficialTitleWord(_:)`` of token `index` of a section, from its ``personWords``.
    func isOfficialTitleWord(_ section: Int, _ index: Int) -> Bool {
        if tokens[section][index].hasSlash { return isOfficialTitleWord(tokens[section][index]) }
        guard tokens[section][index].isCapitalised || !WordLists.titlesStartCapitalised else { return false }
        return personWords[section][index].contains(.officialOneWordTitle)
    }

    func isTitleWord(_ token: Token) -> Bool {
        // When every title starts with a capital, a word that does not (and holds no `/`) is none.
        guard token.isCapitalised || token.hasSlash || !WordLists.titlesStartCapitalised else { return false }
        return WordLists.oneWordTitles[token.text] != nil
            || (token.hasSlash && token.text.split(separator: "/").contains { WordLists.oneWordTitles[String($0)] != nil })
    }

    func isOfficialTitleWord(_ token: Token) -> Bool {
        guard token.isCapitalised || token.hasSlash || !WordLists.titlesStartCapitalised else { return false }
        return WordLists.oneWordTitles[token.text] == true
            || (token.hasSlash && token.text.split(separator: "/").contains { WordLists.oneWordTitles[String($0)] == true })
    }

}

extension PersonStage {
    /// A capitalised word that is not a name here: sentence openers, words the
    /// document also writes in lower case, institution and place words.
    func isCommonWord(_ token: Token, lowerWords: Set<String>) -> Bool {
        isCommonWord(token) || lowerWords.contains(token.lower)
    }

    /// ``isCommonWord(_:lowerWords:)`` from the word lists alone (one lookup).
    func isCommonWord(_ token: Token) -> Bool { Self.personCommonWords.contains(token.text) }

    /// The words that are never part of a person's name, in one set: ``Lexicon/nonNameWords``,
    /// `not-person-words`, organisation heads (both lists, what ``isHead(_:)`` asks) and
    /// ``Lexicon/instrumentHeads``.
    static let personCommonWords: Set<String> = {
        let notPersonWords = WordLists.entries(PackageResources.not_person_words_txt)  // what `WordLists.notPersonWords` holds
        // Sized once for all of them, not rehashed as it grows.
        var words = Set<String>(minimumCapacity: Lexicon.nonNameWords.count + notPersonWords.count + Lexicon.instrumentHeads.count
                                + Lexicon.organisationHeads.count + WordLists.organisationHeads.count)
        for word in Lexicon.nonNameWords { words.insert(word) }
        for (word, _) in notPersonWords { words.insert(word) }
        for word in Lexicon.instrumentHeads { words.insert(word) }
        for word in Lexicon.organisationHeads.keys { words.insert(word) }
        for word in WordLists.organisationHeads.keys { words.insert(word) }
        return words
    }()

    /// Which shapes (length, first and last byte) some words have, in a small table: a word whose
    /// shape none of them has is none of them, and need not be hashed to be looked up (see
    /// ``lowerCaseNameWords()``).
    struct WordShapes {
        var seen = [Bool](repeating: false, count: 16 * 32 * 32)

        static func shape(_ word: String) -> Int {
            func shape(count: Int, first: UInt8?, last: UInt8?) -> Int {
                (count & 15) << 10 | Int((first ?? 0) & 31) << 5 | Int((last ?? 0) & 31)
            }
            // Read from the contiguous bytes (a generic `last` on the view costs several times more).
            return word.utf8.withContiguousStorageIfAvailable { shape(count: $0.count, first: $0.first, last: $0.last) }
                ?? shape(count: word.utf8.count, first: word.utf8.first, last: word.utf8.last)
        }

        init() {}

        init(_ words: some Sequence<String>) {
            for word in words { insert(word) }
        }

        mutating func insert(_ word: String) { seen[Self.shape(word)] = true }

        func mayContain(_ word: String) -> Bool { seen[Self.shape(word)] }
    }

    /// The lower-case words of the document (words starting with a lower-case letter) that some name word
    /// is, lower-cased: all that ``isCommonWord(_:lowerWords:)`` asks of them, as it asks of name words only.
    func lowerCaseNameWords() -> Set<String> {
        var shapes = WordShapes()
        for list in tokens { for token in list where token.isNameWord { shapes.insert(token.lower) } }
        var result = Set<String>()
        for list in tokens {
            for token in list where token.isWord && token.startsLowercase && shapes.mayContain(token.text) { result.insert(token.text) }
        }
        return result
    }

    mutating func findPersons() {
        findPersonWords()
        let organisationNames = OrganisationIndexForPersons(organisations)
        var candidates: [PersonCandidate] = []
        let places = placeNames()
        let placeRuns = placeRuns()
        for section in tokens.indices where isBody(section) {
            var sectionCandidates = personCandidates(in: section, places: places, placeRuns: placeRuns)
            acceptLists(&sectionCandidates, organisationNames: organisationNames)
            candidates += sectionCandidates
        }
        // Full names first, so a family name alone joins the name it ends.
        let accepted = candidates.filter(\.accepted).sorted { ($0.last - $0.first) > ($1.last - $1.first) }
        var joined: [String?] = []
        for candidate in accepted { joined.append(addPerson(candidate)) }
        if let explanations { explainPersons(candidates, accepted: accepted, joined: joined, into: explanations) }
    }

    /// The capitalised words the text writes alone after a place preposition (`born in Freedonia,`): places.
    func placeNames() -> Set<String> {
        var found: Set<String> = []
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            let words = personWords[section]
            for index in list.indices.dropFirst() where list[index].isCapitalised && words[index - 1].contains(.placeBefore)
                && list[index - 1].startsLowercase && (index + 1 == list.count || !isNameWord(list[index + 1])) {
                found.insert(list[index].text)
            }
        }
        return found
    }

    /// The runs of two name words or more the text writes right after `in` or `near` (`arrested in Porto Vila`),
    /// not as a possessive (`in Ana Ruiz’s home`): places, whatever stands before them elsewhere (`person.written-as-place`).
    func placeRuns() -> Set<String> {
        var found: Set<String> = []
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            let words = personWords[section]
            var index = 1
            while index < list.count {
                defer { index += 1 }
                guard list[index].isNameWord, words[index - 1].contains(.placeIn), list[index - 1].startsLowercase else { continue }
                var last = index
                while last + 1 < list.count, list[last + 1].isNameWord, adjacent(section, last, last + 1) { last += 1 }
                if last > index, !(last + 1 < list.count && list[last + 1].isPossessive) { found.insert(text(section, index, last)) }
                index = last
            }
        }
        return found
    }

    func personCandidates(in section: Int, places: Set<String> = [], placeRuns: Set<String> = []) -> [PersonCandidate] {
        let list = tokens[section]
        let words = personWords[section]
        var result: [PersonCandidate] = []
        var index = 0
        while index < list.count {
            // Titles, then name words.
            var cursor = index
            var titleFirst: Int?
            var titleOfficial = false
            var titleText: String?
            while cursor < list.count, mayOpenTitle(list, cursor, words[cursor]), let found = title(openingAt: cursor, in: section) {
                let next = cursor + found.count
                guard next < list.count, adjacent(section, next - 1, next) || list[next].text == "." else { break }
                if titleFirst == nil { titleFirst = cursor }
                titleOfficial = titleOfficial || found.official
                titleText = titleText ?? text(section, cursor, next - 1)
                cursor = next
                if cursor < list.count, list[cursor].text == ".", cursor + 1 < list.count { cursor += 1 }
            }
            // Where the titles before the run end (`person.title-takes-run`).
            let titleEnd = titleFirst == nil ? nil : cursor
            // `J.S. Ruiz` (`person.initials-before-name`): initials written together open the name.
            var initialsFirst: Int?
            if titleFirst == nil, let name = nameAfterInitials(section, from: cursor) {
                initialsFirst = cursor
                cursor = name
            }
            guard cursor < list.count, isNameWord(list[cursor]) else { index = max(index + 1, cursor); continue }
            // A capitalised word that is not a name here (``isCommonWord(_:lowerWords:)``).
            if titleFirst == nil, !words[cursor].isDisjoint(with: [.commonWord, .writtenInLowerCase]) {
                explanations?.refuse(self, section, cursor, cursor, "person.veto-sentence-word", list[cursor].text)
                index = cursor + 1
                continue
            }
            var last = cursor
            var position = cursor + 1
            var initials: [Int] = []
            while position < list.count, adjacent(section, position - 1, position) {
                let token = list[position]
                if isNameWord(token) { last = position; position += 1; continue }
                // `Ana M. de Souza` (`person.middle-initial`): a capital letter and its full stop, then a name word or a particle.
                if token.isCapitalised, token.text.utf8.count == 1, position + 2 < list.count, list[position + 1].text == ".",
                   list[position + 1].start == token.end, adjacent(section, position + 1, position + 2),
                   words[position + 2].contains(.particle) || (isNameWord(list[position + 2]) && !words[position + 2].contains(.commonWord)) {
                    initials.append(position)
                    position += 2
                    continue
                }
                // `de`, `van der`: particles count when a name word follows them.
                var after = position
                while after < list.count, words[after].contains(.particle), after - position < 3 { after += 1 }
                if after > position, after < list.count, isNameWord(list[after]),
                   (position..<after).allSatisfy({ adjacent(section, $0, $0 + 1) }) {
                    position = after
                    continue
                }
                break
            }
            index = last + 1
            // `Harbour Police Chief Ana Lee`: a title inside the run starts the name after it.
            var inner = cursor
            while inner < last {
                if mayOpenTitle(list, inner, words[inner]), let found = title(openingAt: inner, in: section), found.official, inner + found.count <= last {
                    titleFirst = titleFirst ?? inner
                    titleOfficial = titleOfficial || found.official
                    titleText = text(section, inner, inner + found.count - 1)
                    cursor = inner + found.count
                    inner = cursor
                    continue
                }
                inner += 1
            }
            // `Nova Vida Secretary Ana Ruiz`, `Director Ana Ruiz` (`person.role-inside-run`): a capitalised role
            // noun in the run, two name words or more after it, starts the name after it; `the Ruritanians Ana
            // Ruiz, Piet Vos and …` (`person.people-before-name`): so does a plural name of a people opening it.
            var roleInside: (at: Int, rule: String)?
            // `Mr Son Tomas Berg` (`person.title-takes-run`): a title right before the run takes all of it.
            let titledRun = titleEnd == cursor
            var titleTookRun = false
            if last - cursor >= 2 {
                for position in stride(from: last - 2, through: cursor, by: -1)
                where list[position].isCapitalised && words[position + 1].isDisjoint(with: [.commonWord, .writtenInLowerCase]) {
                    if titledRun, position == cursor {
                        titleTookRun = titleTookRun || !words[position].isDisjoint(with: [.role, .kinship])
                        continue
                    }
                    if words[position].contains(.role), !words[position].contains(.commonWord) {
                        roleInside = (position, "person.role-inside-run")
                        break
                    }
                    // (The document's own people is `person.demonym-not-name`'s, read after persons are found.)
                    if position == cursor, titleFirst == nil, list[position].text.count > 4,
                       Self.pluralPeopleEndings.contains(where: { list[position].lower.hasSuffix($0) }),
                       !(document.country.map { CountryNames.isAdjective(String(list[position].text.dropLast()), of: $0) } ?? false) {
                        roleInside = (position, "person.people-before-name")
                    }
                }
            }
            // `the President of Freedonia Tomas Berg` (`person.place-before-name`): after `of`, a first word the
            // text writes alone as a place (`born in Freedonia`) is the place the office is of, not a name.
            if roleInside == nil, titleFirst == nil, last - cursor >= 2, cursor > 0, words[cursor - 1].contains(.headLink),
               places.contains(list[cursor].text) {
                roleInside = (cursor, "person.place-before-name")
            }
            if let found = roleInside { cursor = found.at + 1 }
            // A run holding an organisation, law, place or award word is not a person.
            if let common = (cursor + 1..<last + 1).first(where: { words[$0].contains(.commonWord) }) {
                explanations?.refuse(self, section, titleFirst ?? cursor, last, "person.veto-common-word", list[common].text)
                continue
            }
            // `arrested in Porto Vila` elsewhere: the same words are a place (`person.written-as-place`); the
            // mention after `in` itself is weighed (`person.place-word-before`).
            if titleFirst == nil, last > cursor, !(cursor > 0 && words[cursor - 1].contains(.placeIn)),
               placeRuns.contains(text(section, cursor, last)) {
                explanations?.refuse(self, section, cursor, last, "person.written-as-place", text(section, cursor, last))
                continue
            }
            if titleFirst != nil, words[cursor].contains(.commonWord) {
                explanations?.refuse(self, section, titleFirst ?? cursor, last, "person.veto-common-word-after-title", list[cursor].text)
                continue
            }
            guard last - cursor < 5 else {
                explanations?.refuse(self, section, titleFirst ?? cursor, last, "person.veto-too-many-words", text(section, cursor, last))
                continue
            }
            var candidate = PersonCandidate(section: section, first: roleInside == nil ? initialsFirst ?? cursor : cursor, last: last,
                                            titleFirst: titleFirst, official: false, role: nil)
            if roleInside == nil, let initialsFirst {
                candidate.evidence.add("person.initials-before-name", text(section, initialsFirst, cursor - 1))
            }
            if titleTookRun, roleInside == nil { candidate.evidence.add("person.title-takes-run", list[cursor].text) }
            if let found = roleInside {
                // The place stays for the office phrase before it to read (`President of Freedonia`).
                if found.rule != "person.place-before-name" { candidate.wordBefore = found.at }
                candidate.evidence.add(found.rule, list[found.at].text)
                let former = found.at > 0 && words[found.at - 1].contains(.former)
                if found.rule == "person.role-inside-run" {
                    if words[found.at].contains(.officialRole), !former, titleFirst == nil {
                        candidate.official = true
                        candidate.role = list[found.at].lower
                    } else if !words[found.at].contains(.officialRole) {
                        candidate.role = Lexicon.roleName(list[found.at].lower, previous: nil) ?? list[found.at].lower
                    }
                }
            }
            if titleFirst != nil {
                candidate.evidence.add("person.title-before-name", titleText ?? "")
                let former = titleFirst.map { $0 > 0 && words[$0 - 1].contains(.former) } ?? false
                candidate.official = titleOfficial && !former
                if titleOfficial { candidate.role = titleText?.lowercased() }
            }
            if let initial = initials.first(where: { $0 > cursor && $0 < last }) {
                candidate.evidence.add("person.middle-initial", text(section, initial, initial + 1))
            }
            weigh(&candidate)
            result.append(candidate)
        }
        return result
    }

    /// The name word after two or more initials written together from `index` (`J.S. Ruiz`: a capital
    /// letter and its full stop, again, with no space, then a name word after one space); nil for any
    /// other shape. One initial alone is not read (`A. whereas`, `Plan B. Ana`): a letter and a full stop
    /// also end a sentence or number a recital.
    func nameAfterInitials(_ section: Int, from index: Int) -> Int? {
        let list = tokens[section]
        var position = index
        var count = 0
        while position + 1 < list.count, list[position].isWord, list[position].isCapitalised, list[position].text.unicodeScalars.count == 1,
              list[position + 1].text == ".", list[position + 1].start == list[position].end {
            count += 1
            position += 2
            // The next initial follows the full stop with no space.
            guard position < list.count, list[position].start == list[position - 1].end else { break }
        }
        guard count >= 2, position < list.count, list[position].start > list[position - 1].end, adjacent(section, position - 1, position),
              isNameWord(list[position]), !personWords[section][position].contains(.commonWord) else { return nil }
        return position
    }

    /// Adds the evidence around a candidate to its score.
    func weigh(_ candidate: inout PersonCandidate) {
        let section = candidate.section
        let list = tokens[section]
        let words = personWords[section]
        let count = candidate.last - candidate.first + 1
        candidate.evidence.add(count >= 2 ? "person.several-name-words" : "person.one-name-word", text(section, candidate.first, candidate.last))
        // Before the name (and its title).
        let before = candidate.start - 1
        if before >= 0 {
            if list[before].isWord, list[before].startsLowercase {
                let word = list[before].lower
                let answers = words[before]
                if answers.contains(.role) {
                    candidate.evidence.add("person.role-before", list[before].text)
                    let former = before > 0 && words[before - 1].contains(.former)
                    if answers.contains(.officialRole), !former { candidate.official = true; candidate.role = candidate.role ?? word }
                    if !answers.contains(.officialRole) {
                        candidate.role = candidate.role ?? Lexicon.roleName(word, previous: before > 0 ? list[before - 1].lower : nil) ?? word
                    }
                } else if answers.contains(.kinship) {
                    candidate.evidence.add("person.kinship-before", list[before].text)
                } else if answers.contains(.personVerb), !answers.contains(.reportingVerb) {
                    candidate.evidence.add("person.verb-before", list[before].text)
                } else if answers.contains(.eventLink), before > 0 {
                    // The word tokens right before it, nearest first, up to two (``wordsJustBefore``).
                    let noun = list[before - 1].isWord ? before - 1 : nil
                    let nounBefore = noun.flatMap { $0 > 0 && list[$0 - 1].isWord ? $0 - 1 : nil }
                    if answers.contains(.headLink), let noun, words[noun].contains(.officialHead) {
                        candidate.evidence.add("person.official-head-of", text(section, noun, before))
                        candidate.official = true
                        candidate.role = candidate.role ?? "head of \(list[noun].lower)"
                    }
                    if let noun, words[noun].contains(.personEvent)
                        || (words[noun].contains(.article) && nounBefore.map { words[$0].contains(.personEvent) } == true) {
                        candidate.evidence.add("person.event-of", text(section, words[noun].contains(.personEvent) ? noun : nounBefore ?? noun, before))
                    }
                } else if answers.contains(.agent), before > 0, words[before - 1].contains(.headingWord) {
                    // `the judiciary, headed by Ana Ruiz`, `a court presided over by Ana Ruiz`: who holds the office.
                    candidate.evidence.add("person.headed-by", text(section, before - 1, before))
                    candidate.official = true
                    candidate.role = candidate.role ?? "head"
                } else if before > 0, Self.allegianceLinks.contains(word), list[before - 1].isWord,
                          Self.allegianceWords.contains(list[before - 1].lower) {
                    // `forces loyal to Tomas Berg`: the leader others are loyal to (an official).
                    candidate.evidence.add("person.loyal-to", text(section, before - 1, before))
                    candidate.official = true
                } else if answers.contains(.neutralBefore) {
                    // `against`, `with`, `by`: neither way.
                } else if answers.contains(.placeBefore) {
                    candidate.evidence.add("person.place-word-before", list[before].text)
                } else if answers.contains(.article) {
                    candidate.evidence.add("person.article-before", list[before].text)
                } else if Self.indefiniteArticles.contains(list[before].text) {
                    candidate.evidence.add("person.indefinite-article-before", list[before].text)
                } else if before >= 2, list[before - 1].isWord, words[before - 1].contains(.headLink),
                          list[before - 2].isWord, list[before - 2].startsLowercase, words[before - 2].contains(.role) {
                    // `the member of parliament Ana Ruiz`, `the minister of justice Tomas Berg`: a role noun of a lower-case noun.
                    candidate.evidence.add("person.role-of-noun-before", text(section, before - 2, before))
                    let former = before > 2 && words[before - 3].contains(.former)
                    if words[before - 2].contains(.officialRole), !former {
                        candidate.official = true
                        candidate.role = candidate.role ?? text(section, before - 2, before).lowercased()
                    } else if !words[before - 2].contains(.officialRole) {
                        candidate.role = candidate.role ?? Lexicon.roleName(list[before - 2].lower, previous: nil) ?? list[before - 2].lower
                    }
                }
            } else if list[before].text == "," {
                weighPhraseBefore(&candidate, comma: before)
            } else if list[before].isWord, list[before].isCapitalised, candidate.titleFirst == nil, candidate.wordBefore != before {
                // `the UN High Commissioner for Human Rights Ana Lee`: an office phrase right before the name.
                weighPhraseBefore(&candidate, comma: before + 1, capitalisedOnly: true)
            } else if list[before].isPossessive {
                candidate.evidence.add("person.possessive-before", before > 0 ? text(section, before - 1, before) : list[before].text)
            } else if list[before].text == ")", before >= 2, list[before - 2].text == "(", list[before - 1].isWord, isTitleWord(section, before - 1),
                      candidate.titleFirst == nil {
                // `(VP/HR) Ana Ruiz`: a title's short form in brackets before the name.
                candidate.evidence.add("person.bracketed-title-before", text(section, before - 2, before))
                if isOfficialTitleWord(section, before - 1) { candidate.official = true; candidate.role = candidate.role ?? list[before - 1].lower }
            }
        }
        // After the name.
        let after = candidate.last + 1
        guard after < list.count else { return }
        let token = list[after]
        if token.text == "," {
            weighPhraseAfter(&candidate, comma: after)
        } else if token.text == "(" {
            let inner = (after + 1..<min(list.count, after + 6)).prefix { list[$0].text != ")" }
            let bracketed = inner.map { list[$0] }
            if let first = bracketed.first, bracketed.allSatisfy({ $0.isWord }), first.isAllCaps, !first.hasSlash, bracketed.count == 1 {
                candidate.evidence.add("person.acronym-in-brackets", first.text)  // `Freedonia Now (FN)`: an acronym names an organisation.
            } else if let first = bracketed.first, first.hasSlash || words[after + 1].contains(.ageWord) || Int(first.text) != nil {
                candidate.evidence.add("person.bracket-after", first.text)
            }
        } else if token.isPossessive {
            if after + 1 < list.count {
                let next = list[after + 1]
                if next.isWord, next.startsLowercase, !words[after + 1].isDisjoint(with: [.kinship, .personEvent, .role]) {
                    candidate.evidence.add("person.possessive-person-noun", text(section, after, after + 1))
                } else if next.isCapitalised {
                    candidate.evidence.add("person.possessive-capitalised", text(section, after, after + 1))
                }
            }
        } else if token.isWord {
            let answers = words[after]
            if answers.contains(.auxiliaryVerb) {
                // The next three words.
                let next = after + 1..<min(list.count, after + 4)
                if let verb = next.first(where: { words[$0].contains(.personVerb) }) {
                    candidate.evidence.add("person.auxiliary-person-verb", text(section, after, verb))
                }
                // `was inaugurated as President`, `was appointed as minister`.
                if let verb = next.first(where: { words[$0].contains(.officeVerb) }),
                   let asIndex = (verb..<min(list.count, after + 7)).first(where: { words[$0].contains(.officeAs) }),
                   asIndex + 1 < list.count, isOfficialTitleWord(section, asIndex + 1) || words[asIndex + 1].contains(.officialRole) {
                    candidate.official = true
                    candidate.role = candidate.role ?? list[asIndex + 1].lower
                }
            } else if answers.contains(.personAfter) {
                candidate.evidence.add("person.person-word-after", token.text)
            } else if answers.contains(.officeTaking), after + 1 < list.count, words[after + 1].contains(.officeNoun) {
                // `Ana Lee took office as President`
                candidate.evidence.add("person.took-office", text(section, after, after + 1))
                candidate.official = true
                candidate.role = candidate.role ?? "office-holder"
            } else if answers.contains(.pastPersonVerb) {
                candidate.evidence.add("person.past-verb-after", token.text)
            } else if answers.contains(.aliasAfterName) {
                linkAlias(&candidate, from: after)
            }
        }
    }

    /// `the UN envoy for the region, Lena Ortiz`: a role in the phrase before a comma.
    func weighPhraseBefore(_ candidate: inout PersonCandidate, comma: Int, capitalisedOnly: Bool = false) {
        let section = candidate.section
        let list = tokens[section]
        let answers = personWords[section]
        var position = comma - 1
        var depth = 0
        var words = 0
        while position >= 0, words < 20 {
            if capitalisedOnly, !(list[position].isCapitalised || answers[position].contains(.officeLink)) { break }
            // `Special Representative`, `High Commissioner`: a title of several words starting here.
            if list[position].isWord, list[position].isCapitalised, let found = title(at: position, in: section), position + found.count <= comma {
                let former = position > 0 && answers[position - 1].contains(.former)
                candidate.evidence.add(capitalisedOnly ? "person.office-phrase-before" : "person.role-phrase-before-comma",
                                       text(section, position, position + found.count - 1))
                if found.official, !former { candidate.official = true; candidate.role = candidate.role ?? text(section, position, position + found.count - 1).lowercased() }
                return
            }
            // Brackets and phrase ends are punctuation: a word is none of them.
            let isWord = list[position].isWord
            if !isWord, list[position].text == ")" { depth += 1 } else if !isWord, list[position].text == "(" { depth -= 1 } else if depth == 0 {
                if answers[position].contains(.phraseEnd) { break }
                if isWord {
                    words += 1
                    let lower = list[position].lower
                    if answers[position].contains(.phraseOpener) { break }
                    // `and` ends the phrase unless it joins capitalised words (`Foreign Affairs and Security Policy`).
                    if answers[position].contains(.coordinator), words > 1,
                       !(position > 0 && list[position - 1].isCapitalised && list[position + 1].isCapitalised) { break }
                    // `the Party Secretary, Ana Ruiz`: a role noun that ends a title of several words is read as that title.
                    if position > 0, list[position].isCapitalised, list[position - 1].isWord, list[position - 1].isCapitalised,
                       let found = title(at: position - 1, in: section), position - 1 + found.count > position {
                        position -= 1
                        continue
                    }
                    if !answers[position].isDisjoint(with: [.role, .kinship]) || isTitleWord(section, position) {
                        let official = answers[position].contains(.officialRole) || isOfficialTitleWord(section, position)
                        let former = position > 0 && answers[position - 1].contains(.former)
                        candidate.evidence.add(capitalisedOnly ? "person.office-phrase-before" : "person.role-phrase-before-comma", list[position].text)
                        if official, !former { candidate.official = true; candidate.role = candidate.role ?? lower }
                        return
                    }
                }
            }
            position -= 1
        }
    }

    /// `Lena Ortiz, a lawyer,`, `Lena Ortiz, who`, `Lena Ortiz, aged 40`.
    func weighPhraseAfter(_ candidate: inout PersonCandidate, comma: Int) {
        let section = candidate.section
        let list = tokens[section]
        let answers = personWords[section]
        guard comma + 1 < list.count else { return }
        if answers[comma + 1].contains(.personAfterComma) { candidate.evidence.add("person.who-after-comma", list[comma + 1].text); return }
        // `Ana Ruiz, executed on 4 May`, `A and B, both sentenced`: a participle about the name.
        let participle = answers[comma + 1].contains(.participleLead) && comma + 2 < list.count ? comma + 2 : comma + 1
        if answers[participle].contains(.pastPersonVerb) { candidate.evidence.add("person.participle-after-comma", text(section, comma + 1, participle)); return }
        if answers[comma + 1].contains(.aliasAfterComma) { linkAlias(&candidate, from: comma + 1); return }
        // `Ana Ruiz, was beaten by a mob`: a comma between the name and its verb.
        if answers[comma + 1].contains(.auxiliaryVerb),
           let verb = (comma + 2..<min(list.count, comma + 5)).first(where: { answers[$0].contains(.personVerb) }) {
            candidate.evidence.add("person.comma-auxiliary-person-verb", text(section, comma + 1, verb))
            return
        }
        // `Tomas Berg, of the Nova Vida Centre,`: the body or place the person belongs to.
        if answers[comma + 1].contains(.headLink), list[comma + 1].startsLowercase, comma + 2 < list.count {
            let name = answers[comma + 2].contains(.article) && comma + 3 < list.count ? comma + 3 : comma + 2
            if list[name].isWord, list[name].isCapitalised {
                candidate.evidence.add("person.of-after-comma", text(section, comma + 1, name))
                return
            }
        }
        var position = comma + 1
        var words = 0
        var former = false
        while position < list.count, words < 8 {
            if !answers[position].isDisjoint(with: [.phraseEnd, .bracket]) { break }
            if list[position].isWord {
                words += 1
                let lower = list[position].lower
                if answers[position].contains(.former) { former = true }
                if answers[position].contains(.rolePhraseStop) { break }
                if !answers[position].isDisjoint(with: [.role, .kinship]) || (isTitleWord(section, position) && words > 1) {
                    // `general manager`, `chief editor`: an office word before another role noun only
                    // qualifies it; the last of the run is the head.
                    while position + 1 < list.count, answers[position].contains(.officialRole), list[position + 1].isWord,
                          answers[position + 1].contains(.role) { position += 1 }
                    let lower = list[position].lower
                    let official = answers[position].contains(.officialRole) || isOfficialTitleWord(section, position)
                    candidate.evidence.add("person.role-phrase-after-comma", list[position].text)
                    if official, !former { candidate.official = true; candidate.role = candidate.role ?? lower }
                    if !official, candidate.role == nil { candidate.role = Lexicon.roleName(lower, previous: nil) ?? lower }
                    return
                }
            }
            position += 1
        }
    }

    /// `X, known as Y`, `X, also known as Y`, `X alias Y`: Y names the same person.
    func linkAlias(_ candidate: inout PersonCandidate, from index: Int) {
        let section = candidate.section
        let list = tokens[section]
        var position = index
        while position < list.count, personWords[section][position].contains(.aliasWord) { position += 1 }
        while position < list.count, let found = title(at: position, in: section) { position += found.count }
        guard position < list.count, isNameWord(list[position]) else { return }
        var last = position
        while last + 1 < list.count, isNameWord(list[last + 1]), adjacent(section, last, last + 1) { last += 1 }
        candidate.alias = (position, last)
        candidate.evidence.add("person.alias", text(section, position, last))
    }

    /// The word tokens right before `index`, nearest first, up to the first punctuation.
    func wordsJustBefore(_ section: Int, _ index: Int, count: Int) -> [String] {
        let list = tokens[section]
        var found: [String] = []
        var position = index - 1
        while position >= 0, found.count < count, list[position].isWord {
            found.append(list[position].lower)
            position -= 1
        }
        return found
    }

    /// A name in a list with a person, or after a group of people and an
    /// introducer (`journalists, including A, B and C`), is a person too.
    func acceptLists(_ candidates: inout [PersonCandidate], organisationNames: OrganisationIndexForPersons) {
        guard !candidates.isEmpty else { return }
        let section = candidates[0].section
        let list = tokens[section]
        let words = personWords[section]
        // `prisoners, including A, B and C`: the first name after the introducer, and the list it opens.
        for offset in candidates.indices {
            guard let clause = clause(containing: section, candidates[offset].start) else { continue }
            for introducer in introducers(in: clause)
            where introducer.after <= candidates[offset].start && candidates[offset].start - introducer.after <= 3 {
                guard let group = groupNoun(before: introducer.at, in: clause), group.isPerson else { continue }
                let role = Lexicon.roleName(group.noun, previous: nil)
                var member = offset
                let groupText = group.noun + " " + text(section, introducer.at, introducer.after - 1)
                while true {
                    candidates[member].evidence.add("person.list-after-group-noun", groupText)
                    if candidates[member].role == nil { candidates[member].role = role }
                    guard member + 1 < candidates.count, isListGap(section, from: candidates[member].last + 1, to: candidates[member + 1].start)
                    else { break }
                    member += 1
                }
                break
            }
        }
        // `the killing of three journalists: A (in May), B and C` (`person.list-after-colon`): a colon right after a
        // noun of people opens the list of their names; a bracket after a name stays in the list.
        for offset in candidates.indices {
            let start = candidates[offset].start
            guard start >= 2, list[start - 1].text == ":", list[start - 2].isWord, list[start - 2].startsLowercase,
                  Lexicon.personNouns.contains(list[start - 2].lower),
                  !candidates[offset].evidence.hits.contains(where: { $0.id == "person.list-after-colon" }) else { continue }
            let role = Lexicon.roleName(list[start - 2].lower, previous: nil)
            let groupText = text(section, start - 2, start - 1)
            var member = offset
            while true {
                candidates[member].evidence.add("person.list-after-colon", groupText)
                if candidates[member].role == nil { candidates[member].role = role }
                guard member + 1 < candidates.count,
                      isListGap(section, from: afterBracket(section, candidates[member].last + 1), to: candidates[member + 1].start) else { break }
                member += 1
            }
        }
        // `A, B and their daughter were shot`: a list that is the subject of a person verb.
        var first = 0
        for offset in candidates.indices {
            if offset + 1 < candidates.count, isListGap(section, from: candidates[offset].last + 1, to: candidates[offset + 1].start) { continue }
            defer { first = offset + 1 }
            guard offset > first else { continue }
            var position = candidates[offset].last + 1
            var skipped = 0
            while position < list.count, skipped < 6, list[position].text == "," || (list[position].isWord && !list[position].isCapitalised
                    && !words[position].contains(.listSubjectVerb)) {
                position += 1
                skipped += 1
            }
            guard position < list.count, words[position].contains(.listSubjectVerb) else { continue }
            if let verb = (position + 1..<min(list.count, position + 4)).first(where: { words[$0].contains(.personVerb) }) {
                let verbText = text(section, position, verb)
                for member in first...offset { candidates[member].evidence.add("person.list-subject-of-person-verb", verbText) }
            }
        }
        for offset in candidates.indices where candidates[offset].evidence.reachesThreshold { candidates[offset].accepted = true }
        // A list of three or more full names with nothing else in it names persons.
        var chainStart = 0
        for offset in candidates.indices {
            let linked = offset + 1 < candidates.count && isListGap(section, from: candidates[offset].last + 1, to: candidates[offset + 1].start)
            if !linked {
                let chain = chainStart...offset
                if chain.count >= 3, chain.allSatisfy({ candidates[$0].score >= 1 && candidates[$0].last > candidates[$0].first }) {
                    for member in chain where !candidates[member].accepted {
                        candidates[member].accepted = true
                        candidates[member].evidence.acceptedBy = RuleHit("person.list-of-full-names",
                            text: text(section, candidates[chain.lowerBound].start, candidates[chain.upperBound].last))
                    }
                }
                chainStart = offset + 1
            }
        }
        var changed = true
        while changed {
            changed = false
            for offset in candidates.indices where !candidates[offset].accepted && candidates[offset].score >= 0 {
                for neighbour in [offset - 1, offset + 1] where candidates.indices.contains(neighbour) && candidates[neighbour].accepted {
                    let (a, b) = neighbour < offset ? (candidates[neighbour], candidates[offset]) : (candidates[offset], candidates[neighbour])
                    var gapStart = a.last + 1
                    // Skip a bracket after the first name: `A (Freedonia), B`.
                    if gapStart < list.count, list[gapStart].text == "(",
                       let close = (gapStart..<min(list.count, gapStart + 8)).first(where: { list[$0].text == ")" }) {
                        gapStart = close + 1
                    }
                    if isListGap(section, from: gapStart, to: b.start) {
                        candidates[offset].accepted = true
                        candidates[offset].evidence.acceptedBy = RuleHit("person.listed-with-person",
                            text: text(section, candidates[neighbour].first, candidates[neighbour].last))
                        changed = true
                        break
                    }
                }
            }
        }
        // One word is a person only with a title or a role right before it;
        // a plural people's name (`Freedonians`) is none.
        for offset in candidates.indices where candidates[offset].accepted {
            let candidate = candidates[offset]
            if candidate.first == candidate.last, candidate.titleFirst == nil {
                // A role or kinship word right before it, written in lower case.
                let before = candidate.first > 0 && list[candidate.first - 1].startsLowercase ? words[candidate.first - 1] : []
                if before.isDisjoint(with: [.role, .kinship]) { refuse(&candidates[offset], "person.veto-one-word", list[candidate.first].text) }
            }
            // `Freedonian Ruritanian`: adjectives of peoples, not a name.
            if candidate.titleFirst == nil, (candidate.first...candidate.last).allSatisfy({ index in
                let word = list[index].lower
                return Self.peopleAdjectiveEndings.contains { word.hasSuffix($0) } && word.count > 4
            }) {
                refuse(&candidates[offset], "person.veto-people-adjectives", text(section, candidate.first, candidate.last))
            }
            // `the former Freedonian Prime Minister, Ana Ruiz`: a people's adjective and an office of several words
            // that ends the run are the office, not a name (`person.veto-nationality-office`); a one-word title
            // after a first name with a people's ending may be a family name (`Julian Judge`).
            if candidate.titleFirst == nil, candidate.last > candidate.first,
               let office = (candidate.first + 1...candidate.last).first(where: { position in
                   title(at: position, in: section).map { $0.count >= 2 && position + $0.count - 1 == candidate.last } ?? false }),
               (candidate.first..<office).allSatisfy({ index in
                   let word = list[index].lower
                   return Self.peopleAdjectiveEndings.contains { word.hasSuffix($0) } && word.count > 4
               }) {
                refuse(&candidates[offset], "person.veto-nationality-office", text(section, candidate.first, candidate.last))
            }
            let lastWord = list[candidate.last].lower
            if Self.pluralPeopleEndings.contains(where: { lastWord.hasSuffix($0) }), candidate.titleFirst == nil,
               candidate.first == candidate.last || lastWord.hasSuffix("ians") || lastWord.hasSuffix("ites") {
                refuse(&candidates[offset], "person.veto-plural-people", list[candidate.last].text)
            }
        }
        // A name that is an organisation's is not a person's.
        let sectionLabel = label(section)
        for offset in candidates.indices where candidates[offset].accepted {
            let candidate = candidates[offset]
            let start = list[candidate.first].start, end = list[candidate.last].end
            let key = organisationKey(text(section, candidate.first, candidate.last))
            // `the West Dawn Boys, Ana Ruiz`: a capitalised word left out of the run before it (a compass word) that,
            // with the run, spells a known organisation's name: the run is that organisation's mention.
            let widened = candidate.first > 0 && list[candidate.first - 1].isWord && list[candidate.first - 1].isCapitalised
                && adjacent(section, candidate.first - 1, candidate.first)
                && organisationNames.keys.contains(organisationKey(text(section, candidate.first - 1, candidate.last)))
            if organisationNames.keys.contains(key) || organisationNames.covers(sectionLabel, start, end)
                || isInOrganisationList(section, candidate.first) || widened {
                refuse(&candidates[offset], "person.veto-organisation-name", text(section, candidate.first, candidate.last))
            }
        }
    }

    /// The token after a bracket that opens at `index` and closes within eight tokens (`A (Freedonia), B`);
    /// `index` itself when none opens there.
    func afterBracket(_ section: Int, _ index: Int) -> Int {
        let list = tokens[section]
        guard index < list.count, list[index].text == "(",
              let close = (index..<min(list.count, index + 8)).first(where: { list[$0].text == ")" }) else { return index }
        return close + 1
    }

    /// Refuses an accepted candidate by the veto `id` (the first veto is the one recorded).
    func refuse(_ candidate: inout PersonCandidate, _ id: String, _ text: String) {
        guard candidate.accepted else { return }
        candidate.accepted = false
        if candidate.evidence.veto == nil { candidate.evidence.veto = RuleHit(id, text: text) }
    }

    /// What ``acceptLists(_:organisationNames:)`` asks of the organisations found, gathered once (they do
    /// not change while persons are found): every name and alias key, and the spans of their mentions by
    /// section label.
    struct OrganisationIndexForPersons {
        var keys: Set<String> = []
        var spans = SpansBySection<String>()

        init(_ organisations: [OrganisationDraft]) {
            for draft in organisations {
                keys.insert(draft.nameKey)
                keys.formUnion(draft.aliasKeys)
                for mention in draft.mentions { spans.insert(mention.section, start: mention.start, end: mention.end) }
            }
        }

        /// Whether a mention in this section covers the offsets (the section's mentions only: see ``SpansBySection``).
        func covers(_ section: String, _ start: Int, _ end: Int) -> Bool {
            spans.covers(section, start, end)
        }
    }

    /// Whether the tokens between two names are only a list separator and
    /// lowercase words (`, `, ` and `, `, his son `).
    func isListGap(_ section: Int, from start: Int, to end: Int) -> Bool {
        let list = tokens[section]
        // `A, B and C, as well as their lawyer, D`: the list goes on past a
        // described member, with a comma on each side of the description.
        let addition = start < end && end - start <= 8 && (start..<end).contains { personWords[section][$0].contains(.listAddition) }
        guard start < end, end - start <= (addition ? 8 : 6) else { return start == end }
        guard list[start].text == "," || personWords[section][start].contains(.coordinator) else { return false }
        // By index, with no tokens copied: at most one comma (two around an `as well as` phrase), commas,
        // dashes and lower-case words only, and none of the words that end a list.
        var commas = 0
        for index in start..<end where list[index].text == "," { commas += 1 }
        guard commas <= (addition ? 2 : 1) else { return false }
        for index in start..<end {
            guard list[index].text == "," || (list[index].isWord && !list[index].isCapitalised) || list[index].text == "-" else { return false }
        }
        for index in start..<end where personWords[section][index].contains(.listGapStopper) { return false }
        return true
    }

    /// `Petrov Ivan` is written family name first when one word is shaped
    /// like a family name and the other is not.
    func surnameFirst(_ words: [String]) -> Bool {
        guard words.count == 2 else { return false }
        return Self.strongSurname(words[0]) && !Lexicon.looksLikeSurname(words[1])
    }

    /// Endings that mark a family name almost always (`-ov`, `-yeva`, `-uly`),
    /// not those many given names share (`-in`, `-ko`, `-ian`).
    static let strongSurnameEndings: [String] = WordLists.classList(PackageResources.person_context_txt, "strong-surname-ending")

    static func strongSurname(_ word: String) -> Bool {
        if let ascii = asciiStrongSurname(word) { return ascii }
        let lower = word.lowercased()
        return lower.count > 4 && strongSurnameEndings.contains { lower.hasSuffix($0) }
    }

    /// ``strongSurname(_:)`` of an ASCII word, on its bytes (one character a byte); nil for any other word.
    static func asciiStrongSurname(_ word: String) -> Bool? {
        let answer = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.count > 4 else { return false }
            return strongSurnameEndings.contains { ending in
                let suffix = ending.utf8
                guard suffix.count <= bytes.count else { return false }
                var position = bytes.count - suffix.count
                for byte in suffix {
                    let letter = bytes[position]
                    guard ((65...90).contains(letter) ? letter + 32 : letter) == byte else { return false }
                    position += 1
                }
                return true
            }
        }
        return answer ?? nil
    }

    /// Makes an accepted candidate a person, or a mention of one; the person's name, or nil when the
    /// name is a family name two known persons share (``RuleBook/personRules``'s ambiguous-family-name veto).
    @discardableResult
    mutating func addPerson(_ candidate: PersonCandidate) -> String? {
        let section = candidate.section
        let form = text(section, candidate.first, candidate.last)
        let words = WordLists.words(form)
        let name = surnameFirst(words) ? [words[1], words[0]].joined(separator: " ") : form
        let role = candidate.official ? ProgramTag.official : candidate.role
        let mention = Extraction.Mention(section: label(section), text: form, start: tokens[section][candidate.first].start,
                                         end: tokens[section][candidate.last].end, role: role)
        let nameWords = NameKey.tokens(name)
        let joined = person(endingWith: nameWords) ?? person(containing: nameWords)
        // `Mr Lin` when `Lin Wei` and `Ana Lin` are both named: which one is not known, so neither.
        if joined == nil, nameWords.count == 1,
           personsHolding(nameWords[0]).contains(where: { persons[$0].formTokens.contains { $0.count > 1 && $0.contains(nameWords[0]) } }) { return nil }
        let target = joined.map { persons[$0].name } ?? name
        record(person: target, form: form, mention: mention, role: role, nameTokens: joined == nil ? nameWords : nil)
        // Names are unique (a person is made only for a name not yet known): a lookup, not a scan comparing names.
        if let index = personByName[target] {
            if candidate.official { persons[index].official = true }
            for hit in candidate.evidence.acceptingHits where !persons[index].rules.contains(hit) { persons[index].rules.append(hit) }
        }
        if let alias = candidate.alias {
            let aliasForm = text(section, alias.first, alias.last)
            let aliasMention = Extraction.Mention(section: label(section), text: aliasForm, start: tokens[section][alias.first].start,
                                                  end: tokens[section][alias.last].end, role: nil)
            record(person: target, form: aliasForm, mention: aliasMention, role: nil)
        }
        return target
    }

    /// Rule `person.spelling-variant`: two persons whose names ``IdentityRules/isSpellingVariant(tokens:_:)``
    /// calls one spelt two ways, neither an official, and never written within ``variantDistance`` characters
    /// of each other in one section (relatives are named together: `Karin Ali and Karim Ali`), are one
    /// person: the one named less often joins the other. Only persons sharing a word are compared.
    mutating func mergeSpellingVariants() {
        guard persons.count >= 2 else { return }
        var pairs: [(keep: Int, drop: Int)] = []
        var taken = Set<Int>()
        for index in persons.indices where !taken.contains(index) && !persons[index].official {
            let words = persons[index].formTokens[0]
            guard words.count >= 2 else { continue }
            for word in words {
                for other in personsHolding(word) where other > index && !taken.contains(other) && !taken.contains(index) && !persons[other].official {
                    guard IdentityRules.isSpellingVariant(tokens: words, persons[other].formTokens[0]),
                          !writtenNear(persons[index], persons[other]) else { continue }
                    // The spelling named more often names the person (the first on a tie).
                    let otherFirst = persons[other].mentions.count > persons[index].mentions.count
                    pairs.append(otherFirst ? (other, index) : (index, other))
                    taken.insert(index)
                    taken.insert(other)
                }
            }
        }
        // Rule `person.cut-name`: a text cut off inside a name (`… the death sentence of Mr Tomas Ber`) ends in a
        // name whose last word begins a word of a person named in full before: that person, not another.
        var cutNames: Set<Int> = []
        if let lastSection = tokens.indices.last(where: { !tokens[$0].isEmpty }), let lastToken = tokens[lastSection].last, lastToken.isWord {
            let lastLabel = label(lastSection)
            for index in persons.indices where !taken.contains(index)
                && persons[index].mentions.contains(where: { $0.section == lastLabel && $0.end == lastToken.end }) {
                let words = persons[index].formTokens[0]
                guard words.count >= 2, let cut = words.last else { continue }
                let whole = words.count - 1
                for other in personsHolding(words[0]) where other != index && !taken.contains(other) {
                    let named = persons[other].formTokens.contains { form in
                        form.count > whole && Array(form[..<whole]) == Array(words[..<whole]) && form[whole] != cut && form[whole].hasPrefix(cut)
                    }
                    guard named else { continue }
                    pairs.append((other, index))
                    taken.insert(index)
                    taken.insert(other)
                    cutNames.insert(index)
                    break
                }
            }
        }
        guard !pairs.isEmpty else { return }
        var dropped = Set<Int>()
        for (keep, drop) in pairs {
            dropped.insert(drop)
            let hit = RuleHit(cutNames.contains(drop) ? "person.cut-name" : "person.spelling-variant", text: persons[drop].name)
            for (form, tokens) in zip(persons[drop].forms, persons[drop].formTokens) where !persons[keep].forms.contains(form) {
                persons[keep].forms.append(form)
                persons[keep].formTokens.append(tokens)
            }
            for role in persons[drop].roles where !persons[keep].roles.contains(role) { persons[keep].roles.append(role) }
            for mention in persons[drop].mentions where !persons[keep].mentions.contains(where: { $0.start == mention.start }) {
                persons[keep].mentions.append(mention)
            }
            persons[keep].mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            for rule in persons[drop].rules + [hit] where !persons[keep].rules.contains(rule) { persons[keep].rules.append(rule) }
        }
        let kept = persons.indices.filter { !dropped.contains($0) }.map { persons[$0] }
        persons = []
        personByName = [:]; personVariants = [:]; personsByWord = [:]; personsByVariantKey = [:]
        for draft in kept {
            persons.append(draft)
            let index = persons.count - 1
            personByName[draft.name] = index
            for tokens in draft.formTokens { indexPersonWords(tokens, index, variantKey: NameKey.variantKey(tokens: tokens)) }
        }
    }

    /// How near, in characters, two spellings of one section stand when they are two persons named together.
    static let variantDistance = 60

    /// Whether a mention of one person stands within ``variantDistance`` characters of a mention of the other in one section.
    func writtenNear(_ a: PersonDraft, _ b: PersonDraft) -> Bool {
        a.mentions.contains { left in
            b.mentions.contains { right in
                left.section == right.section && max(left.start, right.start) - min(left.end, right.end) < Self.variantDistance
            }
        }
    }

    /// The one known person whose name ends with these words (`Ortiz` for
    /// `Lena Ortiz`), when no other known name ends so.
    func person(endingWith words: [String]) -> Int? {
        guard !words.isEmpty else { return nil }
        // A form ending with the words holds the last one: only persons holding it are compared.
        let holders = personsHolding(words[words.count - 1])
        // None: nothing ends with the words, and (one word) no longer name holds it either.
        guard !holders.isEmpty else { return nil }
        let matches = holders.filter { index in
            persons[index].formTokens.contains { form in form.count > words.count && form.suffix(words.count).elementsEqual(words) }
        }
        if matches.count == 1 {
            // `Mr Lin` after `Lin Wei` and `Ana Lin`: a name written family name first makes it ambiguous.
            if words.count == 1, personsHolding(words[0]).contains(where: { $0 != matches[0] && persons[$0].formTokens.contains { $0.first == words[0] } }) {
                return nil
            }
            return matches[0]
        }
        // `Bishop Tavel` for `Isidro Tavel Brunn`: one word of one longer name, not its first.
        guard matches.isEmpty, words.count == 1 else { return nil }
        let containing = personsHolding(words[0]).filter { index in
            persons[index].formTokens.contains { form in form.count >= 3 && form.dropFirst().contains(words[0]) }
        }
        return containing.count == 1 ? containing[0] : nil
    }

    /// The one known person whose longer name holds these words in order, with
    /// the same first word (`Ana Ruiz` in `Ana Lucinda Ruiz Soto`).
    func person(containing words: [String]) -> Int? {
        guard words.count >= 2 else { return nil }
        let matches = personsHolding(words[0]).filter { index in
            persons[index].formTokens.contains { form in
                guard form.count > words.count, form.first == words.first else { return false }
                var position = form.startIndex
                for word in words {
                    guard let found = form[position...].firstIndex(of: word) else { return false }
                    position = found + 1
                }
                return true
            }
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The persons with a form holding this word (a word of ``NameKey/tokens(_:)``), in `persons` order.
    func personsHolding(_ word: String) -> [Int] { personsByWord[word] ?? [] }

    /// Notes that the person at `index` has a form of these words, whose variant key is `variantKey`, for
    /// ``personsHolding(_:)``, ``personVariants`` and ``personsByVariantKey``.
    mutating func indexPersonWords(_ words: [String], _ index: Int, variantKey: String) {
        // Changed in place in the dictionary: one lookup a word, and no copy of its list.
        func add(_ holders: inout [Int]) {
            // Persons are mostly indexed in order: the last holder is checked first.
            if let last = holders.last, last < index { holders.append(index); return }
            guard !holders.contains(index) else { return }
            holders.insert(index, at: holders.firstIndex { $0 > index } ?? holders.count)
        }
        for word in words { add(&personsByWord[word, default: []]) }
        add(&personsByVariantKey[variantKey, default: []])
        personVariants[variantKey] = index
    }

    /// The first of these persons with a form that IdentityRules calls the same as these words.
    func firstPerson(among holders: [Int], sameAs nameTokens: [String]) -> Int? {
        for index in holders {
            for form in persons[index].formTokens where IdentityRules.isSame(tokens: form, nameTokens) { return index }
        }
        return nil
    }

    /// Adds a mention to the person this name is, or a new person.
    ///
    /// `nameTokens`: ``NameKey/tokens(_:)`` of the name, when the caller has them.
    mutating func record(person name: String, form: String, mention: Extraction.Mention, role: String?, nameTokens knownTokens: [String]? = nil) {
        let index: Int
        if let known = personByName[name] {
            index = known
        } else {
            let nameTokens = knownTokens ?? NameKey.tokens(name)
            // A form IdentityRules calls the same has the name's words, but for one word with the same
            // transliteration key: the same variant key. Only persons with a form of that key are compared
            // (not every person sharing a word with the name, whose number grows with the text).
            let variantKey = NameKey.variantKey(tokens: nameTokens)
            if let existing = firstPerson(among: personsByVariantKey[variantKey] ?? [], sameAs: nameTokens) {
                index = existing
            } else {
                persons.append(PersonDraft(name: name, forms: [name], roles: [], mentions: [], formTokens: [nameTokens]))
                index = persons.count - 1
                indexPersonWords(nameTokens, index, variantKey: variantKey)
                personByName[name] = index
            }
        }
        // A form equal to the name has its words (``NameKey/tokens(_:)`` folds canonically equivalent texts alike).
        record(personAt: index, form: form, mention: mention, role: role, formTokens: knownTokens != nil && form == name ? knownTokens : nil)
    }

    /// Adds a mention to the person at `index` (what ``record(person:form:mention:role:)`` does once it has found the person).
    mutating func record(personAt index: Int, form: String, mention: Extraction.Mention, role: String?, formTokens knownTokens: [String]? = nil) {
        if !persons[index].forms.contains(form) {
            persons[index].forms.append(form)
            let formTokens = knownTokens ?? NameKey.tokens(form)
            persons[index].formTokens.append(formTokens)
            indexPersonWords(formTokens, index, variantKey: NameKey.variantKey(tokens: formTokens))
        }
        if let role, !persons[index].roles.contains(role) { persons[index].roles.append(role) }
        if !persons[index].mentions.contains(where: { $0.start == mention.start }) { persons[index].mentions.append(mention) }
    }

    /// Whether an organisation has this name (its key computed once, not once an organisation).
    func isOrganisationName(_ name: String) -> Bool {
        guard !organisations.isEmpty else { return false }
        return organisationNameKeys().contains(organisationKey(name))
    }

    /// Every occurrence of a known person's name, in either order; a family
    /// name alone or with a title (`Ms Ortiz`, `Ortiz`) when it ends exactly
    /// one known name.
    mutating func findAllMentions() {
        // Each form by its first word, in either order, with the person's index and the words joined once here.
        var byFirstWord = [String: [(person: Int, order: [String], form: String)]](minimumCapacity: 2 * persons.reduce(0) { $0 + $1.forms.count })
        for (person, draft) in persons.enumerated() {
            for form in draft.forms {
                let words = WordLists.words(form)
                for order in words.count == 2 ? [words, [words[1], words[0]]] : [words] {
                    byFirstWord[order[0], default: []].append((person, order, order.joined(separator: " ")))
                }
            }
        }
        // Longest first, sorted once here rather than at every occurrence.
        byFirstWord = byFirstWord.mapValues { $0.sorted(by: { $0.order.count > $1.order.count }) }
        // Most name words open no form: their shape says so without hashing them.
        var firstWordShapes = WordShapes()
        for word in byFirstWord.keys { firstWordShapes.insert(word) }
        // Text offsets of tokens inside a person mention (a flag an offset: looked up at every name word).
        var covered = [Bool](repeating: false, count: document.scalars.count + 1)
        func cover(_ offset: Int) { if covered.indices.contains(offset) { covered[offset] = true } }
        func isCovered(_ offset: Int) -> Bool { covered.indices.contains(offset) && covered[offset] }
        for person in persons { for mention in person.mentions { cover(mention.start) } }
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices {
                // A form starts with a name word (its first word, or the last of two): no other token opens one.
                guard list[index].isNameWord, firstWordShapes.mayContain(list[index].text),
                      let candidates = byFirstWord[list[index].text] else { continue }
                for (person, order, form) in candidates where index + order.count <= list.count {
                    guard order.indices.allSatisfy({ list[index + $0].text == order[$0] }) else { continue }
                    let last = index + order.count - 1
                    // Not a part of a longer name.
                    if last + 1 < list.count, isNameWord(list[last + 1]), adjacent(section, last, last + 1) { continue }
                    if index > 0, isNameWord(list[index - 1]), adjacent(section, index - 1, index), !isTitleWord(section, index - 1) { continue }
                    // The person of a form is the one whose name it is (names are unique, and no person is added here).
                    record(personAt: person, form: form, mention: mention(section, index, last), role: nil)
                    cover(list[index].start)
                    break
                }
            }
        }
        // Transliteration variants (`Fedor` for `Fyodor`) and family names alone.
        // The words of each run of name words and their variant key, worked out once a text (runs recur): by the
        // FNV-1a hash of the run's scalars, with where the run first stands, so that a run seen before is found
        // without building its text (equal scalars are equal texts; ``NameKey/tokens(_:)`` folds canonically
        // equivalent texts alike, so equivalent runs apart give the same keys).
        var runKeys = [UInt32: [(start: Int, end: Int, words: [String], variantKey: String)]](minimumCapacity: 256)
        let scalars = document.scalars
        for clause in clauses where isBody(clause.section) {
            let list = tokens[clause.section]
            var index = clause.range.lowerBound
            while index < clause.range.upperBound {
                guard isNameWord(list[index]), !isCovered(list[index].start),
                      index == 0 || !isNameWord(list[index - 1]) || !adjacent(clause.section, index - 1, index) || isTitleWord(clause.section, index - 1)
                else { index += 1; continue }
                var last = index
                while last + 1 < clause.range.upperBound, isNameWord(list[last + 1]), adjacent(clause.section, last, last + 1) { last += 1 }
                defer { index = last + 1 }
                if last + 1 < list.count, Self.possessives.contains(list[last + 1].text) == false,
                   last + 1 < list.count, list[last + 1].isWord, list[last + 1].isCapitalised { continue }
                let start = list[index].start, end = list[last].end
                var hash: UInt32 = 2_166_136_261
                for offset in start..<end { hash = (hash ^ scalars[offset].value) &* 16_777_619 }
                let keys: (words: [String], variantKey: String)
                if let known = runKeys[hash]?.first(where: { $0.end - $0.start == end - start && scalars[$0.start..<$0.end].elementsEqual(scalars[start..<end]) }) {
                    keys = (known.words, known.variantKey)
                } else {
                    let words = NameKey.tokens(text(clause.section, index, last))
                    keys = (words, NameKey.variantKey(tokens: words))
                    runKeys[hash, default: []].append((start, end, keys.words, keys.variantKey))
                }
                let runTokens = keys.words
                // Two names IdentityRules calls one share a variant key: a lookup, not a comparison with every form.
                let found: Int
                if let known = personVariants[keys.variantKey] {
                    found = known
                } else if let ending = person(endingWith: runTokens), !(index...last).contains(where: { personWords[clause.section][$0].contains(.commonWord) }),
                          !isOrganisationName(text(clause.section, index, last)) {
                    found = ending
                } else {
                    continue
                }
                // The mention ``mention(_:_:_:role:)`` makes, with the run's text built once.
                let runText = text(clause.section, index, last)
                record(personAt: found, form: runText, mention: .init(section: label(clause.section), text: runText, start: start, end: end, role: nil), role: nil)
            }
        }
    }
}


/// The lower-case forms of ASCII words of the text, each kept as where the word's scalars stand, by the
/// FNV-1a hash of the form (``WordClassScalarTable/hashes(_:_:)``), with whether a word equal to it was
/// found: no String is built or hashed.
struct LowerCaseFormSet {
    /// The scalar range of the word at each slot (its form's hash's slot, or the next free one); an empty range for none.
    private var starts: [Int32]
    private var ends: [Int32]
    private var hashes: [UInt32]
    private var written: [Bool]

    /// A set for up to `count` forms.
    init(capacityFor count: Int) {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        starts = [Int32](repeating: 0, count: capacity)
        ends = [Int32](repeating: 0, count: capacity)
        hashes = [UInt32](repeating: 0, count: capacity)
        written = [Bool](repeating: false, count: capacity)
    }

    /// Adds the lower-case form of the word of these ASCII scalars, whose hash is `lowerHash`, unless an
    /// equal form is there; the slot of the form.
    mutating func insert(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, lowerHash: UInt32) -> Int {
        let mask = starts.count - 1
        var slot = Int(truncatingIfNeeded: lowerHash) & mask
        while starts[slot] < ends[slot] {
            if hashes[slot] == lowerHash, holds(slot, scalars, range, lowerCased: true) { return slot }
            slot = (slot + 1) & mask
        }
        starts[slot] = Int32(range.lowerBound)
        ends[slot] = Int32(range.upperBound)
        hashes[slot] = lowerHash
        return slot
    }

    /// Notes that a word with these ASCII scalars, whose hash is `hash`, is written: the form it equals, if any, is.
    @inline(__always)
    mutating func markWritten(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, hash: UInt32) {
        let mask = starts.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while starts[slot] < ends[slot] {
            if hashes[slot] == hash, holds(slot, scalars, range, lowerCased: false) { written[slot] = true; return }
            slot = (slot + 1) & mask
        }
    }

    /// Whether a word equal to the form at `slot` was written.
    func isWritten(_ slot: Int) -> Bool { written[slot] }

    /// Whether the form at `slot` is the word of these scalars (lower-cased first, with `lowerCased`).
    private func holds(_ slot: Int, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, lowerCased: Bool) -> Bool {
        let start = Int(starts[slot])
        guard Int(ends[slot]) - start == range.count else { return false }
        for offset in 0..<range.count {
            let stored = scalars[start + offset].value, value = scalars[range.lowerBound + offset].value
            let form = stored &- 65 < 26 ? stored | 0x20 : stored
            if form != (lowerCased && value &- 65 < 26 ? value | 0x20 : value) { return false }
        }
        return true
    }
}
