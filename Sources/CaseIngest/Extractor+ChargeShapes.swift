/// Charges in shapes the clause-by-clause reading of ``findCharges()`` does not pair: an article
/// named by reference (`under the same article`), a subject that is a number word for persons
/// named before (`both were convicted under …`), a list of persons after the article (`under
/// Article 3, including X and Y`), and the one charged after it (`the charges under Article 3
/// against X`). Runs at the end of ``findCharges()``, before charges are inferred from them.
extension EventStage {
    /// `both`, `the two`: a subject standing for the two persons named last.
    static let pairWords: Set<String> = EventWords.words("pair")
    /// Nouns an article is referred to by: `under the same article`.
    static let articleNouns: Set<String> = EventWords.words("article-noun")
    /// Prepositions that put a name in a complement, not in the subject charged (`a confidant of X`).
    static let complementPrepositions: Set<String> = EventWords.words("complement-preposition")
    /// The auxiliary before an ended-past word that makes charges dropped: `the charges were dropped`.
    static let endedAuxiliaries: Set<String> = EventWords.words("ended-auxiliary")
    /// Lower-case words that may stand between a subject's name and a preposition before it: `the lawyer of the journalist X`.
    static let subjectDeterminers: Set<String> = EventWords.words("subject-determiner")
    /// The word just before an article that cites it rather than applies it: `in line with Article 2`, `by Article 4`.
    static let citingLeads: Set<String> = EventWords.words("citing-lead")
    /// The word two before `same article` that applies it: `under the same article`.
    static let sameArticleLeads: Set<String> = EventWords.words("same-article-lead")
    /// Lower-case words inside an instrument's name after its article: `Article 5 of the Penal Code`.
    static let instrumentTies: Set<String> = EventWords.words("instrument-tie")
    /// `same` in `under the same article` (a set made once, not for each token asked).
    static let sameWords: Set<String> = EventWords.words("same")

    /// The stage a clause gives the charges it states, as ``findCharges()`` reads it.
    func chargeStage(inClause clauseIndex: Int, from firstArticle: Int) -> String {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let classes = cueMemo.classes[clause.section]
        if clause.range.contains(where: { EventWords.acquitted.contains(list[$0].lower) }) { return "acquitted" }
        let ended = (max(firstArticle, clause.range.lowerBound + 1)..<clause.range.upperBound).contains { index in
            guard classes[index].contains(.endedPast), Self.endedAuxiliaries.contains(list[index - 1].lower) else { return false }
            let subject = (max(clause.range.lowerBound, index - 20)..<index).reversed().first { position in
                classes[position].contains(.charging) || Self.endedSubjects.contains(list[position].lower)
            }
            return subject.map { classes[$0].contains(.charging) } ?? false
        }
        if ended { return "dropped" }
        return clause.range.contains { classes[$0].contains(.convicted) } ? "convicted" : "charged"
    }

    /// Whether a clause states charges: it has a trigger word and, in an operative paragraph, no request.
    func statesCharges(_ clauseIndex: Int) -> Bool {
        let clause = clauses[clauseIndex]
        let classes = cueMemo.classes[clause.section]
        guard clause.range.contains(where: { classes[$0].contains(.chargeTrigger) }) else { return false }
        if document.sections[clause.section].kind == .paragraph,
           clause.range.contains(where: { classes[$0].contains(.request) || Self.reformWords.contains(tokens[clause.section][$0].lower) }) {
            return false
        }
        return true
    }

    /// Whether the person placed at `placed` is the clause's subject, not a name in a complement
    /// (`the lawyer of X`): no preposition among the words before the name back to a lower-case word.
    func standsAsSubject(_ placed: Placed, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        var position = placed.first - 1
        var steps = 0
        while position >= clause.range.lowerBound, steps < 6, list[position].isWord {
            if Self.complementPrepositions.contains(list[position].lower) { return false }
            if list[position].isCapitalised == false, steps > 0, !Self.subjectDeterminers.contains(list[position].lower),
               !WordLists.role(list[position].lower).isRole && !WordLists.kinship.contains(list[position].lower) { break }
            position -= 1
            steps += 1
        }
        return true
    }

