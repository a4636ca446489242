import ArgumentParser
import CaseQuery
import CaseStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The audit log of writes, newest first.")

    @Option(help: "Show at most this many entries.") var limit: Int?
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let lines = try database.queries().auditLog(limit: limit)
        switch format {
        case .json: try Output.json(lines)
        case .csv:
            Output.csv(header: ["id", "at", "by", "command", "summary"],
                       rows: lines.map { ["\($0.id)", $0.at, $0.by, $0.command, $0.summary] })
        default:
            if lines.isEmpty { return Output.line("Nothing has been written yet.") }
            // Escaped again on the way out: rows written before casetrack refused control characters, or by other tools.
            for line in lines {
                Output.line([line.at, "  ", line.by, "  ", line.command, ": ", line.summary].map(OneLineText.escaped).joined())
            }
        }
    }
}
