import ArgumentParser
import CaseQuery
import CaseStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a trap while reading the database into one sentence naming what
/// could not be read, instead of a crash report and exit status 132.
///
/// A Swift trap cannot be caught, and reading code decodes text columns
/// with traps (GRDB's row subscripts), so a cell another tool filled with
/// bytes ends the process. The SIGILL/SIGTRAP handler does the one
/// async-signal-safe thing it can: `execv` this binary as `explain-crash`,
/// prepared in advance, which reads the file afresh, names the first
/// unreadable cell (or says it is a bug) and exits 1 (or 70). SQLite's
/// descriptors close on exec, so their locks go and an open write
/// transaction is rolled back. CASETRACK_CRASH_REPORT=1 keeps the runtime's
/// own crash report instead, for debugging.
enum CrashExplainer {
    nonisolated(unsafe) static var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    static func install(databasePath: String) {
        guard arguments == nil, ProcessInfo.processInfo.environment["CASETRACK_CRASH_REPORT"] == nil else { return }
        let words = [ImportSupervisor.executable.path, "explain-crash", "--db", databasePath]
        let buffer = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: words.count + 1)
        for (index, word) in words.enumerated() { buffer[index] = strdup(word) }
        buffer[words.count] = nil
        arguments = buffer
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if let arguments = CrashExplainer.arguments, let path = arguments[0] { execv(path, arguments) }
            _exit(70)
        }
        sigaction(SIGILL, &action, nil)
        sigaction(SIGTRAP, &action, nil)
    }
}

struct ExplainCrashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain-crash", abstract: "Used by casetrack itself after a crash.", shouldDisplay: false)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        // Opened directly, not through DatabaseOptions: no handler here, so no loop.
        let queries = CaseQueries(try CaseDatabase.open(path: database.path, readOnly: true))
        if let cell = try queries.unreadableText().first {
            throw CaseStoreError.unreadableRow(table: cell.table, row: cell.row, column: cell.column)
        }
        Output.warn("Error: casetrack stopped on an internal error while using \(database.path), a bug in casetrack; "
                    + "please report it with the command you ran (nothing was written).")
        throw ExitCode(70)
    }
}
