import CaseCorpus
import CaseIngest
import CaseStore
import Foundation

/// Extraction and import throughput on the samples and on a generated corpus.
enum IngestBenchmark {
    /// With `count` 0, only the real resolutions line (`rounds` rounds over the files: few under a profiler).
    static func run(count: Int, rounds: Int = 20, sampleDirectory: String) throws {
        say("# ingest benchmark (release build), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        if count == 0 { return try realResolutions(sampleDirectory: sampleDirectory, rounds: rounds) }
        let samples = try FileManager.default.contentsOfDirectory(atPath: sampleDirectory).filter { $0.hasSuffix(".txt") }.sorted()
        for sample in samples {
            let data = try Data(contentsOf: URL(fileURLWithPath: sampleDirectory).appendingPathComponent(sample))
            // Ten batches of ten: the mean, and the best batch, which a shared machine's other work disturbs least.
            var batches: [Double] = []
            for _ in 0..<10 { batches.append(try time { for _ in 0..<10 { _ = try Extractor.extract(data: data, name: sample) } } / 10) }
            let mean = batches.reduce(0, +) / Double(batches.count), best = batches.min() ?? mean
            say(String(format: "extract %@ (%d KB): %.1f ms each, %.0f/s (best batch %.1f ms, %.0f/s)",
                       sample, data.count / 1024, mean * 1000, 1 / mean, best * 1000, 1 / best))
        }

        try realResolutions(sampleDirectory: sampleDirectory)

        var generator = CorpusGenerator(seed: 42)
        let corpus = (0..<count).map { generator.document(number: $0) }
        let bytes = corpus.reduce(0) { $0 + $1.text.utf8.count }
        say("generated corpus: \(count) resolutions, \(bytes / 1024) KB, RSS \(Memory.residentKB()) KB")

        var extractions: [Extraction] = []
        extractions.reserveCapacity(count)
        var checkpoints: [(Int, Int)] = []
        let extractSeconds = try time {
            for (index, document) in corpus.enumerated() {
                extractions.append(try Extractor.extract(text: document.text, name: document.fileName))
                if [count / 10, count / 2, count].contains(index + 1) { checkpoints.append((index + 1, Memory.residentKB())) }
            }
        }
        say(String(format: "extract generated: %d in %.2f s = %.0f resolutions/s", count, extractSeconds, Double(count) / extractSeconds))
        say("  RSS while extracting (all extractions kept): " + checkpoints.map { "\($0.0): \($0.1) KB" }.joined(separator: ", "))

        // Extraction is pure: `casetrack import` of many files extracts them on every core.
        let parallelSeconds = time {
            _ = ParallelExtraction.extract(corpus.map { ($0.text, $0.fileName) })
        }
        say(String(format: "extract generated on %d cores: %d in %.2f s = %.0f resolutions/s",
                   ProcessInfo.processInfo.activeProcessorCount, count, parallelSeconds, Double(count) / parallelSeconds))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try CaseDatabase.open(path: directory.appendingPathComponent("bench.sqlite").path)
        let recorder = Recorder("bench")
        checkpoints = []
        let importSeconds = try time {
            for (index, extraction) in extractions.enumerated() {
                _ = try database.importResolution(extraction, file: corpus[index].fileName, by: recorder)
                if [count / 10, count / 2, count].contains(index + 1) { checkpoints.append((index + 1, Memory.residentKB())) }
            }
        }
        say(String(format: "import generated (one transaction each, file database): %d in %.2f s = %.0f resolutions/s", count, importSeconds, Double(count) / importSeconds))
        say("  RSS while importing: " + checkpoints.map { "\($0.0): \($0.1) KB" }.joined(separator: ", "))

        // Memory of extraction alone, nothing kept: flat means no leak per document.
        extractions = []
        var flat: [(Int, Int)] = []
        for (index, document) in corpus.enumerated() {
            _ = try Extractor.extract(text: document.text, name: document.fileName)
            if [count / 10, count / 2, count].contains(index + 1) { flat.append((index + 1, Memory.residentKB())) }
        }
        say("  RSS extracting without keeping results: " + flat.map { "\($0.0): \($0.1) KB" }.joined(separator: ", "))
    }

    /// Where the development corpus's whole resolution-shaped texts are, from the package root.
    static let composedDirectory = "Tests/CaseIngestTests/Fixtures/dev/composed"

    /// One core's throughput on real-sized resolutions in every published form: the samples and the
    /// development corpus's composed texts (HTML, PDF text, motions, Official Journal, Windows-1252),
    /// each file's bytes decoded, normalised and extracted as `casetrack import` does.
    static func realResolutions(sampleDirectory: String, rounds roundCount: Int = 20) throws {
        var files: [(name: String, data: Data)] = []
        for directory in [sampleDirectory, composedDirectory] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() where name.hasSuffix(".txt") || name.hasSuffix(".html") {
                files.append((name, try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))))
            }
        }
        guard !files.isEmpty else { return }
        let bytes = files.reduce(0) { $0 + $1.data.count }
        // Twenty rounds over every file, each timed: the mean, the median and the best round.
        var rounds: [Double] = []
        let cpuStart = cpuTime()
        for _ in 0..<max(roundCount, 1) {
            rounds.append(try time { for file in files { _ = try Extractor.extract(data: file.data, name: file.name) } } / Double(files.count))
        }
        let cpu = (cpuTime() - cpuStart) / Double(rounds.count * files.count)
        let mean = rounds.reduce(0, +) / Double(rounds.count), best = rounds.min() ?? mean
        let median = rounds.sorted()[rounds.count / 2]
        say(String(format: "extract real resolutions (%d files, %d KB on average), one core: %.1f ms each, %.0f/s (median round %.1f ms, %.0f/s; best round %.1f ms, %.0f/s; CPU time %.1f ms each, %.0f/s)",
                   files.count, bytes / files.count / 1024, mean * 1000, 1 / mean, median * 1000, 1 / median, best * 1000, 1 / best, cpu * 1000, 1 / cpu))
    }
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

enum Memory {
    /// Resident set size from /proc (Linux).
    static func residentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}

/// Prints at once, even into a pipe.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