    mutating func addShapedCharge(person: Int, provision: Int, stage: String, evidence: String, section: Int,
                                  because: String?, cue: String, rule: String, matched: String) {
        let subject = Extraction.ChargeSubject(person: persons[person].name)
        let instrument = provisions[provision].instrument, article = provisions[provision].article
        guard !charges.contains(where: { $0.subject == subject && $0.article == article && $0.instrument == instrument }) else { return }
        var charge = Extraction.ChargeCue(subject: subject, instrument: instrument, article: article, stage: stage,
                                          evidence: evidence, section: label(section), because: because, via: nil, cue: cue)
        charge.rules = [RuleBook.hit(rule, matched)]
        charges.append(charge)
    }

    /// The articles a clause applies (not those it cites: `in line with Article 2`, `repeal Article 3`).
    func appliedArticles(inClause clauseIndex: Int) -> [Placed] {
        let clause = clauses[clauseIndex]
        return placedProvisions(inClause: clauseIndex).filter { provision in
            guard !provisions[provision.entity].instrument.hasPrefix("European Parliament Rules") else { return false }
            let before = wordsBefore(clause.section, provision.first, in: clause, count: 3)
            return !before.contains { Self.reformWords.contains($0.lower) }
                && !(before.first.map { Self.citingLeads.contains($0.lower) } ?? false)
        }
    }

