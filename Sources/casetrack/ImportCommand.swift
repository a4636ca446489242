import ArgumentParser
import CaseIngest
import CasePages
import CaseQuery
import CaseStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import resolutions: one transaction per file; the same text twice changes nothing.",
        discussion: """
            Each file is read, normalised and extracted as by `casetrack extract`, then stored with its \
            sections, persons (joined to the identities they already have), organisations, provisions, \
            statuses, charges, memberships and release calls. A file that fails leaves the database as it \
            was; the other files are still imported, and the exit status is 1.
            """)

    @Argument(parsing: .allUnrecognized, help: "Resolutions as plain text (UTF-8, UTF-16 or Latin-1) or HTML.") var files: [String]
    @Option(help: "The adoption date, when the text does not state it (one file only): YYYY-MM-DD.") var adopted: String?
    @Flag(help: "Show what would be imported, and write nothing.") var dryRun = false
    @Flag(help: "Import a text even when nothing in it reads as a resolution (no title line, procedure, citations, recitals or numbered paragraphs).")
    var force = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    mutating func validate() throws {
        // After `--` every word is a file, as with other commands (`import -- --odd.txt`).
        var literal: [String] = []
        if let marker = files.firstIndex(of: "--") {
            literal = Array(files[(marker + 1)...])
            files = Array(files[..<marker])
        }
        // Files are taken as given even when they start with a dash (`-x.txt`), so that such a name is
        // imported rather than read as options (it printed the help and exited 0). A mistyped long option
        // that names no file is still a usage error.
        for file in files where file.hasPrefix("--") && !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("Unknown option '\(file)'. (A file whose name starts with '--' can be given after '--' or as ./\(file).)")
        }
        files += literal
        if files.isEmpty { throw ValidationError("Give at least one resolution file to import.") }
        if adopted != nil, files.count != 1 {
            throw ValidationError("--adopted applies to one file: import the files one at a time to give each its date.")
        }
    }

    /// Set by the supervising `import` (see ``ImportSupervisor``): where this
    /// worker reports each finished file, and where its files stand in the whole list.
    @Option(help: .hidden) var workerProgress: String?
    @Option(help: .hidden) var workerOffset = 0
    @Option(help: .hidden) var workerTotal = 0

    func run() throws {
        let adopted = try adopted.map(PartialDate.init(parsing:))
        guard let workerProgress else {
            // Open (and create, migrate) the database once here, so that a refused
            // database is one error, not one per file.
            let existed = FileManager.default.fileExists(atPath: database.path)
            if !dryRun { _ = try database.open() }
            do {
                return try ImportSupervisor(command: self).run()
            } catch {
                // A refused first import leaves no new, empty database behind: nothing was recorded.
                if !existed, !dryRun { Self.removeIfNothingRecorded(database.path) }
                throw error
            }
        }
        let progress = try ImportProgress(appendingTo: workerProgress)
        let store = try openStore()
        let total = max(workerTotal, files.count)
        // Files are read and extracted a batch at a time on every core, then
        // stored one by one in the order given, each in its own transaction.
        let batchSize = 32
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[batchStart..<min(files.count, batchStart + batchSize)])
            var read: [(data: Data, name: String)] = []
            var readErrors: [Int: any Error] = [:]
            for (offset, file) in batch.enumerated() {
                do { read.append((try ResolutionFile.read(file), file)) } catch {
                    readErrors[offset] = error
                    read.append((Data(), file))
                }
            }
            ImportFaultInjection.crashIfAsked(batch)
            let extractions = ParallelExtraction.extract(files: read)
            for (offset, file) in batch.enumerated() {
                let position = workerOffset + batchStart + offset + 1
                if total > 1 { Output.warn("[\(position)/\(total)] \(file)") }
                do {
                    if let error = readErrors[offset] { throw error }
                    let extraction = try extractions[offset].get()
                    // A README or a letter is not a resolution: refused unless the user insists.
                    if !force, ResolutionParts(extraction).none { throw NotAResolutionError(file: file) }
                    for warning in extraction.warnings { Output.warn("warning: \(file): \(warning)") }
                    let summary = try store.importResolution(extraction, file: file, adopted: adopted, dryRun: dryRun, by: recorder.recorder)
                    if output.format == .text { print(summary) }
                    try progress.record(index: batchStart + offset, summary: output.format == .json ? summary : nil)
                } catch {
                    Output.warn("Error: \(error)")
                    try progress.record(index: batchStart + offset, failed: true)
                }
            }
        }
    }

    /// Removes a database file this command created when no write reached it
    /// (no audit entry, no document): a failed command changes nothing, and
    /// that includes not leaving an empty case file where there was none.
    static func removeIfNothingRecorded(_ path: String) {
        let recorded: Int? = try? {
            let queries = CaseQueries(try CaseDatabase.open(path: path, readOnly: true))
            return try queries.documents().count + queries.auditLog(limit: 1).count
        }()
        guard recorded == 0 else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A dry run against a database that does not exist yet creates nothing.
    func openStore() throws -> CaseDatabase {
        if dryRun, !FileManager.default.fileExists(atPath: database.path) { return try CaseDatabase.inMemory() }
        return try database.open()
    }

    func print(_ summary: ImportSummary) {
        for line in ImportReport.lines(summary) { Output.line(line) }
    }
}
