/// One name per instrument, as the text writes it in full: a resolution names an act in full
/// once (`the Criminal Code of the Freedonian Republic`, often in a citation with no article)
/// and shortens it elsewhere (`the Criminal Code`, `the Freedonian Criminal Code`). Every
/// article of that act is filed under the full name, so that one search finds it wherever the
/// text shortens it. Runs once, right after ``findProvisions()``, before charges read provisions.
extension OrganisationStage {
    /// Words that may join the words of a state's name in an instrument's owner (`the People’s
    /// Republic of Freedonia`): `of` between capitalised words, and the possessive.
    static let ownerJoiners: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "owner-joiner")
    /// The owner joiner that needs a capitalised word after it (class `owner-of`).
    static let ownerOfs: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "owner-of")

    /// Words after which an instrument's name goes on (`Law of Freedonia on Assemblies`): the
    /// owner phrase found before them is not the end of the name.
    static let nameContinuations: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "name-continuation")

    /// Full names written in the body: `HEAD of [the] OWNER`, where HEAD ends with an instrument
    /// word and OWNER is a form of the document's country other than its bare name (`Criminal Code
    /// of the Freedonian Federation`). By the head's words in lower case; a head written with two
    /// different owners maps to nil (ambiguous: left alone).
    func writtenFullInstrumentNames() -> [String: String?] {
        guard let country = document.country else { return [:] }
        var found: [String: String?] = [:]
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices where list[index].isWord && Lexicon.instrumentHeads.contains(list[index].text) {
                guard index + 2 < list.count, Self.ofLinks.contains(list[index + 1].lower) else { continue }
                // The head: the capitalised words stuck to the instrument word (`Criminal Code`).
                var first = index
                while first > 0, list[first - 1].isWord, list[first - 1].isCapitalised, adjacent(section, first - 1, first),
                      !Self.theCapitalised.contains(list[first - 1].text), !Self.articleWords.contains(list[first - 1].text) {
                    first -= 1
                }
                // The owner: capitalised words, with `of` and `’s` between them.
                var position = index + 2
                if Self.definiteWords.contains(list[position].lower) { position += 1 }
                let ownerStart = position
                var ownerEnd: Int?
                while position < list.count {
                    let token = list[position]
                    if token.isWord, token.isCapitalised, !Lexicon.instrumentHeads.contains(token.text) {
                        ownerEnd = position
                        position += 1
                    } else if Self.ownerJoiners.contains(token.lower), position + 1 < list.count, ownerEnd != nil,
                              list[position + 1].isCapitalised || !Self.ownerOfs.contains(token.lower) {
                        position += 1
                    } else {
                        break
                    }
                }
                guard let last = ownerEnd, last < list.count else { continue }
                // `the Law of the Freedonian Republic on Assemblies`: the name goes on.
                if last + 1 < list.count, list[last + 1].isWord,
                   Self.nameContinuations.contains(list[last + 1].lower) || list[last + 1].isCapitalised { continue }
                let owner = text(section, ownerStart, last)
                guard owner != country, Self.ownerIsState(owner, of: country) else { continue }
                let head = text(section, first, index)
                let name = text(section, first, last)
                let key = head.lowercased()
                if let known = found[key] {
                    if known != name { found[key] = .some(nil) }
                } else {
                    found[key] = name
                }
            }
        }
        return found
    }

    /// Whether an owner phrase names the document's country: it holds the country's name
    /// (`Freedonia Special Region`) or its adjective (`Freedonian Federation`).
    static func ownerIsState(_ owner: String, of country: String) -> Bool {
        if contains(owner, country) { return true }
        return spaceSeparatedWords(owner).contains { word in
            word.count >= 4 && word.first?.isUppercase == true && CountryNames.isAdjective(word, of: country)
        }
    }

    /// An instrument's name split at its first `of`, with the document's country taken off its end:
    /// `Criminal Code of the Freedonian Federation of Freedonia` → (`Criminal Code`, `the Freedonian Federation`).
    func headAndOwner(_ name: String) -> (head: String, owner: String?) {
        var base = name
        if let country = document.country, base.hasSuffix(" of \(country)"), base.count > country.count + 4 {
            base = String(base.dropLast(country.count + 4))
        }
        guard let split = base.range(of: " of ") else { return (base, nil) }
        return (String(base[..<split.lowerBound]), String(base[split.upperBound...]))
    }

    /// `Freedonia Nova’s Penal Code` read as `Nova’s Penal Code of Freedonia Nova` (a country of two
    /// words before the possessive): the instrument of the country, `Penal Code of Freedonia Nova`.
    func possessiveCountryName(_ provision: Extraction.ProvisionEntity) -> String? {
        guard let country = document.country, country.contains(" ") else { return nil }
        for surface in provision.instrumentAliases {
            for mark in ["’s ", "'s "] where surface.hasPrefix(country + mark) {
                let rest = String(surface.dropFirst(country.count + mark.count))
                guard !rest.isEmpty, provision.instrument != rest + " of " + country else { continue }
                return canonicalInstrument(rest)
            }
        }
        return nil
    }

    /// Renames shortened instruments to the full name the text writes, and joins the entries
    /// that become one (rules `provision.full-name-written`, `provision.country-possessive`).
    mutating func unifyWrittenInstrumentNames() {
        tagListsThenPhrase()
        findLowerCaseCodes()
        guard document.country != nil, !provisions.isEmpty else { return }
        let fullNames = writtenFullInstrumentNames()
        var changed = false
        for index in provisions.indices {
            if let fixed = possessiveCountryName(provisions[index]) {
                provisions[index].rules.append(RuleBook.hit("provision.country-possessive", provisions[index].instrumentAliases.first ?? fixed))
                provisions[index].instrument = fixed
                changed = true
            }
            let name = provisions[index].instrument
            let (head, owner) = headAndOwner(name)
            guard let entry = fullNames[head.lowercased()], let full = entry, full != name else { continue }
            let fullOwner = headAndOwner(full).owner
            guard owner == nil || owner == fullOwner || owner.map({ "the " + $0 }) == fullOwner else { continue }
            provisions[index].instrument = full
            provisions[index].rules.append(RuleBook.hit("provision.full-name-written", full))
            changed = true
        }
        guard changed else { return }
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
        for index in merged.indices {
            let instrument = merged[index].instrument
            merged[index].instrumentAliases.removeAll { $0 == instrument }
            merged[index].mentions.sort { $0.start < $1.start }
        }
        provisions = merged
    }

    /// `under Article 4, and of inciting hatred under Article 7`: the `of` after the list's `and`
    /// opens the next phrase, not the instrument, when no instrument follows it; the article then
    /// belongs to the instrument named before (rule `provision.list-then-phrase`).
    func ofStartsNextPhrase(_ section: Int, _ position: Int) -> Bool {
        let list = tokens[section]
        guard position > 0, Self.provisionListJoiners.contains(list[position - 1].text) else { return false }
        return instrumentName(section, from: position + 1) == nil
    }

    /// Marks the articles ``ofStartsNextPhrase(_:_:)`` gave the instrument named before.
    mutating func tagListsThenPhrase() {
        var sectionByLabel: [String: Int] = [:]
        for (index, section) in document.sections.enumerated() where sectionByLabel[section.label] == nil { sectionByLabel[section.label] = index }
        for index in provisions.indices {
            for mention in provisions[index].mentions {
                guard let section = sectionByLabel[mention.section], let last = tokenIndex(section, end: mention.end) else { continue }
                let list = tokens[section]
                var position = last + 1
                while position < list.count, position - last <= 2, Self.provisionListJoiners.contains(list[position].text) { position += 1 }
                guard position > last + 1, position < list.count, Self.ofLinks.contains(list[position].text), ofStartsNextPhrase(section, position) else { continue }
                let hit = RuleBook.hit("provision.list-then-phrase", text(section, tokenIndex(section, start: mention.start) ?? last, position))
                if !provisions[index].rules.contains(hit) { provisions[index].rules.append(hit) }
            }
        }
    }

    /// Kinds of code a resolution may write in lower case (`the Freedonian penal code`).
    static let lowerCaseCodes: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "lower-case-code")

    /// Rule `provision.lower-case-code`: `article 87 bis of the Freedonian penal code`: a national
    /// code written in lower case, after one article, is the country's code.
    mutating func findLowerCaseCodes() {
        guard let country = document.country else { return }
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices where list[index].isWord && Self.articleWords.contains(list[index].text) {
                guard let (article, end) = articleNumber(section, at: index + 1), end + 4 < list.count, Self.ofLinks.contains(list[end + 1].lower),
                      Self.definiteWords.contains(list[end + 2].lower) else { continue }
                var position = end + 3
                if list[position].isCapitalised, CountryNames.isAdjective(list[position].text, of: country) { position += 1 }
                guard position + 1 < list.count, Self.lowerCaseCodes.contains(list[position].text), Self.codeWords.contains(list[position + 1].text)
                else { continue }
                let surface = text(section, end + 3, position + 1)
                let name = canonicalInstrument(list[position].text.capitalized + " Code")
                guard !provisions.contains(where: { $0.mentions.contains { $0.start == list[index].start } }) else { continue }
                addProvision(instrument: name, surface: surface, article: article, mention: mention(section, index, end),
                             rules: [RuleBook.hit("provision.lower-case-code", text(section, index, position + 1))])
                if let added = provisions.firstIndex(where: { $0.instrument == name && $0.article == article }) {
                    let hit = RuleBook.hit("provision.lower-case-code", text(section, index, position + 1))
                    if !provisions[added].rules.contains(hit) { provisions[added].rules.append(hit) }
                }
            }
        }
    }
}
