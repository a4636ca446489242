import CaseIngest
import CasePages
import CaseStore
import Foundation

/// What reading an uploaded resolution reports: the lines `import` prints,
/// whether it can still be imported, and where it went once imported.
public struct UploadOutcome: Codable, Sendable, Equatable {
    public var lines: [String]
    /// False when the same text is already imported: nothing to confirm.
    public var ready: Bool
    public var documentID: Int64?
    /// On a preview: what the import will record, claim by claim.
    var claims: ImportClaims? = nil
}

/// Extracts an uploaded resolution and imports it (as a dry run for the
/// preview), in this process or in a worker process with a time and memory
/// budget. A web preview is the same work as `casetrack import FILE`: the
/// extraction of a large, odd file can take much processor and memory, and
/// a worker keeps that away from everyone else's pages.
public enum UploadWork {
    /// How long a worker may take, and how much memory it may hold.
    public static let timeLimit: Duration = .seconds(60)
    public static let memoryBytes = 2 << 30

    /// Extracts `data` and imports it into `database` (nothing is written on a dry run).
    public static func perform(data: Data, name: String, adopted: PartialDate?, dryRun: Bool,
                               database: CaseDatabase, recorder: Recorder) throws -> UploadOutcome {
        let extraction = try Extractor.extract(data: data, name: name, checkingLimits: true)
        let summary = try database.importResolution(extraction, file: name, adopted: adopted, dryRun: dryRun, by: recorder)
        let lines = (dryRun ? extraction.warnings.map { "warning: \($0)" } : []) + ImportReport.lines(summary)
        return UploadOutcome(lines: lines, ready: !summary.alreadyImported, documentID: summary.documentID,
                             claims: dryRun ? ImportClaims(extraction, summary: summary) : nil)
    }

    /// The worker's side (`casetrack web-import-worker`): reads the file from
    /// standard input, lowers its own priority and caps its memory, does the
    /// work on the database at `databasePath`, and prints the outcome as JSON.
    /// An error is one sentence on standard error and exit status 1.
    public static func runWorker(databasePath: String, name: String, adopted: String?, by: String, dryRun: Bool, memoryBytes: Int) -> Int32 {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        var limit = rlimit(rlim_cur: rlim_t(memoryBytes), rlim_max: rlim_t(memoryBytes))
        _ = setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
        FaultInjection.slowIfAsked()
        do {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let adopted = try adopted.map(PartialDate.init(parsing:))
            let database = try CaseDatabase.open(path: databasePath)
            let outcome = try perform(data: data, name: name, adopted: adopted, dryRun: dryRun, database: database, recorder: Recorder(by))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(outcome))
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }

    /// For tests: `CASETRACK_FAULT_SLOW_UPLOAD=SECONDS` makes a worker take that long first, as a pathological file would.
    enum FaultInjection {
        static func slowIfAsked() {
            guard let text = ProcessInfo.processInfo.environment["CASETRACK_FAULT_SLOW_UPLOAD"], let seconds = Double(text) else { return }
            Thread.sleep(forTimeInterval: min(seconds, 120))
        }
    }
}

/// Where the web app reads uploads: in its own process (tests, and a library
/// user who has no casetrack binary), or in worker processes.
public enum UploadRunner: Sendable {
    case inProcess
    /// `executable` is casetrack itself, run as `casetrack web-import-worker`.
    case worker(executable: URL, timeLimit: Duration = UploadWork.timeLimit, memoryBytes: Int = UploadWork.memoryBytes)
}

/// Why an upload was not read.
enum UploadError: Error, CustomStringConvertible {
    case failed(String)
    case tooSlow(seconds: Int)
    case crashed

    var description: String {
        switch self {
        case .failed(let sentence): return sentence
        case .tooSlow(let seconds):
            return "Reading this file took longer than \(seconds) seconds, so it was stopped and nothing was imported: check that it is one resolution, or import it on the server with 'casetrack import'."
        case .crashed:
            return "Reading this file needed more than casetrack allows an upload (memory), so it was stopped and nothing was imported: check that it is one resolution, or import it on the server with 'casetrack import'."
        }
    }
}

extension UploadRunner {
    /// Runs the upload's work here or in a worker; blocks the calling thread (call it through ``WorkLimiter``).
    func run(data: Data, name: String, adopted: PartialDate?, dryRun: Bool, database: CaseDatabase, recorder: Recorder) throws -> UploadOutcome {
        switch self {
        case .inProcess:
            return try UploadWork.perform(data: data, name: name, adopted: adopted, dryRun: dryRun, database: database, recorder: recorder)
        case .worker(let executable, let timeLimit, let memoryBytes):
            return try Self.runWorker(executable: executable, timeLimit: timeLimit, memoryBytes: memoryBytes, data: data, name: name,
                                      adopted: adopted, dryRun: dryRun, databasePath: database.path, recorder: recorder)
        }
    }

    static func runWorker(executable: URL, timeLimit: Duration, memoryBytes: Int, data: Data, name: String, adopted: PartialDate?,
                          dryRun: Bool, databasePath: String, recorder: Recorder) throws -> UploadOutcome {
        let worker = Process()
        worker.executableURL = executable
        var arguments = ["web-import-worker", "--db", databasePath, "--name", name, "--by", recorder.name, "--memory-bytes", String(memoryBytes)]
        if let adopted { arguments += ["--adopted", adopted.description] }
        if dryRun { arguments.append("--dry-run") }
        worker.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        worker.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        worker.standardInput = input
        worker.standardOutput = output
        worker.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        worker.terminationHandler = { _ in finished.signal() }
        try worker.run()
        // Read both outputs while the worker runs, so a full pipe never stalls it.
        let collected = Collected()
        let readers = DispatchGroup()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            DispatchQueue.global().async(group: readers) {
                let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(bytes, output: isOutput)
            }
        }
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            kill(worker.processIdentifier, SIGKILL)
            worker.waitUntilExit()
            readers.wait()
            throw UploadError.tooSlow(seconds: Int(seconds))
        }
        worker.waitUntilExit()
        readers.wait()
        let (stdout, stderr) = collected.values
        if worker.terminationReason == .uncaughtSignal { throw UploadError.crashed }
        guard worker.terminationStatus == 0 else {
            let sentence = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UploadError.failed(sentence.isEmpty ? "casetrack could not read this file (exit \(worker.terminationStatus)); nothing was imported." : sentence)
        }
        do {
            return try JSONDecoder().decode(UploadOutcome.self, from: stdout)
        } catch {
            throw UploadError.crashed
        }
    }

    /// A worker's two outputs, gathered on two threads.
    private final class Collected: Sendable {
        private let lock = NSLock()
        nonisolated(unsafe) private var output = Data()
        nonisolated(unsafe) private var errors = Data()

        func set(_ data: Data, output isOutput: Bool) {
            lock.withLock { if isOutput { output = data } else { errors = data } }
        }

        var values: (Data, Data) { lock.withLock { (output, errors) } }
    }
}
