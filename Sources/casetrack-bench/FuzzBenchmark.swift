import CaseCorpus
import CaseIngest
import Foundation

/// `casetrack-bench fuzz N [DIR] [--seed S] [--budget SECONDS]`: extracts N
/// mutations of every `.txt`/`.html` text under DIR (default SampleData),
/// each from its own seed, and reports every crash and hang with the seed
/// and mutation that reproduce it (`casetrack-bench fuzz-one FILE SEED OUT`
/// writes the mutated text for `casetrack extract`).
///
/// A Swift trap cannot be caught in-process, so the extractions run in a
/// worker process (this binary, `fuzz-worker`) that announces each one on
/// stdout before and after it; the supervisor restarts the worker after
/// the job it died in, or after killing it when a job outlives its budget.
enum FuzzBenchmark {
    struct Finding {
        var job: Int
        var file: String
        var mutation: String
        var outcome: String
    }

    static func corpus(in directory: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw FuzzError("no directory \(directory)")
        }
        let files = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
        if files.isEmpty { throw FuzzError("no .txt or .html files under \(directory)") }
        return files.map { directory + "/" + $0 }
    }

    /// The first jobs are the texts as they are; then job `job` mutates file
    /// `job % files.count` with seed `seed + job`.
    static func mutation(job: Int, files: [String], seed: UInt64) throws -> (file: String, mutation: TextMutator.Mutation) {
        let file = files[job % files.count]
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        if job < files.count { return (file, TextMutator.Mutation(seed: 0, steps: ["unmutated"], bytes: Array(data))) }
        return (file, TextMutator().mutate(String(decoding: data, as: UTF8.self), seed: seed &+ UInt64(job)))
    }

    static func run(count: Int, directory: String, seed: UInt64, budget: Double) throws {
        let files = try corpus(in: directory)
        say("# fuzz: \(count) mutations of \(files.count) texts under \(directory), seed \(seed), budget \(budget) s each")
        var findings: [Finding] = []
        var next = 0
        let start = DispatchTime.now().uptimeNanoseconds
        while next < count {
            let worker = Process()
            worker.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            worker.arguments = ["fuzz-worker", directory, String(seed), String(next), String(count)]
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            worker.environment = environment
            let out = Pipe(), err = Pipe()
            worker.standardOutput = out
            worker.standardError = err
            try worker.run()
            var current: Int?
            var lines = LineReader(handle: out.fileHandleForReading)
            var timedOut = false
            while true {
                guard let line = lines.next(timeout: budget) else { timedOut = lines.timedOut; break }
                let parts = line.split(separator: " ")
                guard parts.count == 2, let job = Int(parts[1]) else { continue }
                if parts[0] == "begin" { current = job } else { current = nil; next = job + 1 }
            }
            if timedOut { kill(worker.processIdentifier, SIGKILL) }
            worker.waitUntilExit()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").first { $0.contains("error") || $0.contains("Fatal") } ?? ""
            if let job = current {
                let (file, mutation) = try mutation(job: job, files: files, seed: seed)
                let outcome = timedOut ? "hang (over \(budget) s)" : "crash (\(worker.terminationReason == .uncaughtSignal ? "signal \(worker.terminationStatus)" : "exit \(worker.terminationStatus)")) \(message)"
                findings.append(Finding(job: job, file: file, mutation: mutation.description, outcome: outcome))
                let reproduce = mutation.seed == 0 ? "casetrack extract \(file)"
                    : "casetrack-bench fuzz-one \(file) \(mutation.seed) /tmp/fuzz-\(mutation.seed).txt && casetrack extract /tmp/fuzz-\(mutation.seed).txt"
                say("FOUND job \(job): \(outcome)\n  \(file), \(mutation)\n  reproduce: \(reproduce)")
                next = job + 1
            } else if worker.terminationStatus != 0 {
                throw FuzzError("the fuzz worker failed outside any job: \(message)")
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        say(String(format: "%d mutations in %.1f s (%.0f/s): %d crashes, %d hangs", count, seconds, Double(count) / seconds,
                   findings.filter { $0.outcome.hasPrefix("crash") }.count, findings.filter { $0.outcome.hasPrefix("hang") }.count))
        // The same fault is usually found many times: one line per distinct message, by file.
        let groups = Dictionary(grouping: findings) { "\($0.outcome) in \(URL(fileURLWithPath: $0.file).lastPathComponent)" }
        for (outcome, found) in groups.sorted(by: { $0.value.count > $1.value.count }) {
            say("  \(found.count)x \(outcome); first: job \(found[0].job), \(found[0].mutation)")
        }
        if !findings.isEmpty { throw FuzzError("\(findings.count) of \(count) mutations crashed or hung the extractor") }
    }

    /// The worker: extracts jobs `start..<end` in order, announcing each.
    static func work(directory: String, seed: UInt64, start: Int, end: Int) throws {
        let files = try corpus(in: directory)
        for job in start..<end {
            let (file, mutation) = try mutation(job: job, files: files, seed: seed)
            say("begin \(job)")
            _ = try? Extractor.extract(data: Data(mutation.bytes), name: file)
            say("done \(job)")
        }
    }

    /// Writes the mutated text of `file` for `seed` to `output`.
    static func one(file: String, seed: UInt64, output: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        let mutation = TextMutator().mutate(text, seed: seed)
        try Data(mutation.bytes).write(to: URL(fileURLWithPath: output))
        say("\(mutation) -> \(output)")
    }
}

struct FuzzError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Lines from a pipe, waiting at most a timeout for each.
struct LineReader {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var timedOut = false
    var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next(timeout: Double) -> String? {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if finished { return nil }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { timedOut = true; return nil }
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(handle.fileDescriptor, &chunk, chunk.count)
            if count <= 0 { finished = true } else { buffer += chunk[..<count] }
        }
    }
}
