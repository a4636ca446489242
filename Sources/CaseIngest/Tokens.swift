/// A word or a punctuation mark in the normalised text, with its offsets.
struct Token: Sendable, Equatable {
    enum Kind: Sendable { case word, punctuation }

    var text: String
    var start: Int
    var end: Int
    var kind: Kind

    var isWord: Bool { kind == .word }
    var lower: String { text.lowercased() }
    var first: Character? { text.first }
    var isCapitalised: Bool { first?.isUppercase == true }
    /// `Union`, not `union` or `NGOs`: a capital then a lowercase letter.
    var isTitleCase: Bool { isCapitalised && text.dropFirst().first?.isLowercase == true }
    var isNumber: Bool { !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "-" } && first?.isNumber == true }
    var isAllCaps: Bool {
        text.count >= 2 && text.contains(where: \.isLetter) && text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "/" || $0 == "-" }
    }

    /// A token shaped like part of a person's name: `Petrov`, `Anna-Maria`, `O'Brien`.
    var isNameShaped: Bool {
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
    /// inner `-`, `/` and apostrophes (`RFE/RL`, `Anna-Maria`); a trailing
    /// possessive `’s` becomes its own token.
    static func tokens(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> [Token] {
        var tokens: [Token] = []
        var index = start
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
        }
        while index < end {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
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
