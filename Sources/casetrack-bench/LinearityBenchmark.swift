import CaseCorpus
import CaseIngest
import CaseStore
import Foundation

/// `casetrack-bench linear [--sizes 10000,20000,40000,80000] [--budget SECONDS]`: extraction and import
/// time against the length of a text (issue 19 point 6). Each size is one invented resolution
/// (``CorpusGenerator/longResolution(names:)``) naming that many persons; each doubling of the
/// text should about double the time. Also one core's throughput on real-sized resolutions
/// (point 5), and a sample resolution against ten times its body.
enum LinearityBenchmark {
    ///
    /// `--write DIR` writes each shape's text of each size into DIR (`sections-N.txt`, `lists-N.txt`) and times nothing:
    /// texts to profile `casetrack extract` on. `--scale-only` times the sizes only, not the real resolutions.
    static func run(sizes: [Int], shapes: [Shape], budget: Double, sampleDirectory: String) throws {
        let arguments = CommandLine.arguments
        if let at = arguments.firstIndex(of: "--write"), arguments.indices.contains(at + 1) {
            try FileManager.default.createDirectory(atPath: arguments[at + 1], withIntermediateDirectories: true)
            for shape in shapes {
                for names in sizes {
                    var generator = CorpusGenerator(seed: 19)
                    let document = shape == .sections ? generator.longResolution(names: names) : generator.listResolution(names: names)
                    let file = URL(fileURLWithPath: arguments[at + 1]).appendingPathComponent("\(shape.rawValue)-\(names).txt")
                    try Data(document.text.utf8).write(to: file)
                    say("wrote \(file.path)")
                }
            }
            return
        }
        say("# linearity benchmark (release build), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        if !arguments.contains("--scale-only") {
            try IngestBenchmark.realResolutions(sampleDirectory: sampleDirectory)
            try tenTimes(sampleDirectory: sampleDirectory)
        }

        for shape in shapes { try scale(shape, sizes: sizes, budget: budget) }
    }

    enum Shape: String, CaseIterable {
        /// More sections as the text grows (``CorpusGenerator/longResolution(names:)``).
        case sections
        /// 700 recitals whose lists of names grow with the text (``CorpusGenerator/listResolution(names:recitals:)``).
        case lists
    }

    static func scale(_ shape: Shape, sizes: [Int], budget: Double) throws {
        say(shape == .sections ? "texts of short sections, more of them as names grow:" : "texts of 700 recitals, their lists of names growing:")
        var previous: (names: Int, extract: Double, store: Double, extractCPU: Double, storeCPU: Double)?
        for names in sizes {
            var generator = CorpusGenerator(seed: 19)
            let document = shape == .sections ? generator.longResolution(names: names) : generator.listResolution(names: names)
            // The slower of extraction and import stopped the previous size early: the next would take more than the budget.
            if let previous, max(previous.extract, previous.store) * 2 * Double(names) / Double(previous.names) > budget * 2 {
                say(String(format: "%6d names: skipped (the previous size suggests more than %.0f s)", names, budget * 2))
                continue
            }
            var extraction: Extraction?
            let extractCPU = cpuTime()
            let extractSeconds = try time { extraction = try Extractor.extract(text: document.text, name: document.fileName) }
            let extractCPUSeconds = cpuTime() - extractCPU
            guard let extraction else { continue }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-linear-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try CaseDatabase.open(path: directory.appendingPathComponent("linear.sqlite").path)
            let storeCPU = cpuTime()
            let storeSeconds = try time { _ = try database.importResolution(extraction, file: document.fileName, by: Recorder("bench")) }
            let storeCPUSeconds = cpuTime() - storeCPU
            func ratio(_ now: Double, _ before: Double?) -> String {
                guard let before, let previous else { return "" }
                return String(format: " (x%.2f for x%.0f names)", now / before, Double(names) / Double(previous.names))
            }
            say(String(format: "%6d names (%d KB, %d sections, %d persons found): extract %.2f s%@ [cpu %.2f s%@], import %.2f s%@ [cpu %.2f s%@]",
                       names, document.text.utf8.count / 1024, extraction.document.sections.count, extraction.persons.count,
                       extractSeconds, ratio(extractSeconds, previous?.extract), extractCPUSeconds, ratio(extractCPUSeconds, previous?.extractCPU),
                       storeSeconds, ratio(storeSeconds, previous?.store), storeCPUSeconds, ratio(storeCPUSeconds, previous?.storeCPU)))
            previous = (names, extractSeconds, storeSeconds, extractCPUSeconds, storeCPUSeconds)
        }
    }

    /// A sample resolution, then its body repeated ten times after it: about ten times as long, it should take
    /// about ten times as long to extract. The fastest of three runs each.
    static func tenTimes(sampleDirectory: String) throws {
        let file = URL(fileURLWithPath: sampleDirectory).appendingPathComponent("ep-2021-2544-kazakhstan.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return }
        let body = text.components(separatedBy: "\n").filter { !$0.isEmpty }
        let long = text + "\n" + Array(repeating: body.dropFirst(5).joined(separator: "\n"), count: 9).joined(separator: "\n")
        _ = try Extractor.extract(text: text, name: "timing")
        let one = try (0..<3).map { _ in try time { _ = try Extractor.extract(text: text, name: "timing") } }.min() ?? 0
        let ten = try (0..<3).map { _ in try time { _ = try Extractor.extract(text: long, name: "timing") } }.min() ?? 0
        say(String(format: "sample x1: %.1f ms, x10 (%d scalars): %.1f ms, ratio %.1f", one * 1000, long.unicodeScalars.count, ten * 1000, ten / one))
    }
}

/// This thread's CPU time in seconds: on a machine others are loading, what the work itself cost
/// (wall time also counts the time the thread waited for a core).
func cpuTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
