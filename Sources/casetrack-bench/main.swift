import Foundation

/// `swift run -c release casetrack-bench ingest [COUNT]` — extraction and import throughput.
/// `swift run -c release casetrack-bench scale [--persons N …]` — query latency at NGO scale.
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "ingest":
        try IngestBenchmark.run(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 1000, sampleDirectory: "SampleData")
    case "scale":
        let path = arguments.dropFirst().first ?? FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-scale.sqlite").path
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("casetrack").path
        try ScaleBenchmark.run(path: path, size: .init(), rebuild: arguments.contains("--rebuild"), binary: binary)
    default:
        FileHandle.standardError.write(Data("usage: casetrack-bench ingest [COUNT] | scale [DB-PATH] [--rebuild]\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
    exit(1)
}
