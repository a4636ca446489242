/// A calendar date known to the year, the month or the day.
///
/// Resolutions and users often know only part of a date ("in 2020",
/// "from January 2022"). A partial date keeps exactly the precision it was
/// given with, prints back as ISO 8601 at that precision (`2022`, `2022-01`,
/// `2022-01-15`) and covers a period: `start` is its first day, `end` its last.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public enum Precision: String, Sendable, Codable { case year, month, day }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// Creates a date, checking that the month and day exist (no 2022-02-30).
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(DateError) {
        guard (1...9999).contains(year) else { throw DateError.outOfRange(String(year)) }
        if let month, !(1...12).contains(month) { throw DateError.impossible(Self.format(year, month, day)) }
        if let day {
            guard let month else { throw DateError.malformed(String(year)) }
            guard (1...Self.daysIn(month: month, year: year)).contains(day) else {
                throw DateError.impossible(Self.format(year, month, day))
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init(parsing text: String) throws(DateError) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ part, width in
                  part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber }
              }),
              let year = Int(parts[0])
        else { throw DateError.malformed(trimmed) }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        if year == 0 { throw DateError.outOfRange(trimmed) }
        try self.init(year: year, month: month, day: day)
    }

    /// The first day of the period, as a full date.
    public var start: PartialDate {
        // Month and day 1 always exist.
        (try? PartialDate(year: year, month: month ?? 1, day: day ?? 1)) ?? self
    }

    /// The last day of the period, as a full date.
    public var end: PartialDate {
        let lastMonth = month ?? 12
        let lastDay = day ?? Self.daysIn(month: lastMonth, year: year)
        return (try? PartialDate(year: year, month: lastMonth, day: lastDay)) ?? self
    }

    /// ISO 8601 at the precision known.
    public var description: String { Self.format(year, month, day) }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func format(_ year: Int, _ month: Int?, _ day: Int?) -> String {
        var text = pad(year, 4)
        if let month { text += "-" + pad(month, 2) }
        if let day { text += "-" + pad(day, 2) }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension PartialDate {
    /// English month names in the year's order (`Words/document-words.txt`, class `month`).
    private static let monthNames: [String] = {
        let names = WordLists.classList(PackageResources.document_words_txt, "month")
        precondition(names.count == 12, "Words/document-words.txt: the class month has \(names.count) names, not 12")
        return names
    }()

    /// The month number (1–12) of an English month name, or nil.
    public static func month(named name: some StringProtocol) -> Int? {
        monthNames.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// The lower-case English name of month `month` (1–12).
    static func monthName(_ month: Int) -> String { monthNames[month - 1] }

    /// Parses an English date as resolutions write it: `11 February 2021`.
    public init?(english text: some StringProtocol) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" })
        guard words.count == 3, let day = Int(words[0]), let month = Self.month(named: words[1]),
              let year = Int(words[2]), let date = try? PartialDate(year: year, month: month, day: day)
        else { return nil }
        self = date
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    public func trimmingWhitespace() -> String {
        // Most lines are white space of ASCII around a text that starts and ends with a visible
        // ASCII character. Then the white space is whole characters and the text's first and last
        // characters are not white space (a character starting or ending with a visible ASCII
        // character is not): the bytes tell where to cut, with no walk over the characters.
        let cut = withUTF8Bytes { bytes -> (lower: Int, upper: Int, count: Int)? in
            func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var lower = 0, upper = bytes.count
            while lower < upper, isASCIISpace(bytes[lower]) { lower += 1 }
            while upper > lower, isASCIISpace(bytes[upper - 1]) { upper -= 1 }
            if lower == upper { return (0, 0, bytes.count) }
            guard (0x21...0x7E).contains(bytes[lower]), (0x21...0x7E).contains(bytes[upper - 1]) else { return nil }
            return (lower, upper, bytes.count)
        }
        if let cut {
            if cut.lower == cut.upper { return "" }
            // A line with nothing to trim is the same string, not a copy; otherwise the text is
            // made from the bytes kept (`String(self[range])` in this generic extension would build
            // it Character by Character, and a `String`'s own subscript rounds to Characters).
            if cut.lower == 0 && cut.upper == cut.count, let string = self as? String { return string }
            return withUTF8Bytes { bytes in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[cut.lower..<cut.upper]), as: UTF8.self)
            }
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// Calls `body` with the text's UTF-8 bytes in one buffer (copied only when the text
    /// is not stored as contiguous UTF-8): walking a buffer is several times faster than
    /// walking the `utf8` view.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
