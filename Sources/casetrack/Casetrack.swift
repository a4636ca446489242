import ArgumentParser

@main
struct Casetrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casetrack",
        abstract: "Track human-rights cases named in European Parliament resolutions.",
        discussion: """
            Imports resolutions, pulls out the people, organisations and legal articles \
            they name, records what happens next, and answers case questions with sources.
            The database is --db PATH, else $CASETRACK_DB, else $XDG_DATA_HOME/casetrack/cases.sqlite.
            """,
        version: "0.1.0",
        subcommands: [
            ExtractCommand.self, ImportCommand.self, DocumentsCommand.self, PersonCommand.self, StatusCommand.self,
            ChargeCommand.self, ChargedCommand.self, HistoryCommand.self, SearchCommand.self, CompareCommand.self,
            ExportCommand.self, CheckCommand.self, BackupCommand.self, LogCommand.self, ExplainCrashCommand.self,
        ]
    )
}
