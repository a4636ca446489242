import ArgumentParser
import CaseStore
import Foundation

@main
struct Casetrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casetrack",
        abstract: "Track human-rights cases named in European Parliament resolutions.",
        discussion: """
            Imports resolutions, pulls out the people, organisations and legal articles \
            they name, records what happens next, and answers case questions with sources.
            The database is --db PATH (before or after the command), else $CASETRACK_DB, \
            else $XDG_DATA_HOME/casetrack/cases.sqlite.
            """,
        version: "0.1.0",
        subcommands: [
            ExtractCommand.self, ImportCommand.self, DocumentsCommand.self, DocumentCommand.self, PersonCommand.self,
            StatusCommand.self, ChargeCommand.self, ChargedCommand.self, ArticlesCommand.self, OrganisationsCommand.self,
            HistoryCommand.self, SearchCommand.self, CompareCommand.self, ReleaseCallsCommand.self, ExportCommand.self, CheckCommand.self,
            BackupCommand.self, LogCommand.self, ServeCommand.self, UserCommand.self, ExplainCrashCommand.self, WebImportWorkerCommand.self,
            ReviewCommand.self,
        ]
    )

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        // `casetrack --db PATH check` reads as `casetrack check --db PATH`: the
        // database goes through $CASETRACK_DB, which a --db after the command still overrides.
        if let path = LeadingOptions.takeDatabase(from: &arguments) {
            setenv("CASETRACK_DB", path, 1)
        }
        if let mistyped = LeadingOptions.unknownSubcommand(in: arguments, root: Casetrack.self) {
            Casetrack.exit(withError: ValidationError(mistyped))
        }
        // As `Casetrack.main(arguments)`, with the store's field-named errors worded for the command line.
        do {
            var command = try Casetrack.parseAsRoot(arguments)
            try command.run()
        } catch {
            Casetrack.exit(withError: ErrorWording.forCLI(error))
        }
    }
}

/// What comes before the subcommand on the command line.
enum LeadingOptions {
    /// Removes `--db PATH` or `--db=PATH` given before the first subcommand; returns PATH.
    static func takeDatabase(from arguments: inout [String]) -> String? {
        var path: String?
        while let first = arguments.first {
            if first == "--db", arguments.count >= 2, !arguments[1].hasPrefix("-") {
                path = arguments[1]
                arguments.removeFirst(2)
            } else if first.hasPrefix("--db=") {
                path = String(first.dropFirst("--db=".count))
                arguments.removeFirst()
            } else {
                break
            }
        }
        return path
    }

    /// A message for a subcommand name that is not one (`hist`), with the closest names; nil when the words are commands.
    static func unknownSubcommand(in arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "casetrack"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
            let names = subcommands.compactMap { $0.configuration.commandName }
            guard let index = names.firstIndex(of: word) else {
                let close = Suggestions.closest(to: word, among: names, limit: 2)
                let hint = close.isEmpty
                    ? "see '\(path.joined(separator: " ")) --help' for the commands"
                    : "did you mean " + close.map { "'\(path.joined(separator: " ")) \($0)'" }.joined(separator: " or ") + "?"
                return "'\(word)' is not a \(path.joined(separator: " ")) command: \(hint)"
            }
            command = subcommands[index]
            path.append(word)
        }
        return nil
    }
}
