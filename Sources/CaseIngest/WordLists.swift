/// The word lists in `Words/`, embedded in the binary and parsed once.
///
/// Each file holds one entry a line; lines starting with `#` are comments.
/// An entry may carry a tag after `|` (`Minister|official`).
enum WordLists {
    /// Titles written before a name, keyed by their words, with whether the title is an office.
    static let titles: [[String]: Bool] = {
        let list = entries(PackageResources.titles_txt)
        // Sized once: growing it rehashes every key (an array of strings) again and again.
        var result = [[String]: Bool](minimumCapacity: list.count)
        for (entry, tag) in list { result[words(entry)] = tag == ProgramTag.official }
        return result
    }()

    /// A text's words split at spaces, as `split(separator: " ")` splits it (an ASCII text at its
    /// space bytes: the same words, without walking characters). For entries and person names.
    static func words(_ text: String) -> [String] {
        let asciiWords = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
                if index > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            return words
        }
        if let asciiWords = asciiWords ?? nil { return asciiWords }
        return text.split(separator: " ").map(String.init)
    }

    /// Titles of one word, with whether the title is an office: `titles[[word]]` without building an array.
    static let oneWordTitles: [String: Bool] = {
        var result: [String: Bool] = [:]
        for (words, official) in titles where words.count == 1 { result[words[0]] = official }
        return result
    }()

    /// The first word of every title, to skip most tokens at once.
    static let titleFirstWords: Set<String> = Set(titles.keys.compactMap { $0.first })

    /// Whether every title starts with an upper-case character: then a token that does not opens none.
    static let titlesStartCapitalised: Bool = titleFirstWords.allSatisfy { word in
        // An ASCII capital needs no character properties.
        if let byte = word.utf8.first, (65...90).contains(byte) { return true }
        return word.first?.isUppercase == true
    }

    /// The longest title has this many words.
    static let longestTitle: Int = {
        var longest: Int?
        for words in titles.keys { longest = max(longest ?? words.count, words.count) }
        return longest ?? 1
    }()

    /// Lowercase role nouns, with whether the role is an office.
    static let roleNouns: [String: Bool] = {
        let list = entries(PackageResources.role_nouns_txt)
        var result = [String: Bool](minimumCapacity: list.count * 2)  // sized once, not rehashed as it grows
        for (entry, tag) in list { result[entry] = tag == ProgramTag.official }
        for (plural, singular) in rolePlurals { result[plural] = result[singular] }
        return result
    }()

    /// The regular plurals of the listed role nouns the file does not write itself, each with its
    /// singular: a plural names the persons listed after it too (`the editors Ana Ruiz and Tomas Berg`).
    /// Nouns ending in -s, -x, -y or -man form theirs otherwise (the file writes those it needs).
    static let rolePlurals: [String: String] = {
        let written = Set(entries(PackageResources.role_nouns_txt).map(\.entry))
        var result: [String: String] = [:]
        for entry in written where entry.count > 2 && !entry.hasSuffix("man") && !entry.hasSuffix("s") && !entry.hasSuffix("x")
            && !entry.hasSuffix("y") && !written.contains(entry + "s") {
            result[entry + "s"] = entry
        }
        return result
    }()

    static let kinship: Set<String> = Set(entries(PackageResources.kinship_txt).map { $0.entry })
    static let personEvents: Set<String> = Set(entries(PackageResources.person_events_txt).map { $0.entry })
    static let personVerbs: Set<String> = Set(entries(PackageResources.person_verbs_txt).map { $0.entry })
    static let notPersonWords: Set<String> = Set(entries(PackageResources.not_person_words_txt).map { $0.entry })
    static let officialHeads: Set<String> = Set(entries(PackageResources.official_heads_txt).map { $0.entry })
    static let particles: Set<String> = Set(entries(PackageResources.particles_txt).map { $0.entry })

    /// Final words of organisation names, with the kind they suggest ("" for none).
    static let organisationHeads: [String: String] = Dictionary(
        entries(PackageResources.organisation_heads_txt).map { ($0.entry, $0.tag) }, uniquingKeysWith: { first, _ in first })

    /// Lowercase nouns that make a capitalised name beside them an organisation, with its kind
    /// (`staff`: a person working for the organisation named after `for`/`of`/`with`).
    static let organisationContext: [String: String] = Dictionary(
        entries(PackageResources.organisation_context_txt).map { ($0.entry, $0.tag) }, uniquingKeysWith: { first, _ in first })

    /// Words the story-step rules read, by class (`Words/story-words.txt`, one `word|class` a line).
    static let storyWords: [String: Set<String>] = {
        var result: [String: Set<String>] = [:]
        for (entry, tag) in entries(PackageResources.story_words_txt) { result[tag, default: []].insert(entry) }
        return result
    }()

    /// The words of a class file (`word|class` a line: `Words/person-context.txt`, `organisation-words.txt`,
    /// `provision-words.txt`), by class.
    static func classes(_ bytes: [UInt8]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (entry, tag) in entries(bytes) { result[tag, default: []].insert(entry) }
        return result
    }

    /// The words of one class of a class file; traps when the file has none (a misspelt class), so
    /// that the first extraction that reads it fails rather than matching nothing.
    static func wordClass(_ bytes: [UInt8], _ wordClass: String) -> Set<String> {
        guard let words = classes(bytes)[wordClass], !words.isEmpty else { preconditionFailure("no word of class \(wordClass)") }
        return words
    }

    /// The words of one class of a class file, in the file's order, each once; traps as ``wordClass(_:_:)`` does.
    static func classList(_ bytes: [UInt8], _ wordClass: String) -> [String] {
        var seen: Set<String> = []
        let words = entries(bytes).filter { $0.tag == wordClass && seen.insert($0.entry).inserted }.map(\.entry)
        precondition(!words.isEmpty, "no word of class \(wordClass)")
        return words
    }

    /// Words ending in `-ist(s)` that are no role (`Words/person-context.txt`, class `not-ist-role`).
    static let notIstRoles: Set<String> = wordClass(PackageResources.person_context_txt, "not-ist-role")

    /// A role noun and whether it is an office; any word ending in `-ist(s)` is a role but ``notIstRoles``.
    static func role(_ lower: String) -> (isRole: Bool, official: Bool) {
        if let official = roleNouns[lower] { return (true, official) }
        if lower.count > 5, lower.hasSuffix("ist") || lower.hasSuffix("ists"), !notIstRoles.contains(lower) {
            return (true, false)
        }
        return (false, false)
    }

    static func entries(_ bytes: [UInt8]) -> [(entry: String, tag: String)] {
        var result: [(entry: String, tag: String)] = []
        // Lines split at ASCII line breaks; an ASCII line is read byte by byte, any other as characters.
        for line in bytes.split(whereSeparator: { (0x0A...0x0D).contains($0) }) {
            if line.allSatisfy({ $0 < 0x80 }) {
                var first = line.startIndex, last = line.endIndex
                func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
                while first < last, isBlank(line[first]) { first += 1 }
                while last > first, isBlank(line[last - 1]) { last -= 1 }
                guard first < last, line[first] != UInt8(ascii: "#") else { continue }
                let trimmed = line[first..<last]
                if let bar = trimmed.firstIndex(of: UInt8(ascii: "|")) {
                    result.append((String(decoding: trimmed[..<bar], as: UTF8.self), String(decoding: trimmed[(bar + 1)...], as: UTF8.self)))
                } else {
                    result.append((String(decoding: trimmed, as: UTF8.self), ""))
                }
            } else {
                result += characterEntries(String(decoding: line, as: UTF8.self))
            }
        }
        return result
    }

    /// The entries of lines read as characters (any line break, trimmed of spaces, tabs and returns).
    static func characterEntries(_ text: String) -> [(entry: String, tag: String)] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: [" ", "\t", "\r"])
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let parts = trimmed.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }
}

