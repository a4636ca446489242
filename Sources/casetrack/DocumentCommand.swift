import ArgumentParser
import CaseIngest
import CaseStore

/// `casetrack document …`: changes to an imported resolution.
struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Correct what is known of an imported resolution (list them with 'casetrack documents').",
        subcommands: [DocumentDate.self, DocumentRemove.self])
}

struct DocumentDate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "date",
        abstract: "Set or correct a resolution's adoption date; every answer dated by it follows.",
        discussion: """
            Status events, mentions and charges that have no date of their own are dated by their \
            resolution: they move with it. The change is logged in 'casetrack log'.
            """)

    @Argument(help: "The procedure, e.g. 2022/2505(RSP).") var procedure: String
    @Argument(help: "The adoption date: YYYY-MM-DD (or YYYY-MM, YYYY when that is all you know).") var date: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let date = try PartialDate(parsing: date)
        let change = try database.open().setAdoptionDate(procedure: procedure, date: date, by: recorder.recorder)
        if output.format == .json {
            return try Output.json(DocumentDateAnswer(change))
        }
        guard change.changed else {
            return Output.line("\(change.procedure) is already dated \(change.adopted); nothing changed.")
        }
        let was = change.previous.map { "was \($0)\(change.previousBasis == "procedure-year" ? ", year only" : "")" } ?? "was undated"
        Output.line("Dated \(change.procedure) adopted \(change.adopted) (\(was)); \(change.redatedEvents) status events without a date of their own now read it.")
    }
}

/// `document date --format json`.
struct DocumentDateAnswer: Encodable {
    var procedure: String
    var adopted: String
    var previous: String?
    var changed: Bool
    var redatedEvents: Int

    init(_ change: AdoptionDateChange) {
        procedure = change.procedure
        adopted = change.adopted
        previous = change.previous
        changed = change.changed
        redatedEvents = change.redatedEvents
    }

    enum CodingKeys: String, CodingKey {
        case procedure, adopted, previous, changed
        case redatedEvents = "redated_events"
    }
}
