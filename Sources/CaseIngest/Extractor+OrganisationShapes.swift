/// Organisations in shapes the phrase reader does not settle: a generic name followed by the
/// organisation's own (`the Press Freedom Centre Lumen`, `the Press Freedom Centre ‘Lumen’`), a
/// state's formal name read as an organisation (`the Freedonian Federation`), and an office read as
/// one (`the Vice-President of the Commission`). Runs after every organisation mention is found and
/// before cues are read.
extension OrganisationStage {
    /// Offices held by one person that open a phrase like an organisation's name (`President of …`).
    static let officeOpeners: Set<String> = [
        "President", "Vice-President", "Representative", "Director", "Rapporteur", "Commissioner", "Spokesperson",
        "Ombudsman", "Ombudsperson", "Secretary-General", "Chair", "Chairperson", "Head", "Minister",
    ]
    static let openingQuotes: Set<String> = ["‘", "“", "\""]
    static let closingQuotes: Set<String> = ["’", "”", "\""]
    /// Lower-case words that may stand in a state's name besides its country and form words (`Words/organisation-words.txt`).
    static let stateNameFillers: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "state-name-filler")
    /// The word after an office's first word that makes a name an office: `Vice-President of the Commission`.
    static let officeTies: Set<String> = WordLists.wordClass(PackageResources.organisation_words_txt, "office-tie")

    mutating func applyOrganisationShapes() {
        var changed = dropStatesAndOffices()
        changed = findGenericThenOwnName() || changed
        changed = extendNamesAfterMentions() || changed
        if changed { reindexOrganisations() }
    }

    /// Rules `organisation.state-not-organisation`, `organisation.office-not-organisation`, `organisation.visit-not-body`
    /// `organisation.person-then-institution` and `organisation.head-first-common-phrase`.
    mutating func dropStatesAndOffices() -> Bool {
        let before = organisations.count
        var kept = organisations
        // `Press Freedom` (`organisation.head-first-common-phrase`): two capitalised words opening with an organisation's
        // head that the text also writes in lower case (`press freedom`) are a title's capitals on a common phrase.
        let headFirst = Set(kept.compactMap { draft -> String? in
            let words = Self.spaceSeparatedWords(draft.name)
            return words.count == 2 && Self.isHead(words[0]) ? draft.name.lowercased() : nil
        })
        let writtenLower = headFirst.isEmpty ? [] : lowerCasePairs(among: headFirst)
        // The persons' names, by their words, for `organisation.person-then-institution`.
        let personForms = Set(persons.flatMap { $0.forms }.filter { Self.spaceSeparatedWords($0).count >= 2 })
        kept.removeAll { draft in
            let words = Self.spaceSeparatedWords(draft.name)
            guard words.count >= 2 else { return false }
            if writtenLower.contains(draft.name.lowercased()) { return true }
            // `Ana Ruiz European Parliament` (`organisation.person-then-institution`): a person's name run into an
            // institution's (a line break lost between a title ending in the name and the next line) is the two.
            for cut in 2..<words.count where personForms.contains(words[..<cut].joined(separator: " ")) {
                if institution(named: words[cut...].joined(separator: " ")) != nil { return true }
            }
            // `Freedonian Federation`, `Republic of Freedonia`: the state, not an organisation in it.
            let state = words.allSatisfy { word in
                isCountryWord(word) || Self.stateFormWords.contains(word.lowercased()) || Self.stateNameFillers.contains(word.lowercased())
            } && words.contains(where: isCountryWord) && words.contains { Self.stateFormWords.contains($0.lowercased()) || Self.republicWords.contains($0) }
            // `Vice-President of the Commission`: an office, held by a person.
            let office = Self.officeOpeners.contains(words[0]) && Self.officeTies.contains(words[1])
            // `Mission to Freedonia` (`organisation.visit-not-body`): a posting named only by where it goes is a visit
            // or a report's title; a body's name says who sends it (`EU Mission to Freedonia`).
            let visit = words.count >= 3 && Self.sentHeads.contains(words[0]) && Self.delegationTo.contains(words[1])
            return state || office || visit
        }
        organisations = kept
        return organisations.count != before
    }

    /// Which of `pairs` (two lower-case words and a space) the text writes as two words in lower case, one space
    /// apart: one pass over the tokens.
    func lowerCasePairs(among pairs: Set<String>) -> Set<String> {
        var found: Set<String> = []
        for (section, list) in tokens.enumerated() where isBody(section) {
            for index in list.indices.dropFirst() where list[index].startsLowercase && list[index - 1].startsLowercase
                && list[index - 1].isWord && list[index].isWord && list[index].start - list[index - 1].end == 1 {
                let pair = list[index - 1].text + " " + list[index].text
                if pairs.contains(pair) { found.insert(pair) }
            }
        }
        return found
    }

    /// Rule `organisation.generic-then-name`: capitalised words ending in an organisation head
    /// (`Press Freedom Centre`) and then one capitalised word of the organisation's own, maybe in
    /// quotes, before a word in lower case or a punctuation mark.
    mutating func findGenericThenOwnName() -> Bool {
        var changed = false
        let personStarts = Set(persons.flatMap { $0.mentions.map(\.start) })
        var knownKeys = Set(organisations.map(\.nameKey))
        var alone: Set<String>?  // words written alone in the body, worked out at the first candidate
        for section in tokens.indices where isBody(section) && document.sections[section].kind != .title {
            let list = tokens[section]
            var index = 0
            while index + 1 < list.count {
                defer { index += 1 }
                guard list[index].isWord, list[index].isCapitalised, Self.headKind(list[index].text) != nil else { continue }
                var first = index
                while first > 0, list[first - 1].isWord, list[first - 1].isCapitalised, adjacent(section, first - 1, first),
                      !Self.theCapitalised.contains(list[first - 1].text) {
                    first -= 1
                }
                guard index - first >= 1 else { continue }
                var own = index + 1
                let quoted = Self.openingQuotes.contains(list[own].text)
                if quoted { own += 1 }
                guard own < list.count, adjacent(section, own - 1, own), list[own].isWord, list[own].isTitleCase,
                      Self.headKind(list[own].text) == nil, !Lexicon.nonNameWords.contains(list[own].text),
                      !Lexicon.instrumentHeads.contains(list[own].text), !isCountryWord(list[own].text),
                      !isTitleWord(section, own), !personStarts.contains(list[own].start) else { continue }
                var last = own
                if quoted {
                    guard last + 1 < list.count, Self.closingQuotes.contains(list[last + 1].text) else { continue }
                    last += 1
                }
                // The name ends there: a word in lower case or a mark follows.
                if last + 1 < list.count, list[last + 1].isWord, !list[last + 1].startsLowercase { continue }
                // The own word is a name: quoted, or written elsewhere on its own (`solidarity with Lumen`).
                if !quoted, alone == nil { alone = wordsWrittenAlone() }
                let byWord = quoted || alone?.contains(list[own].text) == true
                guard byWord || isRoleComplement(section, first) else { continue }
                let rule = byWord ? "organisation.generic-then-name" : "organisation.generic-then-name-after-role"
                let generic = text(section, first, index)
                let name = generic + " " + list[own].text
                let mention = mention(section, first, last)
                let key = organisationKey(name)
                guard !knownKeys.contains(key) else { continue }
                knownKeys.insert(key)
                // A draft read for the generic words alone here, or for the own name alone, becomes this one.
                let genericKey = organisationKey(generic), ownKey = organisationKey(list[own].text)
                if let existing = organisations.firstIndex(where: { draft in
                    (draft.nameKey == genericKey && draft.mentions.contains { $0.start == mention.start })
                        || draft.nameKey == ownKey
                }) {
                    let old = organisations[existing].name
                    organisations[existing].name = name
                    organisations[existing].nameKey = key
                    if old != generic, !organisations[existing].aliases.contains(old) {
                        organisations[existing].aliases.append(old)
                        organisations[existing].aliasKeys.insert(organisationKey(old))
                    }
                    organisations[existing].mentions.removeAll { $0.start == mention.start }
                    organisations[existing].mentions.append(mention)
                    addOrganisationRule(name, RuleBook.hit(rule, mention.text))
                } else {
                    _ = addOrganisation(name, kind: Self.headKind(list[index].text) ?? nil, mention: mention,
                                        rule: rule, matched: mention.text)
                }
                changed = true
                index = last
            }
        }
        return changed
    }

    /// Rule `organisation.generic-then-name-after-role`: the generic name and own word stand after an
    /// office or staff noun and `of` (`Chairperson of Press Freedom Centre Lumen`): what a person
    /// chairs or works for is a body, so the own word is its name even when written only there.
    func isRoleComplement(_ section: Int, _ first: Int) -> Bool {
        guard first >= 2 else { return false }
        let facts = organisationFacts(section)
        guard facts[first - 1].word.contains(.ofAsWritten) else { return false }
        let role = facts[first - 2]
        return role.word.contains(.personLead) || role.word.contains(.officeTitle) || Self.isStaffNoun(role)
    }

    /// Rules `organisation.in-country` (`the Union of Freedonian Writers in Freedonia`: a name with a
    /// complement, followed by `in` and the country wherever it is written, ends with them) and
    /// `organisation.web-name` (`Lumen.info`: a name stuck to a web domain is written with it).
    mutating func extendNamesAfterMentions() -> Bool {
        guard let country = document.country else { return false }
        let countryWords = Self.spaceSeparatedWords(country)
        var changed = false
        for index in organisations.indices where !organisations[index].mentions.isEmpty {
            var inCountry = Self.contains(organisations[index].name, " of ") && !Self.contains(organisations[index].name, country)
            var domain: String?
            var extended: [Extraction.Mention] = []
            for mention in organisations[index].mentions {
                guard let section = sectionIndex(labelled: mention.section), let last = tokenIndex(section, end: mention.end) else {
                    inCountry = false
                    domain = nil
                    break
                }
                let list = tokens[section]
                // `… in Freedonia`
                let countryEnd = last + 1 + countryWords.count
                if inCountry, countryEnd < list.count, Self.inLinks.contains(list[last + 1].text),
                   countryWords.indices.allSatisfy({ list[last + 2 + $0].text == countryWords[$0] }) {
                    extended.append(self.mention(section, tokenIndex(section, start: mention.start) ?? last, countryEnd))
                } else {
                    inCountry = false
                }
                // `Lumen.info`
                if last + 2 < list.count, list[last + 1].text == ".", list[last + 1].start == list[last].end,
                   list[last + 2].start == list[last + 1].end, list[last + 2].isWord, list[last + 2].startsLowercase,
                   (2...4).contains(list[last + 2].text.count) {
                    domain = domain ?? list[last + 2].text
                }
            }
            if inCountry, extended.count == organisations[index].mentions.count {
                let name = organisations[index].name + " in " + country
                renameOrganisation(index, to: name, mentions: extended)
                addOrganisationRule(name, RuleBook.hit("organisation.in-country", extended[0].text))
                changed = true
            } else if let domain, !organisations[index].name.contains(" ") {
                let name = organisations[index].name + "." + domain
                let mentions = organisations[index].mentions.compactMap { mention -> Extraction.Mention? in
                    guard let section = sectionIndex(labelled: mention.section), let last = tokenIndex(section, end: mention.end),
                          last + 2 < tokens[section].count, tokens[section][last + 1].text == ".", tokens[section][last + 2].text == domain
                    else { return mention }
                    return self.mention(section, tokenIndex(section, start: mention.start) ?? last, last + 2)
                }
                renameOrganisation(index, to: name, mentions: mentions)
                addOrganisationRule(name, RuleBook.hit("organisation.web-name", name))
                changed = true
            }
        }
        return changed
    }

    mutating func renameOrganisation(_ index: Int, to name: String, mentions: [Extraction.Mention]) {
        let old = organisations[index].name
        organisations[index].name = name
        organisations[index].nameKey = organisationKey(name)
        organisations[index].mentions = mentions
        if !organisations[index].aliases.contains(old) {
            organisations[index].aliases.append(old)
            organisations[index].aliasKeys.insert(organisationKey(old))
        }
    }

    /// The words that stand in the body with no capitalised word stuck to them on either side
    /// (a name of its own there: `solidarity with Lumen`); one pass over the text.
    func wordsWrittenAlone() -> Set<String> {
        var result: Set<String> = []
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices where list[index].isWord && list[index].isTitleCase {
                let before = index > 0 && list[index - 1].isWord && list[index - 1].isCapitalised && adjacent(section, index - 1, index)
                let after = index + 1 < list.count && list[index + 1].isWord && list[index + 1].isCapitalised && adjacent(section, index, index + 1)
                if !before && !after { result.insert(list[index].text) }
            }
        }
        return result
    }

    mutating func addOrganisationRule(_ name: String, _ hit: RuleHit) {
        if !organisationRuleHits[name, default: []].contains(hit) { organisationRuleHits[name, default: []].append(hit) }
    }
}
