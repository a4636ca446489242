/// Organisations: acronyms in parentheses, names ending in an organisation
/// word (`… Party`, `… Court in X`), lists after group nouns (`groups such as
/// A, B, 405 and Article 14`), media named by their kind (`the newspaper X`),
/// and a small list of well-known institutions.
extension ExtractionRun {
    static let connectors: Set<String> = ["of", "for", "and", "the", "on", "in", "to", "against", "without"]

    /// The capitalised phrase starting at `index`: capitalised words with
    /// connectors between them (`Freedonia International Bureau for Human
    /// Rights and Rule of Law`). Returns the index of its last word.
    func phraseEnd(_ section: Int, from index: Int, limit: Int? = nil, crossAnd: Bool = true) -> Int? {
        let list = tokens[section]
        let stop = limit ?? list.count
        guard index < stop, list[index].isWord, list[index].isCapitalised || isNameNumber(section, index, stop) else { return nil }
        var last = index
        var position = index + 1
        var crossedIn = false
        func capitalisedWord(at spot: Int) -> Bool {
            spot < stop && list[spot].isWord && list[spot].isCapitalised && adjacent(section, spot - 1, spot)
        }
        while position < stop, adjacent(section, position - 1, position) || list[position].text == "’s" {
            let token = list[position]
            if token.isWord && token.isCapitalised { last = position; position += 1; continue }
            // A number or an ordinal between capitalised words: `Freedonia 5 Youth Front`, `Capital 3rd Criminal Court`.
            if token.isWord, token.startsWithNumber, token.isNumber ? token.text.count <= 3 : token.text.count <= 5,
               capitalisedWord(at: position + 1) {
                last = position + 1; position += 2; continue
            }
            // A number after a head word ends the name: `Group 12`.
            if token.isNumber, position - 1 == last, Self.isHead(list[position - 1].text), !capitalisedWord(at: position + 1) {
                last = position; break
            }
            // A plural possessive inside a name: `Young Lawyers’ Association`.
            if token.text == "’" || token.text == "'", token.start == list[position - 1].end, list[position - 1].text.hasSuffix("s"),
               capitalisedWord(at: position + 1) {
                position += 1; continue
            }
            // A name particle between capitalised words: `Ana Lucia de Vega Foundation`.
            if Self.nameParticles.contains(token.text), capitalisedWord(at: position + 1) { position += 1; continue }
            if token.text == "’s" || Self.connectors.contains(token.text) {
                // A connector counts only when a capitalised word follows it;
                // `and the` joins two names, and `to` belongs only to a delegation or mission.
                // After `in PLACE`, `and` starts another name (`Centre for Rights in Freedonia and Freedonia Watch`).
                if token.text == "and", !crossAnd || crossedIn || (position + 1 < stop && list[position + 1].text == "the") { break }
                if token.text == "to", !["Delegation", "Mission", "Representative"].contains(list[position - 1].text),
                   !Self.isHead(list[position - 1].text) || !capitalisedWord(at: position + 1) { break }
                var look = position + 1
                while look < stop, Self.connectors.contains(list[look].text), look - position < 2 { look += 1 }
                if look < stop, list[look].isWord, list[look].isCapitalised || isNameNumber(section, look, stop), adjacent(section, look - 1, look) {
                    if token.text == "in" { crossedIn = true }
                    position = look
                    continue
                }
            }
            break
        }
        return last
    }

    /// Particles that may sit inside a name between capitalised words (`de`, `van`, `al`), not English words.
    static let nameParticles: Set<String> = WordLists.particles.filter {
        $0.count >= 2 && !["an", "as", "at", "do", "ad", "ag", "ar", "az", "ash"].contains($0)
    }

    static let monthNames: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// A short number that opens a name: `12 Generation Students Union`, not a day before a month or an article's number.
    func isNameNumber(_ section: Int, _ index: Int, _ stop: Int) -> Bool {
        let list = tokens[section]
        guard list[index].isNumber, list[index].text.count <= 3, index + 1 < stop, list[index + 1].isWord,
              list[index + 1].isCapitalised, adjacent(section, index, index + 1),
              !Self.monthNames.contains(list[index + 1].text) else { return false }
        if index > 0, ["Article", "Articles", "paragraph", "No", "Section", "Chapter"].contains(list[index - 1].text)
            || Self.monthNames.contains(list[index - 1].text) { return false }
        return true
    }

    /// The kind a head word suggests (`.some(nil)`: a head without a kind), nil when the word is no head.
    static func headKind(_ word: String) -> String?? {
        if let kind = Lexicon.organisationHeads[word] { return .some(kind) }
        if let tag = WordLists.organisationHeads[word] { return .some(tag.isEmpty ? nil : tag) }
        return nil
    }

    static func isHead(_ word: String) -> Bool { headKind(word) != nil }

    /// The document's country or its adjective (`Freedonia`, `Freedonian`).
    func isCountryWord(_ word: String) -> Bool {
        guard let country = document.country else { return false }
        return CountryNames.isAdjective(word, of: country)
    }

    /// A nationality word (`Ruritanian`, `Freedonese`): a single one names no organisation.
    func isDemonym(_ word: String) -> Bool {
        if isCountryWord(word) { return true }
        guard word.count > 4, word.first?.isUppercase == true, word.dropFirst().allSatisfy(\.isLowercase) else { return false }
        return ["ese", "ian", "ean", "ish", "ic", "i"].contains { word.hasSuffix($0) } && !Self.isHead(word)
    }

