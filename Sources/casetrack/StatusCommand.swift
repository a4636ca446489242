import ArgumentParser
import CaseIngest
import CaseQuery
import CaseStore
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Record, retract and list status changes.",
        subcommands: [StatusSet.self, StatusRetract.self, StatusList.self]
    )
}

struct StatusSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Record a status change.",
        discussion: "Statuses: \(CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Argument(help: "A name (any alias, any order) or a numeric id.") var person: String
    @Argument(help: "The new status, e.g. 'house arrest'.") var status: String
    @Option(help: "When it took effect: YYYY, YYYY-MM or YYYY-MM-DD (default: today).") var date: String?
    @OptionGroup var source: SourceOptions
    @Option(help: "A note.") var note: String?
    @Option(help: "The sentence, where relevant, e.g. '5 years imprisonment'.") var sentence: String?
    @Option(help: "The place, where relevant: a court or a detention facility.") var place: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let status = try CaseStatus.resolve(status)
        let date = try date.map(PartialDate.init(parsing:)) ?? PartialDate.today()
        let change = StatusChange(person: person, status: status, date: date, source: try source.recordSource(),
                                  note: note, sentence: sentence, place: place)
        let (event, person, sameEarlier) = try database.open().setStatus(change, by: recorder.recorder)
        if let sameEarlier {
            Output.warn("warning: \(person.name) already has '\(event.status)' on \(event.date ?? "?") (event \(sameEarlier)); "
                        + "if this one repeats it, retract it with 'casetrack status retract \(event.id ?? 0) --reason \"duplicate\"'.")
        }
        if output.format == .json {
            return try Output.json(["event": "\(event.id ?? 0)", "person": "\(person.id ?? 0)", "status": event.status, "date": event.date ?? ""])
        }
        Output.line("Recorded event \(event.id ?? 0): \(person.name) (id \(person.id ?? 0)) \(event.status) from \(event.date ?? "?").")
    }
}

struct StatusRetract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Mark a status event as wrong; it stays in the history, struck through.")

    @Argument(help: "The event id (see 'casetrack person show').") var eventID: String
    @Option(help: "Why the event was wrong.") var reason: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        guard let id = Int64(eventID.trimmingWhitespace()) else {
            throw CaseStoreError.unknownEvent(id: -1)
        }
        let (event, person) = try database.open().retractStatus(eventID: id, reason: reason, by: recorder.recorder)
        Output.line("Retracted event \(id): \(person.name) \(event.status)\(event.date.map { " from \($0)" } ?? "").")
    }
}

struct StatusList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Current status of everyone, or as it stood on a date.")

    @Argument(help: "Only this status, e.g. 'pre-trial detention'.") var status: String?
    @Option(help: "Status as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD; a year or month means its end).") var asOf: String?
    @Option(help: "Only members or supporters of this organisation.") var organisation: String?
    @Option(help: "Only persons named in this resolution (procedure).") var document: String?
    @Flag(help: "Answer from claims a person confirmed only ('casetrack review').") var reviewed = false
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let filter = try PersonFilter(
            status: status.map(CaseStatus.resolve), organisation: organisation, document: document,
            asOf: asOf.map(PartialDate.init(parsing:)), withStatusOnly: true, reviewedOnly: reviewed)
        try StatusRows.render(try database.queries().persons(filter), format: format)
    }
}