/// The classes of `Words/story-words.txt`, each a named set the story-step rules read
/// (the file's comments give each rule and an invented example).
enum StoryWords {
    static func words(_ kind: String) -> Set<String> { WordLists.storyWords[kind] ?? [] }
    /// Every class the rules read: a test holds the file to these.
    static let classes = ["insertion", "finite", "joiner", "determiner", "present", "perfect", "been", "present-stem", "pluperfect",
                          "quantity", "subject-pronoun", "person-pronoun", "relative", "again", "same-day", "filler", "sequel",
                          "until", "range-open", "range-join", "possessor", "during", "time-of-day", "date-on"]
    static let insertions = words("insertion")
    static let finite = words("finite")
    static let joiners = words("joiner")
    static let determiners = words("determiner")
    static let present = words("present")
    static let perfect = words("perfect")
    static let been = words("been")
    static let presentStems = words("present-stem")
    static let pluperfect = words("pluperfect")
    static let quantities = words("quantity")
    static let subjectPronouns = words("subject-pronoun")
    static let personPronouns = words("person-pronoun")
    static let relatives = words("relative")
    static let again = words("again")
    static let sameDay = words("same-day")
    static let fillers = words("filler")
    static let sequel = words("sequel")
    static let until = words("until")
    static let rangeOpen = words("range-open")
    static let rangeJoin = words("range-join")
    static let possessors = words("possessor")
    static let during = words("during")
    static let dateOn = words("date-on")
    static let timeOfDay = words("time-of-day")
}