    /// Records an organisation mention, merging with a known entity.
    @discardableResult
    mutating func addOrganisation(_ name: String, alias: String? = nil, kind: String?, mention: Extraction.Mention?) -> Int {
        let canonical = institution(named: name)
        let finalName = canonical?.name ?? name
        let key = organisationKey(finalName)
        let nameKey = name == finalName ? key : organisationKey(name)
        let index: Int
        // The first draft whose name key is `key` or whose alias keys hold `key` or `nameKey`.
        if let existing = [organisationByNameKey[key], organisationByAliasKey[key], organisationByAliasKey[nameKey]].compactMap({ $0 }).min() {
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
        return index
    }

    /// Notes that the draft at `index` holds `aliasKey`, keeping the first draft that does.
    mutating func indexOrganisationAlias(_ aliasKey: String, _ index: Int) {
        if let known = organisationByAliasKey[aliasKey], known <= index { return }
        organisationByAliasKey[aliasKey] = index
    }

    /// Rebuilds the key indexes of `addOrganisation` after drafts were removed or merged.
    mutating func reindexOrganisations() {
        organisationByNameKey = [:]
        organisationByAliasKey = [:]
        for (index, draft) in organisations.enumerated() {
            if organisationByNameKey[draft.nameKey] == nil { organisationByNameKey[draft.nameKey] = index }
            for aliasKey in draft.aliasKeys { indexOrganisationAlias(aliasKey, index) }
        }
    }

    static func organisationKey(_ name: String) -> String {
        var words = NameKey.tokens(name)
        if words.first == "the" { words.removeFirst() }
        var key = words.joined(separator: " ")
        // The (costly) Foundation replacement only where the bytes occur: folded keys have no other spelling of them.
        if key.utf8.containsBytes("organisation".utf8) { key = key.replacingOccurrences(of: "organisation", with: "organization") }
        if key.utf8.containsBytes("co operation".utf8) { key = key.replacingOccurrences(of: "co operation", with: "cooperation") }
        return key
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

    static func institution(named name: String) -> Institutions.Entry? {
        institutionsByKey[organisationKey(name)]
    }

    /// ``organisationKey(_:)`` computed once per name and run: the same names are keyed again and again.
    func organisationKey(_ name: String) -> String {
        if let known = memo.organisationKeys[name] { return known }
        let key = Self.organisationKey(name)
        memo.organisationKeys[name] = key
        return key
    }

    /// ``institution(named:)`` through the run's memoised keys.
    func institution(named name: String) -> Institutions.Entry? {
        Self.institutionsByKey[organisationKey(name)]
    }

    /// A phrase names a legal instrument when it opens with one (`Treaty on …`,
    /// `Code of …`) or ends with an instrument word stuck to a name (`Criminal
    /// Code`, `Trade Union Law`), not when the word sits in a complement
    /// (`Bureau for Human Rights and Rule of Law`).
    static func isInstrumentName(_ words: [String]) -> Bool {
        guard let first = words.firstIndex(where: { Lexicon.instrumentHeads.contains($0) }) else { return false }
        let firstOrganisation = words.firstIndex { Self.isHead($0) }
        if first + 1 < words.count, connectors.contains(words[first + 1]) || words[first + 1] == "against",
           firstOrganisation.map({ first < $0 }) ?? true { return true }
        if let last = words.last, Lexicon.instrumentHeads.contains(last), words.count >= 2,
           !connectors.contains(words[words.count - 2]) { return true }
        return firstOrganisation == nil
    }

    static let leadingVerbs: Set<String> = [
        "Urges", "Calls", "Encourages", "Welcomes", "Notes", "Condemns", "Recalls", "Stresses", "Expresses",
        "Instructs", "Demands", "Reiterates", "Deplores", "Insists", "Advises", "Reaffirms", "Regrets", "Asks",
        "Invites", "Requests", "Supports", "Believes", "Considers", "Takes", "Underlines", "Points", "Highlights",
    ]

    /// Titles of offices held by one person: not organisations.
    static let officeTitles: Set<String> = [
        "President", "Vice-President", "High", "Representative", "Director", "Rapporteur", "Commissioner",
        "Spokesperson", "Vice", "Ombudsman", "Ombudsperson", "Secretary-General", "Chair", "Head", "Minister", "Special",
    ]

    /// `Full Name (ACR)`: an organisation (or an instrument) and its acronym.
    mutating func findAcronyms() {
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices where list[index].text == "(" {
                guard index + 2 < list.count, list[index + 2].text == ")", list[index + 1].isAllCaps else { continue }
                let acronym = list[index + 1].text
                let letters = acronym.filter(\.isLetter)
                guard letters.count >= 2 else { continue }
                // Walk back over the capitalised phrase before the parenthesis.
                var first = index - 1
                guard first >= 0, list[first].isWord else { continue }
                var candidate: Int?
                while first >= 0, index - first <= 12 {
                    let token = list[first]
                    if token.isWord && token.isCapitalised {
                        if let end = phraseEnd(section, from: first, limit: index), end == index - 1 { candidate = first }
                    } else if !(Self.connectors.contains(token.text) || token.text == "’s" || token.text == "’") { break }
                    first -= 1
                }
                guard let start = candidate else { continue }
                var words = list[start..<index].map(\.text)
                var from = start
                // The longest tail whose capitalised initials spell the acronym
                // (`Calls on the Central Bank of Freedonia (CBF)`); else, for an
                // acronym of another language (`Freedonia Workers’ Party (PTF)`),
                // the whole phrase without a leading verb or `The`.
                let exact = (start..<index).first { tail in
                    list[tail].isCapitalised && String(list[tail..<index].filter { $0.isWord && $0.isCapitalised && !Self.connectors.contains($0.text) }
                        .compactMap(\.first)) == letters
                }
                if let exact {
                    words = list[exact..<index].map(\.text)
                    from = exact
                } else if let trimmed = trimmedName(section, start, index - 1), trimmed.last == index - 1,
                          list[trimmed.first...trimmed.last].contains(where: { Self.isHead($0.text) }) {
                    words = list[trimmed.first..<index].map(\.text)
                    from = trimmed.first
                } else {
                    // Trim leading words until the initials fit the acronym.
                    while words.count > 1, let initial = words.first?.first, !letters.hasPrefix(String(initial)) || Self.connectors.contains(words[0]) {
                        words.removeFirst()
                        from += 1
                    }
                }
                guard let initial = words.first?.first, letters.first == initial || list[from].isCapitalised && words.count >= 2 else { continue }
                let name = text(section, from, index - 1)
                acronyms[acronym] = name
                if words.count >= 2, words[0] == "Parliament", words[1] == "of" { continue }
                if Self.isInstrumentName(words) || words.last.map(Self.instrumentWords.contains) == true { continue }
                let head = words.last { Self.isHead($0) }
                let kind = head.flatMap { Self.headKind($0) ?? nil }
                // An acronym for a thing that is neither a body nor a named group (a procedure, a mechanism) is skipped.
                let notABody: Set<String> = ["Assistance", "Notice", "Notices", "Index", "Review", "Report", "Mechanism", "Regime"]
                guard let lastWord = words.last, !notABody.contains(lastWord), words.count >= 2 || head != nil,
                      !Self.officeTitles.contains(words[0]) else { continue }
                addOrganisation(name, alias: acronym, kind: kind, mention: mention(section, from, index - 1))
            }
        }
    }

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
        var starts: [(Int, String)] = []
        for introducer in introducers(in: clause) {
            if let group = groupNoun(before: introducer.at, in: clause), !group.isPerson { starts.append((introducer.after, group.noun)) }
        }
        for index in clause.range where !list[index].isTitleCase && Lexicon.organisationNouns.contains(list[index].lower) && list[index].lower != "media" {
            var next = index + 1
            if next < clause.range.upperBound, list[next].text == "," { next += 1 }
            if next < clause.range.upperBound, list[next].lower == "the", next + 1 < clause.range.upperBound,
               list[next + 1].isCapitalised { starts.append((next, list[index].lower)) }
        }
        for (start, noun) in starts { parseOrganisationList(clause: clause, from: start, noun: noun) }
    }

