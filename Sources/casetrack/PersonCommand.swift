import ArgumentParser
import CaseIngest
import CasePages
import CaseQuery
import CaseStore

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Create, list, show and merge persons.",
        subcommands: [PersonList.self, PersonShow.self, PersonAdd.self, PersonAlias.self, PersonMerge.self, PersonReview.self]
    )
}

struct PersonAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a person.")

    @Argument(help: "The person's name as it is usually written.") var name: String
    @Option(name: .customLong("alias"), help: "Another spelling or order of the name (repeatable).") var aliases: [String] = []
    @Option(help: "A note about this person.") var note: String?
    @Flag(help: "Create the person even if someone already has this name (a different person).") var allowDuplicate = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let person = try database.open().addPerson(
            name: name, aliases: aliases, note: note, allowDuplicate: allowDuplicate, by: recorder.recorder)
        switch output.format {
        case .json: try Output.json(["id": "\(person.id ?? 0)", "name": person.name])
        default: Output.line("Created \(person.name) (id \(person.id ?? 0)).")
        }
    }
}

struct PersonAlias: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alias", abstract: "Add another spelling or order of a person's name.")

    @Argument(help: "A name (any alias, any order) or a numeric id.") var person: String
    @Argument(help: "The other spelling, e.g. 'Petrov Ivan'.") var alias: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        let (person, added) = try database.open().addAlias(alias, to: person, by: recorder.recorder)
        Output.line(added ? "Added ‘\(alias.trimmingWhitespace())’ to \(person.name) (id \(person.id ?? 0))."
                          : "\(person.name) (id \(person.id ?? 0)) already has the spelling ‘\(alias.trimmingWhitespace())’; nothing changed.")
    }
}

struct PersonList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List persons with their current status.")

    @Option(help: "Only persons with this status.") var status: String?
    @Option(help: "Only members or supporters of this organisation.") var organisation: String?
    @Option(help: "Only persons named in this resolution (procedure, e.g. 2021/2544(RSP)).") var document: String?
    @Option(help: "Status as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD; a year or month means its end).") var asOf: String?
    @Flag(help: "Answer from claims a person confirmed only ('casetrack review').") var reviewed = false
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let filter = try PersonFilter(
            status: status.map(CaseStatus.resolve), organisation: organisation, document: document,
            asOf: asOf.map(PartialDate.init(parsing:)), reviewedOnly: reviewed)
        try StatusRows.render(try database.queries().persons(filter), format: format)
    }
}

struct PersonShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one person: names, status, charges, organisations, mentions.")

    @Argument(help: "A name (any alias, any order) or a numeric id.") var person: String
    @Flag(help: "Answer from claims a person confirmed only ('casetrack review').") var reviewed = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let detail = try database.queries().person(person, reviewedOnly: reviewed)
        if output.format == .json { return try Output.json(detail) }
        PersonText.render(detail)
    }
}

struct PersonMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two identities into the first: aliases, mentions, events and charges move.")

    @Argument(help: "The person to keep (name or id).") var kept: String
    @Argument(help: "The person merged into it (name or id).") var absorbed: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        let (kept, absorbed) = try database.open().mergePersons(kept: kept, absorbed: absorbed, by: recorder.recorder)
        Output.line("Merged \(absorbed.name) (id \(absorbed.id ?? 0)) into \(kept.name) (id \(kept.id ?? 0)).")
    }
}

struct PersonReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List close-call identities awaiting a decision, or record one with --keep-apart.",
        discussion: "Settle a pair with 'casetrack person merge A B' (same person) or '--keep-apart A B' (different people).")

    @Option(name: .customLong("keep-apart"), parsing: .upToNextOption, help: "Two persons (names or ids) who are different people.")
    var keepApart: [String] = []
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        if !keepApart.isEmpty && keepApart.count != 2 {
            throw ValidationError("--keep-apart takes exactly two persons, for example --keep-apart 12 14.")
        }
    }

    func run() throws {
        if keepApart.count == 2 {
            let (a, b, already) = try database.open().keepApart(keepApart[0], keepApart[1], by: recorder.recorder)
            let pair = "\(a.name) (id \(a.id ?? 0)) and \(b.name) (id \(b.id ?? 0))"
            return Output.line(already ? "Already recorded: \(pair) are different people; nothing changed."
                                       : "Recorded: \(pair) are different people.")
        }
        let items = try database.queries().pendingReviews()
        if output.format == .json { return try Output.json(items) }
        if items.isEmpty { return Output.line("No identities await review.") }
        for item in items {
            Output.line("\(item.first.name) (id \(item.first.id))  ~  \(item.second.name) (id \(item.second.id)): \(item.reason)")
            for (person, passages) in [(item.first, item.firstPassages), (item.second, item.secondPassages)] {
                Output.line("  \(person.name) (id \(person.id))\(person.aliases.isEmpty ? "" : ", also written \(person.aliases.joined(separator: "; "))"):")
                if passages.isEmpty { Output.line("    named in no resolution (recorded by a user)") }
                for passage in passages {
                    Output.line("    \(passage.document) \(passage.section)\(passage.adopted.map { " (\($0))" } ?? ""): “\(passage.quote)”")
                }
            }
            Output.line()
        }
        Output.line("Settle each with 'casetrack person merge ID ID' or 'casetrack person review --keep-apart ID ID'.")
    }
}

