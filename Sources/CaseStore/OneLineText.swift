/// Text that is stored and printed on one line: actors, notes, sources,
/// reasons. A line break or escape sequence in them could forge lines in
/// `casetrack log` or repaint a terminal.
public enum OneLineText {
    /// Whether `text` holds a control character (C0, DEL, C1) or a Unicode line or paragraph separator.
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// Throws unless `text` (the value of `option`) is on one line.
    public static func require(_ text: String?, option: String) throws {
        if let text, hasControlCharacters(text) { throw CaseStoreError.controlCharactersIn(option: option) }
    }

    /// `text` with each control character written as an escape (`\n`, `\u{1B}`):
    /// for text casetrack does not choose, such as file names.
    public static func escaped(_ text: String) -> String {
        guard hasControlCharacters(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
