import Foundation

/// `swift run -c release casetrack-bench ingest [COUNT]` — extraction and import throughput.
/// `swift run -c release casetrack-bench scale [--persons N …]` — query latency at NGO scale.
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "ingest":
        try IngestBenchmark.run(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 1000, sampleDirectory: "SampleData")
    default:
        FileHandle.standardError.write(Data("usage: casetrack-bench ingest [COUNT]\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
    exit(1)
}
