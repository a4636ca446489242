import Foundation

/// When two spellings are one person.
///
/// - Same words in another order: one person (`Petrov Ivan`).
/// - All words identical but one, and that one a transliteration variant
///   (`Fyodor`/`Fedor`, `Dzhaksybekov`/`Jaksybekov`): one person.
/// - Same family name, a different given name: a close call for a human
///   (a shared given name alone is not: `Irma Petrova` / `Irma Volkova`)
///   (`Ivan`/`Ilya Petrov` may be two people; so may relatives).
public enum IdentityRules {
    public enum Verdict: Equatable, Sendable { case same, closeCall(String), different }

    public static func compare(_ a: String, _ b: String) -> Verdict {
        compare(tokens: NameKey.tokens(a), NameKey.tokens(b))
    }

    /// ``compare(_:_:)`` on names already split by ``NameKey/tokens(_:)``.
    public static func compare(tokens left: [String], _ right: [String]) -> Verdict {
        if left.count == right.count, left.sorted() == right.sorted() { return .same }
        guard left.count == right.count, left.count >= 2 else { return .different }
        var unmatched = right
        var leftover: [String] = []
        for token in left {
            if let index = unmatched.firstIndex(of: token) { unmatched.remove(at: index) } else { leftover.append(token) }
        }
        guard leftover.count == 1, unmatched.count == 1 else { return .different }
        if transliterationKey(leftover[0]) == transliterationKey(unmatched[0]) { return .same }
        // A shared family name (last in both names as written, or shaped like
        // one) with a different given name; a shared given name alone is not.
        let shared = Set(left).intersection(right).filter { token in
            token.count >= 4 && ((left.last == token && right.last == token) || Lexicon.looksLikeSurname(token))
        }
        if !shared.isEmpty {
            return .closeCall("same name '\(shared.sorted().joined(separator: " "))', different '\(leftover[0])' / '\(unmatched[0])'")
        }
        return .different
    }

    /// Whether ``compare(tokens:_:)`` says `.same`, without building the close call's explanation.
    static func isSame(tokens left: [String], _ right: [String]) -> Bool {
        guard left.count == right.count else { return false }
        var unmatched = right
        var leftover: [String] = []
        for token in left {
            if let index = unmatched.firstIndex(of: token) { unmatched.remove(at: index) } else { leftover.append(token) }
        }
        // Every word matched: the same words in some order.
        if leftover.isEmpty { return true }
        guard left.count >= 2, leftover.count == 1, unmatched.count == 1 else { return false }
        return transliterationKey(leftover[0]) == transliterationKey(unmatched[0])
    }

    /// Rule `person.spelling-variant`, on the names' words: two names of two words or more, the same
    /// words but one, whose transliteration keys (``transliterationKey(_:)``) have the same length (five
    /// letters or more) and differ in one letter, a consonant on both sides (`Darvish`/`Darvich`,
    /// `Haitham`/`Haithan`). A vowel apart is not enough (`Maria`/`Mario`, `Petrova`/`Petrove`: relatives'
    /// names differ so), nor a letter added (`Petrov`/`Petrova`), nor a short word (`Ana`/`Ava`). Whether the
    /// two are written near each other (relatives named together) the persons stage decides.
    static func isSpellingVariant(tokens left: [String], _ right: [String]) -> Bool {
        guard left.count == right.count, left.count >= 2 else { return false }
        var unmatched = right
        var leftover: [String] = []
        for token in left {
            if let index = unmatched.firstIndex(of: token) { unmatched.remove(at: index) } else { leftover.append(token) }
        }
        guard leftover.count == 1, unmatched.count == 1 else { return false }
        let a = Array(transliterationKey(leftover[0]).unicodeScalars), b = Array(transliterationKey(unmatched[0]).unicodeScalars)
        guard a.count == b.count, a.count >= 5 else { return false }
        let differing = a.indices.filter { a[$0] != b[$0] }
        guard differing.count == 1, let at = differing.first else { return false }
        return isConsonant(a[at]) && isConsonant(b[at])
    }

    /// A Latin letter that is no vowel (`y` counts as a vowel: transliterations trade it for `i`).
    static func isConsonant(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII, scalar.properties.isLowercase else { return false }
        return !vowels.contains(scalar)
    }

    /// The Latin vowels, as scalars (not words of any text).
    static let vowels: Set<Unicode.Scalar> = Set("aeiouy".unicodeScalars)

