/// Seeded mutations of a resolution text, for fuzzing the extractor: each
/// is reproducible from its seed alone.
///
/// - cut: a span removed (a text ending mid-sentence, a lost label)
/// - duplicate: a span repeated in place
/// - bracket: an opening or closing bracket, quote or parenthesis inserted
/// - article: "Article " (and sometimes a number) inserted
/// - list start: a line starting "1. ", "A. ", "- whereas", "(a) " inserted
/// - bytes: a few random bytes (control characters, invalid UTF-8 repaired on decoding)
public struct TextMutator: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case cut, duplicate, bracket, article, listStart, bytes }

    public struct Mutation: Sendable, CustomStringConvertible {
        public var seed: UInt64
        public var steps: [String]
        public var bytes: [UInt8]
        public var description: String { "seed \(seed): " + steps.joined(separator: "; ") }

        public init(seed: UInt64, steps: [String], bytes: [UInt8]) {
            self.seed = seed
            self.steps = steps
            self.bytes = bytes
        }
    }

    public init() {}

    /// One to three mutations of `text`, chosen by `seed`.
    public func mutate(_ text: String, seed: UInt64) -> Mutation {
        var random = SeededRandom(seed: seed)
        var bytes = Array(text.utf8)
        var steps: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let kind = Kind.allCases.randomElement(using: &random) ?? .cut
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch kind {
            case .cut:
                let length = min(bytes.count - at, Int.random(in: 1...400, using: &random))
                bytes.removeSubrange(at..<(at + length))
                steps.append("cut \(length) bytes at \(at)")
            case .duplicate:
                let length = min(bytes.count - at, Int.random(in: 1...600, using: &random))
                bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
                steps.append("duplicate \(length) bytes at \(at)")
            case .bracket:
                let piece = ["(", ")", "[", "]", "“", "”", "\"", "'", "((", "))"].randomElement(using: &random) ?? "("
                bytes.insert(contentsOf: Array(piece.utf8), at: at)
                steps.append("insert \(piece) at \(at)")
            case .article:
                let piece = ["Article ", "Article 405", "Articles ", "Article 3(5) and ", "Article\n", "Article 1-"].randomElement(using: &random) ?? "Article "
                bytes.insert(contentsOf: Array(piece.utf8), at: at)
                steps.append("insert \(piece.debugDescription) at \(at)")
            case .listStart:
                let piece = ["\n1. ", "\nA. ", "\n- whereas ", "\n(a) ", "\n– ", "\n12. ", "\nAA. ", "\n1.\n"].randomElement(using: &random) ?? "\n1. "
                bytes.insert(contentsOf: Array(piece.utf8), at: at)
                steps.append("insert \(piece.debugDescription) at \(at)")
            case .bytes:
                let count = Int.random(in: 1...8, using: &random)
                let noise = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
                bytes.insert(contentsOf: noise, at: at)
                steps.append("insert bytes \(noise.map { String($0, radix: 16) }.joined(separator: " ")) at \(at)")
            }
        }
        return Mutation(seed: seed, steps: steps, bytes: bytes)
    }
}
