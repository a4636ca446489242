/// Turns PDF- or HTML-extracted resolution text into clean, segmented text.
///
/// Rules, applied line by line:
/// - Page furniture is dropped: `RC\1224524EN.docx 5/12 PE689.006v01-00 }`,
///   the `PE…v01-00 }` and `} RC1` lines after it, lone language codes (`EN`).
/// - A footnote is a line `N text` (no dot after the number) right after a
///   blank line, numbered one more than the previous footnote, with a marker
///   `N` glued to a word or a year earlier on (`Freedonia1`, `20132,`). The
///   footnote moves to the end as its own section and the marker goes.
/// - Sections start with `– ` (citations), `A. ` … `AA. ` (recitals, in
///   order) and `1. ` … (paragraphs, in order); anything else continues the
///   current section, across blank lines and page breaks.
/// - Lines are joined with one space; a line ending in `-` joins without one
///   (`long-standing`); in texts whose wrapped lines end with a space, a line
///   ending mid-word without one joins the next lowercase fragment
///   (`resolu` + `tion`).
///
/// Example: `F. whereas … the Free Choice of \n\nRC\1224…}\n\nEN\n\nFreedonia, were banned`
/// becomes `F. whereas … the Free Choice of Freedonia, were banned`.
public enum Normaliser {
    public static func normalise(_ raw: String, name: String) throws(IngestError) -> ResolutionText {
        var source = raw
        if HTMLText.looksLikeHTML(source) { source = HTMLText.plainText(source) }
        let lines = splitLines(source).filter { !isPageFurniture($0) }
        let nonBlank = lines.filter { !$0.trimmingWhitespace().isEmpty }
        let wrapsWithSpace = nonBlank.filter { $0.hasSuffix(" ") }.count * 10 > nonBlank.count * 3

        var builder = SectionBuilder(wrapsWithSpace: wrapsWithSpace)
        var titleLines: [String] = []
        var procedure: String?
        var inHeader = true
        var previousBlank = true
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            defer { index += 1 }
            if trimmed.isEmpty { previousBlank = true; continue }
            if inHeader {
                if let found = procedureReference(in: trimmed) {
                    procedure = found
                    let rest = trimmed.replacingOccurrences(of: "(\(found))", with: "").replacingOccurrences(of: found, with: "").trimmingWhitespace()
                    if !rest.isEmpty, rest != "()" { titleLines.append(rest) }
                    previousBlank = false
                    continue
                }
                if builder.startKind(of: trimmed) == nil {
                    if trimmed.lowercased().hasPrefix("the european parliament") { inHeader = false }
                    else if titleLines.count < 4 { titleLines.append(trimmed) }
                    previousBlank = false
                    continue
                }
                inHeader = false
            }
            // A footnote block: `N text` after a blank line, N the next footnote number.
            if previousBlank, !line.hasPrefix(" "), let (number, body) = footnoteStart(trimmed),
               number == builder.footnotes.count + 1, builder.hasMarker(number) {
                var text = body
                while index + 1 < lines.count {
                    let next = lines[index + 1]
                    let nextTrimmed = next.trimmingWhitespace()
                    if nextTrimmed.isEmpty || next.hasPrefix(" ") { break }
                    if let (n, _) = footnoteStart(nextTrimmed), n == number + builder.pendingFootnotes(text) { break }
                    if text.hasSuffix(".") && footnoteStart(nextTrimmed) != nil { break }
                    if text.hasSuffix(".") && builder.startKind(of: nextTrimmed) != nil { break }
                    text = text.trimmingWhitespace() + " " + nextTrimmed
                    index += 1
                }
                builder.addFootnote(number: number, text: text.trimmingWhitespace())
                previousBlank = true  // footnotes follow each other without blank lines
                continue
            }
            builder.add(line: line, trimmed: trimmed)
            previousBlank = false
        }
        let title = titleLines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let result = builder.build(title: title, procedure: procedure)
        if !result.sections.contains(where: { $0.kind == .recital || $0.kind == .paragraph }) {
            throw .notAResolution(name)
        }
        return result
    }

    /// Lines at `\r\n`, `\r`, `\n` or a form feed, with no-break spaces made plain, in one pass.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if !afterCarriageReturn { lines.append(String(current)); current = String.UnicodeScalarView() }
            case "\r", "\u{0C}":
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case "\u{00A0}":
                current.append(" ")
            default:
                current.append(scalar)
            }
            afterCarriageReturn = scalar == "\r"
        }
        lines.append(String(current))
        return lines
    }

    /// `2021/2544(RSP)` in a line, if any.
    static func procedureReference(in line: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i + 13 <= scalars.count {
            let window = String(String.UnicodeScalarView(scalars[i..<min(scalars.count, i + 14)]))
            let chars = Array(window)
            if chars.count >= 14, chars[0...3].allSatisfy(\.isNumber), chars[4] == "/", chars[5...8].allSatisfy(\.isNumber),
               chars[9] == "(", chars[10...12].allSatisfy({ $0.isUppercase }), chars[13] == ")" {
                return String(chars[0...13])
            }
            i += 1
        }
        return nil
    }

    static func footnoteStart(_ trimmed: String) -> (Int, String)? {
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let number = Int(digits) else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        guard let first = rest.first, first == " ", let second = rest.dropFirst().first, !second.isWhitespace else { return nil }
        return (number, String(rest.dropFirst()))
    }

    /// Footers and headers a PDF export repeats on every page.
    static func isPageFurniture(_ line: String) -> Bool {
        // Furniture lines are short and carry a telltale character; most lines need no closer look.
        if line.utf8.count > 200 { return false }
        let trimmed = line.trimmingWhitespace()
        if trimmed.isEmpty { return false }
        let words = trimmed.split(separator: " ")
        if trimmed.contains(".docx") || trimmed.contains(".doc ") { return words.count <= 12 }
        if let first = words.first, first.hasPrefix("PE"), first.contains("v0"), first.contains("."), words.count <= 4 { return true }
        if trimmed == "}" || (trimmed.hasPrefix("}") && words.count <= 3) { return true }
        if trimmed.count <= 3, trimmed.allSatisfy({ $0.isUppercase }), ["EN", "FR", "DE"].contains(trimmed) { return true }
        if trimmed.hasSuffix("United in diversity") && words.count <= 5 { return true }
        return false
    }
}

