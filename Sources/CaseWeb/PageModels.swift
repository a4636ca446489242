import CaseIngest
import CasePages
import CaseQuery
import CaseStore

// What each page template shows, as plain values; the templates escape every one.

struct PersonsBody {
    struct Row { var id: Int64; var name: String; var aliases: String; var status: String; var date: String }
    var heading: String
    var statuses: [Choice]
    var organisation: String
    var document: String
    var asOf: String
    var withStatus: Bool
    var summary: String
    var rows: [Row]
    var previous: String?
    var next: String?
}

/// A person's page: the history `history --format html` shows, and the forms that record.
struct PersonBody {
    struct Event { var id: Int64; var date: String; var status: String; var source: String; var retracted: Bool }
    var history: HistoryView
    var personID: Int64
    var statuses: [Choice]
    var stages: [String]
    var events: [Event]
    var hasEvents: Bool

    init(_ history: PersonHistory) {
        self.history = HistoryView(history, generated: "", documentLinks: { CaseWebApp.sectionLink(document: $0, section: nil) })
        personID = history.person.id
        statuses = CaseStatus.allCases.map { Choice(value: $0.rawValue, selected: false) }
        stages = ChargeStage.allCases.map(\.rawValue)
        events = history.events.compactMap { event in
            guard event.kind == "status", let id = event.eventID else { return nil }
            return Event(id: id, date: HistoryRenderer.date(event), status: event.summary, source: event.source.description, retracted: event.retracted != nil)
        }
        hasEvents = !events.isEmpty
    }
}

/// A resolution's sections, with the names it found marked and persons linked.
struct DocumentBody {
    struct Run { var text: String; var personID: Int64?; var personName: String?; var mark: String? }
    struct Section {
        var label: String
        /// Whether the label is shown before the text: recitals and paragraphs begin with theirs (`A.`, `3.`).
        var showLabel: Bool
        var runs: [Run]
    }
    var procedure: String
    var title: String
    var kind: String
    var reference: String
    var adopted: String
    var sourceFile: String
    var importedAt: String
    var address: String?
    var sections: [Section]
    /// The claim review: its page, how many claims are still to check, whether the document was removed.
    var documentID: Int64 = 0
    var unreviewed = 0
    var removed = false

    init(_ document: DocumentText) {
        let summary = document.summary
        documentID = summary.id
        unreviewed = summary.unreviewed
        removed = summary.removed
        procedure = summary.procedure ?? summary.title
        title = summary.title
        kind = summary.kind ?? "not stated"
        reference = summary.reference ?? "not stated"
        adopted = CaseWebApp.adopted(summary.adopted, basis: summary.adoptedBasis)
        sourceFile = summary.sourceFile
        importedAt = summary.importedAt
        address = document.address
        sections = document.sections.map { section in
            Section(label: section.label, showLabel: !section.text.hasPrefix(section.label + ".") && !section.text.hasPrefix(section.label + " "),
                    runs: Self.runs(section.text, marks: section.marks))
        }
    }

    /// The text cut at each mark (offsets in Unicode scalars); a mark inside another is skipped.
    static func runs(_ text: String, marks: [DocumentText.Mark]) -> [Run] {
        let scalars = Array(text.unicodeScalars)
        func slice(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(scalars[from..<to])) }
        var runs: [Run] = [], position = 0
        for mark in marks.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {
            guard mark.start >= position, mark.end <= scalars.count, mark.start < mark.end else { continue }
            if mark.start > position { runs.append(Run(text: slice(position, mark.start))) }
            runs.append(Run(text: slice(mark.start, mark.end), personID: mark.personID, personName: mark.name,
                            mark: mark.kind == "person" ? nil : mark.kind))
            position = mark.end
        }
        if position < scalars.count { runs.append(Run(text: slice(position, scalars.count))) }
        return runs
    }
}

struct ChargedBody {
    struct Source { var text: String; var sourceLink: String? }
    struct Subject { var name: String; var personLink: String?; var evidence: String; var others: String?; var stage: String; var because: String?; var sources: [Source] }
    struct Group { var heading: String; var subjects: [Subject] }
    struct Answer {
        var article: String
        var instrument: String
        var note: String?
        var groups: [Group]
        var evidence: Bool

