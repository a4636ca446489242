/// Organisations: acronyms in parentheses, names ending in an organisation
/// word (`… Party`, `… Court in X`), lists after group nouns (`groups such as
/// A, B, 405 and Article 14`), media named by their kind (`the newspaper X`),
/// and a small list of well-known institutions.
extension OrganisationStage {
    static let connectors: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "connector")
    /// What stands between the names of one list of quoted or all-capitals names (`Words/organisation-words.txt`).
    static let nameListJoiners: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "name-list-joiner")
    /// The word before the country that ends a name, and the words a name shortened before its country cannot end in.
    static let countryOfs: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "country-of")
    static let nameCutStops: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "name-cut-stop")
    /// The word after a court's name that opens where it sits: `the Supreme Court in Freedonia`.
    static let courtIns: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "court-in")
    /// The tie words of the naming and shape passes (`Words/organisation-words.txt`, each class documented there).
    static let definiteWords = orgClass("definite"), ofLinks = orgClass("of-link"), againstWords = orgClass("against")
    static let parliamentWords = orgClass("parliament"), courtFor = orgClass("court-for"), republicWords = orgClass("republic")
    static let unPrefixes = orgClass("un-prefix"), inLinks = WordSet(orgClass("in-link")), codeWords = orgClass("code")
    static let theCapitalised = orgClass("the-capitalised")
    static let nameAnd = WordSet(orgClass("name-and")), delegationTo = WordSet(orgClass("delegation-to")), sentHeads = WordSet(orgClass("sent-head"))
    static func orgClass(_ name: String) -> Set<String> { WordLists.wordClass(PackageResources.organisation_words_txt, name) }

    /// Name particles that are also English words, so never read as a particle inside an organisation name ("an", "as") (`Words/organisation-words.txt`, class `english-particle`).
    static let englishParticles: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "english-particle")

    /// Words before a number that make it no name's opening number ("Article 12 Generation" is an article) (`Words/organisation-words.txt`, class `number-lead`).
    static let numberLeads: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "number-lead")

    /// Endings of nationality words: one alone names no organisation ("the Ruritanian service of Radio Dawn") (`Words/organisation-words.txt`, class `demonym-ending`).
    static let demonymEndings: [String] = WordLists.classList(PackageResources.organisation_words_txt, "demonym-ending")

    /// Capitalised words after a head word that continue the name ("Committee Against Torture") (`Words/organisation-words.txt`, class `head-continuer`).
    static let headContinuers: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "head-continuer")

    /// Determiners before a name and a media role noun ("a Capital Voice reporter") (`Words/organisation-words.txt`, class `determiner`).
    static let determiners: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "determiner")

    /// Institution short forms that are common nouns: they name the EU body only as "the Council" (`Words/organisation-words.txt`, class `generic-institution`).
    static let genericInstitutionForms: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "generic-institution")

    /// Prepositions between a staff noun and the organisation ("a presenter for Radio Nova", "the editor of Nova") (`Words/organisation-words.txt`, class `staff-link`).
    static let staffLinks: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "staff-link")

    /// Nouns before "of" and an acronym that make it an organisation ("the founder of FDM") (`Words/organisation-words.txt`, class `member-noun`).
    static let memberNouns: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "member-noun")

    /// Words of a state's formal name before "Republic" that a shorter form of a body's name drops ("Supreme Court of the Democratic Republic of Freedonia") (`Words/organisation-words.txt`, class `state-form-capitalised`).
    static let stateFormNameWords: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "state-form-capitalised")

    /// Verbs of being after "which" that say what a named body is ("Dawn (DW), which is a movement") (`Words/organisation-words.txt`, class `copula`).
    static let copulas: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "copula")

    /// The capitalised phrase starting at `index`: capitalised words with
    /// connectors between them (`Freedonia International Bureau for Human
    /// Rights and Rule of Law`). Returns the index of its last word.
    func phraseEnd(_ section: Int, from index: Int, limit: Int? = nil, crossAnd: Bool = true) -> Int? {
        let list = tokens[section]
        let stop = limit ?? list.count
        guard index < stop, list[index].isWord, list[index].isCapitalised || isNameNumber(section, index, stop) else { return nil }
        let facts = organisationFacts(section)
        var last = index
        var position = index + 1
        var crossedIn = false, crossedTo = false
        // Rule `organisation.line-ends-name`: a name does not run on across a line break (`… the case of Ana Ruiz`
        // on one line, `European Parliament resolution …` on the next).
        let scalars = document.scalars
        func adjacent(_ a: Int, _ b: Int) -> Bool {
            list[b].start - list[a].end <= 1 && (list[b].start == list[a].end || !Self.isLineBreak(scalars[list[a].end]))
        }
        func capitalisedWord(at spot: Int) -> Bool {
            spot < stop && list[spot].isWord && list[spot].isCapitalised && adjacent(spot - 1, spot)
        }
        /// Whether the token at `spot` is `text`, of `count` scalars: its length in scalars is compared
        /// first (a string equal to one of these has as many scalars), and most tokens differ in it.
        func textIs(_ spot: Int, _ text: String, _ count: Int) -> Bool {
            list[spot].end - list[spot].start == count && list[spot].text == text
        }
        while position < stop, adjacent(position - 1, position) || list[position].isPossessive {
            if list[position].isWord && list[position].isCapitalised { last = position; position += 1; continue }
            let isWord = list[position].isWord
            // A number or an ordinal between capitalised words: `Freedonia 5 Youth Front`, `Capital 3rd Criminal Court`.
            if isWord, list[position].startsWithNumber, list[position].isNumber ? list[position].text.count <= 3 : list[position].text.count <= 5,
               capitalisedWord(at: position + 1) {
                last = position + 1; position += 2; continue
            }
            // A number after a head word ends the name: `Group 12`.
            if list[position].isNumber, position - 1 == last, facts[position - 1].isHead, !capitalisedWord(at: position + 1) {
                last = position; break
            }
            // A plural possessive inside a name: `Young Lawyers’ Association`.
            if !isWord, textIs(position, "’", 1) || textIs(position, "'", 1), list[position].start == list[position - 1].end,
               list[position - 1].text.hasSuffix("s"), capitalisedWord(at: position + 1) {
                position += 1; continue
            }
            // A name particle between capitalised words: `Ana Lucia de Vega Foundation`.
            if facts[position].word.contains(.nameParticle), capitalisedWord(at: position + 1) { position += 1; continue }
            if facts[position].isConnector || !isWord && list[position].isPossessive {
                // A connector counts only when a capitalised word follows it;
                // `and the` joins two names, and `to` belongs only to a delegation or mission.
                // After `in PLACE`, `and` starts another name (`Centre for Rights in Freedonia and Freedonia Watch`).
                // After `to PLACE` of a posting (`organisation.posting-to-place`) the name has ended.
                if crossedTo { break }
                if Self.nameAnd.contains(list[position].text), !crossAnd || crossedIn || (position + 1 < stop && Self.definiteWords.contains(list[position + 1].text)) { break }
                // Rule `organisation.posting-to-place`: `Delegation of the Union to Freedonia`, a sent head then
                // what sends it, then `to` and the place.
                if Self.delegationTo.contains(list[position].text),
                   !Self.sentHeads.contains(list[position - 1].text),
                   !(capitalisedWord(at: position + 1) && postingSender(section, from: index, to: position)),
                   !facts[position - 1].isHead || !capitalisedWord(at: position + 1) { break }
                var look = position + 1
                while look < stop, facts[look].isConnector, look - position < 2 { look += 1 }
                if look < stop, list[look].isWord, list[look].isCapitalised || isNameNumber(section, look, stop), adjacent(look - 1, look) {
                    if Self.inLinks.contains(list[position].text) { crossedIn = true }
                    if Self.delegationTo.contains(list[position].text), !Self.sentHeads.contains(list[position - 1].text),
                       postingSender(section, from: index, to: position) { crossedTo = true }
                    position = look
                    continue
                }
            }
            break
        }
        return last
    }

    /// Whether a sent head (`Delegation`, `Mission`) stands between `from` and `to` with `of` and the sender
    /// after it (`Delegation of the Union`): the phrase names a posting, which a `to` and a place end.
    func postingSender(_ section: Int, from: Int, to: Int) -> Bool {
        let list = tokens[section]
        let facts = organisationFacts(section)
        guard let sent = (from..<to).first(where: { Self.sentHeads.contains(list[$0].text) }), sent + 1 < to else { return false }
        return facts[sent + 1].word.contains(.ofAsWritten)
    }

    /// A line break between two tokens (a new line, a paragraph or line separator).
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Particles that may sit inside a name between capitalised words (`de`, `van`, `al`), not English words.
    static let nameParticles: Set<String> = WordLists.particles.filter {
        $0.count >= 2 && !Self.englishParticles.contains($0)
    }

    static let monthNames: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "month")

    /// A short number that opens a name: `12 Generation Students Union`, not a day before a month or an article's number.
    func isNameNumber(_ section: Int, _ index: Int, _ stop: Int) -> Bool {
        let list = tokens[section]
        guard list[index].isNumber, list[index].text.count <= 3, index + 1 < stop, list[index + 1].isWord,
              list[index + 1].isCapitalised, adjacent(section, index, index + 1),
              !Self.monthNames.contains(list[index + 1].text) else { return false }
        if index > 0, Self.numberLeads.contains(list[index - 1].text)
            || Self.monthNames.contains(list[index - 1].text) { return false }
        return true
    }

    /// The kind a head word suggests (`.some(nil)`: a head without a kind), nil when the word is no head.
    static func headKind(_ word: String) -> String?? {
        guard headWords.contains(word) else { return nil }  // most words are none: no String hashed for them
        if let kind = Lexicon.organisationHeads[word] { return .some(kind) }
        if let tag = WordLists.organisationHeads[word] { return .some(tag.isEmpty ? nil : tag) }
        return nil
    }

    static func isHead(_ word: String) -> Bool { headKind(word) != nil }
    /// The words of the two head tables.
    static let headWords = WordSet(Array(Lexicon.organisationHeads.keys) + Array(WordLists.organisationHeads.keys))

    /// The document's country or its adjective (`Freedonia`, `Freedonian`).
    func isCountryWord(_ word: String) -> Bool {
        guard let country = document.country else { return false }
        return CountryNames.isAdjective(word, of: country)
    }

    /// A nationality word (`Ruritanian`, `Freedonese`): a single one names no organisation.
    func isDemonym(_ word: String) -> Bool {
        if countryWord(word) { return true }
        guard word.count > 4, word.first?.isUppercase == true, word.dropFirst().allSatisfy(\.isLowercase) else { return false }
        return Self.demonymEndings.contains { word.hasSuffix($0) } && !Self.isHead(word)
    }

    /// Records an organisation mention, merging with a known entity.
    @discardableResult
    ///
    /// `rule`: the id of the rule that recognised it (``RuleBook/organisationRules``), recorded on the
    /// organisation with the words it matched (`matched`, or the name).
    mutating func addOrganisation(_ name: String, alias: String? = nil, kind: String?, mention: Extraction.Mention?,
                                  rule: String, matched: String? = nil) -> Int {
        if organisationCache.indexesOutOfDate { reindexOrganisations() }
        let nameKey = organisationKey(name)
        let canonical = Self.institution(forKey: nameKey)
        let finalName = canonical?.name ?? name
        let key = name == finalName ? nameKey : organisationKey(finalName)
        let index: Int
        // The first draft whose name key is `key` or whose alias keys hold `key` or `nameKey`.
        let byAlias = Self.earlier(organisationByAliasKey[key], key == nameKey ? nil : organisationByAliasKey[nameKey])
        if let existing = Self.earlier(organisationByNameKey[key], byAlias) {
            index = existing
        } else {
            let aliases = canonical?.aliases ?? []
            organisations.append(OrganisationDraft(name: finalName, aliases: aliases, kind: canonical?.kind ?? kind, mentions: [],
                                                   nameKey: key, aliasKeys: Set(aliases.map(Self.organisationKey))))
            index = organisations.count - 1
            if organisationByNameKey[key] == nil { organisationByNameKey[key] = index }
            for aliasKey in organisations[index].aliasKeys { indexOrganisationAlias(aliasKey, index) }
        }
        if name != finalName, !organisations[index].aliases.contains(name) {
            organisations[index].aliases.append(name)
            organisations[index].aliasKeys.insert(nameKey)
            indexOrganisationAlias(nameKey, index)
        }
        if let alias, !organisations[index].aliases.contains(alias) {
            let aliasKey = organisationKey(alias)
            organisations[index].aliases.append(alias)
            organisations[index].aliasKeys.insert(aliasKey)
            indexOrganisationAlias(aliasKey, index)
        }
        if organisations[index].kind == nil { organisations[index].kind = kind }
        if let mention, !organisations[index].mentions.contains(where: { $0.start == mention.start }) {
            organisations[index].mentions.append(mention)
        }
        let hit = RuleHit(rule, text: matched ?? name)
        if !organisations[index].rules.contains(hit) { organisations[index].rules.append(hit) }
        return index
    }

    /// ``addOrganisation(_:alias:kind:mention:)`` of the tokens `first...last` of `section`, named by their
    /// text (built once, for the name and the mention).
    @discardableResult
    mutating func addOrganisation(in section: Int, _ first: Int, _ last: Int, kind: String?, rule: String, matched: String? = nil) -> Int {
        let name = text(section, first, last)
        return addOrganisation(name, kind: kind, mention: mention(section, first, last, text: name), rule: rule, matched: matched)
    }

    /// ``mention(_:_:_:role:)`` of tokens whose text (`text(section, first, last)`) is already built.
    func mention(_ section: Int, _ first: Int, _ last: Int, text: String) -> Extraction.Mention {
        let list = tokens[section]
        return .init(section: label(section), text: text, start: list[first].start, end: list[last].end, role: nil)
    }

    /// The smaller of two optional indexes.
    static func earlier(_ a: Int?, _ b: Int?) -> Int? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    /// Notes that the draft at `index` holds `aliasKey`, keeping the first draft that does.
    mutating func indexOrganisationAlias(_ aliasKey: String, _ index: Int) {
        if let known = organisationByAliasKey[aliasKey], known <= index { return }
        organisationByAliasKey[aliasKey] = index
    }

    /// Rebuilds the key indexes of `addOrganisation` after drafts were removed or merged.
    mutating func reindexOrganisations() {
        organisationCache.indexesOutOfDate = false
        organisationByNameKey = [:]
        organisationByAliasKey = [:]
        for (index, draft) in organisations.enumerated() {
            if organisationByNameKey[draft.nameKey] == nil { organisationByNameKey[draft.nameKey] = index }
            for aliasKey in draft.aliasKeys { indexOrganisationAlias(aliasKey, index) }
        }
    }

    static func organisationKey(_ name: String) -> String {
        if let key = name.utf8.withContiguousStorageIfAvailable({ asciiOrganisationKey($0) }) ?? nil { return key }
        if let plain = plainApostrophes(name), let key = plain.utf8.withContiguousStorageIfAvailable({ asciiOrganisationKey($0) }) ?? nil {
            return key
        }
        var words = NameKey.tokens(name)
        if let word = words.first, Self.definiteWords.contains(word) { words.removeFirst() }
        var key = words.joined(separator: " ")
        // The (costly) Foundation replacement only where a byte replacement could differ from it.
        var bytes = Array(key.utf8)
        if replaceAll(&bytes, organisationSpelling.british, with: organisationSpelling.american) {
            key = String(decoding: bytes, as: UTF8.self)
        } else {
            key = key.replacingOccurrences(of: "organisation", with: "organization")
            bytes = Array(key.utf8)
        }
        if replaceAll(&bytes, cooperationSpelling.split, with: cooperationSpelling.joined) {
            key = String(decoding: bytes, as: UTF8.self)
        } else {
            key = key.replacingOccurrences(of: "co operation", with: "cooperation")
        }
        return key
    }

    /// ``organisationKey(_:)`` of a name in ASCII without backticks (nil for any other), built byte by byte:
    /// `NameKey.tokens` (lower-cased runs of letters, digits and inner apostrophes) without a leading
    /// `the`, joined by spaces, with `organization` and `cooperation` spelt one way.
    ///
    /// The key is written straight into the string's storage; both spellings are changed in place
    /// (`organisation` and `organization` are as long; `co operation` shrinks by one byte and
    /// neither pattern can overlap itself, so one left-to-right pass replaces as `replaceAll` does).
    static func asciiOrganisationKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func isKeyByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "'")
        }
        for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "`") { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { key in
            var count = 0
            var index = 0
            var isFirstWord = true
            // `organisation` lies inside a word of twelve bytes or more; `co operation` after a word ending in `co`.
            var mayBeBritish = false, mayBeSplit = false
            while index < bytes.count {
                guard isKeyByte(bytes[index]) else { index += 1; continue }
                var first = index, last = index + 1
                while last < bytes.count, isKeyByte(bytes[last]) { last += 1 }
                index = last
                // Apostrophes only inside a word: `O'Brien`, not `'quoted'`.
                while first < last, bytes[first] == UInt8(ascii: "'") { first += 1 }
                while last > first, bytes[last - 1] == UInt8(ascii: "'") { last -= 1 }
                guard first < last else { continue }
                if isFirstWord {
                    isFirstWord = false
                    if last - first == 3, bytes[first] | 0x20 == UInt8(ascii: "t"), bytes[first + 1] | 0x20 == UInt8(ascii: "h"),
                       bytes[first + 2] | 0x20 == UInt8(ascii: "e") { continue }
                }
                if count > 0 { key[count] = UInt8(ascii: " "); count += 1 }
                for byte in bytes[first..<last] {
                    key[count] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                    count += 1
                }
                if last - first >= 12 { mayBeBritish = true }
                if last - first >= 2, key[count - 2] == UInt8(ascii: "c"), key[count - 1] == UInt8(ascii: "o") { mayBeSplit = true }
            }
            guard mayBeBritish || mayBeSplit else { return count }
            let british = organisationSpelling.british, split = cooperationSpelling.split
            func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
                guard offset + pattern.count <= count else { return false }
                for position in pattern.indices where key[offset + position] != pattern[position] { return false }
                return true
            }
            var offset = 0
            while offset + british.count <= count {
                if key[offset] == british[0], matches(british, at: offset) {
                    key[offset + 6] = UInt8(ascii: "z")
                    offset += british.count
                } else {
                    offset += 1
                }
            }
            // `co operation` → `cooperation`: the bytes after each occurrence move back by one.
            var read = 0, write = 0
            while read < count {
                if key[read] == split[0], matches(split, at: read) {
                    key[write] = UInt8(ascii: "c")
                    key[write + 1] = UInt8(ascii: "o")
                    write += 2
                    read += 3
                    continue
                }
                key[write] = key[read]
                write += 1
                read += 1
            }
            return write
        }
    }

    /// `name` with its typographic apostrophes (`’`, `‘`) and backticks written `'`, when every other
    /// character is ASCII (nil otherwise). `NameKey` folds exactly these three to `'` and an ASCII
    /// character only to lower case, so the result has the same `NameKey.tokens` and organisation
    /// key, read byte by byte instead of through Foundation's (costly) decomposition.
    static func plainApostrophes(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x60, 0x2018, 0x2019: bytes.append(UInt8(ascii: "'"))
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `NameKey.tokens(name)`, through ``plainApostrophes(_:)`` for a name like `Freedonia Workers’ Party`.
    static func nameWords(_ name: String) -> [String] {
        if !Token.isASCII(name), let plain = plainApostrophes(name) { return NameKey.tokens(plain) }
        return NameKey.tokens(name)
    }

    static let organisationSpelling = (british: Array("organisation".utf8), american: Array("organization".utf8))
    static let cooperationSpelling = (split: Array("co operation".utf8), joined: Array("cooperation".utf8))

    /// Replaces every occurrence of `pattern` (ASCII) in `bytes`, left to right, as Foundation's
    /// `replacingOccurrences` does, when every occurrence stands between ASCII bytes or the ends:
    /// then the occurrence is whole characters, and no other spelling of the pattern is canonically
    /// equivalent to it. False, with `bytes` unchanged, when an occurrence touches another byte.
    static func replaceAll(_ bytes: inout [UInt8], _ pattern: [UInt8], with replacement: [UInt8]) -> Bool {
        guard let head = pattern.first, bytes.count >= pattern.count else { return true }
        var result: [UInt8] = []
        var copied = 0, index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == head, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                let end = index + pattern.count
                if index > 0 && bytes[index - 1] >= 0x80 || end < bytes.count && bytes[end] >= 0x80 { return false }
                if result.isEmpty { result.reserveCapacity(bytes.count + 8) }
                result.append(contentsOf: bytes[copied..<index])
                result.append(contentsOf: replacement)
                index = end
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return true }
        result.append(contentsOf: bytes[copied...])
        bytes = result
        return true
    }

    /// Institutions by the key of their name and of their longer aliases, computed once.
    static let institutionsByKey: [String: Institutions.Entry] = {
        var table: [String: Institutions.Entry] = [:]
        for entry in Institutions.all.reversed() {
            for alias in entry.aliases where alias.count > 4 { table[organisationKey(alias)] = entry }
        }
        for entry in Institutions.all.reversed() { table[organisationKey(entry.name)] = entry }
        return table
    }()

    /// The byte length (63 for any longer) and first byte of each key of ``institutionsByKey``, at `length * 128 + byte`.
    static let institutionKeyShapes: [Bool] = {
        var shapes = [Bool](repeating: false, count: 64 * 128)
        for key in institutionsByKey.keys {
            guard let first = key.utf8.first, first < 0x80 else { continue }
            shapes[min(key.utf8.count, 63) * 128 + Int(first)] = true
        }
        return shapes
    }()

    /// `institutionsByKey[key]`, passing over an ASCII key whose length and first byte no key has
    /// without hashing it (the keys are ASCII: an ASCII key equals one only byte for byte).
    static func institution(forKey key: String) -> Institutions.Entry? {
        if Token.isASCII(key) {
            guard let first = key.utf8.first, institutionKeyShapes[min(key.utf8.count, 63) * 128 + Int(first)] else {
                return key.isEmpty ? institutionsByKey[key] : nil
            }
        }
        return institutionsByKey[key]
    }

    static func institution(named name: String) -> Institutions.Entry? {
        institution(forKey: organisationKey(name))
    }

    /// ``organisationKey(_:)`` computed once per name and run: the same names are keyed again and again.
    func organisationKey(_ name: String) -> String { Self.organisationKey(name, memo: memo) }

    /// ``organisationKey(_:)`` through a run's memo, for code that should not capture the run
    /// (a nested function capturing `self` in a mutating method copies the whole run at each call).
    static func organisationKey(_ name: String, memo: Memo) -> String {
        // An ASCII name's key costs less to build than to look up.
        if let key = name.utf8.withContiguousStorageIfAvailable({ asciiOrganisationKey($0) }) ?? nil { return key }
        if let known = memo.organisationKeys[name] { return known }
        let key = organisationKey(name)
        memo.organisationKeys[name] = key
        return key
    }

    /// ``institution(named:)`` through the run's memoised keys.
    func institution(named name: String) -> Institutions.Entry? {
        Self.institution(forKey: organisationKey(name))
    }

    /// A phrase names a legal instrument when it opens with one (`Treaty on …`,
    /// `Code of …`) or ends with an instrument word stuck to a name (`Criminal
    /// Code`, `Trade Union Law`), not when the word sits in a complement
    /// (`Bureau for Human Rights and Rule of Law`).
    static func isInstrumentName(_ words: [String]) -> Bool {
        guard let first = words.firstIndex(where: { Lexicon.instrumentHeads.contains($0) }) else { return false }
        let firstOrganisation = words.firstIndex { Self.isHead($0) }
        if first + 1 < words.count, connectors.contains(words[first + 1]) || Self.againstWords.contains(words[first + 1]),
           firstOrganisation.map({ first < $0 }) ?? true { return true }
        if let last = words.last, Lexicon.instrumentHeads.contains(last), words.count >= 2,
           !connectors.contains(words[words.count - 2]) { return true }
        return firstOrganisation == nil
    }

    static let leadingVerbs: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "leading-verb")

    /// Titles of offices held by one person: not organisations.
    static let officeTitles: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "office-title")

    /// `Full Name (ACR)`: an organisation (or an instrument) and its acronym.
    mutating func findAcronyms() {
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            let facts = organisationFacts(section)
            // `(` is never a word, and a token is `(` exactly when it is that one scalar: the cheap tests first.
            for index in list.indices where !list[index].isWord && list[index].end - list[index].start == 1
                && document.scalars[list[index].start] == "(" {
                guard index + 2 < list.count, list[index + 2].text == ")", list[index + 1].isAllCaps else { continue }
                let acronym = list[index + 1].text
                let letters = acronym.filter(\.isLetter)
                guard letters.count >= 2 else { continue }
                bracketedAcronyms.insert(acronym)
                // Walk back over the capitalised phrase before the parenthesis.
                var first = index - 1
                guard first >= 0, list[first].isWord else { continue }
                var candidate: Int?
                while first >= 0, index - first <= 12 {
                    if list[first].isWord && list[first].isCapitalised {
                        if let end = phraseEnd(section, from: first, limit: index), end == index - 1 { candidate = first }
                    } else if !(facts[first].isConnector || list[first].isPossessive || Self.isApostrophe(list[first])) { break }
                    first -= 1
                }
                guard let start = candidate else { continue }
                // The name is the words of tokens `from..<index`.
                var from = start
                // The longest tail whose capitalised initials spell the acronym
                // (`Calls on the Central Bank of Freedonia (CBF)`); else, for an
                // acronym of another language (`Freedonia Workers’ Party (PTF)`),
                // the whole phrase without a leading verb or `The`.
                let exact = (start..<index).first { tail in
                    guard list[tail].isCapitalised else { return false }
                    var initials = ""
                    for position in tail..<index where list[position].isWord && list[position].isCapitalised && !facts[position].isConnector {
                        if let initial = list[position].text.first { initials.append(initial) }
                    }
                    return initials == letters
                }
                // `organisation.plural-possessive-acronym`: a name holding a plural possessive (`Freedonian
                // Writers’ Forum (FWF)`, `Catholic Bishops’ Conference of Freedonia (FCBC)`) names a body of
                // those people, whatever order its acronym's letters take.
                let pluralPossessive = exact == nil && index - start >= 3
                    && (start + 1..<index - 1).contains { Self.isApostrophe(list[$0]) && list[$0 - 1].isCapitalised && list[$0 + 1].isCapitalised }
                if let exact {
                    from = exact
                } else if pluralPossessive {
                    from = start
                    while from < index - 1, facts[from].word.contains(.leadingVerb) || facts[from].word.contains(.theCapitalised) { from += 1 }
                } else if let trimmed = trimmedName(section, start, index - 1), trimmed.last == index - 1,
                          (trimmed.first...trimmed.last).contains(where: { facts[$0].isHead }) {
                    from = trimmed.first
                } else {
                    // Trim leading words until the initials fit the acronym.
                    while index - from > 1, let initial = list[from].text.first, !letters.hasPrefix(String(initial)) || facts[from].isConnector {
                        from += 1
                    }
                }
                let count = index - from
                guard let initial = list[from].text.first, letters.first == initial || list[from].isCapitalised && count >= 2 else { continue }
                let name = text(section, from, index - 1)
                // `organisation.case-name-initials`: a name without an organisation word, its initials in
                // brackets, that the title names as the resolution's case is a person's (`Ana Ruiz (AR)`).
                if count >= 2, count <= 4, !(from..<index).contains(where: { facts[$0].isHead || facts[$0].isConnector }),
                   isTitleCaseName(name) { continue }
                acronyms[acronym] = name
                if count >= 2, Self.parliamentWords.contains(list[from].text), facts[from + 1].word.contains(.ofAsWritten) { continue }
                if isInstrumentName(section, from, index - 1) || facts[index - 1].word.contains(.instrumentWord) { continue }
                let head = (from..<index).last { facts[$0].isHead }
                let kind = head.flatMap { Self.kind(ofHead: facts[$0]) }
                guard !Self.notABody.contains(list[index - 1].text), count >= 2 || head != nil,
                      !facts[from].word.contains(.officeTitle) else { continue }
                addOrganisation(name, alias: acronym, kind: kind, mention: mention(section, from, index - 1, text: name),
                                rule: pluralPossessive && from == start ? "organisation.plural-possessive-acronym" : "organisation.acronym-definition",
                                matched: text(section, from, index + 2))
            }
        }
    }

    /// The words of ``findAgentAcronyms()`` (`Words/organisation-words.txt`, each class documented there).
    static let agentParticiples: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "agent-participle")
    static let bodyActs: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "body-act")
    static let agentAuxiliaries: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "agent-auxiliary")
    static let agentBy: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "agent-by")
    /// Nouns of a body's people, forces, premises or meetings, and a modifier before them (rule `organisation.acronym-staff`).
    static let bodyStaff: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "body-staff")
    static let bodyStaffModifiers: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "body-staff-modifier")
    static let subjectLeads: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "subject-lead")
    static let notBodyAcronyms: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "not-body-acronym")
    /// The letters of the roman numerals a resolution numbers things with (`Part IV`, `LXII`); `C`, `D` and `M` spell acronyms (`MDC`) far more often.
    static let romanDigits: Set<Character> = ["I", "V", "X", "L"]
    /// Every well-known institution's name and short names as written (`EU`, `UN`): found by ``findInstitutions()``.
    static let institutionFormSet: Set<String> = Set(institutionForms.map(\.1))

    /// Rule `organisation.acronym-agent`: an acronym alone that acts as a body does: the agent after a
    /// participle and `by` (`rejected by the FPU`), or the subject of a body's act (`whereas the FPU has
    /// suspended Freedonia`, `FPU responded with sanctions`). Not an acronym the text defines in brackets,
    /// a well-known institution's, a state's or a common noun's (`NGO`), nor a roman numeral.
    mutating func findAgentAcronyms() {
        for clause in clauses where isBody(clause.section) {
            let list = tokens[clause.section]
            let facts = organisationFacts(clause.section)
            let lower = clause.range.lowerBound, upper = clause.range.upperBound
            // Rule `organisation.acronym-parties`: `a deal agreed between the FPU and RWC`: two acronyms joined by
            // `and` after `between` are the parties to it.
            for index in clause.range where list[index].isWord && Self.partiesBetween.contains(list[index].lower) {
                var left = index + 1
                if left < upper, list[left].isWord, facts[left].word.contains(.article) { left += 1 }
                guard left + 2 < upper, list[left + 1].isWord, facts[left + 1].word.contains(.and) else { continue }
                var right = left + 2
                if right < upper - 1, list[right].isWord, facts[right].word.contains(.article) { right += 1 }
                guard isLoneAcronym(list[left], hyphenated: true), isLoneAcronym(list[right], hyphenated: true) else { continue }
                let matched = text(clause.section, index, right)
                for position in [left, right] {
                    addOrganisation(list[position].text, kind: nil, mention: mention(clause.section, position, position, text: list[position].text),
                                    rule: "organisation.acronym-parties", matched: matched)
                }
            }
            for index in clause.range where list[index].isWord && list[index].isAllCaps {
                let acronym = list[index].text
                guard isLoneAcronym(list[index], hyphenated: false) else { continue }
                // What stands before it: `the`, then `by` after a participle, or the clause's opening.
                var before = index - 1
                if before >= lower, list[before].isWord, facts[before].word.contains(.article) { before -= 1 }
                var matched: String?
                if before - 1 >= lower, list[before].isWord, Self.agentBy.contains(list[before].lower),
                   list[before - 1].isWord, Self.agentParticiples.contains(list[before - 1].lower) {
                    matched = text(clause.section, before - 1, index)
                } else if before < lower || !list[before].isWord || Self.subjectLeads.contains(list[before].lower), index + 1 < upper {
                    if list[index + 1].isWord, Self.bodyActs.contains(list[index + 1].lower) {
                        matched = text(clause.section, index, index + 1)
                    } else if index + 2 < upper, list[index + 1].isWord, Self.agentAuxiliaries.contains(list[index + 1].lower),
                              list[index + 2].isWord, Self.agentParticiples.contains(list[index + 2].lower) || Self.bodyActs.contains(list[index + 2].lower) {
                        matched = text(clause.section, index, index + 2)
                    }
                }
                var rule = "organisation.acronym-agent"
                // Rule `organisation.acronym-staff`: a noun of a body's people, forces, premises or meetings right after
                // the acronym, maybe after one modifier (`the FPU peacekeeping forces`, `RWC premises`, `FPU journalist`).
                if matched == nil, index + 1 < upper, list[index + 1].isWord, adjacent(clause.section, index, index + 1) {
                    var noun = index + 1
                    if Self.bodyStaffModifiers.contains(list[noun].text), noun + 1 < upper, list[noun + 1].isWord { noun += 1 }
                    if Self.bodyStaff.contains(list[noun].text) {
                        matched = text(clause.section, index, noun)
                        rule = "organisation.acronym-staff"
                    }
                }
                guard let matched, institution(named: acronym) == nil, !Self.institutionFormSet.contains(acronym) else { continue }
                addOrganisation(acronym, kind: nil, mention: mention(clause.section, index, index, text: acronym),
                                rule: rule, matched: matched)
            }
        }
    }

    /// Rule `organisation.broadcaster-name`: one or two capitalised name words and a broadcaster's last word
    /// (`Lumen FM`, `Nova Vida TV`) name a broadcaster wherever they stand (`the director of Lumen FM Ana
    /// Ruiz`, `Lumen FM’s editorial line`). Not a common word, a nationality or the country's adjective
    /// (`Freedonian TV` is the country's television, not one outlet's name).
    mutating func findBroadcasterNames() {
        for clause in clauses where isBody(clause.section) {
            let list = tokens[clause.section]
            let facts = organisationFacts(clause.section)
            let lower = clause.range.lowerBound
            for index in clause.range where index > lower && list[index].isWord && Self.broadcastSuffixes.contains(list[index].text) {
                func nameWord(_ position: Int) -> Bool {
                    position >= lower && list[position].isWord && list[position].isTitleCase && list[position].isNameShaped
                        && adjacent(clause.section, position, position + 1) && !Lexicon.nonNameWords.contains(list[position].text)
                        && !facts[position].isHead && !facts[position].word.contains(.leadingVerb) && !facts[position].word.contains(.theCapitalised)
                        && !facts[position].word.contains(.monthName) && !isDemonym(list[position].text)
                }
                guard nameWord(index - 1) else { continue }
                let first = nameWord(index - 2) && !(index - 3 >= lower && list[index - 3].isWord && list[index - 3].isCapitalised) ? index - 2 : index - 1
                if first == index - 1, index - 2 >= lower, list[index - 2].isWord, list[index - 2].isCapitalised { continue }
                addOrganisation(in: clause.section, first, index, kind: "media", rule: "organisation.broadcaster-name",
                                matched: text(clause.section, first, index))
            }
        }
    }

    /// Whether a token is an acronym that may name a body alone (``findAgentAcronyms()``): two to eight capitals
    /// (and hyphens between them, if `hyphenated`: `FPU-D`), not a roman numeral, a state's or a kind of
    /// body's acronym, one the text defines in brackets, or a well-known institution's form.
    func isLoneAcronym(_ token: Token, hyphenated: Bool) -> Bool {
        let acronym = token.text
        guard token.isWord, token.isAllCaps, (2...10).contains(acronym.count), acronym.first?.isLetter == true, acronym.last?.isLetter == true,
              acronym.allSatisfy({ $0.isLetter && $0.isUppercase || hyphenated && $0 == Self.hyphen }),
              acronym.filter(\.isLetter).count <= 8, !acronym.allSatisfy(Self.romanDigits.contains),
              !Self.notBodyAcronyms.contains(acronym), !bracketedAcronyms.contains(acronym), acronyms[acronym] == nil,
              !Self.institutionFormSet.contains(acronym) else { return false }
        return institution(named: acronym) == nil
    }

    static let hyphen: Character = "-"
    static let partiesBetween = WordSet(WordLists.wordClass(PackageResources.organisation_words_txt, "parties-between"))

    /// Whether a token is an apostrophe alone, typographic or typewriter (`Writers’`, `Writers'`: a plural possessive).
    static func isApostrophe(_ token: Token) -> Bool {
        token.text.unicodeScalars.count == 1 && (token.text.unicodeScalars.first == Tokenizer.possessiveApostrophes.typographic
            || token.text.unicodeScalars.first == Tokenizer.possessiveApostrophes.typewriter)
    }

    /// Whether a title of the document names `name` as its case, right after `the case of` (the words of
    /// ``PersonStage/caseNouns`` and ``PersonStage/caseOf``): `… on Freedonia, notably the case of Ana Ruiz`.
    func isTitleCaseName(_ name: String) -> Bool {
        let words = name.split(separator: " ").map(String.init)
        for section in tokens.indices where document.sections[section].kind == .title {
            let list = tokens[section]
            for index in list.indices where PersonStage.caseNouns.contains(list[index].lower) {
                var position = index + 1
                if position < list.count, PersonStage.caseOf.contains(list[position].lower) { position += 1 }
                while position < list.count, list[position].isWord, isTitleWord(list[position]) { position += 1 }
                guard position + words.count <= list.count else { continue }
                if (0..<words.count).allSatisfy({ list[position + $0].text == words[$0] }) { return true }
            }
        }
        return false
    }

    /// Last words of an acronym's expansion that is neither a body nor a named group (a procedure, a mechanism).
    static let notABody: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "not-a-body")

    mutating func findOrganisations() {
        for clause in clauses where isBody(clause.section) {
            findOrganisationLists(in: clause)
            findHeadedNames(in: clause)
            findMedia(in: clause)
            findContextNames(in: clause)
        }
        findInstitutions()
    }

    /// `movements such as A, B and C`, `NGOs, including A, the B and C`, `movements, the A and the B`.
    mutating func findOrganisationLists(in clause: Clause) {
        let list = tokens[clause.section]
        let facts = organisationFacts(clause.section)
        var starts: [(Int, String, String)] = []
        for introducer in introducers(in: clause) {
            if let group = groupNoun(before: introducer.at, in: clause, facts), !group.isPerson {
                starts.append((introducer.after, group.noun, "organisation.list-after-group-noun"))
            }
        }
        for index in clause.range where facts[index].word.contains(.organisationNoun) && !list[index].isTitleCase && !facts[index].word.contains(.unlistedNoun) {
            var next = index + 1
            if next < clause.range.upperBound, list[next].text == "," { next += 1 }
            if next < clause.range.upperBound, facts[next].word.contains(.article), next + 1 < clause.range.upperBound,
               list[next + 1].isCapitalised { starts.append((next, list[index].lower, "organisation.group-noun-then-names")) }
            // `his outlets, Dawn Daily and River News, were closed`: names in apposition to a plural noun.
            else if next == index + 2, next < clause.range.upperBound, isAppositiveList(clause.section, at: next, upper: clause.range.upperBound) {
                starts.append((next, list[index].lower, "organisation.appositive-list"))
            }
        }
        for (start, noun, rule) in starts { parseOrganisationList(clause: clause, from: start, noun: noun, rule: rule) }
    }

    /// Whether the names from `start` stand in apposition to the plural organisation noun and comma
    /// before it (`his outlets, Dawn Daily and River News, were closed`): a capitalised word that
    /// opens no person's title, date, verb or lone country, and a list joined by `and` or a comma.
    func isAppositiveList(_ section: Int, at start: Int, upper: Int) -> Bool {
        let list = tokens[section]
        let facts = organisationFacts(section)
        guard start >= 2, list[start - 1].text == ",", list[start - 2].lower.hasSuffix("s"),
              facts[start - 2].word.contains(.organisationNoun), !facts[start - 2].word.contains(.unlistedNoun),
              list[start].isWord, list[start].isCapitalised, !facts[start].word.contains(.personLead),
              !Lexicon.honorifics.contains(list[start].text), !facts[start].word.contains(.monthName),
              !facts[start].word.contains(.leadingVerb), !facts[start].word.contains(.theCapitalised),
              !countryWord(list[start].text), !isDemonym(list[start].text),
              let end = phraseEnd(section, from: start, limit: upper, crossAnd: false), end + 2 < upper
        else { return false }
        return facts[end + 1].word.contains(.andAsWritten) && list[end + 2].isCapitalised
    }

    /// ``groupNoun(before:in:)`` from the run's word answers.
    func groupNoun(before index: Int, in clause: Clause, _ facts: SectionOrganisationFacts) -> (isPerson: Bool, noun: String)? {
        let list = tokens[clause.section]
        var position = index - 1
        var seen = 0
        while position >= clause.range.lowerBound, seen < 30 {
            // `journalists of Lumen TV, including …`: an all-capitals word after a capitalised one ends a name, and is no group noun.
            if list[position].isWord, !list[position].isTitleCase,
               !(list[position].isAllCaps && position > clause.range.lowerBound && list[position - 1].isCapitalised) {
                seen += 1
                if facts[position].word.contains(.organisationNoun) { return (false, list[position].lower) }
                if facts[position].word.contains(.personNoun) { return (true, list[position].lower) }
            }
            position -= 1
        }
        return nil
    }

    /// `rule`: the rule that found the list (``RuleBook/organisationRules``).
    /// `stopAtComma`: the list stands in an appositive (`Ana Ruiz, a journalist of Lumen, and Tomas Berg`) and ends at its comma.
    mutating func parseOrganisationList(clause: Clause, from start: Int, noun: String, kind nounKind: String? = nil, rule: String, cue: String? = nil,
                                        stopAtComma: Bool = false) {
        let list = tokens[clause.section]
        let facts = organisationFacts(clause.section)
        let end = clause.range.upperBound
        var index = start
        let kind = nounKind ?? Lexicon.organisationKind(noun)
        while index < end {
            if facts[index].word.contains(.article) { index += 1 }
            guard index < end else { break }
            let token = list[index]
            // `parties, including A and Dr. Ana Ruiz`: a person's title ends the list of bodies.
            if Lexicon.honorifics.contains(token.text) { break }
            var last: Int?
            if facts[index].word.contains(.articleAsWritten), index + 1 < end, list[index + 1].isNumber {
                last = index + 1
            } else if token.isNumber {
                last = index
            } else if token.isWord && token.isCapitalised {
                last = phraseEnd(clause.section, from: index, limit: end, crossAnd: false)
                if let short = last, let long = phraseEnd(clause.section, from: index, limit: end), long > short,
                   (index...short).contains(where: { facts[$0].isHead }), !facts[short].isHead,
                   !(short + 1...long).contains(where: { list[$0].isAllCaps }),
                   !(short + 1...long).contains(where: { facts[$0].isHead }) {
                    last = long
                }
            }
            guard var itemEnd = last else { break }
            // `Toplum TV and Kanal 13`: a short number after a name ends it (as in `the channel Kanal 13`).
            if itemEnd + 1 < end, token.isWord, token.isCapitalised, list[itemEnd].isCapitalised, list[itemEnd + 1].isNumber,
               list[itemEnd + 1].text.count <= 3, !(itemEnd + 2 < end && list[itemEnd + 2].isCapitalised) { itemEnd += 1 }
            // `…, the Freedonian service of Radio Dawn`: an appositive, not another name.
            if index == itemEnd, isDemonym(list[index].text) { break }
            if index > start, facts[index - 1].word.contains(.article), itemEnd + 1 < end, list[itemEnd + 1].isWord, !list[itemEnd + 1].isCapitalised,
               !facts[itemEnd + 1].isConnector, !facts[itemEnd + 1].word.contains(.or) { break }
            if !facts[index].word.contains(.articleAsWritten) && isInstrumentName(clause.section, index, itemEnd) { break }
            let name = text(clause.section, index, itemEnd)
            addOrganisation(name, kind: kind, mention: mention(clause.section, index, itemEnd, text: name), rule: rule, matched: (cue ?? noun) + " … " + name)
            organisationSpans.append((clause.section, index...itemEnd))
            index = itemEnd + 1
            // Skip an acronym in parentheses after the item.
            if index + 2 < end, list[index].text == "(", list[index + 2].text == ")" { index += 3 }
            guard index < end else { break }
            if list[index].text == "," {
                if stopAtComma { break }
                index += 1
            }
            if index < end, !facts[index].word.isDisjoint(with: [.and, .or]) { index += 1 }
            if index >= end || !(list[index].isCapitalised || list[index].isNumber || facts[index].word.contains(.article)) { break }
            if index > 0, list[index - 1].text != ",", facts[index - 1].word.isDisjoint(with: [.and, .or]) { break }
        }
    }

    /// Names that end in an organisation word: `Democratic Party`, `Specialised Interdistrict Economic Court in Shymkent`.
    mutating func findHeadedNames(in clause: Clause) {
        let list = tokens[clause.section]
        let upper = clause.range.upperBound
        var index = clause.range.lowerBound
        while index < upper {
            guard list[index].isWord, list[index].isCapitalised || isNameNumber(clause.section, index, upper),
                  let end = phraseEnd(clause.section, from: index, limit: upper)
            else { index += 1; continue }
            defer { index = end + 1 }
            // Rule `organisation.instrument-title-part`: `the Economic Partnership, Political Coordination and
            // Cooperation Agreement`: capitalised names listed into an instrument's head are the instrument's title.
            if instrumentTitleFollows(clause.section, from: index, end: end, limit: upper) { continue }
            for part in splitAtAnd(clause.section, index, end) { addHeadedName(clause.section, part.first, part.last) }
        }
    }

    /// Whether the capitalised phrase `from...end` is a part of an instrument's title: it ends in an instrument's
    /// head (`… and Cooperation Agreement`), or a comma after it leads, through capitalised words, commas and one
    /// `and`, to a phrase that does (`Economic Partnership, Political Coordination and Cooperation Agreement`).
    func instrumentTitleFollows(_ section: Int, from: Int, end: Int, limit: Int) -> Bool {
        let list = tokens[section]
        let facts = organisationFacts(section)
        guard (from...end).contains(where: { facts[$0].isHead }) else { return false }
        // The list's last part (`, Political Coordination and Cooperation Agreement`): after a comma and a capitalised word.
        if end > from, from >= 2, list[from - 1].text == ",", list[from - 2].isWord, list[from - 2].isCapitalised,
           Lexicon.instrumentHeads.contains(list[end].text), (from..<end).contains(where: { facts[$0].word.contains(.andAsWritten) }) {
            return true
        }
        var position = end + 1
        guard position < limit, list[position].text == "," else { return false }
        var steps = 0
        while position < limit, steps < 12 {
            steps += 1
            let token = list[position]
            if token.isWord, token.isCapitalised {
                if Lexicon.instrumentHeads.contains(token.text) { return true }
            } else if !(token.text == "," || facts[position].word.contains(.andAsWritten)) {
                return false
            }
            position += 1
        }
        return false
    }

    /// Splits a phrase where `and` joins two whole names: after a head word, an
    /// acronym or an institution (`Freedonia Watch and Ruritania Union`), before
    /// an institution, or when both sides hold a head (`Ministry of Justice and
    /// Ministry of Labour`). `Bank for Reconstruction and Development` stays whole.
    func splitAtAnd(_ section: Int, _ start: Int, _ end: Int) -> [(first: Int, last: Int)] {
        let list = tokens[section]
        let facts = organisationFacts(section)
        var parts: [(first: Int, last: Int)] = []
        var first = start
        // `his outlets, Dawn Daily and River News`: names in apposition to a plural noun are listed.
        let listed = isAppositiveList(section, at: start, upper: end + 1)
        for and in start...end where and > first && and < end && list[and].end - list[and].start == 3 && facts[and].word.contains(.andAsWritten) {
            var rightStart = and + 1  // the first word after `and` and its connectors
            while rightStart <= end, facts[rightStart].isConnector { rightStart += 1 }
            // The left part's institution name is asked last: it costs the most.
            let leftWhole = facts[and - 1].isHead || list[and - 1].isAllCaps
            let rightWhole = rightStart <= end && startsInstitutionName(section, at: rightStart, through: end)
            let bothHeaded = rightStart <= end && facts[rightStart].isHead && (first..<and).contains { facts[$0].isHead }
            if listed || leftWhole || rightWhole || bothHeaded || institution(named: list[first..<and].map(\.text).joined(separator: " ")) != nil {
                parts.append((first, and - 1))
                first = and + 1
            }
        }
        parts.append((first, end))
        return parts
    }

    /// Rule `organisation.title-word-court`: a word that opens an office or a person's title (`High`,
    /// `General`) opens a court's name when a court's head follows it before any `of` and any other
    /// title word (`the High Court of Freedonia`, `the General Court in Harbourtown`, `the High
    /// People’s Court`); `High Representative of the Union` and `Prosecutor General’s Office` stay offices.
    func opensCourtName(_ section: Int, _ first: Int, _ end: Int) -> Bool {
        let list = tokens[section]
        let facts = organisationFacts(section)
        guard facts[first].word.contains(.officeTitle) || facts[first].word.contains(.personLead), list[first].isTitleCase else { return false }
        var index = first + 1
        while index <= min(end, first + 3) {
            let fact = facts[index]
            if fact.word.contains(.officeTitle) || fact.word.contains(.personLead) || fact.word.contains(.ofAsWritten) { return false }
            if fact.isHead { return Self.kind(ofHead: fact) == ProgramTag.court && list[index].isTitleCase }
            guard list[index].isCapitalised || list[index].isPossessive else { return false }
            index += 1
        }
        return false
    }

    /// Rule `organisation.title-word-body`: a word that opens an office (`High`, `Special`) opens a body's name
    /// when capitalised words that are no title stand between it and the body's head (`the High Judicial
    /// Council`, `the Special Electoral Commission`): `High Representative`, `General Assembly` (no word between)
    /// and `High Commissioner` (a title) stay as they were.
    func opensQualifiedBodyName(_ section: Int, _ first: Int, _ end: Int) -> Bool {
        let list = tokens[section]
        let facts = organisationFacts(section)
        guard facts[first].word.contains(.officeTitle), list[first].isTitleCase else { return false }
        var index = first + 1
        while index <= min(end, first + 3) {
            let fact = facts[index]
            if fact.word.contains(.officeTitle) || fact.word.contains(.personLead) || fact.word.contains(.ofAsWritten) { return false }
            if fact.isHead { return index > first + 1 && list[index].isTitleCase }
            guard list[index].isWord, list[index].isTitleCase else { return false }
            index += 1
        }
        return false
    }

    /// A word that opens a person's title or office (`Judge`, `Mr`, `Secretary`), not an organisation's name.
    static func isPersonLead(_ word: String) -> Bool {
        personLeads.contains(word) || Lexicon.honorifics.contains(word)
    }

    static let personLeads: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "person-lead")

    /// The name inside a capitalised phrase: without a leading verb, `The` or
    /// connector, without a titled person before `of` (`Judge Ana Lee of the
    /// Capital City Court`, `Members of the Freedonian Assembly`), without a
    /// leading possessive country (`Freedonia’s Security Agency`), and cut after
    /// a well-known institution's name when what follows names nothing more
    /// (`Council of Europe Ana Lee`, `UN Working Group on Arbitrary Detention on Freedonia`).
    /// Nil when a one-person office leads it (`High Representative of the Union`).
    func trimmedName(_ section: Int, _ start: Int, _ end: Int) -> (first: Int, last: Int)? {
        let list = tokens[section]
        let facts = organisationFacts(section)
        var first = start
        var changed = true
        while changed {
            changed = false
            while first <= end, facts[first].isConnector || facts[first].word.contains(.leadingVerb) || facts[first].word.contains(.theCapitalised) { first += 1 }
            guard first <= end else { return nil }
            if opensCourtName(section, first, end) || opensQualifiedBodyName(section, first, end) {
                // `High Court of Freedonia`, `General Court in Harbourtown`: the title word names the court (organisation.title-word-court).
            } else if facts[first].word.contains(.personLead) {
                guard let of = (first...end).first(where: { facts[$0].word.contains(.ofAsWritten) }) else { return nil }
                first = of + 1
                changed = true
            } else if facts[first].word.contains(.officeTitle) {
                return nil
            } else if list[first].hasSlash, isOfficialTitleWord(list[first]) {
                // Rule `organisation.slashed-office`: `Vice-President/High Representative of the Union …` is an office.
                return nil
            } else if first + 2 <= end, list[first + 1].isPossessive, countryWord(list[first].text) {
                first += 2
                changed = true
            }
        }
        var last = end
        guard facts[first].word.contains(.institutionStart) else { return (first, last) }
        for words in Self.institutionWordsByFirstWord[list[first].text] ?? [] where words.count >= 2 && first + words.count <= last {
            guard words.indices.allSatisfy({ list[first + $0].text == words[$0] }) else { continue }
            var rest = first + words.count
            if !facts[rest].isConnector, !(list[rest].isCapitalised && list[rest].isWord) { continue }
            while rest <= last, facts[rest].isConnector { rest += 1 }
            if rest > last || !(rest...last).contains(where: { facts[$0].isHead })
                || institution(named: list[rest...last].map(\.text).joined(separator: " ")) != nil {
                last = first + words.count - 1
                break
            }
        }
        return (first, last)
    }

    /// A phrase holding a head word, as an organisation. Words after the head
    /// belong to the name only through a connector (`Court of Asylum`); a head
    /// followed by another capitalised word is a modifier (`Freedonia Police
    /// Files`), unless it opens the name (`Radio Free Freedonia`) or a title
    /// follows (`Capital Court Judge Ana Lee`). A trailing `in PLACE` is cut
    /// (`Freedonia University in Capital City`) except after a `for`
    /// complement (`Centre for Human Rights in Freedonia`) or a court's head
    /// (`District Court in Capital City`, merged later with the bare form).
    mutating func addHeadedName(_ section: Int, _ start: Int, _ end: Int) {
        let list = tokens[section]
        let facts = organisationFacts(section)
        // A phrase without a head word names nothing here: asked first, as most phrases have none.
        guard (start...end).contains(where: { facts[$0].isHead }),
              let (first, phraseLast) = trimmedName(section, start, end),
              let head = (first...phraseLast).last(where: { facts[$0].isHead }) else { return }
        var last = head
        if head < phraseLast {
            let next = list[head + 1]
            if !facts[head + 1].word.contains(.andAsWritten), facts[head + 1].isConnector || Self.headContinuers.contains(next.text) || next.isNumber {
                last = phraseLast
            } else if next.isWord, next.isCapitalised, !facts[head + 1].word.contains(.personLead) {
                if head != first { return }
                last = phraseLast
            }
        }
        let kind = Self.kind(ofHead: facts[head])
        if kind == ProgramTag.court {
        } else if let inside = (head...last).first(where: { facts[$0].word.contains(.inAsWritten) }), inside > first,
                  !(first..<inside).contains(where: { Self.courtFor.contains(list[$0].text) }) {
            last = inside - 1
        }
        guard first < last else { return }  // `Council`, `Commission` alone: see findInstitutions
        // `Harbourtown’s Criminal Court`: a court named by its town's possessive is the `Criminal Court in Harbourtown`.
        if kind == ProgramTag.court, first + 2 < head, list[first + 1].isPossessive,
           list[first].isTitleCase, list[first].isNameShaped, !countryWord(list[first].text), !isDemonym(list[first].text),
           !facts[first + 2].word.contains(.officeTitle) {
            let written = text(section, first, last)
            let name = text(section, first + 2, last) + " in " + list[first].text
            addOrganisation(name, alias: written, kind: kind, mention: mention(section, first, last, text: written),
                            rule: "organisation.town-possessive-court", matched: written)
            return
        }
        if facts[first].word.contains(.officeTitle), !opensCourtName(section, first, last), !opensQualifiedBodyName(section, first, last) { return }
        if isInstrumentName(section, first, last) || facts[last].word.contains(.instrumentWord) { return }
        if isInstrumentName(section, start, end) { return }
        if list[last].isPossessive || list[last].text == "’" { return }
        // The state's own legislature (`Parliament of Freedonia`) is no case party.
        if Self.parliamentWords.contains(list[first].text), facts[first + 1].word.contains(.ofAsWritten) { return }
        // `Visitor Programme of the Freedonia State Department`: a headless part before `of` names
        // no body, the part after does; `Centre of the Freedonia Council of Forces` names both.
        let postingTo = (first...last).first(where: { Self.delegationTo.contains(list[$0].text) })
            .map { $0 > first && postingSender(section, from: first, to: $0) } ?? false
        if !postingTo, let of = (first...last).first(where: { facts[$0].word.contains(.ofAsWritten) }), of > first {
            var inner = of + 1
            if inner <= last, facts[inner].word.contains(.article) { inner += 1 }
            let innerHead = inner < last ? (inner...last).last(where: { facts[$0].isHead }) : nil
            if let innerHead, facts[of + 1].word.contains(.article), innerHead > inner || facts[min(innerHead + 1, last)].isConnector {
                if !(first..<of).contains(where: { facts[$0].isHead }) {
                    addOrganisation(in: section, inner, last, kind: kind, rule: "organisation.body-of-body")
                    return
                }
                if institution(named: text(section, inner, last)) == nil, !(inner...last).contains(where: { facts[$0].word.contains(.andAsWritten) }) {
                    addOrganisation(in: section, inner, last, kind: Self.kind(ofHead: facts[innerHead]), rule: "organisation.body-of-body")
                }
            }
        }
        if facts[first].word.contains(.officeTitle) || facts[first].word.contains(.personLead), opensCourtName(section, first, last) {
            addOrganisation(in: section, first, last, kind: kind, rule: "organisation.title-word-court", matched: text(section, first, head))
        } else if opensQualifiedBodyName(section, first, last) {
            addOrganisation(in: section, first, last, kind: kind, rule: "organisation.title-word-body", matched: text(section, first, head))
        } else if postingTo {
            addOrganisation(in: section, first, last, kind: kind, rule: "organisation.posting-to-place", matched: text(section, first, last))
        } else {
            addOrganisation(in: section, first, last, kind: kind, rule: "organisation.head-word", matched: list[head].text)
        }
    }

    /// Instrument words beyond the shared lexicon's: `Council Decision`.
    static let instrumentWords: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "instrument-word")

    /// `the independent newspaper X`, `a journalist for X`, `a X journalist`.
    mutating func findMedia(in clause: Clause) {
        let list = tokens[clause.section]
        let facts = organisationFacts(clause.section)
        for index in clause.range where facts[index].word.contains(.mediaRole) {
            // `a journalist for X`
            if index + 2 < clause.range.upperBound, facts[index + 1].word.contains(.mediaLink),
               list[index + 2].isCapitalised, let end = phraseEnd(clause.section, from: index + 2, limit: clause.range.upperBound) {
                let name = text(clause.section, index + 2, end)
                var alias: String?
                if list[index + 2].isAllCaps, index + 3 <= end, list[index + 3].isPossessive { alias = list[index + 2].text }
                addOrganisation(name, alias: alias, kind: "media", mention: mention(clause.section, index + 2, end, text: name),
                                rule: "organisation.media-role-for", matched: text(clause.section, index, end))
            }
            // `a X journalist`
            var start = index - 1
            while start > clause.range.lowerBound, list[start].isCapitalised, adjacent(clause.section, start, start + 1),
                  list[start - 1].isCapitalised { start -= 1 }
            if start > clause.range.lowerBound, start < index, list[start].isCapitalised,
               Self.determiners.contains(list[start - 1].lower),
               !(start == index - 1 && (isDemonym(list[start].text) || isPlaceAdjective(list[start].text))),
               !isNationality(clause.section, start, index - 1) {
                addOrganisation(in: clause.section, start, index - 1, kind: "media", rule: "organisation.media-role-after",
                                matched: text(clause.section, start, index))
            }
        }
    }

    /// Places after `place-link` words.
    static let placeLinks: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "place-link")

    /// Rule `organisation.nationality-not-outlet`, for one word: the adjective of a place the text names after
    /// `in`, `on` or `from` (`resolutions on Freedonia` … `the Freedonian journalist`). The places are gathered
    /// once a run.
    func isPlaceAdjective(_ word: String) -> Bool {
        if organisationCache.placeWords == nil {
            var places: Set<String> = []
            for section in tokens.indices where isBody(section) {
                let list = tokens[section]
                for index in list.indices.dropFirst() where list[index].isWord && list[index].isTitleCase
                    && list[index - 1].isWord && Self.placeLinks.contains(list[index - 1].text) {
                    places.insert(list[index].text)
                }
            }
            organisationCache.placeWords = places
        }
        if let known = organisationCache.placeAdjectives[word] { return known }
        let answer = organisationCache.placeWords?.contains { $0 != word && CountryNames.isAdjective(word, of: $0) } ?? false
        organisationCache.placeAdjectives[word] = answer
        return answer
    }

    /// Rule `organisation.nationality-not-outlet`: words before a media role that are a nationality (`the Nova
    /// Terran journalist`: the country's adjective, written in one or more words, or ending in a nationality's
    /// ending) say where the journalist is from, not whom they work for.
    func isNationality(_ section: Int, _ first: Int, _ last: Int) -> Bool {
        guard last > first else { return false }
        return isCountryWord(text(section, first, last)) || isDemonym(tokens[section][last].text)
    }

    /// Well-known institutions by name or short name. `the Council` and `the
    /// Commission` alone mean the EU's.
    /// Every institution's name and aliases, tokenised once.
    static let institutionForms: [(Institutions.Entry, String, [String])] = Institutions.all.flatMap { entry in
        ([entry.name] + entry.aliases).map { form in (entry, form, formWords(form)) }
    }

    /// The words of every institution form, by their first word, in the order of ``institutionForms``.
    static let institutionWordsByFirstWord: [String: [[String]]] = {
        var table: [String: [[String]]] = [:]
        for (_, _, words) in institutionForms { if let first = words.first { table[first, default: []].append(words) } }
        return table
    }()

    /// The indices in ``institutionForms`` of the forms of each first word, first words in the order they first come.
    static let institutionFormsByFirstWord: [(firstWord: String, forms: [Int])] = {
        var groups: [(firstWord: String, forms: [Int])] = []
        var groupOfWord: [String: Int] = [:]
        for (formIndex, (_, _, words)) in institutionForms.enumerated() {
            guard let first = words.first else { continue }
            if let group = groupOfWord[first] {
                groups[group].forms.append(formIndex)
            } else {
                groupOfWord[first] = groups.count
                groups.append((first, [formIndex]))
            }
        }
        return groups
    }()

    /// Of each of ``institutionForms``: whether the form is all capitals (`OSCE`), and whether it is a
    /// common noun that names the body only as `the Council`.
    static let institutionFormShapes: [(allCapitals: Bool, generic: Bool)] = institutionForms.map { _, form, _ in
        // An ASCII character is upper-case exactly when it is `A`…`Z`.
        let allCapitals = Token.isASCII(form) ? form.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
            : form.allSatisfy { $0.isUppercase }
        return (allCapitals, Self.genericInstitutionForms.contains(form))
    }

    /// Every well-known institution's form where it stands, found through the places of its first
    /// word, and taken section by section, form by form, in text order.
    mutating func findInstitutions() {
        var found: [(section: Int, form: Int, index: Int)] = []
        // The places of each first word are found once for all the forms it opens (sorted below).
        for (firstWord, formIndices) in Self.institutionFormsByFirstWord {
            let places = organisationOccurrences(of: firstWord)
            guard !places.isEmpty else { continue }
            for formIndex in formIndices {
                let words = Self.institutionForms[formIndex].2
                for (section, index) in places where index + words.count <= tokens[section].count {
                    let list = tokens[section]
                    guard words.indices.dropFirst().allSatisfy({ list[index + $0].text == words[$0] }) else { continue }
                    found.append((section, formIndex, index))
                }
            }
        }
        found.sort { ($0.section, $0.form, $0.index) < ($1.section, $1.form, $1.index) }
        for (section, formIndex, index) in found {
            let (entry, form, words) = Self.institutionForms[formIndex]
            let list = tokens[section]
            let facts = organisationFacts(section)
            let last = index + words.count - 1
            let next = last + 1 < list.count ? list[last + 1] : nil
            let previous = index > 0 ? list[index - 1] : nil
            // Inside a longer name (`United Nations Framework Convention`), or an office's
            // (`Secretary-General of the United Nations`): not the body itself.
            if words.count > 1 || !Self.institutionFormShapes[formIndex].allCapitals {
                if let next, next.isWord, next.isCapitalised, adjacent(section, last, last + 1), !facts[last + 1].isHead || words.count == 1 { continue }
            }
            if isOfficeComplement(section, index, facts) { continue }
            if words.count == 1, let next, next.isWord, facts[last + 1].word.contains(.attributiveNoun) { continue }
            if words.count == 1 {
                // A single word counts only standing alone, not inside a longer name;
                // a common noun (`Council`) only as `the Council`.
                // `the FPU Summit`: a body's acronym before a capitalised noun of its meetings or staff is the body (organisation.acronym-staff).
                let staffAfter = Self.institutionFormShapes[formIndex].allCapitals && next.map { Self.bodyStaff.contains($0.text) } == true
                if let next, next.isCapitalised && adjacent(section, last, last + 1) && !staffAfter || facts[last + 1].word.contains(.ofAsWritten) || next.text == "-" { continue }
                if let previous, previous.isCapitalised, adjacent(section, index - 1, index) { continue }
                if Self.institutionFormShapes[formIndex].generic, !(index > 0 && facts[index - 1].word.contains(.article)) { continue }
            }
            addOrganisation(entry.name, alias: form == entry.name ? nil : form, kind: entry.kind, mention: mention(section, index, last),
                            rule: "organisation.institution", matched: form)
        }
    }
}

