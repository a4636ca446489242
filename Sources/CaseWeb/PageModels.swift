import CaseIngest
import CasePages
import CaseQuery
import CaseStore

// What each page template shows, as plain values; the templates escape every one.

struct PersonsBody {
    /// The line under the table that says what the mark means (the CLI's legend, in the page's words).
    static let legend = "* unreviewed: read by the importer, not yet confirmed by a person (confirm it on the resolution's Review page)."
    var heading: String
    var statuses: [Choice]
    var organisation: String
    var document: String
    var asOf: String
    var withStatus: Bool
    /// Only claims a person confirmed count (the CLI's --reviewed).
    var reviewed = false
    var statusError: String?
    var organisationError: String?
    var documentError: String?
    var asOfError: String?
    var summary: String
    /// The table's rows, written by ``PersonRowsHTML`` (the template shows them as they are); nil when none.
    var rowsHTML: HTMLFragment?
    var legend: String?
    var previous: String?
    var next: String?
    /// The add-a-person form, again with what was typed when it was refused.
    var addForm = FormState.blank
}

/// One input of a form as sent back: what was typed, and the error beside it.
struct Field {
    var value = ""
    var error: String?
}

/// A form shown again after it was refused: everything typed kept, the error beside its field
/// (or above the form when it is about no one field).
struct FormState {
    /// An error about no one field, shown above the form (named apart from the page's own `error`).
    var formError: String?
    var name = Field(), aliases = Field(), note = Field(), status = Field(), date = Field(), source = Field()
    var document = Field(), section = Field(), sentence = Field(), place = Field(), article = Field()
    var instrument = Field(), stage = Field(), alias = Field(), other = Field(), reason = Field()
    var allowDuplicate = false

    static let blank = FormState()

    /// The form `values` with `message` beside `field`; a field this form does not show puts it above the form.
    init(values: FormFields? = nil, field: String? = nil, message: String? = nil) {
        guard let values else { return }
        let paths: [String: WritableKeyPath<FormState, Field>] = [
            "name": \.name, "aliases": \.aliases, "note": \.note, "status": \.status, "date": \.date, "source": \.source,
            "document": \.document, "section": \.section, "sentence": \.sentence, "place": \.place, "article": \.article,
            "instrument": \.instrument, "stage": \.stage, "alias": \.alias, "other": \.other, "reason": \.reason,
        ]
        for (name, path) in paths { self[keyPath: path].value = values.values[name] ?? "" }
        allowDuplicate = values["allow_duplicate"] != nil
        guard let message else { return }
        // A person named in the URL (a record for this page) is no field of the form.
        if let field, field != "person" || values.values["other"] != nil, let path = paths[field == "person" ? "other" : field] {
            self[keyPath: path].error = message
        } else {
            formError = message
        }
    }

    /// The select's choices, the one typed selected (none when nothing was chosen).
    func choices(_ all: [String], for value: String) -> [Choice] {
        all.map { Choice(value: $0, selected: $0 == value) }
    }
}

/// A person's page: the history `history --format html` shows, and the forms that record.
struct PersonBody {
    struct Event { var id: Int64; var date: String; var status: String; var source: String; var retracted: Bool; var reason: Field }
    var history: HistoryView
    var personID: Int64
    var statuses: [Choice]
    var stages: [Choice]
    var events: [Event]
    var hasEvents: Bool
    var statusForm = FormState.blank, chargeForm = FormState.blank, aliasForm = FormState.blank
    var mergeForm = FormState.blank, apartForm = FormState.blank
    /// Set when a form came back refused: the page says so at the top.
    var refused: Bool = false

    /// Which form on the page a refused submission came from.
    enum Form: String { case status, charge, alias, merge, apart, retract }