    mutating func parseOrganisationList(clause: Clause, from start: Int, noun: String, kind nounKind: String? = nil) {
        let list = tokens[clause.section]
        let end = clause.range.upperBound
        var index = start
        let kind = nounKind ?? Lexicon.organisationKind(noun)
        while index < end {
            if list[index].lower == "the" { index += 1 }
            guard index < end else { break }
            let token = list[index]
            var last: Int?
            if token.text == "Article", index + 1 < end, list[index + 1].isNumber {
                last = index + 1
            } else if token.isNumber {
                last = index
            } else if token.isWord && token.isCapitalised {
                last = phraseEnd(clause.section, from: index, limit: end, crossAnd: false)
                if let short = last, let long = phraseEnd(clause.section, from: index, limit: end), long > short,
                   list[index...short].contains(where: { Self.isHead($0.text) }), !Self.isHead(list[short].text),
                   !list[short + 1...long].contains(where: \.isAllCaps),
                   !list[(short + 1)...long].contains(where: { Self.isHead($0.text) }) {
                    last = long
                }
            }
            guard let itemEnd = last else { break }
            // `…, the Freedonian service of Radio Dawn`: an appositive, not another name.
            if index == itemEnd, isDemonym(list[index].text) { break }
            if index > start, list[index - 1].lower == "the", itemEnd + 1 < end, list[itemEnd + 1].isWord, !list[itemEnd + 1].isCapitalised,
               !Self.connectors.contains(list[itemEnd + 1].text), list[itemEnd + 1].lower != "or" { break }
            let words = list[index...itemEnd].map(\.text)
            if Self.isInstrumentName(words) && token.text != "Article" { break }
            let name = text(clause.section, index, itemEnd)
            addOrganisation(name, kind: kind, mention: mention(clause.section, index, itemEnd))
            organisationSpans.append((clause.section, index...itemEnd))
            index = itemEnd + 1
            // Skip an acronym in parentheses after the item.
            if index + 2 < end, list[index].text == "(", list[index + 2].text == ")" { index += 3 }
            guard index < end else { break }
            if list[index].text == "," { index += 1 }
            if index < end, list[index].lower == "and" || list[index].lower == "or" { index += 1 }
            if index >= end || !(list[index].isCapitalised || list[index].isNumber || list[index].lower == "the") { break }
            if index > 0, list[index - 1].text != ",", list[index - 1].lower != "and", list[index - 1].lower != "or" { break }
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
            for part in splitAtAnd(clause.section, index, end) { addHeadedName(clause.section, part.first, part.last) }
        }
    }

    /// Splits a phrase where `and` joins two whole names: after a head word, an
    /// acronym or an institution (`Freedonia Watch and Ruritania Union`), before
    /// an institution, or when both sides hold a head (`Ministry of Justice and
    /// Ministry of Labour`). `Bank for Reconstruction and Development` stays whole.
    func splitAtAnd(_ section: Int, _ start: Int, _ end: Int) -> [(first: Int, last: Int)] {
        let list = tokens[section]
        var parts: [(first: Int, last: Int)] = []
        var first = start
        for and in start...end where list[and].text == "and" && and > first && and < end {
            let left = list[first..<and].map(\.text), right = list[(and + 1)...end].map(\.text)
            let rightStart = right.drop { Self.connectors.contains($0) }
            guard let leftLast = left.last else { continue }
            let leftWhole = Self.isHead(leftLast) || list[and - 1].isAllCaps || institution(named: left.joined(separator: " ")) != nil
            let rightWhole = Self.institutionForms.contains { form in rightStart.starts(with: form.2) && form.2.count >= 2 }
            let bothHeaded = left.contains(where: Self.isHead) && rightStart.first.map(Self.isHead) == true
            if leftWhole || rightWhole || bothHeaded {
                parts.append((first, and - 1))
                first = and + 1
            }
        }
        parts.append((first, end))
        return parts
    }