extension OrganisationStage {
    /// Lowercase words after which a body's short name is an attribute (`UN experts`), not the body.
    static let attributiveNouns: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "attributive-noun")

    /// Whether the phrase at `index` completes a one-person office: `Secretary-General of the X`, `President of X`.
    func isOfficeComplement(_ section: Int, _ index: Int, _ facts: SectionOrganisationFacts) -> Bool {
        let list = tokens[section]
        var position = index - 1
        if position >= 0, facts[position].word.contains(.article) { position -= 1 }
        guard position >= 1, facts[position].word.contains(.ofAsWritten) else { return false }
        let office = list[position - 1].text
        return facts[position - 1].word.contains(.officeTitle) || facts[position - 1].word.contains(.personLead)
            || office.hasPrefix("Secretary") || WordLists.role(list[position - 1].lower).official
    }

    /// Organisations named by what the text calls them rather than by a head word:
    /// `the opposition party Freedom First`, `the outlets Capital News and Ruritania
    /// Today`, `the Green Dawn coalition`, `a presenter for Freedonia Now`, `working
    /// for Capital Post`, `the party “Dawn”`, `the Union ‘For Free Elections’`,
    /// `the Freedonian military (Kaptan)`.
    mutating func findContextNames(in clause: Clause) {
        let list = tokens[clause.section]
        let facts = organisationFacts(clause.section)
        let upper = clause.range.upperBound
        for index in clause.range {
            // Only a context noun, a body noun or a head word opens anything here: the answers say which at once.
            let fact = facts[index]
            let tag = fact.contextTag == 0 || list[index].isCapitalised ? nil : Self.contextTags[Int(fact.contextTag) - 1]
            let isBracketBody = fact.word.contains(.bracketBody)
            guard tag != nil || isBracketBody || fact.isHead && list[index].isTitleCase, list[index].isWord else { continue }
            let token = list[index]
            // A bracketed single name after a body noun: `the Freedonian military (Kaptan)`.
            if isBracketBody, index + 3 < upper, list[index + 1].text == "(", list[index + 3].text == ")",
               list[index + 2].isTitleCase, list[index + 2].isNameShaped {
                addOrganisation(list[index + 2].text, kind: "state-body", mention: mention(clause.section, index + 2, index + 2),
                                rule: "organisation.bracketed-body-name", matched: text(clause.section, index, index + 3))
            }
            // A quoted name after a group noun or a head: `the party “Dawn”`, `the Union ‘For Free Elections’`.
            if tag != nil || (token.isTitleCase && fact.isHead), index + 2 < upper, ["“", "‘", "\""].contains(list[index + 1].text),
               list[index + 2].isCapitalised,
               let close = (index + 2..<min(upper, index + 16)).first(where: { ["”", "’", "\""].contains(list[$0].text) }), close > index + 2 {
                if tag != nil {
                    let kind = tag.flatMap { $0.isEmpty || $0 == ProgramTag.staff ? nil : $0 }
                    addOrganisation(in: clause.section, index + 2, close - 1, kind: kind, rule: "organisation.quoted-after-noun",
                                    matched: text(clause.section, index, close))
                    // `the websites “Dawn” and “Dusk”`
                    var after = close + 1
                    while after + 2 < upper, Self.nameListJoiners.contains(list[after].text), ["“", "‘", "\""].contains(list[after + 1].text),
                          list[after + 2].isCapitalised,
                          let next = (after + 2..<min(upper, after + 16)).first(where: { ["”", "’", "\"", "“"].contains(list[$0].text) }), next > after + 2 {
                        addOrganisation(in: clause.section, after + 2, next - 1, kind: kind, rule: "organisation.quoted-after-noun",
                                        matched: text(clause.section, after + 1, next))
                        after = next + 1
                    }
                } else if index == clause.range.lowerBound || !list[index - 1].isCapitalised {
                    addOrganisation(in: clause.section, index, close, kind: Self.headKind(token.text) ?? nil, rule: "organisation.quoted-after-head")
                }
                continue
            }
            guard let tag else { continue }
            if tag == ProgramTag.staff {
                // `a presenter for X`, `working for X and Y`, `the editor of X`.
                // `the journalist Ana Ruiz of Radio Nova`: the person's name may stand between (organisation.staff-name-of).
                var link = index + 1
                if !fact.word.contains(.workingVerb) {
                    var next = index + 1
                    while next < upper, next - index <= 4, list[next].isWord, list[next].isTitleCase, list[next].isNameShaped,
                          adjacent(clause.section, next - 1, next), !facts[next].isHead, !countryWord(list[next].text),
                          !facts[next].word.contains(.personLead), !facts[next].word.contains(.officeTitle) { next += 1 }
                    if next > index + 2, next + 1 < upper, Self.staffLinks.contains(list[next].lower) { link = next }
                }
                guard link + 1 < upper, Self.staffLinks.contains(list[link].lower),
                      !fact.word.contains(.workingVerb) || !facts[link].word.contains(.staffOf) else { continue }
                var start = link + 1
                if facts[start].word.contains(.article), start + 1 < upper { start += 1 }
                guard list[start].isWord, list[start].isCapitalised,
                      !(countryWord(list[start].text) && !(start + 1 < upper && list[start + 1].isCapitalised)),
                      !facts[start].word.contains(.personLead) else { continue }
                // `Ana Ruiz, a former journalist of Lumen, and Tomas Berg`: the appositive opened by `, a` ends at its comma.
                var opener = index - 1
                while opener > clause.range.lowerBound, index - opener <= 3, list[opener].isWord, list[opener].startsLowercase,
                      !Self.determiners.contains(list[opener].lower) { opener -= 1 }
                let appositive = opener > clause.range.lowerBound && Self.determiners.contains(list[opener].lower) && list[opener - 1].text == ","
                parseOrganisationList(clause: clause, from: start, noun: "outlet",
                                      rule: link == index + 1 ? "organisation.staff-of" : "organisation.staff-name-of",
                                      cue: text(clause.section, index, link), stopAtComma: appositive)
                continue
            }
            // `the opposition party X`: a name right after the noun.
            if index + 1 < upper, list[index + 1].isWord, list[index + 1].isCapitalised, adjacent(clause.section, index, index + 1),
               !(isDemonym(list[index + 1].text) && !(index + 2 < upper && list[index + 2].isCapitalised)), !facts[index + 1].word.contains(.monthName),
               !facts[index + 1].word.contains(.personLead),
               !facts[index + 1].word.contains(.leadingVerb), !facts[index + 1].word.contains(.theCapitalised) {
                if token.lower.hasSuffix("s") {
                    parseOrganisationList(clause: clause, from: index + 1, noun: token.lower, kind: tag.isEmpty ? nil : tag,
                                          rule: "organisation.context-noun-before")
                } else if var end = phraseEnd(clause.section, from: index + 1, limit: upper, crossAnd: false) {
                    // `the party Dawn – Free Freedonia`, `the channel Kanal 7`: one name.
                    if end + 2 < upper, list[end + 1].text == "–", list[end + 2].isCapitalised,
                       let more = phraseEnd(clause.section, from: end + 2, limit: upper, crossAnd: false) { end = more }
                    if end + 1 < upper, list[end + 1].isNumber, list[end + 1].text.count <= 3, list[end].isCapitalised,
                       !(end + 2 < upper && list[end + 2].isCapitalised) { end += 1 }
                    if end == index + 1, isDemonym(list[end].text) { continue }
                    addOrganisation(in: clause.section, index + 1, end, kind: tag.isEmpty ? nil : tag, rule: "organisation.context-noun-before",
                                    matched: text(clause.section, index, end))
                }
            }
            // `the Green Dawn coalition`: a name right before a singular noun.
            if fact.word.contains(.trailingNoun), index > clause.range.lowerBound, list[index - 1].isWord, list[index - 1].isCapitalised {
                var start = index - 1
                while start > clause.range.lowerBound, list[start - 1].isWord, list[start - 1].isCapitalised, adjacent(clause.section, start - 1, start),
                      index - start < 5 { start -= 1 }
                guard start == clause.range.lowerBound || !list[start - 1].isCapitalised && !list[start - 1].isPossessive else { continue }
                let words = list[start..<index].map(\.text)
                if words.count == 1, isDemonym(words[0]) || countryWord(words[0]) { continue }
                if words.contains(where: { Self.monthNames.contains($0) || Self.leadingVerbs.contains($0) }) || Self.theCapitalised.contains(words[0]) { continue }
                if words.allSatisfy({ Lexicon.nonNameWords.contains($0) }) && institution(named: words.joined(separator: " ")) == nil { continue }
                addOrganisation(in: clause.section, start, index - 1, kind: tag.isEmpty ? nil : tag, rule: "organisation.name-before-noun",
                                matched: text(clause.section, start, index))
            }
        }
    }

    /// Nouns that may follow a name: `the Dawn party`, `the Green Dawn coalition`.
    static let trailingNouns: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "trailing-noun")

    /// Nouns for armed or state bodies whose own name may follow in brackets.
    static let bracketBodies: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "bracket-body")

    /// Acronyms listed with known ones (`by FHO, WHO and FDA`) or after
    /// `founder of` / `member of` (`the founder of FUP`) name organisations too.
    mutating func findListedAcronyms() {
        var known: Set<String> = []
        for draft in organisations {
            for form in [draft.name] + draft.aliases where Self.isAllCapitals(form) && form.count >= 2 { known.insert(form) }
        }
        /// An all-capitals token (asked first, of the token) of three letters or more and nothing else, not a Roman numeral.
        func candidate(_ text: String) -> Bool {
            if Token.isASCII(text) {
                // An ASCII character is a letter exactly when it is `A`…`Z` or `a`…`z`.
                let bytes = text.utf8
                return bytes.count >= 3 && bytes.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
                    && !bytes.allSatisfy { Self.romanNumeralBytes.contains($0) }
            }
            return text.filter(\.isLetter).count >= 3 && text.allSatisfy(\.isLetter) && !Self.romanNumeral(text)
        }
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices where list[index].isAllCaps && candidate(list[index].text) && !known.contains(list[index].text) {
                var partners: [String] = []
                var spot = index - 1
                while spot >= 1, Self.nameListJoiners.contains(list[spot].text), list[spot - 1].isAllCaps { partners.append(list[spot - 1].text); spot -= 2 }
                spot = index + 1
                while spot + 1 < list.count, Self.nameListJoiners.contains(list[spot].text), list[spot + 1].isAllCaps { partners.append(list[spot + 1].text); spot += 2 }
                let listed = partners.contains { known.contains($0) }
                let facts = organisationFacts(section)
                let member = index >= 2 && facts[index - 1].word.contains(.ofAsWritten) && Self.memberNouns.contains(list[index - 2].lower)
                    // `the former head of the FDM`
                    || index >= 3 && facts[index - 1].word.contains(.article) && facts[index - 2].word.contains(.ofAsWritten)
                        && Self.memberNouns.contains(list[index - 3].lower)
                guard listed || member, acronyms[list[index].text] == nil else { continue }
                addOrganisation(list[index].text, kind: nil, mention: mention(section, index, index),
                                rule: listed ? "organisation.listed-acronym" : "organisation.acronym-after-member-noun",
                                matched: listed ? list[index].text : text(section, index - 2, index))
            }
        }
    }

    static func romanNumeral(_ text: String) -> Bool { text.allSatisfy { "IVXLCDM".contains($0) } }

    static let romanNumeralBytes = Array("IVXLCDM".utf8)

    /// Merges the forms of one body: with and without the country (`Supreme
    /// Court` and `Supreme Court of Freedonia`, `… of the Republic of Freedonia`),
    /// with and without a leading `UN`, a court with and without `in PLACE`;
    /// and drops a body met only in the title (the author in `European
    /// Parliament resolution of …`).
    mutating func tidyOrganisations() {
        // The key memo alone is captured below, not the run: it is read while `organisations` is being changed.
        let memo = self.memo
        func isInstitution(_ name: String) -> Bool { Self.institution(forKey: Self.organisationKey(name, memo: memo)) != nil }
        organisations.removeAll { draft in
            !draft.mentions.isEmpty && draft.mentions.allSatisfy { $0.section == ProgramTag.titleSection } && isInstitution(draft.name)
        }
        // Rule `organisation.inside-institution-name`: a name found only inside a well-known institution's longer
        // name where the text writes it (`Common Market for Eastern` and `Southern Africa`, a list split at the
        // `and` of `Common Market for Eastern and Southern Africa`) is a piece of that name, not a body.
        var institutionSpans: [String: [(start: Int, end: Int)]] = [:]
        for draft in organisations where draft.rules.contains(where: { $0.id == "organisation.institution" }) {
            for mention in draft.mentions where mention.text.contains(" ") { institutionSpans[mention.section, default: []].append((mention.start, mention.end)) }
        }
        if !institutionSpans.isEmpty {
            organisations.removeAll { draft in
                !draft.mentions.isEmpty && !draft.rules.contains { $0.id == "organisation.institution" } && draft.mentions.allSatisfy { mention in
                    institutionSpans[mention.section]?.contains { $0.start <= mention.start && mention.end <= $0.end && ($0.start, $0.end) != (mention.start, mention.end) } == true
                }
            }
        }
        // Rule `organisation.broadcast-short-form`: `Lumen TV` is the `Lumen` the text names elsewhere.
        let draftKeys = Set(organisations.map(\.nameKey))
        for index in organisations.indices {
            let words = Self.spaceSeparatedWords(organisations[index].name)
            if words.count == 2, Self.broadcastSuffixes.contains(words[1]), words[0].first?.isUppercase == true,
               !Lexicon.nonNameWords.contains(words[0]), !organisations[index].aliases.contains(words[0]) {
                let key = organisationKey(words[0])
                if draftKeys.contains(key) {
                    organisations[index].aliases.append(words[0])
                    organisations[index].aliasKeys.insert(key)
                    organisations[index].rules.append(RuleBook.hit("organisation.broadcast-short-form", organisations[index].name))
                }
            }
        }
        for index in organisations.indices {
            for form in [organisations[index].name] + organisations[index].aliases {
                for short in shorterForms(form) where !organisations[index].aliases.contains(short) && short != organisations[index].name {
                    organisations[index].aliases.append(short)
                    organisations[index].aliasKeys.insert(organisationKey(short))
                }
            }
        }
        // Acronyms are not merged on: two bodies may share one (`FCRF`).
        // (A draft's `nameKey` is the organisation key of its name: kept, not worked out again.)
        func mergeKeys(_ draft: OrganisationDraft) -> Set<String> {
            var keys: Set<String> = []
            if !Self.isAllCapitals(draft.name, orSlash: true) { keys.insert(draft.nameKey) }
            for form in draft.aliases where !Self.isAllCapitals(form, orSlash: true) { keys.insert(Self.organisationKey(form, memo: memo)) }
            return keys
        }
        /// What the comparisons below need of a draft's name, computed once per draft.
        struct NameFacts {
            var words: [String]
            var isInstitution: Bool
            /// The words before the first connector: the name without its complement.
            var stemCount: Int
            var opensWithConnector: Bool
        }
        func facts(_ name: String, key: String) -> NameFacts {
            let words = Self.nameWords(name)
            return NameFacts(words: words, isInstitution: Self.institution(forKey: key) != nil,
                             stemCount: words.firstIndex { Self.connectors.contains($0) } ?? words.count,
                             opensWithConnector: words.first.map { Self.connectors.contains($0) } ?? false)
        }
        /// `the Fact-Finding Mission` after `the UN Independent Fact-Finding Mission on Freedonia`:
        /// a name of two words or more that ends the other's name, or its part before a complement.
        /// (The last words are compared first: they differ for most pairs.)
        func isShortForm(_ short: NameFacts, of long: NameFacts) -> Bool {
            let shortWords = short.words, longWords = long.words
            let count = shortWords.count
            guard count >= 2, count < longWords.count, !short.opensWithConnector else { return false }
            if short.isInstitution || long.isInstitution { return false }
            if longWords[longWords.count - 1] == shortWords[count - 1], longWords.suffix(count) == shortWords[...],
               !Self.connectors.contains(longWords[longWords.count - count - 1]) { return true }
            let stem = long.stemCount
            return stem > count && longWords[stem - 1] == shortWords[count - 1] && longWords[(stem - count)..<stem] == shortWords[...]
        }
        var merged: [OrganisationDraft] = []
        var mergedFacts: [NameFacts] = []
        // The merged drafts by the words a short form of them may have (two words or more ending their words or their
        // stem) and by their own words, for every name a draft has had: the drafts ``isShortForm(_:of:)`` may hold for,
        // looked up rather than compared one by one with every draft merged so far (their number grows with the text).
        var byShorterWords: [[String]: [Int]] = [:]
        var byWords: [[String]: [Int]] = [:]
        func shorterWords(_ facts: NameFacts) -> [[String]] {
            let words = facts.words, stem = facts.stemCount
            var found: [[String]] = []
            if words.count >= 3 { for count in 2..<words.count { found.append(Array(words[(words.count - count)...])) } }
            if stem >= 3 { for count in 2..<stem { found.append(Array(words[(stem - count)..<stem])) } }
            return found
        }
        func index(_ facts: NameFacts, at position: Int) {
            for words in shorterWords(facts) { byShorterWords[words, default: []].append(position) }
            byWords[facts.words, default: []].append(position)
        }
        // The first merged draft holding each merge key (a draft's keys only grow as others merge into it).
        var firstByKey: [String: Int] = [:]
        for draft in organisations {
            let keys = mergeKeys(draft)
            let draftFacts = facts(draft.name, key: draft.nameKey)
            var byKey: Int?
            for key in keys { byKey = Self.earlier(byKey, firstByKey[key]) }
            // The first merged draft sharing a key or a short form with this one.
            let limit = byKey ?? merged.count
            var candidates = (byShorterWords[draftFacts.words] ?? []).filter { $0 < limit }
            for words in shorterWords(draftFacts) { candidates += (byWords[words] ?? []).filter { $0 < limit } }
            let byShortForm = Set(candidates).sorted().first { other in
                isShortForm(draftFacts, of: mergedFacts[other]) || isShortForm(mergedFacts[other], of: draftFacts)
            }
            if let into = byShortForm ?? byKey {
                // Keep the longer, fuller name (the draft is changed in place: a copy would copy its arrays on change).
                let other = draft
                let targetNameKey = merged[into].nameKey
                if other.name.count > merged[into].name.count, !other.name.hasPrefix("UN ") || merged[into].name.hasPrefix("UN ") {
                    merged[into].aliases.append(merged[into].name)
                    merged[into].name = other.name
                    merged[into].nameKey = other.nameKey
                }
                for alias in [other.name] + other.aliases where alias != merged[into].name && !merged[into].aliases.contains(alias) {
                    merged[into].aliases.append(alias)
                }
                merged[into].aliasKeys.formUnion(keys)
                merged[into].aliasKeys.insert(targetNameKey)
                if merged[into].kind == nil { merged[into].kind = other.kind }
                for mention in other.mentions where !merged[into].mentions.contains(where: { $0.start == mention.start }) {
                    merged[into].mentions.append(mention)
                }
                for hit in other.rules where !merged[into].rules.contains(hit) { merged[into].rules.append(hit) }
                for key in mergeKeys(merged[into]) where firstByKey[key].map({ $0 > into }) ?? true { firstByKey[key] = into }
                mergedFacts[into] = facts(merged[into].name, key: merged[into].nameKey)
                index(mergedFacts[into], at: into)
            } else {
                merged.append(draft)
                for key in keys where firstByKey[key] == nil { firstByKey[key] = merged.count - 1 }
                mergedFacts.append(draftFacts)
                index(draftFacts, at: merged.count - 1)
            }
        }
        organisations = merged
        // No draft is added after tidying: the key indexes are rebuilt only if one is (see ``addOrganisation``).
        organisationCache.indexesOutOfDate = true
    }

    /// Last words of a broadcaster's name the text may drop (``tidyOrganisations()``).
    static let broadcastSuffixes = WordSet(WordLists.wordClass(PackageResources.organisation_words_txt, "broadcast-suffix"))

    func shorterForms(_ form: String) -> [String] {
        var words = WordLists.words(form)
        var result: [String] = []
        // (Slices are joined as arrays: `joined` of an `ArraySlice` is the generic one, many times slower.)
        if words.count >= 3, Self.unPrefixes.contains(words[0]) { result.append(Array(words.dropFirst()).joined(separator: " ")) }
        // `… of [the] [Republic of] Freedonia`
        if words.count >= 3, let of = words.lastIndex(where: Self.countryOfs.contains), of >= 1, let last = words.last, countryWord(last) {
            var cut = of
            if cut >= 2, Self.republicWords.contains(words[cut - 1]) {
                cut -= 1
                while cut >= 2, Self.stateFormNameWords.contains(words[cut - 1]) { cut -= 1 }
                if cut >= 2, Self.ofLinks.contains(words[cut - 1]) { cut -= 1 }
            }
            if cut >= 2, !Self.nameCutStops.contains(words[cut - 1]) { result.append(Array(words[..<cut]).joined(separator: " ")) }
        }
        if let inside = words.firstIndex(where: Self.courtIns.contains), inside >= 2, Self.headKind(words[inside - 1]) == .some("court") {
            words = Array(words[..<inside])
            result.append(words.joined(separator: " "))
        }
        return result
    }
}

