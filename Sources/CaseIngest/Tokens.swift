/// A word or a punctuation mark in the normalised text, with its offsets.
///
/// What the extractor asks of a token's spelling (its lower-case form, whether
/// it is capitalised, all capitals, a number, shaped like a name, holds a `/`)
/// is computed once here: the recognisers ask it of every token many times.
struct Token: Sendable, Equatable {
    enum Kind: Sendable { case word, punctuation }

    let text: String
    let start: Int
    let end: Int
    let kind: Kind
    let lower: String
    let isNameShaped: Bool
    /// `Union`, `Éva`: the first character is upper-case.
    let isCapitalised: Bool
    /// `union`: the first character is lower-case.
    let startsLowercase: Bool
    /// `405`, `3rd`: the first character is a digit or another number.
    let startsWithNumber: Bool
    /// `Union`, not `union` or `NGOs`: a capital then a lowercase letter.
    let isTitleCase: Bool
    /// `405`, `1-2`: digits and dashes, starting with a digit.
    let isNumber: Bool
    /// `NGO`, `RFE/RL`, `COVID-19`: two characters or more, capitals and digits only.
    let isAllCaps: Bool
    /// `RFE/RL`, `Representative/Vice-President`.
    let hasSlash: Bool
    /// A word of a person's name: name-shaped, or a particle joined to one (`al-Rahman`).
    let isNameWord: Bool

    init(text: String, start: Int, end: Int, kind: Kind) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.lower = text.lowercased()
        let isASCII = Self.isASCII(text)
        let isNameShaped = Self.nameShaped(text, isWord: kind == .word, isASCII: isASCII)
        self.isNameShaped = isNameShaped
        var hasDash = false
        if isASCII {
            // ASCII: one character a byte, and the character properties are byte ranges.
            let bytes = text.utf8
            let first = bytes.first ?? 0
            let second = bytes.dropFirst().first ?? 0
            func isUpper(_ byte: UInt8) -> Bool { (65...90).contains(byte) }
            func isLower(_ byte: UInt8) -> Bool { (97...122).contains(byte) }
            func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
            isCapitalised = isUpper(first)
            startsLowercase = isLower(first)
            startsWithNumber = isDigit(first)
            isTitleCase = isCapitalised && isLower(second)
            var allNumberOrDash = true, allCapsShaped = true, hasLetter = false, slash = false
            for byte in bytes {
                if byte == UInt8(ascii: "/") { slash = true }
                if byte == UInt8(ascii: "-") { hasDash = true }
                if isUpper(byte) || isLower(byte) { hasLetter = true }
                if !(isDigit(byte) || byte == UInt8(ascii: "-")) { allNumberOrDash = false }
                if !(isUpper(byte) || isDigit(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")) { allCapsShaped = false }
            }
            hasSlash = slash
            isNumber = !bytes.isEmpty && allNumberOrDash && isDigit(first)
            isAllCaps = bytes.count >= 2 && hasLetter && allCapsShaped
        } else {
            let first = text.first
            isCapitalised = first?.isUppercase == true
            startsLowercase = first?.isLowercase == true
            startsWithNumber = first?.isNumber == true
            isTitleCase = isCapitalised && text.dropFirst().first?.isLowercase == true
            isNumber = !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "-" } && first?.isNumber == true
            isAllCaps = text.count >= 2 && text.contains(where: \.isLetter)
                && text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "/" || $0 == "-" }
            // Only a `/` byte can make a `/` character; the character search decides.
            hasSlash = text.utf8.contains(UInt8(ascii: "/")) && text.contains("/")
            hasDash = text.utf8.contains(UInt8(ascii: "-"))
        }
        isNameWord = isNameShaped || (hasDash && Self.particleJoined(text, isWord: kind == .word))
    }

    var isWord: Bool { kind == .word }
    var first: Character? { text.first }

    /// `al-Rahman`, `el-Masri`: a particle joined to a capitalised name.
    static func particleJoined(_ text: String, isWord: Bool) -> Bool {
        guard isWord, let dash = text.firstIndex(of: "-") else { return false }
        let prefix = String(text[..<dash])
        let rest = text[text.index(after: dash)...]
        return WordLists.particles.contains(prefix) && rest.first?.isUppercase == true && rest.count >= 2
    }

    /// Whether every byte of `text` is ASCII, read from its contiguous bytes (a generic
    /// `utf8` walk costs several times more, and every token asks it).
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// A token shaped like part of a person's name: `Petrov`, `Ilse-Marie`, `O'Brien`
    /// (`isASCII`: ``isASCII(_:)`` of the text, made once by the caller).
    static func nameShaped(_ text: String, isWord: Bool, isASCII: Bool) -> Bool {
        guard isWord else { return false }
        // ASCII fast path: a capital, then letters with inner `-` or `'`, not all capitals.
        if isASCII {
            let bytes = text.utf8
            guard bytes.count >= 2, let head = bytes.first, (65...90).contains(head) else { return false }
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
        tokens.reserveCapacity((end - start) / 5)
        var index = start
        var utf8: [UInt8] = []  // the current word's bytes, reused
        utf8.reserveCapacity(64)
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let value = scalar.value
                return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
        }
        func isInnerJoiner(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "-" || scalar == "/" || scalar == "'" || scalar == "’"
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
                if isInnerJoiner(next), stop + 1 < end, isWordScalar(scalars[stop + 1]) { stop += 2; continue }
                break
            }
            utf8.removeAll(keepingCapacity: true)
            for scalar in scalars[index..<stop] { UTF8.encode(scalar) { utf8.append($0) } }
            var text = String(decoding: utf8, as: UTF8.self)
            // Only a word ending in the scalars `’s` or `'s` can end in those characters.
            let possessive = stop - index >= 3 && scalars[stop - 1] == "s" && (scalars[stop - 2] == "’" || scalars[stop - 2] == "'")
            if possessive, text.hasSuffix("’s") || text.hasSuffix("'s"), text.count > 2 {
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
