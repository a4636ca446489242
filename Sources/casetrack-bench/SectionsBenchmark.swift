import CaseIngest
import CaseStore
import Foundation

/// Import time of texts of 25,000 to 100,000 short recitals: each doubling
/// of the input should about double the time (it was quadratic, issue 10).
enum SectionsBenchmark {
    static func text(recitals: Int) -> String {
        var lines = ["European Parliament resolution on the human rights situation in Freedonia", "(2021/2999(RSP))", "", "The European Parliament,", ""]
        for index in 0..<recitals {
            var label = "", value = index + 1
            while value > 0 { value -= 1; label = String(UnicodeScalar(UInt8(65 + value % 26))) + label; value /= 26 }
            lines += ["\(label). whereas item \(index) was noted;", ""]
        }
        return lines.joined(separator: "\n") + "1. Calls for release;\n"
    }

    static func run() throws {
        say("# sections benchmark (release build): one text of N short recitals")
        var previous: Double?
        for recitals in [25_000, 50_000, 100_000] {
            let body = text(recitals: recitals)
            let name = "recitals-\(recitals).txt"
            // What `casetrack import` does: the resolution-sized limit first.
            var outcome = ""
            let refused = time {
                if case .failure(let error) = ParallelExtraction.extract(files: [(Data(body.utf8), name)])[0] { outcome = "\(error)" }
            }
            say(String(format: "import path: %d recitals (%d KB) %@ in %.2f s", recitals, body.utf8.count / 1024,
                       outcome.contains("limit") ? "refused (section over the limit)" : "extracted", refused))
            // The extractor alone, past the limit: for whoever makes it linear on one huge section.
            let database = try CaseDatabase.inMemory()
            let seconds = try time {
                let extraction = try Extractor.extract(text: body, name: name)
                _ = try database.importResolution(extraction, file: name, by: Recorder("bench"))
            }
            let ratio = previous.map { String(format: " (x%.2f for x2 input)", seconds / $0) } ?? ""
            say(String(format: "  extract + store without the limit: %.2f s%@", seconds, ratio))
            previous = seconds
        }
    }
}