extension OrganisationStage {
    /// Whether every character of `form` is upper-case (or, with `orSlash`, a `/`): byte by byte
    /// when it is ASCII, where an upper-case character is exactly `A`…`Z`.
    static func isAllCapitals(_ form: String, orSlash: Bool = false) -> Bool {
        guard Token.isASCII(form) else { return form.allSatisfy { $0.isUppercase || orSlash && $0 == "/" } }
        return form.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || orSlash && $0 == UInt8(ascii: "/") }
    }
}

/// Organisations known only from company they keep, and every later mention.
extension OrganisationStage {
    static let coordinatedKinds: Set<String> = ["movement", "party", "ngo", "media", "trade-union"]

    /// `associated with X and the Democratic Choice (DC)`: a name coordinated
    /// with a known movement, party, NGO or outlet is one too, unless it is a
    /// person's name.
    mutating func findCoordinatedOrganisations() {
        inferKindsFromRelativeClauses()
        for index in organisations.indices {
            guard let kind = organisations[index].kind, Self.coordinatedKinds.contains(kind) else { continue }
            for mention in organisations[index].mentions {
                guard let section = sectionIndex(labelled: mention.section),
                      let first = tokenIndex(section, start: mention.start), let last = tokenIndex(section, end: mention.end)
                else { continue }
                let list = tokens[section]
                if first >= 2, organisationFacts(section)[first - 1].word.contains(.and) {
                    var start = first - 2
                    while start > 0, list[start - 1].isNameShaped, adjacent(section, start - 1, start) { start -= 1 }
                    addCoordinated(section, start, first - 2, kind: kind)
                }
                if last + 2 < list.count, organisationFacts(section)[last + 1].word.contains(.and) {
                    var end = last + 2
                    while end + 1 < list.count, list[end + 1].isNameShaped, adjacent(section, end, end + 1) { end += 1 }
                    addCoordinated(section, last + 2, end, kind: kind)
                }
            }
        }
    }