/// Collects sections while the normaliser reads lines.
struct SectionBuilder {
    struct Draft {
        var label: String
        var kind: ResolutionText.SectionKind
        var text: String
    }

    let wrapsWithSpace: Bool
    var drafts: [Draft] = []
    var footnotes: [(number: Int, text: String, afterSection: Int)] = []
    var citations = 0
    var recitals = 0
    var paragraphs = 0

    init(wrapsWithSpace: Bool) { self.wrapsWithSpace = wrapsWithSpace }

    func nextRecitalLabel() -> String { Self.recitalLabel(recitals) }

    static func recitalLabel(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if index < 26 { return String(letters[index]) }
        return String(letters[(index / 26 - 1) % 26]) + String(letters[index % 26])
    }

    /// The kind and label of a section that starts with this line, if one does.
    func startKind(of trimmed: String) -> (ResolutionText.SectionKind, String, Int)? {
        if let first = trimmed.first, "–—-".contains(first), trimmed.dropFirst().first == " " {
            return (.citation, "c\(citations + 1)", 2)
        }
        let head = trimmed.prefix { $0 != "." }
        guard head.count < trimmed.count, head.count <= 3 else { return nil }
        let afterDot = trimmed.dropFirst(head.count + 1)
        guard afterDot.first == " " else { return nil }
        if head == nextRecitalLabel() { return (.recital, String(head), head.count + 2) }
        if let number = Int(head), number == paragraphs + 1, head.allSatisfy(\.isNumber) {
            return (.paragraph, String(head), head.count + 2)
        }
        return nil
    }

    mutating func add(line: String, trimmed: String) {
        if let (kind, label, _) = startKind(of: trimmed) {
            switch kind {
            case .citation: citations += 1
            case .recital: recitals += 1
            case .paragraph: paragraphs += 1
            case .footnote: break
            }
            drafts.append(Draft(label: label, kind: kind, text: trimmed))
            trailingSpace = line.hasSuffix(" ")
            return
        }
        guard !drafts.isEmpty else { return }
        Self.join(&drafts[drafts.count - 1].text, trimmed, trailingSpace: trailingSpace, wrapsWithSpace: wrapsWithSpace)
        trailingSpace = line.hasSuffix(" ")
    }

    var trailingSpace = true

    /// Appends `piece` in place: copying the section for every line made a long section quadratic.
    static func join(_ text: inout String, _ piece: String, trailingSpace: Bool, wrapsWithSpace: Bool) {
        guard let last = text.last else { text = piece; return }
        if last == "-", text.dropLast().last?.isLetter == true, !trailingSpace { text += piece; return }
        if wrapsWithSpace, !trailingSpace, last.isLetter, piece.first?.isLowercase == true { text += piece; return }
        text += " "
        text += piece
    }

