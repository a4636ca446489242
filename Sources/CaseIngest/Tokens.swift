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

    /// A token whose spelling the tokenizer has already read (see ``Tokenizer/asciiWord(_:_:_:)``).
    init(text: String, start: Int, end: Int, kind: Kind, lower: String, isNameShaped: Bool, isCapitalised: Bool,
         startsLowercase: Bool, startsWithNumber: Bool, isTitleCase: Bool, isNumber: Bool, isAllCaps: Bool,
         hasSlash: Bool, isNameWord: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.lower = lower
        self.isNameShaped = isNameShaped
        self.isCapitalised = isCapitalised
        self.startsLowercase = startsLowercase
        self.startsWithNumber = startsWithNumber
        self.isTitleCase = isTitleCase
        self.isNumber = isNumber
        self.isAllCaps = isAllCaps
        self.hasSlash = hasSlash
        self.isNameWord = isNameWord
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

extension Token {
    /// Whether this token is the possessive clitic split off a word (`Ana Ruiz’s` → `Ana Ruiz`, `’s`), in
    /// either spelling of ``Tokenizer/possessiveForms``: the one test every reader of a possessive uses.
    var isPossessive: Bool { text == Tokenizer.possessiveForms.typographic || text == Tokenizer.possessiveForms.typewriter }
}

enum Tokenizer {
    /// The spelling of the possessive clitic a word may end in (`Ana Ruiz’s`, `Ana Ruiz's`): an apostrophe,
    /// typographic or typewriter, then this letter. Spelling, not a word of prose: a documented constant,
    /// not a word class. The clitic becomes a token of its own, always written `’s` (``possessiveToken(at:)``).
    static let possessiveLetter: Unicode.Scalar = "s"
    static let possessiveApostrophes: (typographic: Unicode.Scalar, typewriter: Unicode.Scalar) = ("’", "'")
    /// The clitic as the tokeniser splits it off and as it matches a word's end.
    static let possessiveForms: (typographic: String, typewriter: String) = ("’s", "'s")

    /// Splits `scalars[start..<end]` into words and punctuation. A word keeps
    /// inner `-`, `/` and apostrophes (`RFE/RL`, `Ilse-Marie`); a trailing
    /// possessive `’s` becomes its own token.
    static func tokens(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> [Token] {
        scalars.withUnsafeBufferPointer { tokens(in: $0, from: start, to: end) }
    }

    /// Whether a scalar belongs to a word: a letter, a number or a combining mark.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }

    /// `-`, `/` and the apostrophes: inside a word, they join its parts.
    @inline(__always)
    static func isInnerJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "/" || scalar == "'" || scalar == "’"
    }

    static func tokens(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity((end - start) / 4)
        var index = start
        while index < end {
            let scalar = scalars[index]
            let value = scalar.value
            if value < 0x80 ? (value == 0x20 || (9...13).contains(value)) : scalar.properties.isWhitespace { index += 1; continue }
            if !isWordScalar(scalar) {
                tokens.append(value < 0x80 ? asciiPunctuation(UInt8(truncatingIfNeeded: value), at: index) : punctuation(scalar, at: index))
                index += 1
                continue
            }
            var stop = index + 1
            var allASCII = value < 0x80
            while stop < end {
                let next = scalars[stop]
                if isWordScalar(next) { allASCII = allASCII && next.value < 0x80; stop += 1; continue }
                if isInnerJoiner(next), stop + 1 < end, isWordScalar(scalars[stop + 1]) {
                    allASCII = allASCII && next.value < 0x80 && scalars[stop + 1].value < 0x80
                    stop += 2
                    continue
                }
                break
            }
            // Only a word ending in the scalars `’s` or `'s` can end in those characters.
            let possessive = stop - index >= 3 && scalars[stop - 1] == possessiveLetter
                && (scalars[stop - 2] == possessiveApostrophes.typographic || scalars[stop - 2] == possessiveApostrophes.typewriter)
            // An ASCII word, or one whose only other scalar is the `’` of its possessive: read from its bytes.
            if possessive, scalars[stop - 2] == possessiveApostrophes.typographic, !allASCII, isASCII(scalars, index..<(stop - 2)) {
                tokens.append(asciiWord(scalars, index, stop - 2))
                tokens.append(possessiveToken(at: stop - 2))
            } else if allASCII {
                if possessive {
                    tokens.append(asciiWord(scalars, index, stop - 2))
                    tokens.append(possessiveToken(at: stop - 2))
                } else {
                    tokens.append(asciiWord(scalars, index, stop))
                }
            } else {
                appendWord(scalars, index, stop, possessive: possessive, to: &tokens)
            }
            index = stop
        }
        return tokens
    }

    static func isASCII(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Bool {
        for index in range where scalars[index].value >= 0x80 { return false }
        return true
    }

    /// The `’s` split off a possessive: no case, no number, no name (what ``Token/init(text:start:end:kind:)`` finds).
    static func possessiveToken(at start: Int) -> Token {
        Token(text: possessiveForms.typographic, start: start, end: start + 2, kind: .punctuation, lower: possessiveForms.typographic, isNameShaped: false,
              isCapitalised: false, startsLowercase: false, startsWithNumber: false, isTitleCase: false,
              isNumber: false, isAllCaps: false, hasSlash: false, isNameWord: false)
    }

    /// A punctuation mark beyond ASCII. The usual quotes, dashes and the ellipsis have no case
    /// and are no number, letter, `/` or `-`: their spelling is known without asking the characters.
    static func punctuation(_ scalar: Unicode.Scalar, at index: Int) -> Token {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}", "\u{2026}", "\u{00AB}", "\u{00BB}":
            let text = String(scalar)
            return Token(text: text, start: index, end: index + 1, kind: .punctuation, lower: text, isNameShaped: false,
                         isCapitalised: false, startsLowercase: false, startsWithNumber: false, isTitleCase: false,
                         isNumber: false, isAllCaps: false, hasSlash: false, isNameWord: false)
        default:
            return Token(text: String(scalar), start: index, end: index + 1, kind: .punctuation)
        }
    }

    /// A word with a scalar beyond ASCII: its text built from the scalars, its spelling read by characters.
    static func appendWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ stop: Int, possessive: Bool, to tokens: inout [Token]) {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<stop])
        if possessive, text.hasSuffix(possessiveForms.typographic) || text.hasSuffix(possessiveForms.typewriter), text.count > 2 {
            text.removeLast(2)
            tokens.append(Token(text: text, start: start, end: stop - 2, kind: .word))
            tokens.append(possessiveToken(at: stop - 2))
        } else {
            tokens.append(Token(text: text, start: start, end: stop, kind: .word))
        }
    }

    /// One ASCII punctuation character: it has no case, is no number and no name.
    static func asciiPunctuation(_ byte: UInt8, at index: Int) -> Token {
        let text = String(Unicode.Scalar(byte))
        return Token(text: text, start: index, end: index + 1, kind: .punctuation, lower: text, isNameShaped: false,
                     isCapitalised: false, startsLowercase: false, startsWithNumber: false, isTitleCase: false,
                     isNumber: false, isAllCaps: false, hasSlash: byte == UInt8(ascii: "/"), isNameWord: false)
    }

    /// What the spelling checks ask of an ASCII byte of a word, as bits (see ``asciiWord(_:_:_:)``).
    enum ByteClass {
        static let upper: UInt8 = 1, lower: UInt8 = 2, digit: UInt8 = 4, slash: UInt8 = 8, dash: UInt8 = 16
        /// A digit or `-`: what a number is made of.
        static let numberPart: UInt8 = 32
        /// A capital, a digit, `/` or `-`: what an all-capitals word is made of.
        static let capsPart: UInt8 = 64
        /// A letter, `-` or `'`: what a name is made of.
        static let namePart: UInt8 = 128

        @inline(__always)
        static func of(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return upper | capsPart | namePart
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return lower | namePart
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit | numberPart | capsPart
            case UInt8(ascii: "/"): return slash | capsPart
            case UInt8(ascii: "-"): return dash | numberPart | capsPart | namePart
            case UInt8(ascii: "'"): return namePart
            default: return 0
            }
        }
    }

    /// The word of ASCII scalars `scalars[start..<stop]`, its spelling read in one pass over them
    /// (what ``Token/init(text:start:end:kind:)`` works out from the text, without the string walks),
    /// its lower-case form the text itself when it has no capital.
    ///
    /// A word from ``tokens(in:from:to:)`` starts with a letter or digit and has a letter or digit
    /// after each `-`, `/` and `'`: so a capital followed by letters with inner `-` or `'` and a
    /// lower-case letter somewhere is name-shaped (no two joiners in a row, none at the end).
    static func asciiWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ stop: Int) -> Token {
        let count = stop - start
        let bytes = UnsafeBufferPointer(rebasing: scalars[start..<stop])
        let first = UInt8(truncatingIfNeeded: bytes[0].value)
        let firstClass = ByteClass.of(first)
        let secondClass = count > 1 ? ByteClass.of(UInt8(truncatingIfNeeded: bytes[1].value)) : 0
        // The text's bytes are written and classed in one pass.
        var any: UInt8 = 0, all: UInt8 = 0xFF
        let text = String(unsafeUninitializedCapacity: count) { buffer in
            for offset in 0..<count {
                let byte = UInt8(truncatingIfNeeded: bytes[offset].value)
                buffer[offset] = byte
                let byteClass = ByteClass.of(byte)
                any |= byteClass
                all &= byteClass
            }
            return count
        }
        let isUpper = firstClass & ByteClass.upper != 0
        let nameShaped = count >= 2 && isUpper && all & ByteClass.namePart != 0 && any & ByteClass.lower != 0
        let lower = any & ByteClass.upper == 0 ? text : String(unsafeUninitializedCapacity: count) { buffer in
            for offset in 0..<count {
                let byte = UInt8(truncatingIfNeeded: bytes[offset].value)
                buffer[offset] = byte &- 65 < 26 ? byte | 0x20 : byte
            }
            return count
        }
        // A particle joined to a name (`al-Rahman`): the set is asked only when a capital follows the first `-`.
        var isNameWord = nameShaped
        if !isNameWord, any & ByteClass.dash != 0 {
            var dash = 0
            while bytes[dash] != "-" { dash += 1 }
            if count - dash >= 3, ByteClass.of(UInt8(truncatingIfNeeded: bytes[dash + 1].value)) & ByteClass.upper != 0 {
                isNameWord = Token.particleJoined(text, isWord: true)
            }
        }
        return Token(text: text, start: start, end: stop, kind: .word, lower: lower, isNameShaped: nameShaped,
                     isCapitalised: isUpper, startsLowercase: firstClass & ByteClass.lower != 0,
                     startsWithNumber: firstClass & ByteClass.digit != 0,
                     isTitleCase: isUpper && secondClass & ByteClass.lower != 0,
                     isNumber: all & ByteClass.numberPart != 0 && firstClass & ByteClass.digit != 0,
                     isAllCaps: count >= 2 && any & (ByteClass.upper | ByteClass.lower) != 0 && all & ByteClass.capsPart != 0,
                     hasSlash: any & ByteClass.slash != 0, isNameWord: isNameWord)
    }
}

