/// Titles and citations: what they say of the persons they name.
///
/// A resolution's title and its citations ("having regard to …") name the steps of a case by
/// their nouns rather than by a verb of a recital: "having regard to the declaration of 4 May 2030
/// on the verdict against the journalist Ana Ruiz", "having regard to the statements following the
/// assassination of the journalists: Piet Vos (issued on 3 May), Lina Holm and Tomas Berg (issued on
/// 1 May)", a title "on Freedonia: prosecution of students, notably the case of Ana Ruiz". A cited
/// statement that condemns or welcomes the step still says it happened. A title or citation that
/// names a case and nothing else ("on the case of Ana Ruiz", "on freedom of expression, notably the
/// case of Piet Vos") says no step.
///
/// Two rules (`Rules+Citations.swift`), reading the classes of the title-and-citation block of
/// `Words/document-words.txt` (``CitationWords``):
/// - `event.cited-step-of`: the subject of a title or citation (`on`, `following`, `condemning`,
///   then an article or none) is a step's noun with `of` or `against`, then a list of names;
/// - `event.title-case-of-step`: a title names a step or a penalty, then `notably`, `in particular`
///   (a list introducer) and the case(s) of named persons.
/// The list may describe its first name (`the Freedonian journalist Ana Ruiz`) and carry a
/// parenthesised aside after each (`(issued on 3 May)`). A person a cue of the same clause already
/// gives the same status takes nothing more, and officials take nothing. The step is undated: the cited text's
/// date is not the event's.
extension EventStage {
    /// Adds to `hits` what titles and citations say of the persons they name (after the cues and the
    /// group statements, so that a person they already read in a clause keeps what they read).
    func findTitleAndCitationSteps(hits: inout [Int: [PersonHit]]) {
        for clauseIndex in cueMemo.bodyClauses {
            let clause = clauses[clauseIndex]
            let kind = document.sections[clause.section].kind
            guard kind == .title || kind == .citation else { continue }
            let placed = placedPersons(inClause: clauseIndex)
            guard !placed.isEmpty else { continue }
            var found: [(status: CaseStatus, members: [Placed], first: Int, last: Int, rule: String)] = []
            found += citedSteps(in: clause, placed: placed)
            if kind == .title { found += titleCases(in: clause, placed: placed) }
            for step in found {
                let cue = text(clause.section, step.first, step.last)
                var hit = CueHit(kind: .status(step.status), first: step.first, last: step.last, direction: .forward)
                hit.nominal = true
                hit.rule = step.rule
                for member in step.members where !persons[member.entity].official {
                    // A title or citation may name several steps of one person (`detention and prosecution of …`).
                    if (hits[member.entity] ?? []).contains(where: { $0.clause == clauseIndex && $0.hit.kind == hit.kind }) { continue }
                    var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: nil)
                    personHit.rules = [RuleBook.hit(step.rule, cue)]
                    hits[member.entity, default: []].append(personHit)
                }
            }
        }
    }

    /// `event.cited-step-of`: `on the verdict against the journalist A`, `following the assassination
    /// of the journalists: A (issued on 3 May), B and C`, `condemning the arrest of A`.
    func citedSteps(in clause: Clause, placed: [Placed]) -> [(status: CaseStatus, members: [Placed], first: Int, last: Int, rule: String)] {
        let list = tokens[clause.section]
        let range = clause.range
        var found: [(status: CaseStatus, members: [Placed], first: Int, last: Int, rule: String)] = []
        for index in range where index > range.lowerBound && index + 1 < range.upperBound && list[index].isWord {
            guard let status = CitationWords.step(list[index].lower), CitationWords.ties.contains(list[index + 1].lower) else { continue }
            // The step is the cited text's subject: `on the arrest`, `following the assassination`, `on its verdict`,
            // `on the continued detention` (up to two lower-case words after the article, none saying it did not happen).
            var lead = index - 1
            var described = 0
            while described < 2, lead > range.lowerBound, list[lead].isWord, list[lead].startsLowercase,
                  !CitationWords.articles.contains(list[lead].lower), !CitationWords.subjectLeads.contains(list[lead].lower),
                  !EventWords.notDone.contains(list[lead].lower), CitationWords.articles.contains(list[lead - 1].lower)
                    || (described == 0 && lead - 1 > range.lowerBound && list[lead - 1].startsLowercase
                        && CitationWords.articles.contains(list[lead - 2].lower)) {
                lead -= 1
                described += 1
            }
            if CitationWords.articles.contains(list[lead].lower) { lead -= 1 } else if described > 0 { continue }
            guard lead >= range.lowerBound, list[lead].isWord, !list[lead].isCapitalised || lead == range.lowerBound,
                  CitationWords.subjectLeads.contains(list[lead].lower) else { continue }
            let members = namedList(placed, in: clause, after: index + 2)
            guard !members.isEmpty else { continue }
            found.append((status, members, lead, index + 1, "event.cited-step-of"))
        }
        return found
    }

    /// `event.title-case-of-step`: `prosecution of students, notably the case of A`, `the death penalty
    /// (in particular the cases of A and B)`.
    func titleCases(in clause: Clause, placed: [Placed]) -> [(status: CaseStatus, members: [Placed], first: Int, last: Int, rule: String)] {
        let list = tokens[clause.section]
        let range = clause.range
        var found: [(status: CaseStatus, members: [Placed], first: Int, last: Int, rule: String)] = []
        for introducer in clause.introducers {
            // The names right after the introducer, or after `the case(s) of`.
            var start = introducer.after
            if start < range.upperBound, CitationWords.articles.contains(list[start].lower) { start += 1 }
            if start + 1 < range.upperBound, CitationWords.caseNouns.contains(list[start].lower),
               CitationWords.ties.contains(list[start + 1].lower) { start += 2 }
            guard let first = placed.first(where: { $0.first >= introducer.after }), first.first == start else { continue }
            // The steps and penalties the title names before the introducer (after any earlier one, at most 25 words),
            // each that is not feared: `continuing detention and risk of the death penalty for students charged with
            // treason, notably the case of A` (detained; the death penalty is only a risk).
            let earlier = clause.introducers.last { $0.at < introducer.at }?.after ?? range.lowerBound
            let window = max(earlier, introducer.at - 25)..<introducer.at
            var steps: [(status: CaseStatus, at: Int, last: Int)] = []
            for position in window where list[position].isWord && list[position].startsLowercase {
                var step: (status: CaseStatus, at: Int, last: Int)?
                if CitationWords.penaltyKinds.contains(list[position].lower), position + 1 < introducer.at,
                   CitationWords.penaltyNouns.contains(list[position + 1].lower) {
                    // `the death penalty`: a sentence (not a death).
                    step = (.sentenced, position, position + 1)
                } else if let status = CitationWords.step(list[position].lower) {
                    step = (status, position, position)
                }
                // `the threat of prosecution`, `risk of the death penalty`, `calls for the release`: not what happened.
                guard let step, !steps.contains(where: { $0.status == step.status }) else { continue }
                let before = wordsBefore(clause.section, step.at, in: clause, count: 3).map(\.lower)
                if before.contains(where: { EventWords.notDone.contains($0) }) { continue }
                steps.append(step)
            }
            guard !steps.isEmpty else { continue }
            let members = namedList(placed, in: clause, after: start)
            guard !members.isEmpty else { continue }
            for step in steps { found.append((step.status, members, step.at, step.last, "event.title-case-of-step")) }
        }
        return found
    }

    /// The persons a cited list names from `start`: the first after at most six words describing it
    /// (`the Freedonian journalist`, `the journalists:`), the others after commas, `and`, articles and
    /// role nouns; a parenthesised aside after a name (`(issued on 3 May)`) is passed over.
    func namedList(_ placed: [Placed], in clause: Clause, after start: Int) -> [Placed] {
        let list = tokens[clause.section]
        var members: [Placed] = []
        var previous = start
        for person in placed where person.first >= start {
            // Two mentions over the same words (`A.B. Cdef` and `Cdef`): the list has passed this one.
            guard person.first >= previous else { continue }
            // The words between, asides left out.
            var gap: [Token] = []
            var depth = 0, asideLength = 0
            for position in previous..<person.first {
                let token = list[position]
                if token.text == "(" { depth += 1; continue }
                if token.text == ")", depth > 0 { depth -= 1; continue }
                if depth > 0 { asideLength += 1; continue }
                gap.append(token)
            }
            guard depth == 0, asideLength <= 12 else { break }
            if members.isEmpty {
                // `the Freedonian journalist A`, `the journalists: A`: describing words, no verb or clause.
                guard gap.count <= 6, gap.allSatisfy({ token in
                    !GroupWords.listStops.contains(token.lower) && CitationWords.step(token.lower) == nil
                        && (token.isWord || CitationWords.listFillers.contains(token.text))
                }) else { break }
            } else {
                guard !gap.isEmpty, gap.count <= 5, gap.allSatisfy({ token in
                    CitationWords.listFillers.contains(token.lower) || CitationWords.articles.contains(token.lower)
                        || GroupWords.nameListFillers.contains(token.lower) || WordLists.role(token.lower).isRole
                        || Lexicon.personNouns.contains(token.lower)
                }) else { break }
            }
            members.append(person)
            previous = person.last + 1
        }
        return members
    }
}

/// The classes of the title-and-citation block of `Words/document-words.txt`.
enum CitationWords {
    static func words(_ kind: String) -> Set<String> { DocumentWords.words(kind) }

    /// The status a step's noun names: `arrest` detained, `verdict` sentenced, `assassination` deceased.
    static let steps: [String: CaseStatus] = {
        var result: [String: CaseStatus] = [:]
        for (kind, status) in [("cited-step-detained", CaseStatus.detained), ("cited-step-imprisoned", .imprisoned),
                               ("cited-step-sentenced", .sentenced), ("cited-step-deceased", .deceased),
                               ("cited-step-disappeared", .disappeared), ("cited-step-charged", .charged),
                               ("cited-step-on-trial", .onTrial), ("cited-step-released", .released)] {
            for word in words(kind) { result[word] = status }
        }
        return result
    }()
    static func step(_ word: String) -> CaseStatus? { steps[word] }

    static let ties = words("cited-step-tie")
    static let subjectLeads = words("cited-subject-of-step")
    static let articles = words("cited-step-article")
    static let penaltyNouns = words("title-penalty-noun")
    static let penaltyKinds = words("title-penalty-kind")
    static let caseNouns = words("case-of-noun")
    static let listFillers = words("cited-list-filler")
}