    mutating func findChargeShapes() {
        var earlierInSection: [Int] = []  // persons named in the section so far, in text order
        var section = -1
        for clauseIndex in cueMemo.bodyClauses {
            let clause = clauses[clauseIndex]
            if clause.section != section { section = clause.section; earlierInSection = [] }
            let people = placedPersons(inClause: clauseIndex).filter { !persons[$0.entity].official }
            defer { earlierInSection += people.map(\.entity) }
            guard !clause.range.isEmpty, statesCharges(clauseIndex) else { continue }
            let list = tokens[section]
            let articles = appliedArticles(inClause: clauseIndex)
            let cueEnd = articles.map(\.last).max() ?? clause.range.upperBound - 1
            var cue = text(section, clause.range.lowerBound, cueEnd)
            // The first scalars lower-cased, not the whole cue (lower-casing maps scalar by scalar, and 16 decide the prefix).
            if String(cue.unicodeScalars.prefix(16)).lowercased().hasPrefix("whereas ") { cue.removeFirst("whereas ".count) }

            // `under the same article`: the article named last before, for the subjects before the words.
            if articles.isEmpty,
               let same = clause.range.first(where: { Self.sameWords.contains(list[$0].lower) && $0 + 1 < clause.range.upperBound
                   && Self.articleNouns.contains(list[$0 + 1].lower) && $0 >= 2 && Self.sameArticleLeads.contains(list[$0 - 2].lower) }),
               let referent = provisionNamedLast(before: list[same].start) {
                let subjects = (pronounSubjects[clauseIndex] ?? []).filter { !persons[$0.entity].official && $0.first < same }
                    + people.filter { $0.last < same && standsAsSubject($0, in: clause) }
                let provision = provisions[referent.provision]
                for subject in subjects {
                    addShapedCharge(person: subject.entity, provision: referent.provision, stage: chargeStage(inClause: clauseIndex, from: same),
                                    evidence: "inferred", section: section,
                                    because: "‘\(text(section, same - 1, same + 1))’ (\(label(section))) refers to Article \(provision.article) of the "
                                        + "\(provision.instrument), named before it (\(referent.section))",
                                    cue: text(section, clause.range.lowerBound, same + 1).replacingOccurrences(of: "whereas ", with: ""),
                                    rule: "charge.same-article", matched: text(section, same - 2, same + 1))
                }
            }
            guard !articles.isEmpty else { continue }
            let firstArticle = articles.map(\.first).min()!
            let stage = chargeStage(inClause: clauseIndex, from: firstArticle)

            // `both were convicted under Articles 3 and 4`: the two persons named last in the section.
            if people.isEmpty, (pronounSubjects[clauseIndex] ?? []).isEmpty,
               let pair = (clause.range.lowerBound..<firstArticle).first(where: { Self.pairWords.contains(list[$0].lower) }),
               pair - clause.range.lowerBound <= 3 {
                var named: [Int] = []
                for entity in earlierInSection.reversed() where !named.contains(entity) {
                    named.append(entity)
                    if named.count == 2 { break }
                }
                if named.count == 2 {
                    for person in named.reversed() {
                        for article in articles {
                            addShapedCharge(person: person, provision: article.entity, stage: stage, evidence: "stated", section: section,
                                            because: nil, cue: cue, rule: "charge.pair-subject", matched: list[pair].text)
                        }
                    }
                }
            }

            // `under Article 3 of the Code, including X and Y`: everyone the list after the articles names.
            let lastArticle = articles.map(\.last).max()!
            if !people.contains(where: { $0.last < firstArticle && standsAsSubject($0, in: clause) }),
               let introducer = clause.introducers.first(where: { $0.at > lastArticle && $0.at <= afterInstrument(section, from: lastArticle, in: clause) + 1 }) {
                let listed = people.filter { $0.first >= introducer.after }
                if listed.count >= 2 {
                    for person in listed {
                        for article in articles {
                            addShapedCharge(person: person.entity, provision: article.entity, stage: stage, evidence: "stated", section: section,
                                            because: nil, cue: cue, rule: "charge.list-after-article",
                                            matched: text(section, introducer.at, introducer.after - 1))
                        }
                    }
                }
            }

            // `the charges brought under section 3 against X`: the one named after `against`.
            for article in articles {
                let against = afterInstrument(section, from: article.last, in: clause)
                guard against < clause.range.upperBound, EventWords.against.contains(list[against].lower),
                      (max(clause.range.lowerBound, article.first - 4)..<article.first).contains(where: { cueMemo.classes[section][$0].contains(.charging) }),
                      let person = people.first(where: { $0.first > against && $0.first - against <= 5 })
                else { continue }
                addShapedCharge(person: person.entity, provision: article.entity, stage: stage, evidence: "stated", section: section,
                                because: nil, cue: text(section, clause.range.lowerBound, person.last).replacingOccurrences(of: "whereas ", with: ""),
                                rule: "charge.against-after-article", matched: text(section, article.first, against))
            }
        }
    }

    /// The first token after an article and the instrument named with it (`Article 5 of the Penal
    /// Code`): after capitalised words and `of`, `the`, `its`; the clause's end if none.
    func afterInstrument(_ section: Int, from articleEnd: Int, in clause: Clause) -> Int {
        let list = tokens[section]
        var position = articleEnd + 1
        while position < clause.range.upperBound, position - articleEnd <= 14,
              list[position].isWord && (list[position].isCapitalised || Self.instrumentTies.contains(list[position].lower)) {
            position += 1
        }
        return position
    }

    /// The provision whose mention ends last before offset `start` in the body (the Parliament's
    /// own Rules of Procedure left out), and the label of its section.
    func provisionNamedLast(before start: Int) -> (provision: Int, section: String)? {
        var best: (provision: Int, section: String, end: Int)?
        for (index, provision) in provisions.enumerated() where !provision.instrument.hasPrefix("European Parliament Rules") {
            for mention in provision.mentions where mention.end <= start && mention.end > (best?.end ?? -1) {
                best = (index, mention.section, mention.end)
            }
        }
        return best.map { ($0.provision, $0.section) }
    }
}