    /// The nouns that say what kind of body a name is (`X, which are peaceful opposition movements`), by
    /// kind: the `described-…` classes of `Words/organisation-words.txt`.
    static let kindNouns: [String: String] = {
        var kinds: [String: String] = [:]
        for (wordClass, kind) in [("described-movement", "movement"), ("described-party", "party"), ("described-ngo", "ngo"),
                                  ("described-media", "media"), ("described-trade-union", "trade-union")] {
            for word in WordLists.wordClass(PackageResources.organisation_words_txt, wordClass) { kinds[word] = kind }
        }
        return kinds
    }()

    /// `X (ACR), which are peaceful opposition movements` says what X is.
    mutating func inferKindsFromRelativeClauses() {
        for index in organisations.indices where organisations[index].kind == nil {
            for mention in organisations[index].mentions {
                guard let section = sectionIndex(labelled: mention.section),
                      var cursor = tokenIndex(section, end: mention.end) else { continue }
                let list = tokens[section]
                if cursor + 3 < list.count, list[cursor + 1].text == "(", list[cursor + 3].text == ")" { cursor += 3 }
                guard cursor + 3 < list.count, list[cursor + 1].text == ",", organisationFacts(section)[cursor + 2].word.contains(.which),
                      Self.copulas.contains(list[cursor + 3].lower) else { continue }
                let window = list[(cursor + 4)..<min(list.count, cursor + 9)].prefix { $0.isWord }
                if let kind = window.lazy.compactMap({ Self.kindNouns[$0.lower] }).first {
                    // Everything coordinated before the relative clause shares the kind.
                    for other in organisations.indices where organisations[other].kind == nil
                        && organisations[other].mentions.contains(where: { $0.section == mention.section && $0.end <= mention.end && mention.start - $0.end < 60 }) {
                        organisations[other].kind = kind
                    }
                    break
                }
            }
        }
    }

