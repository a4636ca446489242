/// Persons, from the structure around names:
/// - lists after a group of people and an introducer (`political prisoners,
///   including A, B and C`), in either name order;
/// - a role or title right before a name (`journalist X`, `President X`,
///   `a photographer, X`, `editor-in-chief of …, X`);
/// - a name followed by `, who`;
/// - every later occurrence of a name found so, in any order, and a title with
///   the family name alone (`President Sidorenko`).
extension ExtractionRun {
    mutating func findPersons() {
        for clause in clauses where isBody(clause.section) {
            let list = tokens[clause.section]
            // A title and one name: `President Anna-Maria Sidorenko` is caught above; `President X` here.
            for index in clause.range where Lexicon.honorifics[list[index].text] != nil {
                let next = index + 1
                guard next < clause.range.upperBound, list[next].isNameShaped, adjacent(clause.section, index, next),
                      !(next + 1 < clause.range.upperBound && list[next + 1].isNameShaped && adjacent(clause.section, next, next + 1)),
                      !Lexicon.nonNameWords.contains(list[next].text)
                else { continue }
                let role = Lexicon.honorifics[list[index].text] ?? nil
                pendingTitled.append((clause.section, next, role?.isEmpty == false ? role : nil))
            }
            let runs = nameRuns(in: clause)
            guard !runs.isEmpty else { continue }
            var chosen: [Int: String?] = [:]  // run index → role
            // Lists after a group of people.
            for introducer in introducers(in: clause) {
                guard let group = groupNoun(before: introducer.at, in: clause), group.isPerson else { continue }
                let groupPosition = (clause.range.lowerBound..<introducer.at).last { list[$0].lower == group.noun } ?? introducer.at
                let previous = groupPosition > 0 ? list[groupPosition - 1].lower : nil
                let role = Lexicon.roleName(group.noun, previous: previous)
                for (offset, run) in runs.enumerated() where run.first >= introducer.after { chosen[offset] = role }
            }
            for (offset, run) in runs.enumerated() where chosen[offset] == nil {
                if let role = roleBefore(run, in: clause) { chosen[offset] = role; continue }
                let next = run.last + 1
                guard next + 1 < clause.range.upperBound, list[next].text == "," else { continue }
                if list[next + 1].lower == "who" { chosen[offset] = .some(nil); continue }
                // `NAME, a journalist for …`, `NAME, a mother of three`
                if ["a", "an", "the"].contains(list[next + 1].lower), next + 2 < clause.range.upperBound,
                   Lexicon.personNouns.contains(list[next + 2].lower) || Lexicon.roleTitles.contains(list[next + 2].lower) {
                    chosen[offset] = .some(Lexicon.roleName(list[next + 2].lower, previous: nil))
                }
            }
            // A name that is an organisation's is not a person's.
            let organisationRuns = Set(runs.indices.filter { offset in
                let runKey = Self.organisationKey(runs[offset].text)
                return organisations.contains { draft in
                    draft.nameKey == runKey
                        || draft.mentions.contains { $0.start <= runs[offset].start && runs[offset].end <= $0.end }
                }
            })
            for offset in organisationRuns { chosen[offset] = nil }
            // A list of names shares what one of them is.
            var changed = true
            while changed {
                changed = false
                for offset in runs.indices where chosen[offset] == nil && !organisationRuns.contains(offset) {
                    for neighbour in [offset - 1, offset + 1] where runs.indices.contains(neighbour) {
                        guard let role = chosen[neighbour] else { continue }
                        let (a, b) = neighbour < offset ? (runs[neighbour], runs[offset]) : (runs[offset], runs[neighbour])
                        if isListGap(clause.section, from: a.last + 1, to: b.first) { chosen[offset] = role; changed = true; break }
                    }
                }
            }
            let surnameFirst = listIsSurnameFirst(runs.enumerated().filter { chosen[$0.offset] != nil }.map(\.element))
            for (offset, run) in runs.enumerated() {
                guard let role = chosen[offset] else { continue }
                addPerson(run, role: role, surnameFirst: surnameFirst)
            }
        }
    }

    /// A role word or title right before a run (`human rights defender X`,
    /// `a photographer, X`, `founder, X`), or an appositive after a role.
    func roleBefore(_ run: NameRun, in clause: Clause) -> String?? {
        let list = tokens[clause.section]
        var index = run.first - 1
        guard index >= clause.range.lowerBound else { return nil }
        if let role = Lexicon.honorifics[list[index].text] { return .some(role.isEmpty ? nil : role) }
        var sawComma = false
        if list[index].text == "," { sawComma = true; index -= 1 }
        guard index >= clause.range.lowerBound else { return nil }
        let word = list[index].lower
        if Lexicon.roleTitles.contains(word) {
            return .some(Lexicon.roleName(word, previous: index > 0 ? list[index - 1].lower : nil) ?? word)
        }
        // `editor-in-chief of the independent newspaper X, NAME`
        if sawComma {
            var position = index
            var words = 0
            while position >= clause.range.lowerBound, words < 10, list[position].text != "," {
                if list[position].isWord {
                    words += 1
                    if Lexicon.roleTitles.contains(list[position].lower) {
                        return .some(Lexicon.roleName(list[position].lower, previous: nil) ?? list[position].lower)
                    }
                }
                position -= 1
            }
        }
        return nil
    }

