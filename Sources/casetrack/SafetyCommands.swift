import ArgumentParser
import CaseQuery
import CaseStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: SQLite integrity and foreign keys, and casetrack's own invariants.",
        discussion: "Exit status 1 with a list of problems when anything is wrong.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        var report: CheckReport
        do {
            report = try database.queries().check()
        } catch let refusal as CaseStoreError {
            // Another database's -wal beside the file: say so, and check the file alone.
            guard case .foreignWAL(let path, let reason) = refusal else { throw refusal }
            report = try CaseQueries(try CaseDatabase.openFileAlone(path: path)).check()
            report.checks.insert("the -wal file belongs to the database", at: 0)
            report.problems.insert("\(path)-wal does not belong to this file (\(reason)): move it aside (mv '\(path)-wal' '\(path)-wal.aside'; "
                                   + "do not delete it) before any other command; the other checks read the file alone", at: 0)
        }
        if output.format == .json {
            try Output.json(report)
        } else if report.ok {
            Output.line("ok: \(report.checks.count) checks passed (\(report.checks.joined(separator: "; ")))")
        } else {
            Output.line("\(report.problems.count) problem(s):")
            for problem in report.problems { Output.line("  - \(problem)") }
        }
        if !report.ok { throw ExitCode.failure }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database consistently (SQLite online backup), even while others write.",
        discussion: """
            The copy is created readable by its owner only and is checked after writing. It is written as a hidden \
            file beside PATH (.NAME.casetrack-backup-...) and takes its name when complete; a backup that was killed \
            leaves that hidden file, which the next backup into the same directory removes (and names). To restore, see the README.
            """)

    @Argument(help: "Where to write the copy (a new file).") var path: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let removed = try CaseDatabase.open(path: database.path, readOnly: true).backup(to: path)
        for stale in removed { Output.warn("removed \(stale), a partial copy an interrupted backup left behind") }
        Output.line("backed up \(database.path) to \(path)")
    }
}