    mutating func addCoordinated(_ section: Int, _ first: Int, _ last: Int, kind: String) {
        let list = tokens[section]
        if first > 0, list[first - 1].isWord, list[first - 1].isCapitalised, adjacent(section, first - 1, first) { return }
        // `the Green Dawn Party and Dr. Ana Ruiz`: a person's title; `… and Kanal 13`: the number ends the name read by the list rules.
        if Lexicon.honorifics.contains(list[first].text) { return }
        if last + 1 < list.count, list[last + 1].isNumber, adjacent(section, last, last + 1) { return }
        let facts = organisationFacts(section)
        guard first <= last, (1...4).contains(last - first + 1),
              (first...last).allSatisfy({ list[$0].isNameShaped && !facts[$0].word.contains(.nonNameWord) }) else { return }
        let name = text(section, first, last)
        let key = NameKey.matchKey(name)
        if persons.contains(where: { person in person.forms.contains { NameKey.matchKey($0) == key } }) { return }
        if last > first, Lexicon.looksLikeSurname(list[last].text) || Lexicon.looksLikeSurname(list[first].text) { return }
        let nameKey = organisationKey(name)
        if organisations.contains(where: { $0.nameKey == nameKey }) { return }
        if let country = document.country, CountryNames.isAdjective(list[first].text, of: country) { return }
        if institution(named: name) != nil { return }
        _ = addOrganisation(name, kind: kind, mention: mention(section, first, last, text: name), rule: "organisation.coordinated")
    }