    /// Whether footnote `number`'s marker appears in the text read so far.
    func hasMarker(_ number: Int) -> Bool {
        for index in drafts.indices.reversed() where Self.markerRange(number, in: drafts[index].text) != nil {
            return true
        }
        return false
    }

    func pendingFootnotes(_ text: String) -> Int { 1 }

    mutating func addFootnote(number: Int, text: String) {
        // Remove the marker from the nearest section before the footnote.
        for index in drafts.indices.reversed() {
            if let range = Self.markerRange(number, in: drafts[index].text) {
                drafts[index].text.removeSubrange(range)
                break
            }
        }
        footnotes.append((number, text, drafts.count - 1))
    }

    /// The last place `number` is glued to a word (`Freedonia1`) or a year (`20132`).
    static func markerRange(_ number: Int, in text: String) -> Range<String.Index>? {
        let digits = String(number)
        var searchEnd = text.endIndex
        while let range = text.range(of: digits, options: .backwards, range: text.startIndex..<searchEnd) {
            searchEnd = range.lowerBound
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if after.isNumber || after.isLetter { continue }
            guard range.lowerBound > text.startIndex else { continue }
            let before = text[text.index(before: range.lowerBound)]
            if before.isLetter || before == ")" || before == "’" { return range }
            // A year with the marker glued on: `2013` + `2`.
            var start = range.lowerBound
            var count = 0
            while start > text.startIndex, text[text.index(before: start)].isNumber, count < 5 {
                start = text.index(before: start)
                count += 1
            }
            if count == 4, let year = Int(text[start..<range.lowerBound]), (1900...2099).contains(year),
               start == text.startIndex || !text[text.index(before: start)].isNumber {
                return range
            }
        }
        return nil
    }

    func build(title: String, procedure: String?) -> ResolutionText {
        var text = title
        if let procedure { text += "\n(\(procedure))" }
        text += "\n\n"
        var scalarCount = text.unicodeScalars.count
        var sections: [ResolutionText.Section] = []
        func append(_ body: String, label: String, kind: ResolutionText.SectionKind) {
            let clean = body.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            let length = clean.unicodeScalars.count
            sections.append(.init(label: label, kind: kind, start: scalarCount, end: scalarCount + length))
            text += clean + "\n\n"
            scalarCount += length + 2
        }
        for draft in drafts { append(draft.text, label: draft.label, kind: draft.kind) }
        for note in footnotes { append("\(note.number) \(note.text)", label: "fn\(note.number)", kind: .footnote) }
        let scalars = Array(text.unicodeScalars)
        var result = ResolutionText(text: text, scalars: scalars, title: title, procedure: procedure, adopted: nil,
                                    sections: sections, cites: [], country: nil)
        result.country = Self.country(inTitle: title)
        result.adopted = Self.adoptionDate(inTitle: title)
        result.cites = sections.filter { $0.kind == .citation }.flatMap { Self.citedResolutions(in: result.text(of: $0)) }
        return result
    }

    /// "…situation in Freedonia" → Freedonia.
    static func country(inTitle title: String) -> String? {
        for marker in [" in ", " on "] {
            guard let range = title.range(of: marker, options: .backwards) else { continue }
            let words = title[range.upperBound...].split(separator: " ").map(String.init)
            let capitalised = words.drop { $0.first?.isUppercase != true && $0 != "the" }.filter { $0 != "the" }
            guard !capitalised.isEmpty, capitalised.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
            return capitalised.joined(separator: " ")
        }
        return nil
    }

    /// "European Parliament resolution of 20 January 2022 on …" → 2022-01-20.
    static func adoptionDate(inTitle title: String) -> PartialDate? {
        guard let range = title.range(of: "resolution of ") else { return nil }
        let words = title[range.upperBound...].split(separator: " ").prefix(3).joined(separator: " ")
        return PartialDate(english: words)
    }

    /// "its resolution of 11 February 2021 on the human rights situation in Freedonia" → that date and subject.
    static func citedResolutions(in text: String) -> [ResolutionText.Citation] {
        var found: [ResolutionText.Citation] = []
        var rest = text[...]
        while let range = rest.range(of: "resolution of ") {
            let tail = rest[range.upperBound...]
            let words = tail.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            if words.count >= 4, let date = PartialDate(english: words[0..<3].joined(separator: " ")), words[3] == "on" {
                let subjectStart = tail.range(of: " on ")?.upperBound ?? tail.endIndex
                let subject = tail[subjectStart...].prefix { $0 != "," && $0 != ";" }
                    .components(separatedBy: " and its ").first ?? ""
                found.append(.init(date: date, subject: subject.trimmingWhitespace()))
            }
            rest = tail
        }
        return found
    }
}
