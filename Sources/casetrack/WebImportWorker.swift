import ArgumentParser
import CaseWeb

/// `casetrack web-import-worker`: what `casetrack serve` starts to read one
/// uploaded resolution (from standard input) away from its own process.
/// Hidden: not for people.
struct WebImportWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "web-import-worker", shouldDisplay: false)

    @Option var db: String
    @Option var name: String
    @Option var by: String
    @Option var adopted: String?
    @Option var memoryBytes: Int
    @Flag var dryRun = false

    func run() throws {
        let status = UploadWork.runWorker(databasePath: db, name: name, adopted: adopted, by: by, dryRun: dryRun, memoryBytes: memoryBytes)
        if status != 0 { throw ExitCode(status) }
    }
}