    /// A word that opens a person's title or office (`Judge`, `Mr`, `Secretary`), not an organisation's name.
    static func isPersonLead(_ word: String) -> Bool {
        personLeads.contains(word) || Lexicon.honorifics.contains(word)
    }

    static let personLeads: Set<String> = [
        "Members", "Member", "Secretary", "Secretary-General", "Prosecutor", "Chair", "Chairman", "Chairwoman", "Chairperson",
        "Head", "Director", "Deputy", "Judge", "President", "Spokesperson", "Founder", "Leader",
    ]

    /// The name inside a capitalised phrase: without a leading verb, `The` or
    /// connector, without a titled person before `of` (`Judge Ana Lee of the
    /// Capital City Court`, `Members of the Freedonian Assembly`), without a
    /// leading possessive country (`Freedonia’s Security Agency`), and cut after
    /// a well-known institution's name when what follows names nothing more
    /// (`Council of Europe Ana Lee`, `UN Working Group on Arbitrary Detention on Freedonia`).
    /// Nil when a one-person office leads it (`High Representative of the Union`).
    func trimmedName(_ section: Int, _ start: Int, _ end: Int) -> (first: Int, last: Int)? {
        let list = tokens[section]
        var first = start
        var changed = true
        while changed {
            changed = false
            while first <= end, Self.connectors.contains(list[first].text) || list[first].text == "The"
                    || Self.leadingVerbs.contains(list[first].text) { first += 1 }
            guard first <= end else { return nil }
            if Self.isPersonLead(list[first].text) {
                guard let of = (first...end).first(where: { list[$0].text == "of" }) else { return nil }
                first = of + 1
                changed = true
            } else if Self.officeTitles.contains(list[first].text) {
                return nil
            } else if first + 2 <= end, list[first + 1].text == "’s", isCountryWord(list[first].text) {
                first += 2
                changed = true
            }
        }
        var last = end
        for words in Self.institutionWordsByFirstWord[list[first].text] ?? [] where words.count >= 2 && first + words.count <= last {
            guard words.indices.allSatisfy({ list[first + $0].text == words[$0] }) else { continue }
            var rest = first + words.count
            if !Self.connectors.contains(list[rest].text), !(list[rest].isCapitalised && list[rest].isWord) { continue }
            while rest <= last, Self.connectors.contains(list[rest].text) { rest += 1 }
            let restWords = rest <= last ? list[rest...last].map(\.text) : []
            if !restWords.contains(where: Self.isHead) || institution(named: restWords.joined(separator: " ")) != nil {
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
        guard let (first, phraseLast) = trimmedName(section, start, end),
              let head = (first...phraseLast).last(where: { Self.isHead(list[$0].text) }) else { return }
        var last = head
        if head < phraseLast {
            let next = list[head + 1]
            if next.text != "and", Self.connectors.contains(next.text) || ["Against", "Without", "For"].contains(next.text) || next.isNumber {
                last = phraseLast
            } else if next.isWord, next.isCapitalised, !Self.isPersonLead(next.text) {
                if head != first { return }
                last = phraseLast
            }
        }
        if let kind = Self.headKind(list[head].text) ?? nil, kind == "court" {
        } else if let inside = (head...last).first(where: { list[$0].text == "in" }), inside > first,
                  !(first..<inside).contains(where: { list[$0].text == "for" || list[$0].text == "For" }) {
            last = inside - 1
        }
        guard first < last else { return }  // `Council`, `Commission` alone: see findInstitutions
        let words = list[first...last].map(\.text)
        if Self.officeTitles.contains(words[0]) { return }
        if Self.isInstrumentName(words) || Self.instrumentWords.contains(words[words.count - 1]) { return }
        if Self.isInstrumentName(list[start...end].map(\.text)) { return }
        if words.last == "’s" || words.last == "’" { return }
        // The state's own legislature (`Parliament of Freedonia`) is no case party.
        if words[0] == "Parliament", words.count > 1, words[1] == "of" { return }
        let kind = Self.headKind(list[head].text) ?? nil
        // `Visitor Programme of the Freedonia State Department`: a headless part before `of` names
        // no body, the part after does; `Centre of the Freedonia Council of Forces` names both.
        if let of = (first...last).first(where: { list[$0].text == "of" }), of > first {
            var inner = of + 1
            if inner <= last, list[inner].lower == "the" { inner += 1 }
            let innerHead = inner < last ? (inner...last).last(where: { Self.isHead(list[$0].text) }) : nil
            if let innerHead, list[of + 1].lower == "the", innerHead > inner || Self.connectors.contains(list[min(innerHead + 1, last)].text) {
                if !(first..<of).contains(where: { Self.isHead(list[$0].text) }) {
                    addOrganisation(text(section, inner, last), kind: kind, mention: mention(section, inner, last))
                    return
                }
                if institution(named: text(section, inner, last)) == nil, !(inner...last).contains(where: { list[$0].text == "and" }) {
                    addOrganisation(text(section, inner, last), kind: Self.headKind(list[innerHead].text) ?? nil, mention: mention(section, inner, last))
                }
            }
        }
        addOrganisation(text(section, first, last), kind: kind, mention: mention(section, first, last))
    }

    /// Instrument words beyond the shared lexicon's: `Council Decision`.
    static let instrumentWords: Set<String> = ["Decision", "Decisions", "Files", "Papers", "Prize", "Award"]

    /// `the independent newspaper X`, `a journalist for X`, `a X journalist`.
    mutating func findMedia(in clause: Clause) {
        let list = tokens[clause.section]
        for index in clause.range {
            let word = list[index].lower
            if word == "journalist" || word == "correspondent" || word == "reporter" {
                // `a journalist for X`
                if index + 2 < clause.range.upperBound, list[index + 1].lower == "for" || list[index + 1].lower == "with",
                   list[index + 2].isCapitalised, let end = phraseEnd(clause.section, from: index + 2, limit: clause.range.upperBound) {
                    let name = text(clause.section, index + 2, end)
                    var alias: String?
                    if list[index + 2].isAllCaps, index + 3 <= end, list[index + 3].text == "’s" { alias = list[index + 2].text }
                    addOrganisation(name, alias: alias, kind: "media", mention: mention(clause.section, index + 2, end))
                }
                // `a X journalist`
                var start = index - 1
                while start > clause.range.lowerBound, list[start].isCapitalised, adjacent(clause.section, start, start + 1),
                      list[start - 1].isCapitalised { start -= 1 }
                if start > clause.range.lowerBound, start < index, list[start].isCapitalised,
                   ["a", "an", "the"].contains(list[start - 1].lower), !(start == index - 1 && isDemonym(list[start].text)) {
                    addOrganisation(text(clause.section, start, index - 1), kind: "media", mention: mention(clause.section, start, index - 1))
                }
            }
        }
    }

    /// Well-known institutions by name or short name. `the Council` and `the
    /// Commission` alone mean the EU's.
    /// Every institution's name and aliases, tokenised once.
    static let institutionForms: [(Institutions.Entry, String, [String])] = Institutions.all.flatMap { entry in
        ([entry.name] + entry.aliases).map { form in
            (entry, form, Tokenizer.tokens(Array(form.unicodeScalars), from: 0, to: form.unicodeScalars.count).map(\.text))
        }
    }

    /// The words of every institution form, by their first word, in the order of ``institutionForms``.
    static let institutionWordsByFirstWord: [String: [[String]]] = {
        var table: [String: [[String]]] = [:]
        for (_, _, words) in institutionForms { if let first = words.first { table[first, default: []].append(words) } }
        return table
    }()

    mutating func findInstitutions() {
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for (entry, form, words) in Self.institutionForms {
                do {
                    guard let firstWord = words.first else { continue }
                    for index in positions[section][firstWord] ?? [] where index + words.count <= list.count {
                        guard words.indices.allSatisfy({ list[index + $0].text == words[$0] }) else { continue }
                        let last = index + words.count - 1
                        let next = last + 1 < list.count ? list[last + 1] : nil
                        let previous = index > 0 ? list[index - 1] : nil
                        // Inside a longer name (`United Nations Framework Convention`), or an office's
                        // (`Secretary-General of the United Nations`): not the body itself.
                        if words.count > 1 || !form.allSatisfy({ $0.isUppercase }) {
                            if let next, next.isWord, next.isCapitalised, adjacent(section, last, last + 1), !Self.isHead(next.text) || words.count == 1 { continue }
                        }
                        if isOfficeComplement(section, index) { continue }
                        if words.count == 1, let next, next.isWord, Self.attributiveNouns.contains(next.lower) { continue }
                        if words.count == 1 {
                            // A single word counts only standing alone, not inside a longer name;
                            // a common noun (`Council`) only as `the Council`.
                            if let next, next.isCapitalised && adjacent(section, last, last + 1) || next.text == "of" || next.text == "-" { continue }
                            if let previous, previous.isCapitalised, adjacent(section, index - 1, index) { continue }
                            let generic = ["Council", "Commission", "Parliament", "Union"].contains(form)
                            if generic, previous?.lower != "the" { continue }
                        }
                        addOrganisation(entry.name, alias: form == entry.name ? nil : form, kind: entry.kind, mention: mention(section, index, last))
                    }
                }
            }
        }
    }
}

extension ExtractionRun {
    /// Lowercase words after which a body's short name is an attribute (`UN experts`), not the body.
    static let attributiveNouns: Set<String> = [
        "experts", "expert", "rights", "human", "special", "officials", "official", "agencies", "bodies", "mechanisms",
        "member", "members", "treaty", "system", "staff", "envoy", "monitors", "investigators", "rapporteurs", "independent",
    ]

