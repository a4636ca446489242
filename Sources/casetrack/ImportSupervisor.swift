import ArgumentParser
import CaseStore
import Foundation

/// Runs an import in worker processes, so that a crash or a hang inside one
/// file's extraction is an error for that file only.
///
/// A Swift runtime trap (an index out of range in the extractor) cannot be
/// caught in-process: it ends the process. So `casetrack import` starts
/// itself as a worker on the files, which imports them as before (one
/// transaction per file) and appends a line per finished file to a
/// progress file. When the worker dies, the files it had not finished are
/// known; its last batch (extracted in parallel) is then retried one file
/// per worker, which names the file that kills it, and the rest continue
/// in batches. A killed worker's open transaction is rolled back by SQLite.
struct ImportSupervisor {
    let command: ImportCommand
    /// A worker that reports nothing for this long is stopped.
    static let silenceLimit: Double = 300

    func run() throws {
        let files = command.files
        var summaries: [String] = []
        var failures = 0
        var next = 0
        var single = 0  // files still to retry one per worker
        while next < files.count {
            let count = single > 0 ? 1 : files.count - next
            let outcome = try runWorker(files: Array(files[next..<(next + count)]), offset: next)
            summaries += outcome.summaries
            failures += outcome.failed
            let finished = outcome.finished
            if let stopped = outcome.stopped {
                if count == 1 {
                    failures += 1
                    Output.warn("Error: \(files[next]): \(stopped) while reading the resolution, a bug in casetrack (please report it with the file); nothing of it was imported.")
                    next += 1
                    single = max(0, single - 1)
                } else {
                    next += finished
                    single = min(32, files.count - next)
                }
            } else {
                next += count
                single = max(0, single - count)
            }
        }
        if command.output.format == .json { Output.write("[\n" + summaries.joined(separator: ",\n") + "\n]\n") }
        if failures > 0 {
            if files.count > 1 { Output.warn("\(failures) of \(files.count) files were not imported; the others were.") }
            throw ExitCode.failure
        }
    }

    struct Outcome {
        var finished = 0
        var failed = 0
        var summaries: [String] = []
        /// Why the worker stopped before finishing its files, if it did.
        var stopped: String?
    }

    func runWorker(files: [String], offset: Int) throws -> Outcome {
        let progressPath = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-import-\(UUID().uuidString)").path
        defer { unlink(progressPath) }
        let worker = Process()
        worker.executableURL = Self.executable
        var arguments = ["import", "--db", command.database.path, "--format", command.output.format.rawValue,
                         "--worker-progress", progressPath, "--worker-offset", String(offset), "--worker-total", String(command.files.count)]
        if let by = command.recorder.by { arguments += ["--by", by] }
        if let adopted = command.adopted { arguments += ["--adopted", adopted] }
        if command.dryRun { arguments.append("--dry-run") }
        if command.force { arguments.append("--force") }
        worker.arguments = arguments + ["--"] + files
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash is reported in one sentence below, not 80 lines
        worker.environment = environment
        // The worker's messages pass through as they come; a crash's stack trace does not.
        let errors = Pipe()
        worker.standardError = errors
        let forwarded = DispatchSemaphore(value: 0)
        let reader = errors.fileHandleForReading
        Thread.detachNewThread {
            var pending = Data()
            while true {
                let chunk = reader.availableData
                pending += chunk
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[pending.startIndex...newline]
                    pending = Data(pending[pending.index(after: newline)...])
                    if !Self.isStackTrace(String(decoding: line, as: UTF8.self)) { FileHandle.standardError.write(line) }
                }
                if chunk.isEmpty { break }
            }
            forwarded.signal()
        }
        try worker.run()
        var lastSize = -1
        var lastChange = DispatchTime.now().uptimeNanoseconds
        var silent = false
        while worker.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            let size = (try? FileManager.default.attributesOfItem(atPath: progressPath))?[.size] as? Int ?? 0
            let now = DispatchTime.now().uptimeNanoseconds
            if size != lastSize { lastSize = size; lastChange = now }
            if Double(now - lastChange) / 1e9 > Self.silenceLimit {
                silent = true
                kill(worker.processIdentifier, SIGKILL)
                worker.waitUntilExit()
            }
        }
        forwarded.wait()
        var outcome = Outcome()
        let text = (try? String(contentsOfFile: progressPath, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2)
            guard parts.count >= 2 else { continue }
            outcome.finished += 1
            if parts[1] == "failed" { outcome.failed += 1 }
            if parts.count == 3 { outcome.summaries.append(String(parts[2])) }
        }
        if silent {
            outcome.stopped = "it did not finish within \(Int(Self.silenceLimit)) seconds"
        } else if worker.terminationReason == .uncaughtSignal {
            outcome.stopped = "casetrack crashed (signal \(worker.terminationStatus))"
        } else if outcome.finished < files.count {
            // A worker that could not start (a refused database): its own error is already printed.
            if outcome.finished == 0 { throw ExitCode(worker.terminationStatus) }
            outcome.stopped = "casetrack stopped (exit \(worker.terminationStatus))"
        }
        return outcome
    }

    /// A line of the runtime's report after a trap: "Current stack trace:" and numbered frames.
    static func isStackTrace(_ line: String) -> Bool {
        if line.hasPrefix("Current stack trace:") || line.hasPrefix("*** ") { return true }
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        return fields.count >= 3 && Int(fields[0]) != nil && fields[2].hasPrefix("0x")
    }

    static var executable: URL {
        let link = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: link.path) { return link.resolvingSymlinksInPath() }
        return URL(fileURLWithPath: CommandLine.arguments[0])
    }
}

/// The worker's record of finished files: one line each, `index<TAB>ok|failed[<TAB>summary JSON]`.
struct ImportProgress {
    let handle: FileHandle

    init(appendingTo path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            return FileHandle(forWritingAtPath: path)
        }() else { throw CleanError("Cannot write the import's progress file \(path).") }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func record(index: Int, failed: Bool = false, summary: ImportSummary? = nil) throws {
        var line = "\(index)\t\(failed ? "failed" : "ok")"
        if let summary {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            line += "\t" + String(decoding: try encoder.encode(summary), as: UTF8.self)
        }
        handle.write(Data((line + "\n").utf8))
    }
}

/// For tests of the supervisor: `CASETRACK_FAULT_CRASH_FILE=PATH` makes a
/// worker die by SIGSEGV when it reaches that file, as a trap in the
/// extractor would. Unset, it does nothing.
enum ImportFaultInjection {
    static func crashIfAsked(_ batch: [String]) {
        guard let target = ProcessInfo.processInfo.environment["CASETRACK_FAULT_CRASH_FILE"], batch.contains(target) else { return }
        raise(SIGSEGV)
    }
}