extension WordLists {
    /// Words the event cue patterns read, by class (`Words/event-words.txt`, one `word|class` a line).
    static let eventWords: [String: Set<String>] = {
        var result: [String: Set<String>] = [:]
        for (entry, tag) in entries(PackageResources.event_words_txt) { result[tag, default: []].insert(entry) }
        return result
    }()

    /// Nouns that name an event of a person's case, with the status they tell (`Words/event-nouns.txt`).
    static let eventNouns: [String: CaseStatus] = {
        var result: [String: CaseStatus] = [:]
        for (entry, tag) in entries(PackageResources.event_nouns_txt) {
            guard let status = CaseStatus(rawValue: tag) else { preconditionFailure("Words/event-nouns.txt: \(entry) has no status '\(tag)'") }
            result[entry] = status
        }
        return result
    }()

    /// Words that tie a person to an organisation, with the role they give (`position`: the word itself).
    static let membershipWords: [String: String] = Dictionary(
        entries(PackageResources.membership_words_txt).map { ($0.entry, $0.tag) }, uniquingKeysWith: { first, _ in first })

    /// Where a sentence is served, as a status's `sentence` writes it (`prison`: `imprisonment`).
    static let sentencePlaces: [String: String] = Dictionary(
        entries(PackageResources.sentence_places_txt).map { ($0.entry, $0.tag) }, uniquingKeysWith: { first, _ in first })
}

/// A set of words made once (a class of a word file) that answers ``contains(_:)`` for an ASCII
/// word from its bytes: the FNV-1a hash of ``WordPositions/asciiHash(_:)`` in an open-addressing
/// table, with no String hashed (SipHash). A rule that asks a class of every token of a clause asks it
/// here; it answers as `Set<String>` does, and iterates like one.
///
/// Only ASCII words are asked of the table, and they equal only ASCII words: a word beyond ASCII equals an
/// ASCII one only when it holds one of the three scalars whose decomposition is ASCII
/// (``WordPositions/hasASCIIEquivalent(_:)``); if a word of the set held one, the table is not used.
/// A word beyond ASCII is asked of the `Set<String>`, whose equality is Unicode's.
struct WordSet: Sequence, Sendable, ExpressibleByArrayLiteral {
    /// The words, for iteration and for words beyond ASCII.
    let words: Set<String>
    /// The ASCII words' entries at each slot (their hash's, or the next free one), or -1.
    private let slots: [Int32]
    private let entryHashes: [UInt32]
    /// The bytes of the ASCII words, one after another: entry `e` is `bytes[starts[e]..<starts[e + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// False when a word of the set holds a scalar that equals an ASCII character.
    private let isUsable: Bool

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        let words = Set(words)
        self.words = words
        var capacity = 16
        while capacity < words.count * 4 { capacity <<= 1 }  // at most a quarter full: a miss ends at the first free slot
        var slots = [Int32](repeating: -1, count: capacity)
        var entryHashes: [UInt32] = [], bytes: [UInt8] = [], starts = [0]
        var isUsable = true
        for word in words.sorted() {
            if WordPositions.hasASCIIEquivalent(word.unicodeScalars) { isUsable = false }
            guard let hash = WordPositions.asciiHash(word) else { continue }
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(entryHashes.count)
            entryHashes.append(hash)
            bytes.append(contentsOf: word.utf8)
            starts.append(bytes.count)
        }
        self.slots = slots
        self.entryHashes = entryHashes
        self.bytes = bytes
        self.starts = starts
        self.isUsable = isUsable
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// Whether `word` is one of the set's words, as `Set<String>.contains` answers.
    func contains(_ word: String) -> Bool {
        guard isUsable, let found = word.utf8.withContiguousStorageIfAvailable({ containsASCII($0) }), let answer = found else {
            return words.contains(word)
        }
        return answer
    }

    /// Whether the ASCII `word` is one of the set's words, or nil if `word` is not ASCII.
    private func containsASCII(_ word: UnsafeBufferPointer<UInt8>) -> Bool? {
        var hash: UInt32 = 2_166_136_261
        for byte in word {
            if byte >= 0x80 { return nil }
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return false }
            if entryHashes[entry] == hash, starts[entry + 1] - starts[entry] == word.count,
               bytes.withUnsafeBufferPointer({ all in word.indices.allSatisfy { all[starts[entry] + $0] == word[$0] } }) {
                return true
            }
            slot = (slot + 1) & mask
        }
    }

    var isEmpty: Bool { words.isEmpty }
    var count: Int { words.count }
    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
}