    /// Whether the phrase at `index` completes a one-person office: `Secretary-General of the X`, `President of X`.
    func isOfficeComplement(_ section: Int, _ index: Int) -> Bool {
        let list = tokens[section]
        var position = index - 1
        if position >= 0, list[position].lower == "the" { position -= 1 }
        guard position >= 1, list[position].text == "of" else { return false }
        let office = list[position - 1].text
        return Self.officeTitles.contains(office) || Self.isPersonLead(office)
            || office.hasPrefix("Secretary") || WordLists.role(list[position - 1].lower).official
    }

    /// Organisations named by what the text calls them rather than by a head word:
    /// `the opposition party Freedom First`, `the outlets Capital News and Ruritania
    /// Today`, `the Green Dawn coalition`, `a presenter for Freedonia Now`, `working
    /// for Capital Post`, `the party “Dawn”`, `the Union ‘For Free Elections’`,
    /// `the Freedonian military (Kaptan)`.
    mutating func findContextNames(in clause: Clause) {
        let list = tokens[clause.section]
        let upper = clause.range.upperBound
        for index in clause.range {
            let token = list[index]
            guard token.isWord else { continue }
            let tag = token.isCapitalised ? nil : WordLists.organisationContext[token.lower]
            // A bracketed single name after a body noun: `the Freedonian military (Kaptan)`.
            if Self.bracketBodies.contains(token.lower), index + 3 < upper, list[index + 1].text == "(", list[index + 3].text == ")",
               list[index + 2].isTitleCase, list[index + 2].isNameShaped {
                addOrganisation(list[index + 2].text, kind: "state-body", mention: mention(clause.section, index + 2, index + 2))
            }
            // A quoted name after a group noun or a head: `the party “Dawn”`, `the Union ‘For Free Elections’`.
            if tag != nil || (token.isTitleCase && Self.isHead(token.text)), index + 2 < upper, ["“", "‘", "\""].contains(list[index + 1].text),
               list[index + 2].isCapitalised,
               let close = (index + 2..<min(upper, index + 16)).first(where: { ["”", "’", "\""].contains(list[$0].text) }), close > index + 2 {
                if tag != nil {
                    let kind = tag.flatMap { $0.isEmpty || $0 == "staff" ? nil : $0 }
                    addOrganisation(text(clause.section, index + 2, close - 1), kind: kind, mention: mention(clause.section, index + 2, close - 1))
                    // `the websites “Dawn” and “Dusk”`
                    var after = close + 1
                    while after + 2 < upper, [",", "and"].contains(list[after].text), ["“", "‘", "\""].contains(list[after + 1].text),
                          list[after + 2].isCapitalised,
                          let next = (after + 2..<min(upper, after + 16)).first(where: { ["”", "’", "\"", "“"].contains(list[$0].text) }), next > after + 2 {
                        addOrganisation(text(clause.section, after + 2, next - 1), kind: kind, mention: mention(clause.section, after + 2, next - 1))
                        after = next + 1
                    }
                } else if index == clause.range.lowerBound || !list[index - 1].isCapitalised {
                    addOrganisation(text(clause.section, index, close), kind: Self.headKind(token.text) ?? nil, mention: mention(clause.section, index, close))
                }
                continue
            }
            guard let tag else { continue }
            if tag == "staff" {
                // `a presenter for X`, `working for X and Y`, `the editor of X`.
                guard index + 2 < upper, ["for", "with", "at", "of"].contains(list[index + 1].lower),
                      token.lower != "working" || list[index + 1].lower != "of" else { continue }
                var start = index + 2
                if list[start].lower == "the", start + 1 < upper { start += 1 }
                guard list[start].isWord, list[start].isCapitalised,
                      !(isCountryWord(list[start].text) && !(start + 1 < upper && list[start + 1].isCapitalised)),
                      !Self.isPersonLead(list[start].text) else { continue }
                parseOrganisationList(clause: clause, from: start, noun: "outlet")
                continue
            }
            // `the opposition party X`: a name right after the noun.
            if index + 1 < upper, list[index + 1].isWord, list[index + 1].isCapitalised, adjacent(clause.section, index, index + 1),
               !(isDemonym(list[index + 1].text) && !(index + 2 < upper && list[index + 2].isCapitalised)), !Self.monthNames.contains(list[index + 1].text),
               !Self.isPersonLead(list[index + 1].text),
               !Self.leadingVerbs.contains(list[index + 1].text), list[index + 1].text != "The" {
                if token.lower.hasSuffix("s") {
                    parseOrganisationList(clause: clause, from: index + 1, noun: token.lower, kind: tag.isEmpty ? nil : tag)
                } else if var end = phraseEnd(clause.section, from: index + 1, limit: upper, crossAnd: false) {
                    // `the party Dawn – Free Freedonia`, `the channel Kanal 7`: one name.
                    if end + 2 < upper, list[end + 1].text == "–", list[end + 2].isCapitalised,
                       let more = phraseEnd(clause.section, from: end + 2, limit: upper, crossAnd: false) { end = more }
                    if end + 1 < upper, list[end + 1].isNumber, list[end + 1].text.count <= 3, list[end].isCapitalised,
                       !(end + 2 < upper && list[end + 2].isCapitalised) { end += 1 }
                    if end == index + 1, isDemonym(list[end].text) { continue }
                    addOrganisation(text(clause.section, index + 1, end), kind: tag.isEmpty ? nil : tag, mention: mention(clause.section, index + 1, end))
                }
            }
            // `the Green Dawn coalition`: a name right before a singular noun.
            if Self.trailingNouns.contains(token.lower), index > clause.range.lowerBound, list[index - 1].isWord, list[index - 1].isCapitalised {
                var start = index - 1
                while start > clause.range.lowerBound, list[start - 1].isWord, list[start - 1].isCapitalised, adjacent(clause.section, start - 1, start),
                      index - start < 5 { start -= 1 }
                guard start == clause.range.lowerBound || !list[start - 1].isCapitalised && list[start - 1].text != "’s" else { continue }
                let words = list[start..<index].map(\.text)
                if words.count == 1, isDemonym(words[0]) || isCountryWord(words[0]) { continue }
                if words.contains(where: { Self.monthNames.contains($0) || Self.leadingVerbs.contains($0) }) || words[0] == "The" { continue }
                if words.allSatisfy({ Lexicon.nonNameWords.contains($0) }) && institution(named: words.joined(separator: " ")) == nil { continue }
                addOrganisation(text(clause.section, start, index - 1), kind: tag.isEmpty ? nil : tag, mention: mention(clause.section, start, index - 1))
            }
        }
    }

