/// Offices of civil society: the persons stage marks a person named with an office (`president of`,
/// `chair of`) as an official, who is given no statuses. An office held in a body of civil society
/// (a human rights centre, a trade union, a newspaper, a party) is not state power: its holder is a
/// case like anyone else (`event.civil-society-office`).
extension EventStage {
    /// Organisation kinds whose offices are civil society's (``Extraction/OrganisationEntity/kind``).
    static let civilSocietyKinds: Set<String> = ["ngo", "trade-union", "media", "party", "movement"]
    /// Organisation kinds of state power (courts, state bodies, international bodies): an office beside one stays official.
    static let stateKinds: Set<String> = ["state-body", "court", "international"]
    /// The most tokens an apposition of an office spans (`the president of X (X) and deputy secretary general of Y (Y)`).
    static let appositionLimit = 30
    /// Words of an organisation's name that make a body with no kind one of civil society
    /// (`Congress of Free Trade Unions`): `Words/event-words.txt`, class `civil-society-name`.
    static let civilSocietyNameWords = EventWords.words("civil-society-name")

    /// Whether organisation `index` is a body of civil society: of a civil-society kind, or of no
    /// kind with a civil-society word in its name.
    func isCivilSociety(_ index: Int) -> Bool {
        if let kind = organisations[index].kind { return Self.civilSocietyKinds.contains(kind) }
        return organisations[index].name.split(separator: " ").contains { Self.civilSocietyNameWords.contains($0.lowercased()) }
    }

    /// Persons marked official whose every office-bearing mention is an apposition naming a body of
    /// civil society and no body of state power (`Ana Ruiz, president of the Freedonian Centre for Human Rights,
    /// was arrested`; `the chair of the Free Trade Union, Tomas Berg, was sentenced`): no longer
    /// officials; each is given the words that showed it, to carry on their statuses.
    mutating func releaseCivilSocietyOffices() -> [Int: RuleHit] {
        var released: [Int: RuleHit] = [:]
        var sectionIndex: [String: Int] = [:]
        for (index, section) in document.sections.enumerated() where sectionIndex[section.label] == nil {
            sectionIndex[section.label] = index
        }
        for person in persons.indices where persons[person].official {
            let offices = persons[person].mentions.filter { $0.role == ProgramTag.official }
            guard !offices.isEmpty else { continue }
            var shown: RuleHit?
            for mention in offices {
                guard let section = sectionIndex[mention.section], let first = tokenIndex(section, start: mention.start),
                      let last = tokenIndex(section, end: mention.end),
                      let words = civilSocietyApposition(section: section, first: first, last: last) else { shown = nil; break }
                shown = shown ?? RuleHit("event.civil-society-office", text: words)
            }
            if let shown {
                persons[person].official = false
                released[person] = shown
            }
        }
        return released
    }

    /// The apposition beside a name (from the name to the next comma after it, or from the comma
    /// before it back to the comma or clause start before that) naming a body of civil society and
    /// no body of state power (``stateKinds``): its words, or nil.
    func civilSocietyApposition(section: Int, first: Int, last: Int) -> String? {
        let list = tokens[section]
        let clauseAt = Self.firstToken(clauses.count) { index in
            clauses[index].section > section || (clauses[index].section == section && clauses[index].range.upperBound > first)
        }
        guard clauseAt < clauses.count, clauses[clauseAt].section == section, clauses[clauseAt].range.contains(first) else { return nil }
        let range = clauses[clauseAt].range
        func isComma(_ position: Int) -> Bool { list[position].text == "," }
        var spans: [ClosedRange<Int>] = []
        // After: `Ana Ruiz, president of X, …`.
        if last + 2 < range.upperBound, isComma(last + 1) {
            let end = (last + 2..<range.upperBound).first(where: isComma).map { $0 - 1 } ?? range.upperBound - 1
            if end >= last + 2 { spans.append(last + 2...end) }
        }
        // Before: `the president of X, Ana Ruiz, …`; a title may stand between the comma and the
        // name (`the director of X, Mr Tomas Berg, …`).
        var named = first
        while named - 1 > range.lowerBound, WordLists.titles[[list[named - 1].text]] != nil { named -= 1 }
        if named - 1 > range.lowerBound, isComma(named - 1) {
            let start = (range.lowerBound..<named - 1).last(where: isComma).map { $0 + 1 } ?? range.lowerBound
            if start <= named - 2 { spans.append(start...named - 2) }
        }
        let label = document.sections[section].label
        // An apposition names the one person's office: a span naming another person is a list
        // (`the prosecutor A, the judge B and the party C`), not an apposition.
        func namesAnother(_ span: ClosedRange<Int>) -> Bool {
            persons.contains { other in
                other.mentions.contains { mention in
                    mention.section == label && tokenIndex(section, start: mention.start).map(span.contains) == true
                }
            }
        }
        for span in spans where span.count <= Self.appositionLimit && !namesAnother(span) {
            let bodies = organisations.indices.filter { index in
                organisations[index].mentions.contains { mention in
                    guard mention.section == label,
                          let at = tokenIndex(section, start: mention.start) else { return false }
                    return span.contains(at)
                }
            }
            if bodies.contains(where: isCivilSociety), !bodies.contains(where: { organisations[$0].kind.map(Self.stateKinds.contains) == true }) { return text(section, span.lowerBound, span.upperBound) }
        }
        return nil
    }
}
