import Foundation

/// Keys for matching names the way people type them.
///
/// - `fold` lower-cases, strips diacritics and turns typographic apostrophes
///   into `'`.
/// - `tokens` splits a folded name into words at anything that is not a
///   letter, a digit or an apostrophe (a hyphen splits: `Ilse-Marie` is
///   two words).
/// - `matchKey` joins the tokens in sorted order, so `Petrov Ivan`
///   and `Ivan Petrov` have one key.
public enum NameKey {
    public static func fold(_ text: some StringProtocol) -> String {
        let string = String(text)
        // Most names are ASCII: lower-casing is all the folding they need.
        if string.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "`") }) { return string.lowercased() }
        // Folding is scalar by scalar (the decomposition's reordering moves only marks, which go), so
        // the Latin letters' folds are looked up (`Á` → `a`) and only other scalars are decomposed.
        var out = ""
        for scalar in string.unicodeScalars {
            if scalar.value < UInt32(latinFolds.count) { out += latinFolds[Int(scalar.value)] } else { out += foldDecomposing(String(scalar)) }
        }
        return out
    }

    /// The fold of every scalar below U+0250 (ASCII and the Latin letters of Europe), worked out once,
    /// in one decomposition of them all (each followed by U+FFFC, which nothing joins across).
    static let latinFolds: [String] = {
        let count = 0x250, separator: Unicode.Scalar = "\u{FFFC}"
        var all = String.UnicodeScalarView()
        for value in 0..<count {
            if let scalar = Unicode.Scalar(UInt32(value)) { all.append(scalar) }
            all.append(separator)
        }
        var folds: [String] = []
        folds.reserveCapacity(count)
        var current: [UInt8] = []
        for scalar in String(all).decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == separator {
                folds.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                appendFold(ofDecomposed: scalar, to: &current)
            }
        }
        return folds.count == count ? folds : (0..<count).map { value in Unicode.Scalar(UInt32(value)).map { foldDecomposing(String($0)) } ?? "" }
    }()

    /// ``fold(_:)`` by decomposing the text: marks dropped, letters lower-cased, apostrophes made `'`.
    static func foldDecomposing(_ string: String) -> String {
        var out: [UInt8] = []
        for scalar in string.decomposedStringWithCanonicalMapping.unicodeScalars { appendFold(ofDecomposed: scalar, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One scalar of a decomposed text, folded into UTF-8: a mark is dropped, an apostrophe made `'`,
    /// a letter lower-cased.
    static func appendFold(ofDecomposed scalar: Unicode.Scalar, to out: inout [UInt8]) {
        // ASCII, what most Latin letters decompose to: no mark, and lower-casing is by the byte.
        if scalar.isASCII {
            let value = UInt8(scalar.value)
            out.append(value == UInt8(ascii: "`") ? UInt8(ascii: "'") : value &- 65 < 26 ? value | 0x20 : value)
            return
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return
        default: break
        }
        if scalar == "\u{2019}" || scalar == "\u{2018}" {
            out.append(UInt8(ascii: "'"))
        } else {
            out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
    }

    public static func tokens(_ text: some StringProtocol) -> [String] {
        // Most names are ASCII: folding is lower-casing, and words are runs of `a-z`, `0-9` and `'`.
        // Read from the contiguous bytes where the text has them: a generic `utf8` walk costs several times more.
        func isPlainASCII(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: "`") }
        switch text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.allSatisfy(isPlainASCII) ? asciiTokens(bytes) : nil }) {
        case .some(.some(let words)): return words
        case .some(.none): break  // not plain ASCII
        case .none: if text.utf8.allSatisfy(isPlainASCII) { return asciiTokens(text.utf8) }
        }
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            // Apostrophes only inside a word: `O'Brien`, not `'quoted'`.
            while current.first == "'" { current.removeFirst() }
            while current.last == "'" { current.removeLast() }
            if !current.isEmpty { result.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in fold(text).unicodeScalars {
            let isWordScalar: Bool
            if scalar.isASCII {
                let value = scalar.value
                isWordScalar = (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) || scalar == "'"
            } else {
                isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWordScalar { current.append(scalar) } else { flush() }
        }
        flush()
        return result
    }

    /// ``tokens(_:)`` of an ASCII text without backticks, from its contiguous bytes: each word is
    /// written lower-cased straight into its string, with no bytes gathered on the way.
    static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        func isWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): return true
            default: return false
            }
        }
        var result: [String] = []
        var index = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            var end = index + 1
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            // Apostrophes only inside a word: `O'Brien`, not `'quoted'`.
            var first = index, last = end
            while first < last, bytes[first] == UInt8(ascii: "'") { first += 1 }
            while last > first, bytes[last - 1] == UInt8(ascii: "'") { last -= 1 }
            if first < last {
                result.append(String(unsafeUninitializedCapacity: last - first) { buffer in
                    for offset in 0..<(last - first) {
                        let byte = bytes[first + offset]
                        buffer[offset] = (65...90).contains(byte) ? byte + 32 : byte
                    }
                    return last - first
                })
            }
            index = end
        }
        return result
    }

    /// ``tokens(_:)`` of an ASCII text without backticks, read byte by byte.
    static func asciiTokens(_ bytes: some Sequence<UInt8>) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        func flush() {
            // Apostrophes only inside a word: `O'Brien`, not `'quoted'`.
            var first = 0, last = current.count
            while first < last, current[first] == UInt8(ascii: "'") { first += 1 }
            while last > first, current[last - 1] == UInt8(ascii: "'") { last -= 1 }
            if first < last { result.append(String(decoding: current[first..<last], as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): current.append(byte)
            default: flush()
            }
        }
        flush()
        return result
    }

    public static func matchKey(_ text: some StringProtocol) -> String {
        tokens(text).sorted().joined(separator: " ")
    }

    /// The match key with every word's transliteration folded: two names
    /// that ``IdentityRules`` calls the same share it (the converse is checked).
    public static func variantKey(_ text: some StringProtocol) -> String {
        variantKey(tokens: tokens(text))
    }

    /// ``variantKey(_:)`` of a text already split by ``tokens(_:)``.
    static func variantKey(tokens words: [String]) -> String {
        // Most names have one or two words: their keys are ordered by hand, with no array of keys built.
        switch words.count {
        case 0: return ""
        case 1: return IdentityRules.transliterationKey(words[0])
        case 2:
            let first = IdentityRules.transliterationKey(words[0]), second = IdentityRules.transliterationKey(words[1])
            return second < first ? second + " " + first : first + " " + second
        default: return words.map(IdentityRules.transliterationKey).sorted().joined(separator: " ")
        }
    }

    /// The last word as written, folded: where a close call (same family name) is looked for.
    public static func familyKey(_ text: some StringProtocol) -> String {
        tokens(text).last ?? ""
    }

    /// Levenshtein distance between two short strings, for "did you mean".
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

