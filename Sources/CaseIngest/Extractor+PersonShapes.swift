/// Persons in shapes the weighing of candidates does not read: the persons a resolution's title
/// names as its case (`… notably the case of Ana Ruiz`), a title used as a name that the text
/// ties to a person (`Ana Ruiz, recognised as the 3rd Grand Abbess`), and a plural demonym read
/// into a name (`two ethnic Freedonians Ana Ruiz and …`). Runs after every mention is found and
/// before cues are read, so that statuses and charges use the names it settles.
extension PersonStage {
    /// The tie words of the person shapes (`Words/person-context.txt`, each class documented there).
    /// `loyal to`, `allied to` before a name (`person.loyal-to`: "forces loyal to Tomas Berg").
    static let allegianceWords: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "allegiance-word")
    static let allegianceLinks: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "allegiance-link")
    /// The indefinite article as written (`person.indefinite-article-before`: "a Review Petition was dismissed").
    static let indefiniteArticles: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "indefinite-article")
    static let caseOf = WordLists.wordClass(PackageResources.person_context_txt, "case-of")
    static let caseAnd = WordLists.wordClass(PackageResources.person_context_txt, "case-and")
    static let titleAs = WordLists.wordClass(PackageResources.person_context_txt, "title-as")
    /// Words after `the case(s) of` in a title that open the cases' names.
    static let caseNouns: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "case-noun")
    /// Participles that tie a person to the title-name after `as` (`X, recognised as the Abbess`).
    static let titleTies: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "title-tie")
    /// What stands between the names a title's case lists, and the article skipped before a title used as a name.
    static let caseListJoiners: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "case-list-joiner")
    static let titleArticles: Set<String> = WordLists.wordClass(PackageResources.person_context_txt, "title-article")

    mutating func applyPersonShapes() {
        var changed = findCaseTitlePersons()
        changed = tieTitleAliases() || changed
        changed = dropPluralDemonyms() || changed
        changed = dropCountryNamedPersons() || changed
        if changed { rebuildPersonIndexes() }
    }

    /// Rule `person.title-case-of`: `the case(s) [of] A B[, C D] and E F` in the document's title.
    mutating func findCaseTitlePersons() -> Bool {
        var added = false
        for section in tokens.indices where document.sections[section].kind == .title {
            let list = tokens[section]
            for index in list.indices where Self.caseNouns.contains(list[index].lower) {
                var position = index + 1
                if position < list.count, Self.caseOf.contains(list[position].lower) { position += 1 }
                while position < list.count {
                    // `Mr`, `Dr`: a title before the name is not part of it.
                    while position < list.count, list[position].isWord, isTitleWord(section, position) { position += 1 }
                    var last = position
                    while last < list.count, list[last].isWord, list[last].isTitleCase, !Lexicon.nonNameWords.contains(list[last].text),
                          last - position < 4, last == position || adjacent(section, last - 1, last) {
                        last += 1
                    }
                    let count = last - position
                    guard count >= 2, count <= 4 else { break }
                    let name = text(section, position, last - 1)
                    if let country = document.country, Self.contains(name, country) { break }
                    if !isOrganisationName(name) {
                        if personByName[name] == nil, !persons.contains(where: { $0.forms.contains(name) }) { added = true }
                        let mention = mention(section, position, last - 1)
                        record(person: name, form: name, mention: mention, role: nil)
                        if let person = persons.firstIndex(where: { $0.forms.contains(name) }) {
                            addPersonRule(persons[person].name, RuleBook.hit("person.title-case-of", text(section, index, last - 1)))
                        }
                    }
                    // The next name of the list: after `,` or `and`.
                    guard last < list.count, Self.caseListJoiners.contains(list[last].lower) else { break }
                    position = last + 1
                    if position < list.count, Self.caseAnd.contains(list[position].lower) { position += 1 }
                }
            }
        }
        return added
    }

    /// Rule `person.title-alias`: `A B, recognised as the 11th Grand Abbess`: the title-name, read as a
    /// person of its own, is the person named just before the tie.
    mutating func tieTitleAliases() -> Bool {
        var merged = false
        var sectionByLabel: [String: Int] = [:]
        for (index, section) in document.sections.enumerated() where sectionByLabel[section.label] == nil { sectionByLabel[section.label] = index }
        var index = 0
        while index < persons.count {
            defer { index += 1 }
            var target: Int?
            var matched = ""
            for mention in persons[index].mentions {
                guard let section = sectionByLabel[mention.section], let first = tokenIndex(section, start: mention.start) else { continue }
                let list = tokens[section]
                var position = first - 1
                if position >= 0, list[position].isWord, list[position].startsWithNumber { position -= 1 }  // `11th`
                if position >= 0, Self.titleArticles.contains(list[position].lower) { position -= 1 }
                guard position >= 2, Self.titleAs.contains(list[position].lower), Self.titleTies.contains(list[position - 1].lower),
                      list[position - 2].text == "," else { continue }
                let end = list[position - 2].start
                let before = persons.indices.first { other in
                    other != index && !persons[other].official && persons[other].mentions.contains { $0.section == mention.section && $0.end == list[position - 3].end && $0.end <= end }
                }
                if let before {
                    target = before
                    matched = text(section, position - 1, tokenIndex(section, end: mention.end) ?? first)
                    break
                }
            }
            guard let into = target else { continue }
            let title = persons[index]
            for (form, formTokens) in zip(title.forms, title.formTokens) where !persons[into].forms.contains(form) {
                persons[into].forms.append(form)
                persons[into].formTokens.append(formTokens)
            }
            for mention in title.mentions where !persons[into].mentions.contains(where: { $0.start == mention.start }) {
                persons[into].mentions.append(mention)
            }
            addPersonRule(persons[into].name, RuleBook.hit("person.title-alias", matched))
            persons.remove(at: index)
            index -= 1
            merged = true
        }
        return merged
    }

    /// Rule `person.demonym-not-name`: `two ethnic Freedonians Ana Ruiz`: a plural of the country's
    /// demonym before a name is not part of it.
    mutating func dropPluralDemonyms() -> Bool {
        guard let country = document.country else { return false }
        var changed = false
        for index in persons.indices {
            let words = Self.spaceSeparatedWords(persons[index].name)
            guard words.count >= 3, let first = words.first, first.hasSuffix("s"), first.count >= 5,
                  CountryNames.isAdjective(String(first.dropLast()), of: country) else { continue }
            let rest = words.dropFirst().joined(separator: " ")
            let old = persons[index].name
            persons[index].name = rest
            if let position = persons[index].forms.firstIndex(of: old) {
                persons[index].forms.remove(at: position)
                persons[index].formTokens.remove(at: position)
            }
            if !persons[index].forms.contains(rest) {
                persons[index].forms.insert(rest, at: 0)
                persons[index].formTokens.insert(NameKey.tokens(rest), at: 0)
            }
            for position in persons[index].mentions.indices where persons[index].mentions[position].text.hasPrefix(first + " ") {
                let cut = first.unicodeScalars.count + 1
                persons[index].mentions[position].text.removeFirst(first.count + 1)
                persons[index].mentions[position].start += cut
            }
            for hit in personRuleHits.removeValue(forKey: old) ?? [] { addPersonRule(rest, hit) }
            addPersonRule(rest, RuleBook.hit("person.demonym-not-name", first))
            changed = true
        }
        return changed
    }

    /// The person lookups after persons were merged or renamed.
    mutating func rebuildPersonIndexes() {
        personByName = [:]
        personVariants = [:]
        personsByWord = [:]
        personsByVariantKey = [:]
        for (index, draft) in persons.enumerated() {
            personByName[draft.name] = index
            for formTokens in draft.formTokens {
                indexPersonWords(formTokens, index, variantKey: NameKey.variantKey(tokens: formTokens))
            }
        }
    }

    mutating func addPersonRule(_ name: String, _ hit: RuleHit) {
        if !personRuleHits[name, default: []].contains(hit) { personRuleHits[name, default: []].append(hit) }
    }

    /// Rule `person.country-not-person`: the country the resolution is about, read as a name of two
    /// capitalised words (`Nova Terra`), is no person.
    mutating func dropCountryNamedPersons() -> Bool {
        guard let country = document.country else { return false }
        let before = persons.count
        let kept = persons.filter { $0.name != country }
        guard kept.count != before else { return false }
        persons = kept
        return true
    }
}