/// Where each token of a section stands, by its text (see ``ExtractionRun/positions``): looked up
/// like the dictionary it replaces, `positions[section][word] ?? []` giving the positions in text
/// order, but built without hashing a string or making an array for each word.
///
/// ASCII words go into a small open-addressing table by an FNV-1a hash of their bytes, each
/// slot holding the word's first position, and a chain links each position to the next one
/// with the same text. Other words go into a dictionary. That split keeps String equality
/// (canonical equivalence): a string with a scalar beyond ASCII equals an ASCII string only
/// when each such scalar is one of the three whose decomposition is ASCII (the Kelvin sign is
/// `K`, U+037E is `;`, U+1FEF is `` ` ``); a section holding one of them is put wholly in the
/// dictionary, and a word holding one is looked for token by token.
///
/// A class: the recognisers ask `positions[section]` in loops, and a reference is cheaper to hand out than five arrays.
final class WordPositions {
    private let tokens: [Token]
    /// The first position of each ASCII word, at its hash's slot (or the next free one); -1 for none.
    private let slots: [Int32]
    private let slotHashes: [UInt32]
    /// For each position, the next position with the same text, or -1.
    private let next: [Int32]
    /// Positions of the words beyond ASCII (of every word, when ``everyWordInDictionary``).
    private let others: [String: [Int]]
    private let everyWordInDictionary: Bool

