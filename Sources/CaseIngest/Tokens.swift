/// A word or a punctuation mark in the normalised text, with its offsets.
struct Token: Sendable, Equatable {
    enum Kind: Sendable { case word, punctuation }

    var text: String
    var start: Int
    var end: Int
    var kind: Kind
    /// Computed once: the extractor asks for these on every token many times.
    let lower: String
    let isNameShaped: Bool

    init(text: String, start: Int, end: Int, kind: Kind) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.lower = text.lowercased()
        self.isNameShaped = Self.nameShaped(text, isWord: kind == .word)
    }

    var isWord: Bool { kind == .word }
    var first: Character? { text.first }
    var isCapitalised: Bool { first?.isUppercase == true }
    /// `Union`, not `union` or `NGOs`: a capital then a lowercase letter.
    var isTitleCase: Bool { isCapitalised && text.dropFirst().first?.isLowercase == true }
    var isNumber: Bool { !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "-" } && first?.isNumber == true }
    var isAllCaps: Bool {
        text.count >= 2 && text.contains(where: \.isLetter) && text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "/" || $0 == "-" }
    }

    /// A token shaped like part of a person's name: `Petrov`, `Ilse-Marie`, `O'Brien`.
    static func nameShaped(_ text: String, isWord: Bool) -> Bool {
        guard isWord else { return false }
        // ASCII fast path: a capital, then letters with inner `-` or `'`, not all capitals.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            guard bytes.count >= 2, (65...90).contains(bytes[0]) else { return false }
            var sawLower = false
            var expectLetter = false
            for byte in bytes.dropFirst() {
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") {
                    if expectLetter { return false }
                    expectLetter = true
                    continue
                }
                let isLower = (97...122).contains(byte), isUpper = (65...90).contains(byte)
                guard isLower || isUpper else { return false }
                if isLower { sawLower = true }
                expectLetter = false
            }
            return sawLower && !expectLetter
        }
        let isCapitalised = text.first?.isUppercase == true
        let isAllCaps = text.count >= 2 && text.contains(where: \.isLetter)
            && text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "/" || $0 == "-" }
        guard isWord, text.count >= 2, isCapitalised, !isAllCaps else { return false }
        var expectCapital = false
        for character in text.dropFirst() {
            if character == "-" || character == "'" || character == "’" { expectCapital = true; continue }
            if !character.isLetter { return false }
            if expectCapital { expectCapital = false; continue }
        }
        return !expectCapital
    }
}

enum Tokenizer {
    /// Splits `scalars[start..<end]` into words and punctuation. A word keeps
    /// inner `-`, `/` and apostrophes (`RFE/RL`, `Ilse-Marie`); a trailing
    /// possessive `’s` becomes its own token.
    static func tokens(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> [Token] {
        var tokens: [Token] = []
        var index = start
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let value = scalar.value
                return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
        }
        while index < end {
            let scalar = scalars[index]
            if scalar.isASCII ? (scalar == " " || (9...13).contains(scalar.value)) : scalar.properties.isWhitespace { index += 1; continue }
            if !isWordScalar(scalar) {
                tokens.append(Token(text: String(scalar), start: index, end: index + 1, kind: .punctuation))
                index += 1
                continue
            }
            var stop = index + 1
            while stop < end {
                let next = scalars[stop]
                if isWordScalar(next) { stop += 1; continue }
                if "-/'’".unicodeScalars.contains(next), stop + 1 < end, isWordScalar(scalars[stop + 1]) { stop += 2; continue }
                break
            }
            var text = String(String.UnicodeScalarView(scalars[index..<stop]))
            if text.hasSuffix("’s") || text.hasSuffix("'s"), text.count > 2 {
                text.removeLast(2)
                tokens.append(Token(text: text, start: index, end: stop - 2, kind: .word))
                tokens.append(Token(text: "’s", start: stop - 2, end: stop, kind: .punctuation))
            } else {
                tokens.append(Token(text: text, start: index, end: stop, kind: .word))
            }
            index = stop
        }
        return tokens
    }
}
