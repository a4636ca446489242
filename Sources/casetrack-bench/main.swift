import CaseCorpus
import Foundation

/// `swift run -c release casetrack-bench ingest [COUNT] [ROUNDS]` — extraction and import throughput (COUNT 0: only the real resolutions line, ROUNDS rounds).
/// `swift run -c release casetrack-bench scale [DB-PATH] [--rebuild] [--only NAME]` — query latency at NGO scale (`--only`: the questions whose name contains NAME).
/// `swift run -c release casetrack-bench fuzz [N] [DIR]` — mutated texts must not crash or hang the extractor.
/// `swift run -c release casetrack-bench generate COUNT DIR` — writes generated resolutions, e.g. to compare extractor output before and after a change.
/// `swift run -c release casetrack-bench serve-load [DB-PATH] [--casetrack BINARY]… [--cli-runs N]` — `casetrack serve` under load on loopback, 100,000 persons,
///   and the same questions through the CLI; each `--casetrack` binary in turn (before and after a change in one run).
/// `swift run -c release casetrack-bench login-load` — another user's pages while 200 logins arrive at once from 200 loopback addresses.
/// `swift run -c release casetrack-bench upload-load [--uploads N] [--recitals N] [--mode in-process|worker]` — another user's pages while large previews are read (needs the release `casetrack` beside it).
/// `swift run -c release casetrack-bench wal [DB-PATH] [--whole-file] [--persons N]` — the first command after a killed writer on a 100,000-person file (`--whole-file`: also the check as it was, on the whole file; `--persons`: the size of a file generated when DB-PATH does not exist).
/// `swift run -c release casetrack-bench forms [--verbose] [--only FORM,…] [DIR…]` — every development text clean and in every copied form (flattened, glued labels, XML tags, …): the share of persons and status steps each form keeps.
/// `swift run -c release casetrack-bench sections` — import time against the number of recitals (must be linear).
/// `swift run -c release casetrack-bench linear [--sizes 10000,20000,40000,80000] [--shape sections,lists] [--budget S]` — extraction and import time against the number of names in one text (must be linear), and real resolutions per second.
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "ingest":
        try IngestBenchmark.run(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 1000,
                                rounds: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 20, sampleDirectory: "SampleData")
    case "scale":
        let rest = Array(arguments.dropFirst())
        func option(_ name: String) -> String? { rest.firstIndex(of: name).flatMap { rest.indices.contains($0 + 1) ? rest[$0 + 1] : nil } }
        let path = rest.enumerated().first { index, value in !value.hasPrefix("--") && (index == 0 || rest[index - 1] != "--only") }?.element
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-scale.sqlite").path
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("casetrack").path
        try ScaleBenchmark.run(path: path, size: .init(), rebuild: arguments.contains("--rebuild"), binary: binary, only: option("--only"))
    case "fuzz":
        let rest = Array(arguments.dropFirst())
        func option(_ name: String) -> String? { rest.firstIndex(of: name).flatMap { rest.indices.contains($0 + 1) ? rest[$0 + 1] : nil } }
        let positional = rest.enumerated().filter { index, value in !value.hasPrefix("--") && (index == 0 || !rest[index - 1].hasPrefix("--")) }.map(\.element)
        try FuzzBenchmark.run(count: positional.first.flatMap { Int($0) } ?? 10_000, directory: positional.dropFirst().first ?? "SampleData",
                              seed: option("--seed").flatMap { UInt64($0) } ?? 1, budget: option("--budget").flatMap { Double($0) } ?? 10)
    case "fuzz-worker":
        let rest = Array(arguments.dropFirst())
        guard rest.count == 4, let seed = UInt64(rest[1]), let start = Int(rest[2]), let end = Int(rest[3]) else { exit(64) }
        try FuzzBenchmark.work(directory: rest[0], seed: seed, start: start, end: end)
    case "fuzz-one":
        let rest = Array(arguments.dropFirst())
        guard rest.count == 3, let seed = UInt64(rest[1]) else { exit(64) }
        try FuzzBenchmark.one(file: rest[0], seed: seed, output: rest[2])
    case "sections":
        try SectionsBenchmark.run()
    case "forms":
        FormsBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "wal":
        let rest = Array(arguments.dropFirst())
        let persons = rest.firstIndex(of: "--persons").flatMap { rest.indices.contains($0 + 1) ? Int(rest[$0 + 1]) : nil } ?? 100_000
        let path = rest.enumerated().first { index, value in !value.hasPrefix("--") && (index == 0 || rest[index - 1] != "--persons") }?.element
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-wal-\(persons).sqlite").path
        try WalBenchmark.run(path: path, binary: URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("casetrack").path,
                             wholeFile: rest.contains("--whole-file"), persons: persons)
    case "linear":
        let rest = Array(arguments.dropFirst())
        func option(_ name: String) -> String? { rest.firstIndex(of: name).flatMap { rest.indices.contains($0 + 1) ? rest[$0 + 1] : nil } }
        let sizes = option("--sizes").map { $0.split(separator: ",").compactMap { Int($0) } } ?? [10_000, 20_000, 40_000, 80_000]
        let shapes = option("--shape").map { $0.split(separator: ",").compactMap { LinearityBenchmark.Shape(rawValue: String($0)) } } ?? LinearityBenchmark.Shape.allCases
        try LinearityBenchmark.run(sizes: sizes, shapes: shapes, budget: option("--budget").flatMap { Double($0) } ?? 300, sampleDirectory: "SampleData")
    case "generate":
        // Writes COUNT generated resolutions into DIR: a fixed corpus for checking that a
        // change to the extractor leaves its output as it was.
        let rest = Array(arguments.dropFirst())
        guard rest.count == 2, let count = Int(rest[0]) else { exit(64) }
        try FileManager.default.createDirectory(atPath: rest[1], withIntermediateDirectories: true)
        var generator = CorpusGenerator(seed: 7)
        for number in 0..<count {
            let document = generator.document(number: number)
            try Data(document.text.utf8).write(to: URL(fileURLWithPath: rest[1]).appendingPathComponent(document.fileName))
        }
    case "login-load":
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task.detached {
            do { try await LoginLoadBenchmark.run(port: 18_766) } catch { failure = error }
            finished.signal()
        }
        finished.wait()
        if let failure { throw failure }
    case "upload-load":
        let rest = Array(arguments.dropFirst())
        func option(_ name: String) -> String? { rest.firstIndex(of: name).flatMap { rest.indices.contains($0 + 1) ? rest[$0 + 1] : nil } }
        let uploads = min(8, max(1, option("--uploads").flatMap { Int($0) } ?? 2))
        let modes = option("--mode").flatMap { UploadLoadBenchmark.Mode(rawValue: $0) }.map { [$0] } ?? UploadLoadBenchmark.Mode.allCases
        // The worker is casetrack itself, built beside this binary (as `scale` finds it).
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("casetrack").standardizedFileURL
        let port = option("--port").flatMap { Int($0) } ?? 18_770, recitals = min(702, max(1, option("--recitals").flatMap { Int($0) } ?? 700))
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task.detached {
            do { try await UploadLoadBenchmark.run(port: port, uploads: uploads, recitals: recitals, modes: modes, workerExecutable: executable) } catch { failure = error }
            finished.signal()
        }
        finished.wait()
        if let failure { throw failure }
    case "serve-load":
        let rest = Array(arguments.dropFirst())
        func option(_ name: String) -> String? { rest.firstIndex(of: name).flatMap { rest.indices.contains($0 + 1) ? rest[$0 + 1] : nil } }
        let valued = ["--port", "--concurrency", "--casetrack", "--cli-runs"]
        let path = rest.enumerated().first { index, value in !value.hasPrefix("--") && (index == 0 || !valued.contains(rest[index - 1])) }?.element
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-serve-load.sqlite").path
        let port = option("--port").flatMap { Int($0) } ?? 18_765, concurrency = option("--concurrency").flatMap { Int($0) } ?? 8
        let binaries = rest.indices.filter { rest[$0] == "--casetrack" && $0 + 1 < rest.count }.map { rest[$0 + 1] }
        let cliRuns = option("--cli-runs").flatMap { Int($0) } ?? 20
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        // Detached: top-level code runs on the main actor, which the semaphore below blocks.
        Task.detached {
            do { try await ServeLoadBenchmark.run(path: path, port: port, concurrency: concurrency, binaries: binaries, cliRuns: cliRuns) } catch { failure = error }
            finished.signal()
        }
        finished.wait()
        if let failure { throw failure }
    default:
        FileHandle.standardError.write(Data("usage: casetrack-bench ingest [COUNT] | scale [DB-PATH] [--rebuild] [--only NAME] | fuzz [N] [DIR] [--seed S] [--budget SECONDS] | fuzz-one FILE SEED OUT | sections | wal [DB-PATH] [--whole-file] [--persons N] | linear [--sizes N,N…] [--shape sections,lists] [--budget SECONDS] | generate COUNT DIR | serve-load [DB-PATH] [--port P] [--concurrency N] [--casetrack BINARY]... [--cli-runs N] | login-load | upload-load [--uploads N] [--recitals N] [--mode in-process|worker] [--port P]\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
    exit(1)
}