    init(_ history: PersonHistory, again form: Form? = nil, state: FormState = .blank, eventID: Int64? = nil) {
        self.history = HistoryView(history, generated: "", documentLinks: { CaseWebApp.sectionLink(document: $0, section: nil) })
        personID = history.person.id
        switch form {
        case .status: statusForm = state
        case .charge: chargeForm = state
        case .alias: aliasForm = state
        case .merge: mergeForm = state
        case .apart: apartForm = state
        case .retract, nil: break
        }
        refused = form != nil
        // No status is chosen for the user; the stage starts where the CLI's does (charged).
        statuses = statusForm.choices(CaseStatus.allCases.map(\.rawValue), for: statusForm.status.value)
        stages = chargeForm.choices(ChargeStage.allCases.map(\.rawValue), for: form == .charge ? chargeForm.stage.value : ChargeStage.charged.rawValue)
        events = history.events.compactMap { event in
            guard event.kind == "status", let id = event.eventID else { return nil }
            var reason = Field()
            if form == .retract, id == eventID {
                reason = Field(value: state.reason.value, error: state.reason.error ?? state.formError)
            }
            return Event(id: id, date: HistoryRenderer.date(event), status: event.summary, source: event.source.description,
                         retracted: event.retracted != nil, reason: reason)
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
    var releaseCalls: [ReleaseCallList.Call]
    var callCount: String
    /// The claim review: its page, how many claims are still to check, whether the document was removed.
    var documentID: Int64 = 0
    var unreviewed = 0
    var removed = false

    init(_ document: DocumentText, releaseCalls: [ReleaseCallList.Call] = []) {
        self.releaseCalls = releaseCalls
        callCount = releaseCalls.count == 1 ? "1 person" : "\(releaseCalls.count) persons"
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
    /// A row of the list of articles: its answer is a link away.
    struct Article {
        var article: String
        var instrument: String
        var persons: Int
        var organisations: Int
        var groups: Int
        var link: String

        init(_ summary: ProvisionSummary) {
            article = summary.article
            instrument = summary.instrument
            persons = summary.persons
            organisations = summary.organisations
            groups = summary.groups
            link = "/charged?article=\(CaseWebApp.percent(summary.article))&instrument=\(CaseWebApp.percent(summary.instrument))"
        }
    }
    var article: String
    var instrument: String
    var evidenceChoices: [Choice]
    /// The answer (its heading, note, a table for each kind of subject, the legend), written by
    /// ``ChargedAnswerHTML`` (the template shows it as it is); nil when no article was asked or answered.
    var answerHTML: HTMLFragment?
    var articleError: String?
    var instrumentError: String?
    var evidenceError: String?
    var articles: [Article] = []
    var listed = false
}

struct SearchBody {
    /// Highlight markers no resolution text holds: the snippet is cut at them, then escaped piece by piece.
    static let open = "\u{1}", close = "\u{2}"
    var query: String
    /// The answer (how many passages match, then each passage), written by ``SearchAnswerHTML``
    /// (the template shows it as it is); nil before a search.
    var answerHTML: HTMLFragment?
    var queryError: String?
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

/// Every organisation, with its first members linked and the rest a link away.
struct OrganisationsBody {
    /// Members named on the page for each organisation; the rest are on the person list, filtered.
    static let membersShown = 10
    struct Member { var id: Int64; var name: String; var roles: String }
    struct Row {
        var id: Int64; var name: String; var kind: String; var aliases: String; var count: Int; var hasMembers: Bool
        var members: [Member]; var more: String?; var membersLink: String; var charged: Int
    }
    var rows: [Row]

    init(_ organisations: [OrganisationSummary], members: [Int64: [OrganisationMember]]) {
        rows = organisations.map { organisation in
            let shown = members[organisation.id] ?? []
            let rest = organisation.members - shown.count
            return Row(id: organisation.id, name: organisation.name, kind: organisation.kind ?? "–", aliases: organisation.aliases.joined(separator: "; "),
                       count: organisation.members, hasMembers: organisation.members > 0,
                       members: shown.map { Member(id: $0.personID, name: $0.name, roles: $0.roles.joined(separator: ", ")) },
                       more: rest > 0 ? "and \(rest) more" : nil,
                       membersLink: "/persons?organisation=\(CaseWebApp.percent(organisation.name))", charged: organisation.charges)
        }
    }
}