    /// Nouns that may follow a name: `the Dawn party`, `the Green Dawn coalition`.
    static let trailingNouns: Set<String> = ["party", "coalition", "movement", "bloc", "newspaper", "outlet", "magazine", "channel", "website", "broadcaster"]

    /// Nouns for armed or state bodies whose own name may follow in brackets.
    static let bracketBodies: Set<String> = ["military", "army", "militia", "junta", "police", "forces", "regime"]

    /// Acronyms listed with known ones (`by FHO, WHO and FDA`) or after
    /// `founder of` / `member of` (`the founder of FUP`) name organisations too.
    mutating func findListedAcronyms() {
        let known = Set(organisations.flatMap { [$0.name] + $0.aliases }.filter { $0.count >= 2 && $0.allSatisfy { $0.isUppercase } })
        func candidate(_ token: Token) -> Bool {
            token.isAllCaps && token.text.filter(\.isLetter).count >= 3 && token.text.allSatisfy(\.isLetter)
                && !Self.romanNumeral(token.text)
        }
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices where candidate(list[index]) && !known.contains(list[index].text) {
                var partners: [String] = []
                var spot = index - 1
                while spot >= 1, [",", "and"].contains(list[spot].text), list[spot - 1].isAllCaps { partners.append(list[spot - 1].text); spot -= 2 }
                spot = index + 1
                while spot + 1 < list.count, [",", "and"].contains(list[spot].text), list[spot + 1].isAllCaps { partners.append(list[spot + 1].text); spot += 2 }
                let listed = partners.contains { known.contains($0) }
                let member = index >= 2 && list[index - 1].text == "of"
                    && ["founder", "co-founder", "member", "members", "leader", "leaders", "chair", "head"].contains(list[index - 2].lower)
                guard listed || member, acronyms[list[index].text] == nil else { continue }
                addOrganisation(list[index].text, kind: nil, mention: mention(section, index, index))
            }
        }
    }