        init(_ answer: ChargedAnswer, evidence: Bool) {
            article = answer.provision.article
            instrument = answer.provision.instrument
            note = answer.note
            func subjects(_ list: [ChargedAnswer.Subject], persons: Bool) -> [Subject] {
                list.map { subject in
                    Subject(name: subject.count.map { "\(subject.name) (\($0))" } ?? subject.name,
                            personLink: persons ? subject.id.map { "/persons/\($0)" } : nil, evidence: subject.evidence,
                            others: subject.otherEvidence.isEmpty ? nil : subject.otherEvidence.joined(separator: ", "), stage: subject.stage,
                            because: subject.because ?? subject.via.map { "via \($0)" },
                            sources: subject.sources.map { Source(text: $0.description, sourceLink: CaseWebApp.sectionLink(document: $0.document, section: $0.section)) })
                }
            }
            groups = [Group(heading: "Persons", subjects: subjects(answer.persons, persons: true)),
                      Group(heading: "Organisations", subjects: subjects(answer.organisations, persons: false)),
                      Group(heading: "Groups", subjects: subjects(answer.groups, persons: false))].filter { !$0.subjects.isEmpty }
            self.evidence = evidence
        }
    }
    var article: String
    var instrument: String
    var evidenceChoices: [Choice]
    var answer: Answer?
}

struct SearchBody {
    /// Highlight markers no resolution text holds: the snippet is cut at them, then escaped piece by piece.
    static let open = "\u{1}", close = "\u{2}"
    struct Run { var text: String; var highlight: Bool }
    struct Hit { var document: String; var section: String; var kind: String; var adopted: String?; var link: String?; var runs: [Run] }
    struct Answer {
        var summary: String
        var hits: [Hit]

        init(_ answer: SearchAnswer) {
            summary = "\(answer.matches) passages match\(answer.matches > answer.hits.count ? ", the first \(answer.hits.count) shown" : ""), by \(answer.order)."
            hits = answer.hits.map { hit in
                var runs: [Run] = []
                for (index, piece) in hit.snippet.components(separatedBy: SearchBody.open).enumerated() {
                    let parts = piece.components(separatedBy: SearchBody.close)
                    if index > 0, parts.count > 1 {
                        runs.append(Run(text: parts[0], highlight: true))
                        runs.append(Run(text: parts.dropFirst().joined(), highlight: false))
                    } else {
                        runs.append(Run(text: piece, highlight: false))
                    }
                }
                return Hit(document: hit.document, section: hit.section, kind: hit.kind, adopted: hit.adopted,
                           link: CaseWebApp.sectionLink(document: hit.document, section: hit.section), runs: runs.filter { !$0.text.isEmpty })
            }
        }
    }
    var query: String
    var answer: Answer?
}

struct ReviewBody {
    struct Side { var name: String; var aliases: String?; var passages: [IdentityReviewItem.Passage] }
    struct Item { var firstID: Int64; var firstName: String; var secondID: Int64; var secondName: String; var reason: String; var sides: [Side] }
    var items: [Item]

    init(_ items: [IdentityReviewItem]) {
        self.items = items.map { item in
            func side(_ person: PersonIdentity, _ passages: [IdentityReviewItem.Passage]) -> Side {
                Side(name: person.name, aliases: person.aliases.isEmpty ? nil : person.aliases.joined(separator: "; "), passages: passages)
            }
            return Item(firstID: item.first.id, firstName: item.first.name, secondID: item.second.id, secondName: item.second.name, reason: item.reason,
                        sides: [side(item.first, item.firstPassages), side(item.second, item.secondPassages)])
        }
    }
}

struct ImportBody {
    struct Preview {
        var name: String; var lines: [String]; var token: String; var ready: Bool
        /// What the import will record, claim by claim.
        var claims: ImportClaims? = nil
    }
    var preview: Preview?
    var limit = "\(TextDecoding.maximumBytes / 1024 / 1024) MB"
}