/// Rendering of person and status lists.
enum StatusRows {
    static func render(_ rows: [PersonStatusRow], format: ListFormat) throws {
        switch format {
        case .json:
            try Output.json(rows)
        case .csv:
            Output.csv(header: ["id", "name", "aliases", "status", "status_date", "status_date_basis", "status_date_after", "status_date_before",
                                "status_when", "review"], rows: rows.map {
                ["\($0.id)", $0.name, $0.aliases.joined(separator: "; "), $0.status ?? "", $0.statusDate ?? "", $0.statusDateBasis ?? "",
                 $0.statusDateAfter ?? "", $0.statusDateBefore ?? "", $0.statusWhen ?? "", $0.review ?? ""]
            })
        case .text:
            if rows.isEmpty { return Output.line("No persons match.") }
            // The step's own date, "as of DATE (reported)" by its resolution, or where an undated step stands.
            Output.table(header: ["ID", "NAME", "STATUS", "DATE"], rows: rows.map { row in
                ["\(row.id)", row.name, (row.status ?? "-") + (row.review == "unreviewed" ? " " + HistoryRenderer.unreviewedMark : ""),
                 row.statusWhen ?? ""]
            })
            if rows.contains(where: { $0.review == "unreviewed" }) { Output.line(); Output.line(HistoryRenderer.unreviewedLegend) }
        }
    }
}

/// Rendering of `person show` for the terminal.
enum PersonText {
    static func render(_ detail: PersonDetail) {
        let person = detail.person
        Output.line("\(person.name) (id \(person.id))")
        if !person.aliases.isEmpty { Output.line("  also: \(person.aliases.joined(separator: "; "))") }
        if let note = person.note { Output.line("  note: \(note)") }
        if let current = detail.currentStatus {
            Output.line("  status: \(describe(current))")
        } else {
            Output.line("  status: none recorded")
        }
        if !detail.events.isEmpty {
            Output.line()
            Output.line("Status events (oldest first):")
            for event in detail.events {
                var line = "  [\(event.id)] \(event.when)  \(describe(event, dated: false))"
                if let rejection = event.rejected {
                    line = "  [\(event.id)] REJECTED \(event.when)  \(describe(event, dated: false))"
                        + "\n        rejected by \(rejection.by) at \(rejection.at): \(rejection.reason)"
                }
                if let retraction = event.retracted {
                    line = "  [\(event.id)] RETRACTED \(event.when)  \(describe(event, dated: false))"
                        + "\n        retracted by \(retraction.by) at \(retraction.at): \(retraction.reason)"
                }
                Output.line(line)
            }
        }
        if !detail.charges.isEmpty {
            Output.line()
            Output.line("Charges:")
            for charge in detail.charges {
                var line = "  Article \(charge.article) of \(charge.instrument): \(charge.stage) (\(charge.evidence))"
                if let date = charge.date { line += ", \(date)" }
                line += " - \(charge.source)"
                if charge.review == "unreviewed" { line += " " + HistoryRenderer.unreviewedMark }
                if let because = charge.because { line += "\n        because: \(because)" }
                Output.line(line)
            }
        }
        if !detail.organisations.isEmpty {
            Output.line()
            Output.line("Organisations:")
            for membership in detail.organisations {
                Output.line("  \(membership.role) of \(membership.organisation) - \(membership.source)"
                            + (membership.review == "unreviewed" ? " " + HistoryRenderer.unreviewedMark : ""))
            }
        }
        if !detail.mentions.isEmpty {
            Output.line()
            Output.line("Named in:")
            for mention in detail.mentions {
                let role = mention.role.map { " as \($0)" } ?? ""
                Output.line("  \(mention.document) \(mention.section): \"\(mention.text)\"\(role)")
            }
        }
    }

    /// `detained since 2023-11-30 - SOURCE`, `detained, as of 2024-01-18 (reported) - SOURCE`; without the date when `dated` is false.
    static func describe(_ event: StatusEventView, dated: Bool = true) -> String {
        var parts = [event.status]
        if let sentence = event.sentence { parts.append(sentence) }
        if let place = event.place { parts.append("at \(place)") }
        var text = parts.joined(separator: ", ")
        if dated {
            let when = StepDateWording.since(date: event.date, basis: event.dateBasis, after: event.dateAfter, before: event.dateBefore)
            text += (when.hasPrefix("since ") ? " " : ", ") + when
        }
        text += " - \(event.source)"
        if let note = event.note { text += " (\(note))" }
        if event.review == "unreviewed" { text += " " + HistoryRenderer.unreviewedMark }
        return text
    }
}