    static func romanNumeral(_ text: String) -> Bool { text.allSatisfy { "IVXLCDM".contains($0) } }

    /// Merges the forms of one body: with and without the country (`Supreme
    /// Court` and `Supreme Court of Freedonia`, `… of the Republic of Freedonia`),
    /// with and without a leading `UN`, a court with and without `in PLACE`;
    /// and drops a body met only in the title (the author in `European
    /// Parliament resolution of …`).
    mutating func tidyOrganisations() {
        let memoised = self  // the key memo is read while `organisations` is being changed
        organisations.removeAll { draft in
            memoised.institution(named: draft.name) != nil && !draft.mentions.isEmpty && draft.mentions.allSatisfy { $0.section == "title" }
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
        func mergeKeys(_ draft: OrganisationDraft) -> Set<String> {
            Set(([draft.name] + draft.aliases).filter { !$0.allSatisfy { $0.isUppercase || $0 == "/" } }.map(Self.organisationKey))
        }
        /// What the comparisons below need of a draft's name, computed once per draft.
        struct NameFacts {
            var words: [String]
            var isInstitution: Bool
        }
        func facts(_ name: String) -> NameFacts {
            NameFacts(words: NameKey.tokens(name), isInstitution: institution(named: name) != nil)
        }
        /// `the Fact-Finding Mission` after `the UN Independent Fact-Finding Mission on Freedonia`:
        /// a name of two words or more that ends the other's name, or its part before a complement.
        func isShortForm(_ short: NameFacts, of long: NameFacts) -> Bool {
            let shortWords = short.words, longWords = long.words
            guard shortWords.count >= 2, shortWords.count < longWords.count, !Self.connectors.contains(shortWords[0]) else { return false }
            if short.isInstitution || long.isInstitution { return false }
            let stem = Array(longWords.prefix { !Self.connectors.contains($0) })
            let before = longWords[longWords.count - shortWords.count - 1]
            return longWords.suffix(shortWords.count) == shortWords[...] && !Self.connectors.contains(before)
                || stem.count > shortWords.count && stem.suffix(shortWords.count) == shortWords[...]
        }
        var merged: [OrganisationDraft] = []
        var mergedKeys: [Set<String>] = []
        var mergedFacts: [NameFacts] = []
        for draft in organisations {
            let keys = mergeKeys(draft)
            let draftFacts = facts(draft.name)
            if let into = merged.indices.first(where: { other in
                !mergedKeys[other].isDisjoint(with: keys) || isShortForm(draftFacts, of: mergedFacts[other])
                    || isShortForm(mergedFacts[other], of: draftFacts)
            }) {
                // Keep the longer, fuller name.
                var target = merged[into]
                let other = draft
                if other.name.count > target.name.count, !other.name.hasPrefix("UN ") || target.name.hasPrefix("UN ") {
                    target.aliases.append(target.name)
                    target.name = other.name
                    target.nameKey = other.nameKey
                }
                for alias in [other.name] + other.aliases where alias != target.name && !target.aliases.contains(alias) { target.aliases.append(alias) }
                target.aliasKeys.formUnion(keys.union([merged[into].nameKey]))
                if target.kind == nil { target.kind = other.kind }
                for mention in other.mentions where !target.mentions.contains(where: { $0.start == mention.start }) { target.mentions.append(mention) }
                merged[into] = target
                mergedKeys[into] = mergeKeys(target)
                mergedFacts[into] = facts(target.name)
            } else {
                merged.append(draft)
                mergedKeys.append(keys)
                mergedFacts.append(draftFacts)
            }
        }
        organisations = merged
        reindexOrganisations()
    }

    func shorterForms(_ form: String) -> [String] {
        var words = form.split(separator: " ").map(String.init)
        var result: [String] = []
        if words.count >= 3, words[0] == "UN" { result.append(words.dropFirst().joined(separator: " ")) }
        // `… of [the] [Republic of] Freedonia`
        if words.count >= 3, let last = words.last, isCountryWord(last), let of = words.lastIndex(of: "of"), of >= 1 {
            var cut = of
            if cut >= 2, words[cut - 1] == "Republic" {
                cut -= 1
                while cut >= 2, ["People’s", "Islamic", "Democratic", "Socialist", "Federal", "Arab", "the"].contains(words[cut - 1]) { cut -= 1 }
                if cut >= 2, words[cut - 1] == "of" { cut -= 1 }
            }
            if cut >= 2, words[cut - 1] != "of", words[cut - 1] != "the" { result.append(words[..<cut].joined(separator: " ")) }
        }
        if let inside = words.firstIndex(of: "in"), inside >= 2, Self.headKind(words[inside - 1]) == .some("court") {
            words = Array(words[..<inside])
            result.append(words.joined(separator: " "))
        }
        return result
    }
}

/// Organisations known only from company they keep, and every later mention.
extension ExtractionRun {
    static let coordinatedKinds: Set<String> = ["movement", "party", "ngo", "media", "trade-union"]

