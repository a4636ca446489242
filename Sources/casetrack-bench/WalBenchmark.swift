import CaseStore
import Foundation

/// The first command after a writer was killed on a large file: the `-wal`
/// it leaves is checked before the file is read (`WriteAheadLog.reconcile`).
/// That check is timed in this process on the `-wal`'s pages (now) and on
/// the whole file (before); then the release `casetrack` beside this binary
/// runs a reading command twice (both pay the check) and a writing one
/// (which checkpoints: none after it pays). CPU time, the machine is shared.
enum WalBenchmark {
    /// `persons`: the size of a file generated at `path` when there is none (the scale benchmark's file, scaled).
    static func run(path: String, binary: String, wholeFile: Bool, persons: Int = 100_000) throws {
        say("# -wal left by a killed writer, database \(path)")
        if !FileManager.default.fileExists(atPath: path) {
            var size = ScaleBenchmark.Size()
            let factor = Double(persons) / Double(size.persons)
            size.persons = persons
            size.documents = max(1, Int(Double(size.documents) * factor))
            size.mentions = max(1, Int(Double(size.mentions) * factor))
            size.events = max(1, Int(Double(size.events) * factor))
            size.charges = max(1, Int(Double(size.charges) * factor))
            let seconds = try time { try ScaleBenchmark.generate(path: path, size: size) }
            say(String(format: "generated (%d persons) in %.1f s", persons, seconds))
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) / 1_048_576
        say("file size: \(size) MB; load average \(ServeLoadBenchmark.loadAverage())")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-wal-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // What a kill -9 after a commit leaves: the file and its -wal, copied while the writer holds them.
        let work = directory.appendingPathComponent("work.sqlite").path
        let crashed = directory.appendingPathComponent("crashed.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: work)
        let writer = try CaseDatabase.open(path: work)
        _ = try writer.addPerson(name: "Walbench Testperson", aliases: ["W. Testperson"], by: Recorder("bench"))
        try FileManager.default.copyItem(atPath: work, toPath: crashed)
        try FileManager.default.copyItem(atPath: work + "-wal", toPath: crashed + "-wal")
        try writer.close()
        let walSize = try FileManager.default.attributesOfItem(atPath: crashed + "-wal")[.size] as? Int ?? 0
        say("-wal left: \(walSize / 1024) KB")
        say("")
        say("| step | CPU | wall | verified |")
        say("| --- | --- | --- | --- |")
        func timed(_ name: String, _ body: () throws -> String) rethrows {
            let cpu = ScaleBenchmark.threadCPUTime(), wall = Date()
            let verified = try body()
            say(String(format: "| %@ | %.3f s | %.3f s | %@ |", name, ScaleBenchmark.threadCPUTime() - cpu, Date().timeIntervalSince(wall), verified))
        }
        try timed("check of the -wal (now)") {
            let report = try CaseDatabase.checkLeftoverWALForBenchmark(path: crashed, wholeFile: false)
            return "\(report.rowsVerified) rows, \(report.pagesRead) pages read, on \(report.scope)"
        }
        if wholeFile {
            try timed("check of the -wal (before: whole file)") {
                let report = try CaseDatabase.checkLeftoverWALForBenchmark(path: crashed, wholeFile: true)
                return "\(report.rowsVerified) rows on \(report.scope)"
            }
        }
        for (name, arguments) in [("casetrack documents (first command)", ["documents"]),
                                  ("casetrack documents (second)", ["documents"]),
                                  ("casetrack person add (checkpoints)", ["person", "add", "Walbench Second"]),
                                  ("casetrack documents (after the write)", ["documents"])] {
            let (cpu, wall, status) = try childCPU(binary, arguments + ["--db", crashed])
            say(String(format: "| %@ | %.3f s | %.3f s | exit %d |", name, cpu, wall, status))
        }
        say("-wal after the write: \(FileManager.default.fileExists(atPath: crashed + "-wal") ? "still there" : "gone")")
    }

    /// CPU seconds (user and system) and wall seconds of one run of `binary`, and its exit status.
    static func childCPU(_ binary: String, _ arguments: [String]) throws -> (Double, Double, Int32) {
        func children() -> Double {
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let before = children(), wall = Date()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (children() - before, Date().timeIntervalSince(wall), process.terminationStatus)
    }
}
