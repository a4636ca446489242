/// Provisions: `Article(s) N[, M and K] of INSTRUMENT`, with the instrument in
/// one canonical form per document set (`Freedonia's Criminal Code`,
/// `Freedonian Criminal Code` → `Criminal Code of Freedonia`; `Code on X` →
/// `Code of X`; an acronym → its expansion).
extension OrganisationStage {
    static let articleWords = WordSet(WordLists.wordClass(PackageResources.provision_words_txt, "article-word"))
    static let articleSuffixes: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "article-suffix")
    /// `paragraph` (`Words/provision-words.txt`, class `paragraph-word`).
    static let paragraphWords: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "paragraph-word")
    /// `thereof` (class `thereof`).
    /// Lower-case nouns after a single article that make it the name of a law (`the Article 23 law`) (`Words/provision-words.txt`, class `law-after-article`).
    static let lawsNamedByArticle: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "law-after-article")

    static let thereofWords: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "thereof")
    /// `the` before an instrument's name (class `instrument-determiner`).
    static let instrumentDeterminers: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "instrument-determiner")
    /// `its` before `Rules of Procedure` (class `own-rules`).
    static let ownRulesWords: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "own-rules")

    /// Words before an act's number ("Law No 94") (`Words/provision-words.txt`, class `number-abbreviation`).
    static let numberAbbreviations: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "number-abbreviation")

    /// Words of a national act's name, which gains the document's country ("the Public Order Act of Freedonia") (`Words/provision-words.txt`, class `national-instrument`).
    static let nationalInstrumentWords: [String] = WordLists.classList(PackageResources.provision_words_txt, "national-instrument")

    /// Words of an international or EU instrument's name, which gains no country ("the European Convention") (`Words/provision-words.txt`, class `international-instrument`).
    static let internationalInstrumentWords: [String] = WordLists.classList(PackageResources.provision_words_txt, "international-instrument")

    /// Words left out when instrument names are compared, lower case ("Criminal Code of the Republic of Freedonia") (`Words/provision-words.txt`, class `instrument-key-stop`).
    static let instrumentKeyStopWords: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "instrument-key-stop")
    /// A number's abbreviation after the last word of an act's name ("Decree No 12/2030") (class `number-abbreviation-after`).
    static let numberAbbreviationsAfter: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "number-abbreviation-after")
    /// The Parliament's own rules, word by word ("its Rules of Procedure") (class `rules-of-procedure`, in the file's order).
    static let rulesOfProcedure: [String] = WordLists.classList(PackageResources.provision_words_txt, "rules-of-procedure")
    /// What stands between the articles or instruments of a list ("Articles 4, 7 and 9") (class `list-joiner`).
    static let provisionListJoiners: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "list-joiner")

    /// An article number from `index`: `405`, `206.3.2`, `167-2.2.1`, `3(1)(c)`,
    /// `505A`, `86 bis`. Returns the label and the last token's index.
    func articleNumber(_ section: Int, at index: Int) -> (String, Int)? {
        let list = tokens[section]
        guard index < list.count, list[index].isWord, list[index].startsWithNumber, list[index].text.count <= 12 else { return nil }
        var label = list[index].text
        var end = index
        while end + 2 < list.count {
            // `.3` continues the number; `(c)` a paragraph or point of it.
            if list[end + 1].text == ".", adjacent(section, end, end + 1), adjacent(section, end + 1, end + 2),
               list[end + 2].isWord, list[end + 2].startsWithNumber {
                label += "." + list[end + 2].text
                end += 2
                continue
            }
            if end + 3 < list.count, list[end + 1].text == "(", adjacent(section, end, end + 1), list[end + 3].text == ")",
               list[end + 2].isWord, list[end + 2].text.count <= 4 {
                label += "(\(list[end + 2].text))"
                end += 3
                continue
            }
            break
        }
        if end + 1 < list.count, Self.articleSuffixes.contains(list[end + 1].text) {
            label += " " + list[end + 1].text
            end += 1
        }
        return (label, end)
    }

    /// The articles an article label names: itself, or, when it ends in two or more points whose
    /// letters run on (`21(2)(a)(b)`, written `21(2)(a) (b)`), one label per point (`21(2)(a)`,
    /// `21(2)(b)`). Points that do not run on (`5(a)(i)`) are a point and its sub-point: one label.
    static func pointLabels(_ label: String) -> [String] {
        var letters: [Character] = []
        var rest = Substring(label)
        // The trailing `(x)` parts of one lower-case ASCII letter, last first.
        while rest.hasSuffix(")"), rest.count >= 4 {
            let part = rest.suffix(3)
            guard part.first == "(", let letter = part.dropFirst().first, letter.isASCII, letter.isLowercase else { break }
            letters.insert(letter, at: 0)
            rest = rest.dropLast(3)
        }
        guard letters.count >= 2, rest.last?.isNumber == true || rest.last == ")",
              zip(letters, letters.dropFirst()).allSatisfy({ pair in
                  pair.1.asciiValue.map { $0 == (pair.0.asciiValue ?? 0) + 1 } ?? false })
        else { return [label] }
        return letters.map { "\(rest)(\($0))" }
    }

    /// The words ``findProvisions()`` stops at: article words, instrument heads and `paragraph`, as the
    /// run's word answers tell them (see ``organisationFacts(_:)``: no token is hashed again).
    static let provisionCues: OrganisationWordFacts = [.articleWord, .instrumentHead, .paragraphWord]

    /// The instrument words met so far in a section, for `Article 3 thereof` and `under Article 12`.
    /// Which instrument the last of them names is worked out only when asked, newest first: most
    /// sections never ask, and working out an instrument's name is dear.
    struct SectionInstruments {
        /// Token indices of the instrument words met, in text order.
        var heads: [Int] = []
        /// How many of `heads` have been looked at.
        var checked = 0
        /// The instrument named by the last of the checked heads that names one.
        var latest: (name: String, surface: String, rule: String)?
    }

    /// The instrument named by the last head met in `section` that names one (see ``SectionInstruments``).
    func latestInstrument(_ instruments: inout SectionInstruments, in section: Int) -> (name: String, surface: String, rule: String)? {
        var position = instruments.heads.count
        while position > instruments.checked {
            position -= 1
            if let found = instrumentEnding(section, at: instruments.heads[position]) {
                instruments.latest = found
                break
            }
        }
        instruments.checked = instruments.heads.count
        return instruments.latest
    }

    mutating func findProvisions() {
        // The last instrument named, for `under Article 12` and `Article 3 thereof` with none after them.
        var lastInstrument: (name: String, surface: String, rule: String)?
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            let facts = organisationFacts(section)
            var sectionInstruments = SectionInstruments()
            var paragraphOf: [Int: (label: String, start: Int, end: Int)] = [:]
            // Tokens before `next` are passed over (read as part of an article list).
            var next = 0
            for index in list.indices where index >= next {
                guard list[index].isWord else { continue }
                let cue = facts[index].word.intersection(Self.provisionCues)
                guard !cue.isEmpty else { continue }
                next = index + 1
                let word = list[index].text
                if cue.contains(.instrumentHead) {
                    sectionInstruments.heads.append(index)
                }
                // `paragraph 2 of Article 318` is Article 318.2 (a number that already has its parts stays).
                if cue.contains(.paragraphWord), index + 3 < list.count, let (part, partEnd) = articleNumber(section, at: index + 1),
                   partEnd + 2 < list.count, facts[partEnd + 1].word.contains(.ofAsWritten), facts[partEnd + 2].word.contains(.articleAsWritten),
                   let (main, mainEnd) = articleNumber(section, at: partEnd + 3) {
                    paragraphOf[partEnd + 3] = (main.contains(".") || main.contains("(") ? main : "\(main).\(part)", index, mainEnd)
                }
                guard cue.contains(.articleWord), index + 1 < list.count, articleNumber(section, at: index + 1) != nil,
                      !isInOrganisationList(section, index)
                else { continue }
                let isRule = word.hasPrefix("Rule")
                // Collect the article numbers.
                var articles: [(String, Int, Int)] = []
                var position = index + 1
                while position < list.count {
                    if let (label, end) = articleNumber(section, at: position) {
                        let keyword = facts[position - 1].word.contains(.articleWord)
                        if let whole = paragraphOf[position] {
                            articles.append((whole.label, whole.start, end))
                        } else {
                            articles.append((label, keyword ? position - 1 : position, end))
                        }
                        position = end + 1
                        continue
                    }
                    // `Articles 52 (on torture), 73 (on assembly) and 93`: a gloss in brackets continues the list.
                    if list[position].text == "(", let close = (position + 1..<min(list.count, position + 25)).first(where: { list[$0].text == ")" }),
                       (position + 1..<close).contains(where: { list[$0].isWord && list[$0].startsLowercase }),
                       close + 1 < list.count, Self.provisionListJoiners.contains(list[close + 1].text) {
                        position = close + 1
                        continue
                    }
                    if Self.provisionListJoiners.contains(list[position].text)
                        || (facts[position].word.contains(.articleWord) && articleNumber(section, at: position + 1) != nil) {
                        position += 1
                        continue
                    }
                    break
                }
                next = max(position, index + 1)
                guard !articles.isEmpty else { continue }
                // `the Article 23 law`: a law named after an article it put in force is not a provision.
                if articles.count == 1, position < list.count, Self.lawsNamedByArticle.contains(list[position].text) { continue }
                // How the instrument was found: the rule of its name, and the rule that tied it to these articles.
                var instrument: (name: String, surface: String, rule: String)?
                var tie: String?
                if position < list.count, facts[position].word.contains(.ofAsWritten), !ofStartsNextPhrase(section, position) {
                    // `of the Code`: that instrument, or none (`Article 2 of which`).
                    instrument = instrumentName(section, from: position + 1)
                } else if position < list.count, Self.thereofWords.contains(list[position].lower) {
                    instrument = latestInstrument(&sectionInstruments, in: section)
                    tie = "provision.thereof"
                } else if !isRule {
                    // `under Article 12`: the instrument this article was named with, else the last one named.
                    let known = provisions
                    if let named = articles.lazy.compactMap({ article in known.last { $0.article == article.0 } }).first {
                        instrument = (named.instrument, named.instrument, "provision.article-named-before")
                    } else if let latest = latestInstrument(&sectionInstruments, in: section) {
                        instrument = latest
                        tie = "provision.instrument-in-section"
                    } else {
                        instrument = lastInstrument
                        tie = "provision.last-instrument"
                    }
                }
                guard let instrument else { continue }
                if !instrument.name.hasPrefix("European Parliament Rules") { lastInstrument = instrument }
                let listHit = articles.count > 1 ? RuleHit("provision.article-list", text: text(section, index, articles[articles.count - 1].2)) : nil
                for (written, start, end) in articles {
                  let points = Self.pointLabels(written)
                  for article in points {
                    var hits = [RuleHit(facts[start].word.contains(.paragraphWord) ? "provision.paragraph-of-article" : "provision.article-number",
                                        text: text(section, start, end))]
                    if points.count > 1 { hits.append(RuleHit("provision.point-list", text: text(section, start, end))) }
                    if let listHit { hits.append(listHit) }
                    hits.append(RuleHit(instrument.rule, text: instrument.surface))
                    if let tie { hits.append(RuleHit(tie, text: tie == "provision.thereof" ? "thereof" : instrument.surface)) }
                    addProvision(instrument: instrument.name, surface: instrument.surface, article: article, mention: mention(section, start, end),
                                 rules: hits)
                  }
                }
            }
        }
        // Entries that became one when an instrument got its fuller name.
        var merged: [Extraction.ProvisionEntity] = []
        for provision in provisions {
            if let index = merged.firstIndex(where: { $0.instrument == provision.instrument && $0.article == provision.article }) {
                merged[index].mentions += provision.mentions.filter { mention in !merged[index].mentions.contains { $0.start == mention.start } }
                merged[index].instrumentAliases += provision.instrumentAliases.filter { !merged[index].instrumentAliases.contains($0) }
                merged[index].rules += provision.rules.filter { !merged[index].rules.contains($0) }
            } else {
                merged.append(provision)
            }
        }
        provisions = merged
    }

    /// The instrument whose name ends with the word at `index` (`the Constitution of Freedonia`,
    /// `the EU-Freedonia Partnership Agreement`): for a later `Article 3 thereof`.
    func instrumentEnding(_ section: Int, at index: Int) -> (name: String, surface: String, rule: String)? {
        let list = tokens[section]
        var first = index
        while first > 0, list[first - 1].isWord, list[first - 1].isCapitalised, adjacent(section, first - 1, first) { first -= 1 }
        guard let found = instrumentName(section, from: first) else { return nil }
        return (found.0, found.1, found.2)
    }

    /// The instrument named after `of`: `(the|its) Treaty on European Union`,
    /// `Freedonia's Criminal Code`, `the EPCA`.
    /// Returns the canonical name, the name as written, and the rule that read it (``RuleBook/provisionRules``).
    func instrumentName(_ section: Int, from start: Int) -> (String, String, String)? {
        let list = tokens[section]
        var index = start
        var ownedByParliament = false
        if index < list.count, Self.instrumentDeterminers.contains(list[index].lower) { index += 1 }
        if index < list.count, Self.ownRulesWords.contains(list[index].lower) { ownedByParliament = true; index += 1 }
        guard index < list.count, list[index].isCapitalised, var end = phraseEnd(section, from: index, crossAnd: false) else { return nil }
        // `Law No 94 of 2015`, `Decree No 12/2020`: a numbered act is named by its number.
        if Self.numberAbbreviations.contains(list[end].text) || (end + 1 < list.count && Self.numberAbbreviationsAfter.contains(list[end + 1].text)) {
            var position = Self.numberAbbreviations.contains(list[end].text) ? end + 1 : end + 2
            if position < list.count, list[position].text == "." { position += 1 }
            if position < list.count, list[position].isWord, list[position].startsWithNumber {
                end = position
                if end + 2 < list.count, list[end + 1].text == "/", list[end + 2].startsWithNumber { end += 2 }
                return (canonicalNumbered(text(section, index, end)), text(section, index, end), "provision.numbered-act")
            }
        }
        var words = list[index...end].map(\.text)
        let surface = text(section, index, end)
        if words.count == 1, let expansion = acronyms[words[0]] { return (canonicalInstrument(expansion), surface, "provision.instrument-acronym") }
        guard Self.isInstrumentName(words) else { return nil }
        // Trim what follows the instrument word (`Criminal Code of Freedonia` keeps its `of`).
        // `Rule 150 of the Rules of Procedure`: the Parliament's own, as a resolution cites them.
        if words.starts(with: Self.rulesOfProcedure) && (ownedByParliament || words.count == 3) {
            return ("European Parliament Rules of Procedure", surface, "provision.rules-of-procedure")
        }
        if let lastHead = words.lastIndex(where: { Lexicon.instrumentHeads.contains($0) }), lastHead + 1 < words.count,
           !Self.connectors.contains(words[lastHead + 1]) {
            words = Array(words[...lastHead])
        }
        return (canonicalInstrument(Self.replacingAll(" ’s", with: "’s", in: words.joined(separator: " "))), surface, "provision.instrument-name")
    }

    /// `Law No 94` keeps its number and gains the document's country, like any national act.
    func canonicalNumbered(_ raw: String) -> String {
        let name = raw.replacingOccurrences(of: "No.", with: "No").replacingOccurrences(of: "Nr", with: "No")
        guard let country = document.country, !name.contains(" of \(country)") else { return name }
        return name + " of " + country
    }

    /// ``makeCanonicalInstrument(_:)`` of `raw`, worked out once per run: an instrument is named again and again.
    func canonicalInstrument(_ raw: String) -> String {
        if let known = provisionMemo.canonicalNames[raw] { return known }
        let name = makeCanonicalInstrument(raw)
        provisionMemo.canonicalNames[raw] = name
        return name
    }

    /// The one name of an instrument in this document: `Freedonia’s Criminal Code` → `Criminal Code of Freedonia`.
    func makeCanonicalInstrument(_ raw: String) -> String {
        var name = Self.codeOnAsCodeOf(raw)
        var words = Self.spaceSeparatedWords(name)
        var country: String?
        // `Freedonia’s Criminal Code`, `Freedonian Criminal Code`
        if words.count >= 2, words[0].hasSuffix("’s") {
            country = String(words[0].dropLast(2))
            words.removeFirst()
        } else if words.count >= 2, let docCountry = document.country, CountryNames.isAdjective(words[0], of: docCountry),
                  !Lexicon.instrumentHeads.contains(words[0]) {
            country = docCountry
            words.removeFirst()
        }
        name = words.joined(separator: " ")
        let search = TextSearch(name)
        let national = Self.nationalInstrumentWords.contains { search.contains($0) }
            && !Self.internationalInstrumentWords.contains { search.contains($0) }
        if national {
            let owner = country.map { own in
                document.country.map { CountryNames.isAdjective(own, of: $0) ? $0 : own } ?? own
            } ?? document.country
            if let owner, !search.contains(" of \(owner)") { name += " of \(owner)" }
        }
        return name
    }

    /// `text.split(separator: " ").map(String.init)`, split by bytes when the text is ASCII: there a
    /// space is always a character of its own.
    static func spaceSeparatedWords(_ text: String) -> [String] {
        guard Token.isASCII(text) else { return text.split(separator: " ").map(String.init) }
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// ``contains(_:_:)`` asked several times of one text: whether it searches as bytes, and its bytes, found once.
    struct TextSearch {
        let text: String
        /// The text's bytes, when ``searchesAsBytes(_:)``.
        let bytes: [UInt8]?

        init(_ text: String) {
            self.text = text
            bytes = OrganisationStage.searchesAsBytes(text) ? Array(text.utf8) : nil
        }

        func contains(_ part: String) -> Bool {
            guard let bytes, OrganisationStage.searchesAsBytes(part) else { return text.contains(part) }
            return OrganisationStage.firstRange(of: Array(part.utf8), in: bytes) != nil
        }
    }

    /// Whether Foundation's search in `text` (by characters, up to canonical equivalence) finds what a
    /// search for the same UTF-8 bytes finds: when every character is one scalar that no other spelling
    /// equals (printable ASCII, Latin letters without combining marks, typographic quotes and dashes).
    static func searchesAsBytes(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            (0x20..<0x7F).contains(scalar.value) || (0xA0..<0x250).contains(scalar.value) || (0x2010...0x2027).contains(scalar.value)
        }
    }

    /// Where the bytes `part` first stand in `bytes` from `start`.
    static func firstRange(of part: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Range<Int>? {
        guard !part.isEmpty, bytes.count >= part.count, start <= bytes.count - part.count else { return nil }
        for offset in start...(bytes.count - part.count) where bytes[offset] == part[0] {
            if bytes[offset..<offset + part.count].elementsEqual(part) { return offset..<offset + part.count }
        }
        return nil
    }

    /// Foundation's `text.contains(part)`, without Foundation (thousands of instructions a call) where bytes tell.
    static func contains(_ text: String, _ part: String) -> Bool {
        guard searchesAsBytes(text), searchesAsBytes(part) else { return text.contains(part) }
        return firstRange(of: Array(part.utf8), in: Array(text.utf8)) != nil
    }

    /// `Code on X` written `Code of X` (`Code on Administrative Offences` is the `Code of
    /// Administrative Offences`); any other ` on ` stays: `Treaty on the Functioning of the
    /// European Union`, `Law on Public Assemblies`.
    static func codeOnAsCodeOf(_ raw: String) -> String {
        guard searchesAsBytes(raw) else {
            guard let found = raw.range(of: "Code on ") else { return raw }
            return raw.replacingOccurrences(of: " on ", with: " of ", options: [], range: found)
        }
        var bytes = Array(raw.utf8)
        guard let found = firstRange(of: Array("Code on ".utf8), in: bytes) else { return raw }
        bytes[found.lowerBound + 6] = UInt8(ascii: "f")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Foundation's `text.replacingOccurrences(of: target, with: replacement)`, without Foundation where bytes tell.
    static func replacingAll(_ target: String, with replacement: String, in text: String) -> String {
        guard searchesAsBytes(text), searchesAsBytes(target) else { return text.replacingOccurrences(of: target, with: replacement) }
        let bytes = Array(text.utf8), part = Array(target.utf8)
        var result: [UInt8] = []
        var copied = 0
        while let found = firstRange(of: part, in: bytes, from: copied) {
            result += bytes[copied..<found.lowerBound]
            result += replacement.utf8
            copied = found.upperBound
        }
        guard copied > 0 else { return text }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The significant words of an instrument's name, to tell `Criminal Code`
    /// and `Criminal Code of the Republic of Freedonia` apart from `Penal Code`.
    static func instrumentWords(_ name: String) -> Set<String> {
        Set(NameKey.tokens(name).filter { !Self.instrumentKeyStopWords.contains($0) })
    }

    /// Per-run answers about instrument names, so that each distinct name is worked out once.
    final class ProvisionMemo {
        /// ``makeCanonicalInstrument(_:)`` by raw name.
        var canonicalNames: [String: String] = [:]
        private var instrumentWords: [String: Set<String>] = [:]
        private var instrumentKeys: [String: String] = [:]

        /// ``OrganisationStage/instrumentWords(_:)`` of `name`.
        func words(of name: String) -> Set<String> {
            if let known = instrumentWords[name] { return known }
            let words = OrganisationStage.instrumentWords(name)
            instrumentWords[name] = words
            return words
        }

        /// ``ProvisionNames/instrumentKey(_:)`` of `name`.
        func key(of name: String) -> String {
            if let known = instrumentKeys[name] { return known }
            let key = ProvisionNames.instrumentKey(name)
            instrumentKeys[name] = key
            return key
        }
    }

    /// Whether the instrument named `shorter` is the one named `fuller`, whose words include its own:
    /// a name without a complement of its own is (`Criminal Code` is the `Criminal Code of Freedonia`),
    /// and so is one that lacks only the country (`Code of Offences`, `Code of Offences of Freedonia`);
    /// a complete name that differs by a word of substance is another instrument (`Treaty on
    /// Ruritanian Union` is not the `Treaty on the Functioning of the Ruritanian Union`).
    func mayJoin(_ shorter: String, fuller: String) -> Bool {
        let search = TextSearch(shorter)
        guard search.contains(" of ") || search.contains(" on ") else { return true }
        let extra = provisionMemo.words(of: fuller).subtracting(provisionMemo.words(of: shorter)).subtracting(Self.stateFormWords)
        guard let country = document.country else { return extra.isEmpty }
        return extra.isSubset(of: provisionMemo.words(of: country))
    }

    /// Words of a state's formal name besides its own (`the People’s Democratic Republic of Freedonia`).
    static let stateFormWords: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "state-form-word")

    /// `rules`: the rules that read the article and its instrument; the entity keeps every distinct hit.
    mutating func addProvision(instrument rawInstrument: String, surface: String, article: String, mention: Extraction.Mention, rules: [RuleHit]) {
        var rules = rules
        // One instrument, one name in a document: a shorter name joins the fuller one it is part of.
        let memo = provisionMemo
        var instrument = rawInstrument
        let words = memo.words(of: instrument)
        if let fuller = provisions.first(where: { $0.instrument != instrument && words.isSubset(of: memo.words(of: $0.instrument))
                && mayJoin(instrument, fuller: $0.instrument) })?.instrument {
            rules.append(RuleHit("provision.shorter-name-joins-fuller", text: instrument))
            instrument = fuller
        } else {
            for index in provisions.indices where provisions[index].instrument != instrument
                && memo.words(of: provisions[index].instrument).isStrictSubset(of: words)
                && mayJoin(provisions[index].instrument, fuller: instrument) {
                let hit = RuleHit("provision.shorter-name-joins-fuller", text: provisions[index].instrument)
                if !provisions[index].rules.contains(hit) { provisions[index].rules.append(hit) }
                provisions[index].instrument = instrument
            }
        }
        let key = memo.key(of: instrument)
        if let index = provisions.firstIndex(where: { $0.article == article && memo.key(of: $0.instrument) == key }) {
            if !provisions[index].mentions.contains(where: { $0.start == mention.start }) { provisions[index].mentions.append(mention) }
            if surface != instrument, !provisions[index].instrumentAliases.contains(surface) { provisions[index].instrumentAliases.append(surface) }
            for hit in rules where !provisions[index].rules.contains(hit) { provisions[index].rules.append(hit) }
            return
        }
        var unique: [RuleHit] = []
        for hit in rules where !unique.contains(hit) { unique.append(hit) }
        provisions.append(.init(instrument: instrument, instrumentAliases: surface == instrument ? [] : [surface],
                                article: article, mentions: [mention], rules: unique))
    }
}