    /// A spelling key that folds the usual Latin transliterations of Cyrillic
    /// and Turkic names: zh/j, kh/h, ks/x, y/i, doubled letters.
    public static func transliterationKey(_ token: String) -> String {
        if let key = asciiTransliterationKey(token) { return key }
        var text = Array(NameKey.fold(token).unicodeScalars)
        for (from, to) in transliterations where text.contains(from[0]) { text = replace(from, with: to, in: text) }
        var collapsed = String.UnicodeScalarView()
        for scalar in text where collapsed.last != scalar { collapsed.append(scalar) }
        return String(collapsed)
    }

    /// ``transliterationKey(_:)`` of an ASCII token without backticks (folding is lower-casing), on
    /// its bytes in one buffer: the same replacements in the same order, each rewriting the buffer
    /// in place (no replacement is longer than its pattern), then doubled letters collapsed. Nil for
    /// any other token.
    static func asciiTransliterationKey(_ token: String) -> String? {
        // Read from the contiguous bytes where the string has them: a generic `utf8` walk costs several times more.
        if let key = token.utf8.withContiguousStorageIfAvailable({ asciiTransliterationKey(bytes: $0) }) { return key }
        return asciiTransliterationKey(bytes: token.utf8)
    }

    /// ``asciiTransliterationKey(_:)`` of a token's bytes.
    static func asciiTransliterationKey(bytes utf8: some Collection<UInt8>) -> String? {
        let letters = transliterationRuleLetters
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { text -> String? in
            var count = 0
            var present: (low: UInt64, high: UInt64) = (0, 0)  // which bytes occur, one bit each
            for byte in utf8 {
                guard byte < 0x80, byte != UInt8(ascii: "`") else { return nil }
                let lower = (65...90).contains(byte) ? byte + 32 : byte
                text[count] = lower
                count += 1
                if lower < 64 { present.low |= 1 &<< lower } else { present.high |= 1 &<< (lower - 64) }
            }
            for (number, rule) in transliterationRules.enumerated() {
                let from = rule.from.utf8Start, fromCount = rule.from.utf8CodeUnitCount
                let to = rule.to.utf8Start, toCount = rule.to.utf8CodeUnitCount
                // A rule with a letter that does not occur changes nothing. The marks only grow: a letter a
                // rule took out may still be marked, which costs a pass that changes nothing.
                guard present.low & letters[number].low == letters[number].low,
                      present.high & letters[number].high == letters[number].high else { continue }
                func matches(at position: Int) -> Bool {
                    guard position + fromCount <= count else { return false }
                    for offset in 0..<fromCount where text[position + offset] != from[offset] { return false }
                    return true
                }
                // The bytes before the first match stay where they are: found by reading only, and a
                // rule that does not match writes nothing (nor marks its replacement's letters).
                var read = 0
                while read < count, !matches(at: read) { read += 1 }
                guard read < count else { continue }
                var write = read
                while read < count {
                    if matches(at: read) {
                        for offset in 0..<toCount { text[write + offset] = to[offset] }
                        write += toCount
                        read += fromCount
                    } else {
                        text[write] = text[read]
                        write += 1
                        read += 1
                    }
                }
                count = write
                for offset in 0..<toCount {
                    let byte = to[offset]
                    if byte < 64 { present.low |= 1 &<< byte } else { present.high |= 1 &<< (byte - 64) }
                }
            }
            var kept = 0
            for index in 0..<count where kept == 0 || text[kept - 1] != text[index] {
                text[kept] = text[index]
                kept += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: text[..<kept]), as: UTF8.self)
        }
    }

    /// The transliterations folded, in the order they are applied (all ASCII; see ``transliterations``).
    static let transliterationRules: [(from: StaticString, to: StaticString)] = [
        ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ks", "x"), ("iy", "i"), ("yi", "i"),
        ("y", "i"), ("ph", "f"), ("w", "v"), ("ou", "u"), ("tch", "ch"), ("sch", "sh"), ("q", "k"),
    ]

    /// The letters of each rule's pattern (``transliterationRules``), one bit each as ``asciiTransliterationKey(bytes:)``
    /// marks the letters present: a rule is tried only when all of them are.
    static let transliterationRuleLetters: [(low: UInt64, high: UInt64)] = transliterationRules.map { rule in
        var letters: (low: UInt64, high: UInt64) = (0, 0)
        for offset in 0..<rule.from.utf8CodeUnitCount {
            let letter = rule.from.utf8Start[offset]
            if letter < 64 { letters.low |= 1 &<< letter } else { letters.high |= 1 &<< (letter - 64) }
        }
        return letters
    }

    static let transliterations: [([Unicode.Scalar], [Unicode.Scalar])] = transliterationRules.map {
        (Array($0.from.description.unicodeScalars), Array($0.to.description.unicodeScalars))
    }

    static func replace<Element: Equatable>(_ pattern: [Element], with replacement: [Element], in text: [Element]) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if index + pattern.count <= text.count, text[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: replacement)
                index += pattern.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }
}
