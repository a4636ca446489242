import CaseIngest
import Foundation
import Testing

/// The extractor on mangled resolutions: it may refuse a text, but it never
/// crashes, never hangs, and never points outside the text.
@Suite struct RobustnessTests {
    /// SplitMix64, seeded: every run mangles the same way.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let samples = ["ep-2021-2544-kazakhstan", "ep-2022-2505-kazakhstan"].compactMap {
        try? String(contentsOf: Samples.directory.appendingPathComponent("\($0).txt"), encoding: .utf8)
    }

    static func mutate(_ text: String, _ random: inout Random) -> String {
        var scalars = Array(text.unicodeScalars)
        let junk: [Unicode.Scalar] = ["\u{0}", "\u{7}", "\u{1B}", "\u{FEFF}", "\u{202E}", "\u{FFFD}", ";", ".", "A", "1", "\n", "–", "(", ")"]
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            guard scalars.count > 2 else { break }
            let a = Int.random(in: 0..<scalars.count, using: &random)
            let b = min(scalars.count, a + Int.random(in: 0...2000, using: &random))
            switch Int.random(in: 0..<5, using: &random) {
            case 0: scalars.removeSubrange(a..<b)                                    // cut
            case 1: scalars.insert(contentsOf: scalars[a..<b], at: Int.random(in: 0...scalars.count, using: &random))  // duplicate
            case 2:                                                                   // insert junk and control characters
                let noise = (0..<Int.random(in: 1...50, using: &random)).map { _ in junk.randomElement(using: &random)! }
                scalars.insert(contentsOf: noise, at: a)
            case 3: scalars = Array(scalars[a...] + scalars[..<a])                    // rotate
            default:                                                                  // shuffle lines
                var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
                lines.shuffle(using: &random)
                scalars = Array(lines.joined(separator: "\n").unicodeScalars)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func expectInBounds(_ extraction: Extraction) {
        let scalars = Array(extraction.text.unicodeScalars)
        func slice(_ start: Int, _ end: Int) -> String? {
            guard start >= 0, start <= end, end <= scalars.count else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        for section in extraction.document.sections { #expect(slice(section.start, section.end) != nil, "\(section)") }
        let mentions = extraction.persons.flatMap(\.mentions) + extraction.organisations.flatMap(\.mentions) + extraction.provisions.flatMap(\.mentions)
        for mention in mentions { #expect(slice(mention.start, mention.end) == mention.text, "\(mention)") }
    }

    @Test(arguments: 0..<4)
    func mangledResolutionsNeverCrashOrPointOutside(batch: Int) throws {
        var random = Random(state: 2026 + UInt64(batch))
        var refused = 0, extracted = 0
        for _ in 0..<15 {
            let text = Self.mutate(Self.samples.randomElement(using: &random) ?? "", &random)
            do {
                let extraction = try Extractor.extract(data: Data(text.utf8), name: "mangled")
                Self.expectInBounds(extraction)
                extracted += 1
            } catch {
                refused += 1  // a one-sentence refusal is a fine answer to garbage
            }
        }
        print("batch \(batch): \(extracted) extracted, \(refused) refused")
    }

    /// The body of a resolution written ten times over reads as the same persons, each mentioned ten
    /// times as often, every mention inside the text. (How the time grows with the text is measured
    /// by `casetrack-bench linear`, not here: no timed unit tests.)
    @Test func tenTimesTheTextNamesTheSamePersonsTenTimesAsOften() throws {
        let text = try #require(Self.samples.first)
        let body = text.components(separatedBy: "\n").filter { !$0.isEmpty }
        let long = text + "\n" + Array(repeating: body.dropFirst(5).joined(separator: "\n"), count: 9).joined(separator: "\n")
        let one = try Extractor.extract(text: text, name: "one"), ten = try Extractor.extract(text: long, name: "ten")
        Self.expectInBounds(ten)
        let once = Dictionary(uniqueKeysWithValues: one.persons.map { ($0.name, $0.mentions.count) })
        let tenfold = Dictionary(uniqueKeysWithValues: ten.persons.map { ($0.name, $0.mentions.count) })
        #expect(!once.isEmpty)
        #expect(Set(tenfold.keys) == Set(once.keys))
        for (name, count) in once { #expect(tenfold[name] == 10 * count, "\(name)") }
    }
}