    /// Offices and parts of a body after a one-word name and its possessive (`Lumen’s Secretary`) (`Words/organisation-words.txt`, class `organisation-role`).
    static let organisationRoles: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "organisation-role")

    /// Whether the one capitalised word at `index` may name a body reached through a role: no
    /// country, nationality, month, person's title, leading verb, head word, common word or
    /// well-known institution (`the leader of Freedonia`, `a member of Parliament` name none).
    func isRoleNamedWord(_ section: Int, _ index: Int) -> Bool {
        let list = tokens[section]
        let facts = organisationFacts(section)
        let word = list[index].text
        return list[index].isWord && list[index].isTitleCase && list[index].isNameShaped && !facts[index].isHead
            && !facts[index].word.contains(.personLead) && !facts[index].word.contains(.monthName)
            && !facts[index].word.contains(.leadingVerb) && !facts[index].word.contains(.theCapitalised)
            && !Lexicon.honorifics.contains(word) && !Lexicon.nonNameWords.contains(word)
            && !countryWord(word) && !isDemonym(word) && institution(named: word) == nil
    }

    /// Organisations named only through a role: a one-word name before a possessive and an office
    /// or part of a body (`Lumen’s Secretary Ana Ruiz`, `the Lumen’s leadership`), and one word
    /// alone after `the leaders of` (`the leaders of Lumen, Ana Ruiz and Tomas Berg`). The word
    /// stands alone: a capitalised word before or after it makes it part of a longer name.
    mutating func findRoleNamedOrganisations() {
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            let facts = organisationFacts(section)
            for index in list.indices where list[index].isTitleCase && index + 1 < list.count {
                guard index == 0 || !(list[index - 1].isWord && list[index - 1].isCapitalised) else { continue }
                let possessive = index + 2 < list.count && (list[index + 1].isPossessive)
                    && Self.organisationRoles.contains(list[index + 2].lower)
                let member = !possessive && index >= 2 && facts[index - 1].word.contains(.ofAsWritten)
                    && Self.memberNouns.contains(list[index - 2].lower)
                    && !(list[index + 1].isWord && (list[index + 1].isCapitalised || list[index + 1].isPossessive))
                guard possessive || member, isRoleNamedWord(section, index) else { continue }
                let name = list[index].text
                // `Human Rights Centre ‘Lumen’ … the founder of Lumen`: the last word of a known name, or a word written
                // elsewhere right after a head word (maybe quoted), is that body's own name (organisation.generic-then-name).
                if organisations.contains(where: { Self.nameWords($0.name).last == name }) { continue }
                if organisationOccurrences(of: name).contains(where: { place in
                    var before = place.index - 1
                    if before >= 0, Self.openingQuotes.contains(tokens[place.section][before].text) { before -= 1 }
                    return before >= 0 && organisationFacts(place.section)[before].isHead
                }) { continue }
                addOrganisation(name, kind: nil, mention: mention(section, index, index, text: name),
                                rule: possessive ? "organisation.possessive-role" : "organisation.member-of-name",
                                matched: possessive ? text(section, index, index + 2) : text(section, index - 2, index))
            }
        }
    }

    /// Every occurrence of a multi-word name or an acronym already known.
    mutating func findAllOrganisationMentions() {
        findListedAcronyms()
        findRoleNamedOrganisations()
        tidyOrganisations()
        // The offsets of every organisation mention, by section label (a place inside one is covered).
        var bucketByLabel: [String: Int] = [:]
        let bucketOfSection = document.sections.map { section in
            if let bucket = bucketByLabel[section.label] { return bucket }
            bucketByLabel[section.label] = bucketByLabel.count
            return bucketByLabel.count - 1
        }
        var covering = [[(start: Int, end: Int)]](repeating: [], count: bucketByLabel.count)
        for draft in organisations {
            for mention in draft.mentions {
                if let bucket = bucketByLabel[mention.section] { covering[bucket].append((mention.start, mention.end)) }
            }
        }
        let formPlaces = OrganisationFormPlaces()  // each first word's places looked up once (see there)
        for index in organisations.indices {
            let forms = [organisations[index].name] + organisations[index].aliases
            for form in forms {
                let words = Self.formWords(form)
                guard words.count >= 2 || (words.count == 1 && words[0].count >= 2 && words[0].allSatisfy { $0.isUppercase || $0 == "/" })
                else { continue }
                for (section, start) in formPlaces.places(of: words, in: self) {
                    let list = tokens[section]
                    guard words.indices.dropFirst().allSatisfy({ list[start + $0].text == words[$0] }) else { continue }
                    let last = start + words.count - 1
                    if start > 0, list[start - 1].isCapitalised, adjacent(section, start - 1, start), list[start - 1].isWord { continue }
                    if last + 1 < list.count, list[last + 1].isCapitalised, list[last + 1].isWord, adjacent(section, last, last + 1) { continue }
                    let bucket = bucketOfSection[section]
                    let (from, to) = (list[start].start, list[last].end)
                    if covering[bucket].contains(where: { $0.start <= from && to <= $0.end }) { continue }
                    organisations[index].mentions.append(mention(section, start, last))
                    covering[bucket].append((from, to))
                }
            }
        }
    }
}