    /// Whether the tokens between two names are only a list separator and
    /// lowercase words (`, `, ` and `, `, his son `).
    func isListGap(_ section: Int, from start: Int, to end: Int) -> Bool {
        let list = tokens[section]
        guard start < end, end - start <= 6 else { return start == end }
        let gap = list[start..<end]
        guard let first = gap.first, first.text == "," || first.lower == "and" || first.lower == "or" else { return false }
        let commas = gap.filter { $0.text == "," }.count
        return commas <= 1 && gap.allSatisfy { $0.text == "," || ($0.isWord && !$0.isCapitalised) || $0.text == "-" }
            && !gap.contains { ["who", "which", "whose", "whom", "were", "was", "have", "has"].contains($0.lower) }
    }

    /// A list is written family name first when most of its names that show
    /// it (a family-name ending on one side only) do.
    func listIsSurnameFirst(_ runs: [NameRun]) -> Bool {
        var first = 0, last = 0
        for run in runs {
            let words = run.text.split(separator: " ").map(String.init)
            guard words.count == 2 else { continue }
            let a = Lexicon.looksLikeSurname(words[0]), b = Lexicon.looksLikeSurname(words[1])
            if a && !b { first += 1 }
            if b && !a { last += 1 }
        }
        return first > last
    }

    mutating func addPerson(_ run: NameRun, role: String?, surnameFirst listOrder: Bool) {
        let words = run.text.split(separator: " ").map(String.init)
        var surnameFirst = listOrder
        if words.count == 2 {
            let a = Lexicon.looksLikeSurname(words[0]), b = Lexicon.looksLikeSurname(words[1])
            if a != b { surnameFirst = a }
        } else {
            surnameFirst = false
        }
        let given = surnameFirst ? ([words[1], words[0]]).joined(separator: " ") : run.text
        let mention = Extraction.Mention(section: label(run.section), text: run.text, start: run.start, end: run.end, role: role)
        record(person: given, form: run.text, mention: mention, role: role)
    }

    /// Adds a mention to the person this name is, or a new person.
    mutating func record(person name: String, form: String, mention: Extraction.Mention, role: String?) {
        let index: Int
        let nameTokens = NameKey.tokens(name)
        if let existing = persons.firstIndex(where: { draft in
            draft.formTokens.contains { IdentityRules.compare(tokens: $0, nameTokens) == .same }
        }) {
            index = existing
        } else {
            persons.append(PersonDraft(name: name, forms: [name], roles: [], mentions: [], formTokens: [nameTokens]))
            index = persons.count - 1
        }
        if !persons[index].forms.contains(form) {
            persons[index].forms.append(form)
            persons[index].formTokens.append(NameKey.tokens(form))
        }
        if let role, !persons[index].roles.contains(role) { persons[index].roles.append(role) }
        if !persons[index].mentions.contains(where: { $0.start == mention.start }) { persons[index].mentions.append(mention) }
    }

    /// Every occurrence of a known person's name, in either order, and a title
    /// with the family name alone.
    mutating func findAllMentions() {
        // Every form of every known name, in both orders, by its first word: one pass over the tokens.
        var byFirstWord: [String: [(name: String, order: [String])]] = [:]
        for person in persons {
            for form in person.forms {
                let words = form.split(separator: " ").map(String.init)
                for order in words.count == 2 ? [words, [words[1], words[0]]] : [words] {
                    byFirstWord[order[0], default: []].append((person.name, order))
                }
            }
        }
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            for index in list.indices {
                guard let candidates = byFirstWord[list[index].text] else { continue }
                for (name, order) in candidates where index + order.count <= list.count {
                    do {
                        do {
                            guard order.indices.allSatisfy({ list[index + $0].text == order[$0] }) else { continue }
                            let last = index + order.count - 1
                            // Not a part of a longer name.
                            if last + 1 < list.count, list[last + 1].isNameShaped, adjacent(section, last, last + 1) { continue }
                            if index > 0, list[index - 1].isNameShaped, adjacent(section, index - 1, index),
                               Lexicon.honorifics[list[index - 1].text] == nil { continue }
                            let surface = order.joined(separator: " ")
                            record(person: name, form: surface, mention: mention(section, index, last), role: nil)
                        }
                    }
                }
            }
        }
        // Transliteration variants of known names (`Alexei` for `Aleksei`).
        for clause in clauses where isBody(clause.section) {
            for run in nameRuns(in: clause) {
                let runTokens = NameKey.tokens(run.text)
                guard let person = persons.first(where: { draft in
                    draft.formTokens.contains { IdentityRules.compare(tokens: $0, runTokens) == .same }
                }) else { continue }
                record(person: person.name, form: run.text, mention: mention(run.section, run.first, run.last), role: nil)
            }
        }
        for (section, index, role) in pendingTitled {
            let surname = tokens[section][index].text
            let matches = persons.indices.filter { persons[$0].name.split(separator: " ").last.map(String.init) == surname }
            if matches.count == 1 {
                let name = persons[matches[0]].name
                record(person: name, form: surname, mention: mention(section, index, index, role: role), role: role)
            } else if matches.isEmpty {
                record(person: surname, form: surname, mention: mention(section, index, index, role: role), role: role)
            }
        }
    }
}