    /// `associated with X and the Democratic Choice (DC)`: a name coordinated
    /// with a known movement, party, NGO or outlet is one too, unless it is a
    /// person's name.
    mutating func findCoordinatedOrganisations() {
        inferKindsFromRelativeClauses()
        for index in organisations.indices {
            guard let kind = organisations[index].kind, Self.coordinatedKinds.contains(kind) else { continue }
            for mention in organisations[index].mentions {
                guard let section = document.sections.firstIndex(where: { $0.label == mention.section }),
                      let first = tokenIndex(section, start: mention.start), let last = tokenIndex(section, end: mention.end)
                else { continue }
                let list = tokens[section]
                if first >= 2, list[first - 1].lower == "and" {
                    var start = first - 2
                    while start > 0, list[start - 1].isNameShaped, adjacent(section, start - 1, start) { start -= 1 }
                    addCoordinated(section, start, first - 2, kind: kind)
                }
                if last + 2 < list.count, list[last + 1].lower == "and" {
                    var end = last + 2
                    while end + 1 < list.count, list[end + 1].isNameShaped, adjacent(section, end, end + 1) { end += 1 }
                    addCoordinated(section, last + 2, end, kind: kind)
                }
            }
        }
    }

    static let kindNouns: [String: String] = [
        "movement": "movement", "movements": "movement", "party": "party", "parties": "party", "ngo": "ngo", "ngos": "ngo",
        "newspaper": "media", "newspapers": "media", "outlet": "media", "outlets": "media", "union": "trade-union", "unions": "trade-union",
    ]

    /// `X (ACR), which are peaceful opposition movements` says what X is.
    mutating func inferKindsFromRelativeClauses() {
        for index in organisations.indices where organisations[index].kind == nil {
            for mention in organisations[index].mentions {
                guard let section = document.sections.firstIndex(where: { $0.label == mention.section }),
                      var cursor = tokenIndex(section, end: mention.end) else { continue }
                let list = tokens[section]
                if cursor + 3 < list.count, list[cursor + 1].text == "(", list[cursor + 3].text == ")" { cursor += 3 }
                guard cursor + 3 < list.count, list[cursor + 1].text == ",", list[cursor + 2].lower == "which",
                      ["is", "are", "was", "were"].contains(list[cursor + 3].lower) else { continue }
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
        guard first <= last, (1...4).contains(last - first + 1),
              list[first...last].allSatisfy({ $0.isNameShaped && !Lexicon.nonNameWords.contains($0.text) }) else { return }
        let name = text(section, first, last)
        let key = NameKey.matchKey(name)
        if persons.contains(where: { person in person.forms.contains { NameKey.matchKey($0) == key } }) { return }
        if last > first, Lexicon.looksLikeSurname(list[last].text) || Lexicon.looksLikeSurname(list[first].text) { return }
        let nameKey = organisationKey(name)
        if organisations.contains(where: { $0.nameKey == nameKey }) { return }
        if let country = document.country, CountryNames.isAdjective(list[first].text, of: country) { return }
        if institution(named: name) != nil { return }
        _ = addOrganisation(name, kind: kind, mention: mention(section, first, last))
    }

    /// Every occurrence of a multi-word name or an acronym already known.
    mutating func findAllOrganisationMentions() {
        findListedAcronyms()
        tidyOrganisations()
        for index in organisations.indices {
            let forms = [organisations[index].name] + organisations[index].aliases
            for form in forms {
                let words = Tokenizer.tokens(Array(form.unicodeScalars), from: 0, to: form.unicodeScalars.count).map(\.text)
                guard words.count >= 2 || (words.count == 1 && words[0].count >= 2 && words[0].allSatisfy { $0.isUppercase || $0 == "/" })
                else { continue }
                for section in tokens.indices where isBody(section) {
                    let list = tokens[section]
                    for start in positions[section][words[0]] ?? [] where start + words.count <= list.count {
                        guard words.indices.allSatisfy({ list[start + $0].text == words[$0] }) else { continue }
                        let last = start + words.count - 1
                        if start > 0, list[start - 1].isCapitalised, adjacent(section, start - 1, start), list[start - 1].isWord { continue }
                        if last + 1 < list.count, list[last + 1].isCapitalised, list[last + 1].isWord, adjacent(section, last, last + 1) { continue }
                        let found = mention(section, start, last)
                        let covered = organisations.contains { draft in
                            draft.mentions.contains { $0.section == found.section && $0.start <= found.start && found.end <= $0.end }
                        }
                        if !covered { organisations[index].mentions.append(found) }
                    }
                }
            }
        }
    }
}

extension String.UTF8View {
    /// Whether `needle`'s bytes occur in a row here: a byte search, no Foundation.
    func containsBytes(_ needle: String.UTF8View) -> Bool {
        let haystack = Array(self), pattern = Array(needle)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return pattern.isEmpty }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }
}