/// Organisation recognition's per-run answers, filled on first use (see ``OrganisationStage/organisationFacts(_:)``).
///
/// Tokens are numbered through the whole run, section after section (``sectionBase``). Each
/// distinct word of the run takes its answers from the run's ``TokenClasses`` once, copied to each
/// of its tokens, and its tokens are chained in text order: where a word stands is then found
/// without a dictionary of arrays. (Punctuation has no answers and is not filed.)
final class OrganisationCache {
    var prepared = false
    /// The run-wide number of each section's first token.
    var sectionBase: [Int] = []
    /// Whether each section is in the body (not a footnote).
    var isBodySection: [Bool] = []
    /// The section of the token numbered `token`: the last whose first number is not after it (an
    /// empty section has the number of the next one).
    func section(ofToken token: Int) -> Int {
        var low = 0, high = sectionBase.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if sectionBase[middle] <= token { low = middle } else { high = middle }
        }
        return low
    }

    /// ``OrganisationTokenFacts`` of every token, by run-wide number.
    var facts: [OrganisationTokenFacts] = []
    /// For each token, the next token (run-wide number) with the same text, or -1.
    var nextWithText: [Int32] = []
    /// The first token of each distinct text of the run.
    var texts = RunTexts()
    /// Whether ``OrganisationStage/organisationByNameKey`` and ``OrganisationStage/organisationByAliasKey`` are to be
    /// rebuilt before a draft is added (after ``OrganisationStage/tidyOrganisations()``).
    var indexesOutOfDate = false
    /// ``OrganisationStage/isCountryWord(_:)`` by word.
    var countryWords: [String: Bool] = [:]
    /// The capitalised words written after a place link (``OrganisationStage/isPlaceAdjective(_:)``), gathered on first use.
    var placeWords: Set<String>?
    /// ``OrganisationStage/isPlaceAdjective(_:)`` by word.
    var placeAdjectives: [String: Bool] = [:]
    /// The first section with each label (see ``OrganisationStage/sectionIndex(labelled:)``).
    var sectionByLabel: [String: Int] = [:]
}

/// The answers for the tokens of one section, `facts[position]` by a token's position in the section.
struct SectionOrganisationFacts {
    let all: [OrganisationTokenFacts]
    let base: Int