    init(tokens: [Token], scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        self.tokens = tokens
        let count = tokens.count
        var capacity = 8
        while capacity < count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var slotHashes = [UInt32](repeating: 0, count: capacity)
        var lastInChain = [Int32](repeating: -1, count: capacity)
        var next = [Int32](repeating: -1, count: count)
        var others: [String: [Int]] = [:]
        var everyWordInDictionary = false
        for position in 0..<count {
            let token = tokens[position]
            guard let hash = Self.asciiHash(scalars, token.start..<token.end) else {
                if Self.hasASCIIEquivalent(token.text.unicodeScalars) { everyWordInDictionary = true; break }
                others[token.text, default: []].append(position)
                continue
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0, !(slotHashes[slot] == hash && tokens[Int(slots[slot])].text == token.text) {
                slot = (slot + 1) & mask
            }
            if slots[slot] < 0 {
                slots[slot] = Int32(position)
                slotHashes[slot] = hash
            } else {
                next[Int(lastInChain[slot])] = Int32(position)
            }
            lastInChain[slot] = Int32(position)
        }
        if everyWordInDictionary {
            others = [:]
            for (position, token) in tokens.enumerated() { others[token.text, default: []].append(position) }
        }
        self.slots = slots
        self.slotHashes = slotHashes
        self.next = next
        self.others = others
        self.everyWordInDictionary = everyWordInDictionary
    }

    /// The positions of the tokens whose text is `word`, in text order, or nil if there are none.
    subscript(word: String) -> [Int]? { positions(of: word) }

    // Not inlined into the callers' loops, whose code it made bigger and slower.
    @inline(never)
    func positions(of word: String) -> [Int]? {
        if everyWordInDictionary { return others[word] }
        guard let hash = Self.asciiHash(word) else {
            if Self.hasASCIIEquivalent(word.unicodeScalars) {
                let found = tokens.indices.filter { tokens[$0].text == word }
                return found.isEmpty ? nil : found
            }
            return others[word]
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if slotHashes[slot] == hash, tokens[Int(slots[slot])].text == word {
                var found: [Int] = []
                var position = slots[slot]
                while position >= 0 {
                    found.append(Int(position))
                    position = next[Int(position)]
                }
                return found
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Calls `body` once for every distinct token text, with the position where it first stands
    /// (texts in no particular order); ``positions(of:)`` gives all its positions when wanted.
    func forEachText(_ body: (_ text: String, _ first: Int) -> Void) {
        if !everyWordInDictionary {
            for first in slots where first >= 0 { body(tokens[Int(first)].text, Int(first)) }
        }
        for (text, places) in others { if let first = places.first { body(text, first) } }
    }

    /// The FNV-1a hash of ASCII scalars, or nil if one is beyond ASCII (inlined: it runs for every token).
    @inline(__always)
    static func asciiHash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt32? {
        var hash: UInt32 = 2_166_136_261
        for index in range {
            let value = scalars[index].value
            if value >= 0x80 { return nil }
            hash = (hash ^ value) &* 16_777_619
        }
        return hash
    }

    /// The FNV-1a hash of ASCII scalars with their capitals made lower-case (the bytes of an
    /// ASCII token's `lower`), or nil if one is beyond ASCII.
    static func asciiLowerHash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt32? {
        var hash: UInt32 = 2_166_136_261
        for index in range {
            let value = scalars[index].value
            if value >= 0x80 { return nil }
            hash = (hash ^ (value &- 65 < 26 ? value | 0x20 : value)) &* 16_777_619
        }
        return hash
    }

    /// The FNV-1a hash of an ASCII string's bytes, or nil if it is not ASCII.
    static func asciiHash(_ word: String) -> UInt32? {
        func hash(_ bytes: some Sequence<UInt8>) -> UInt32? {
            var hash: UInt32 = 2_166_136_261
            for byte in bytes {
                if byte >= 0x80 { return nil }
                hash = (hash ^ UInt32(byte)) &* 16_777_619
            }
            return hash
        }
        return word.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(word.utf8)
    }

    /// Whether a scalar is one of the three beyond ASCII that equal an ASCII character.
    static func hasASCIIEquivalent(_ scalars: String.UnicodeScalarView) -> Bool {
        scalars.contains { $0 == "\u{212A}" || $0 == "\u{037E}" || $0 == "\u{1FEF}" }
    }
}