    subscript(position: Int) -> OrganisationTokenFacts { all[base + position] }
}

/// The distinct token texts of a run, each by the run-wide number of its first token (see ``OrganisationCache``).
///
/// As in ``WordPositions``: ASCII texts go into an open-addressing table by the FNV-1a hash of their
/// scalars and are compared scalar by scalar; texts beyond ASCII go into a dictionary. That keeps
/// String equality (canonical equivalence): a text beyond ASCII equals an ASCII one only through one
/// of the three scalars that decompose to ASCII, and a run holding one of them files every text in
/// the dictionary.
struct RunTexts {
    /// The distinct text at each slot, by its number in ``firstToken`` plus one; 0 for none (so that the
    /// table is made zeroed).
    var slots: [Int32] = []
    var slotHashes: [UInt32] = []
    /// Of each distinct text: its first token, and where that token's scalars stand.
    var firstToken: [Int32] = []
    var textStart: [Int32] = []
    var textEnd: [Int32] = []
    /// The distinct texts beyond ASCII (every text, when ``everyTextInDictionary``), by number.
    var others: [String: Int32] = [:]
    var everyTextInDictionary = false

    init() {}

    /// A table for the texts of `tokenCount` tokens: more slots than tokens, so that one is always free (a
    /// run has about three tokens a distinct text, so the table is about a third full).
    init(tokenCount: Int) {
        var capacity = 16
        while capacity <= tokenCount { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        slotHashes = [UInt32](repeating: 0, count: capacity)
        firstToken.reserveCapacity(tokenCount / 2)
        textStart.reserveCapacity(tokenCount / 2)
        textEnd.reserveCapacity(tokenCount / 2)
    }

    /// The slot of the ASCII scalars `range` (of FNV-1a hash `hash`), or the free slot where they belong
    /// (inlined in the loop over every token).
    @inline(__always)
    func slot(of range: Range<Int>, hash: UInt32, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] > 0 {
            let text = Int(slots[slot]) - 1
            if slotHashes[slot] == hash, Int(textEnd[text] - textStart[text]) == range.count {
                var other = Int(textStart[text]), same = true
                for index in range {
                    if scalars[index] != scalars[other] { same = false; break }
                    other += 1
                }
                if same { return slot }
            }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Where the text `word` first stands in a run.
    enum Place {
        /// The run-wide number of the first token with the text.
        case first(Int)
        case nowhere
        /// Beyond ASCII but equal to an ASCII text, in a run whose texts are not all in the dictionary:
        /// to be looked for token by token.
        case unknown
    }

    /// Where the text `word` first stands.
    func place(of word: String, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Place {
        if everyTextInDictionary { return others[word].map { .first(Int(firstToken[Int($0)])) } ?? .nowhere }
        guard let hash = WordPositions.asciiHash(word) else {
            if WordPositions.hasASCIIEquivalent(word.unicodeScalars) { return .unknown }
            return others[word].map { .first(Int(firstToken[Int($0)])) } ?? .nowhere
        }
        let count = word.utf8.count
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] > 0 {
            let text = Int(slots[slot]) - 1
            if slotHashes[slot] == hash, Int(textEnd[text] - textStart[text]) == count {
                var index = Int(textStart[text]), same = true
                for byte in word.utf8 {
                    if scalars[index].value != UInt32(byte) { same = false; break }
                    index += 1
                }
                if same { return .first(Int(firstToken[text])) }
            }
            slot = (slot + 1) & mask
        }
        return .nowhere
    }
}

extension OrganisationStage {

    /// Every kind a head word may suggest (nil: a head without a kind), numbered for ``OrganisationTokenFacts/headKind``.
    static let headKinds: [String?] = {
        var kinds: [String?] = []
        for word in Set(Lexicon.organisationHeads.keys).union(WordLists.organisationHeads.keys) {
            if let kind = headKind(word), !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }()

    /// Every tag of `WordLists.organisationContext`, numbered for ``OrganisationTokenFacts/contextTag``.
    /// Whether the token is a staff noun of `Words/organisation-context.txt` (`editor`, `journalist`).
    static func isStaffNoun(_ facts: OrganisationTokenFacts) -> Bool {
        facts.contextTag != 0 && contextTags[Int(facts.contextTag) - 1] == ProgramTag.staff
    }

    static let contextTags: [String] = Array(Set(WordLists.organisationContext.values))

    /// Nouns for a person working for a medium: `a journalist for X`, `a X correspondent`.
    static let mediaRoles: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "media-role")

    /// The kind a head token suggests: nil when it is no head or suggests none.
    static func kind(ofHead facts: OrganisationTokenFacts) -> String? {
        facts.headKind == 0 ? nil : headKinds[Int(facts.headKind) - 1]
    }

    /// The answers for every token of `section`, worked out for the whole run on the first call.
    func organisationFacts(_ section: Int) -> SectionOrganisationFacts {
        let cache = organisationCache
        if !cache.prepared { prepareOrganisationCache() }
        return SectionOrganisationFacts(all: cache.facts, base: cache.sectionBase[section])
    }

    /// Numbers the run's tokens, files each distinct text of the run once (``RunTexts``), takes each
    /// one's answers from the run's ``TokenClasses`` and chains the tokens of each text in text order (see ``OrganisationCache``).
    func prepareOrganisationCache() {
        let isBodySection = tokens.indices.map { isBody($0) }
        document.scalars.withUnsafeBufferPointer { scalars in
            Self.fill(organisationCache, tokens: tokens, classes: tokenClasses, isBodySection: isBodySection, scalars: scalars)
        }
    }

    /// ``prepareOrganisationCache()``'s work, on values of its own (not captured by a closure, so that the
    /// arrays it fills are written in place without a check at each write).
    static func fill(_ cache: OrganisationCache, tokens: [[Token]], classes: TokenClasses, isBodySection: [Bool], scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var total = 0
        for section in tokens.indices { total += tokens[section].count }
        var sectionBase: [Int] = []
        sectionBase.reserveCapacity(tokens.count)
        var facts = [OrganisationTokenFacts](repeating: OrganisationTokenFacts(), count: total)
        var nextWithText = [Int32](repeating: -1, count: total)
        var texts = RunTexts(tokenCount: total)
        // Of each distinct text, by its number: its answers, and its last token so far.
        var textFacts: [OrganisationTokenFacts] = [], lastToken: [Int32] = []
        textFacts.reserveCapacity(total / 2)
        lastToken.reserveCapacity(total / 2)
        // Filed once, or twice when a text beyond ASCII equal to an ASCII one sends every text to the dictionary.
        filing: while true {
            sectionBase.removeAll(keepingCapacity: true)
            var number = 0
            for section in tokens.indices {
                sectionBase.append(number)
                let list = tokens[section]
                for position in list.indices {
                    // Punctuation has no answers and is not filed: ``organisationOccurrences(of:)`` looks for it section by section.
                    guard list[position].isWord else {
                        number += 1
                        continue
                    }
                    let start = list[position].start, end = list[position].end
                    var text = -1
                    if !texts.everyTextInDictionary, let hash = WordPositions.asciiHash(scalars, start..<end) {
                        let slot = texts.slot(of: start..<end, hash: hash, in: scalars)
                        if texts.slots[slot] > 0 {
                            text = Int(texts.slots[slot]) - 1
                        } else {
                            texts.slots[slot] = Int32(textFacts.count + 1)
                            texts.slotHashes[slot] = hash
                        }
                    } else if !texts.everyTextInDictionary, WordPositions.hasASCIIEquivalent(list[position].text.unicodeScalars) {
                        texts = RunTexts()
                        texts.everyTextInDictionary = true
                        textFacts.removeAll(keepingCapacity: true)
                        lastToken.removeAll(keepingCapacity: true)
                        for index in nextWithText.indices { nextWithText[index] = -1 }
                        continue filing
                    } else if let known = texts.others[list[position].text] {
                        text = Int(known)
                    } else {
                        texts.others[list[position].text] = Int32(textFacts.count)
                    }
                    if text < 0 {
                        // A new text: its answers are looked up once.
                        text = textFacts.count
                        texts.firstToken.append(Int32(number))
                        texts.textStart.append(Int32(start))
                        texts.textEnd.append(Int32(end))
                        textFacts.append(classes.organisation(section, position))
                        lastToken.append(-1)
                    } else {
                        nextWithText[Int(lastToken[text])] = Int32(number)
                    }
                    lastToken[text] = Int32(number)
                    facts[number] = textFacts[text]
                    number += 1
                }
            }
            break
        }
        cache.sectionBase = sectionBase
        cache.isBodySection = isBodySection
        cache.facts = facts
        cache.nextWithText = nextWithText
        cache.texts = texts
        cache.prepared = true
    }

    /// Whether `word` starts with an ASCII capital or digit.
    static func isIndexedWord(_ word: String) -> Bool {
        guard let byte = word.utf8.first else { return false }
        return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The places (section, token) in body sections where `word` stands, in text order.
    func organisationOccurrences(of word: String) -> [(section: Int, index: Int)] {
        let cache = organisationCache
        if !cache.prepared { prepareOrganisationCache() }
        var places: [(section: Int, index: Int)] = []
        // Only words are filed (a word starts with a word scalar, punctuation never does): punctuation is found
        // section by section, as every word once was.
        guard let head = word.unicodeScalars.first, Tokenizer.isWordScalar(head) else {
            for section in tokens.indices where isBody(section) {
                for index in positions[section][word] ?? [] { places.append((section, index)) }
            }
            return places
        }
        let place = document.scalars.withUnsafeBufferPointer { cache.texts.place(of: word, in: $0) }
        switch place {
        case .nowhere:
            break
        case .first(let first):
            var token = first, count = 0
            while token >= 0 {
                count += 1
                token = Int(cache.nextWithText[token])
            }
            places.reserveCapacity(count)
            token = first
            while token >= 0 {
                let section = cache.section(ofToken: token)
                if cache.isBodySection[section] { places.append((section, token - cache.sectionBase[section])) }
                token = Int(cache.nextWithText[token])
            }
        case .unknown:
            for section in tokens.indices where isBody(section) {
                for index in tokens[section].indices where tokens[section][index].text == word { places.append((section, index)) }
            }
        }
        // Texts equal to `word` but spelt with other scalars (a match not byte for byte): as the places of a word
        // starting with an ASCII capital or digit were kept before, a section's places count only when the first
        // of them starts with one too.
        if Self.isIndexedWord(word), cache.texts.everyTextInDictionary || !Token.isASCII(word) {
            var kept: [(section: Int, index: Int)] = []
            var section = -1, keeping = false
            for place in places {
                if place.section != section {
                    section = place.section
                    keeping = Self.isIndexedWord(tokens[section][place.index].text)
                }
                if keeping { kept.append(place) }
            }
            places = kept
        }
        return places
    }

    /// `Tokenizer.tokens(form).map(\.text)`: the words of a name, read byte by byte when it is ASCII.
    static func formWords(_ form: String) -> [String] {
        if let words = form.utf8.withContiguousStorageIfAvailable({ asciiFormWords($0) }) ?? nil { return words }
        let scalars = Array(form.unicodeScalars)
        return Tokenizer.tokens(scalars, from: 0, to: scalars.count).map(\.text)
    }

    /// The tokenizer's words of an ASCII text (nil for any other): runs of letters and digits joined
    /// by inner `-`, `/` or `'`, a trailing `'s` its own `’s` token, and every other mark a token.
    static func asciiFormWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isWordByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        func isJoiner(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "'") }
        var words: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || (9...13).contains(byte) { index += 1; continue }
            guard isWordByte(byte) else {
                words.append(String(decoding: bytes[index..<index + 1], as: UTF8.self))
                index += 1
                continue
            }
            var stop = index + 1
            while stop < bytes.count {
                if isWordByte(bytes[stop]) { stop += 1; continue }
                if isJoiner(bytes[stop]), stop + 1 < bytes.count, isWordByte(bytes[stop + 1]) { stop += 2; continue }
                break
            }
            if stop - index >= 3, bytes[stop - 1] == UInt8(ascii: "s"), bytes[stop - 2] == UInt8(ascii: "'") {
                words.append(String(decoding: bytes[index..<stop - 2], as: UTF8.self))
                words.append(Tokenizer.possessiveForms.typographic)
            } else {
                words.append(String(decoding: bytes[index..<stop], as: UTF8.self))
            }
            index = stop
        }
        return words
    }

    /// The first section labelled `label`.
    func sectionIndex(labelled label: String) -> Int? {
        let cache = organisationCache
        if cache.sectionByLabel.isEmpty {
            for (index, section) in document.sections.enumerated() where cache.sectionByLabel[section.label] == nil {
                cache.sectionByLabel[section.label] = index
            }
        }
        return cache.sectionByLabel[label]
    }

    /// ``isCountryWord(_:)`` answered once per word and run.
    func countryWord(_ word: String) -> Bool {
        if let known = organisationCache.countryWords[word] { return known }
        let answer = isCountryWord(word)
        organisationCache.countryWords[word] = answer
        return answer
    }

    /// ``isInstrumentName(_:)`` of the words of tokens `first...last`, from their answers.
    func isInstrumentName(_ section: Int, _ first: Int, _ last: Int) -> Bool {
        let facts = organisationFacts(section)
        guard let instrument = (first...last).first(where: { facts[$0].word.contains(.instrumentHead) }) else { return false }
        let firstOrganisation = (first...last).first { facts[$0].isHead }
        if instrument + 1 <= last, facts[instrument + 1].isConnector || Self.againstWords.contains(tokens[section][instrument + 1].text),
           firstOrganisation.map({ instrument < $0 }) ?? true { return true }
        if facts[last].word.contains(.instrumentHead), last > first, !facts[last - 1].isConnector { return true }
        return firstOrganisation == nil
    }

    /// Whether a well-known institution's name of two words or more starts at token `index` and ends by `end`.
    func startsInstitutionName(_ section: Int, at index: Int, through end: Int) -> Bool {
        let list = tokens[section]
        guard organisationFacts(section)[index].word.contains(.institutionStart),
              let forms = Self.institutionWordsByFirstWord[list[index].text] else { return false }
        return forms.contains { words in
            words.count >= 2 && index + words.count - 1 <= end && words.indices.allSatisfy { list[index + $0].text == words[$0] }
        }
    }
}
