/// Turns PDF- or HTML-extracted resolution text into clean, segmented text.
///
/// Rules, applied line by line:
/// - Page furniture is dropped: `RC\1224524EN.docx 5/12 PE689.006v01-00 }`,
///   the `PE…v01-00 }` and `} RC1` lines after it, lone language codes (`EN`),
///   `EN United in diversity EN`, Official Journal page markers (`OJ C,
///   29.10.2030`, `ELI: http…`, `ISSN …`, `2/4`), web page footers (`Last
///   updated: …`, `Legal notice …`) and, below the header, a line holding only
///   the document's number (a running header such as `P9_TA(2030)0001`).
/// - The header (everything above the first citation) gives the title, the
///   procedure and the document's kind, number and dates: see
///   ``DocumentHeader``. The title becomes the `title` section; the rest of
///   the header (tabling members, navigation) is in no section.
/// - A footnote is a line `N text` (no dot after the number) right after a
///   blank line or a `____` rule, numbered one more than the previous
///   footnote, with a marker `N` glued to a word or a year earlier on
///   (`Freedonia1`, `20132,`); or, as in the Official Journal, a line `(N) text`
///   with a marker ` (N)` earlier on. The footnote moves to the end as its own
///   section and the marker goes.
/// - Sections start with a citation, a recital or a paragraph (see
///   ``SectionBuilder/startKind(of:)``); anything else continues the current
///   section, across blank lines and page breaks.
/// - Lines are joined with one space. A line ending in `-` joins without one.
///   Before a capital the hyphen stays (`Ana-` + `Maria`). Before a lowercase
///   fragment it goes if the word without it is written elsewhere in the text
///   (`Free-` + `donia`, with `Freedonia` elsewhere); it stays after a common
///   compound head (`long-` + `standing`, see ``SectionBuilder/compoundHeads``)
///   or when the compound is written elsewhere; otherwise it goes in PDF text
///   (`presi-` + `dency`) and stays in texts whose wrapped lines end with a
///   space, which do not hyphenate words. In texts whose wrapped lines end with a space, a line
///   ending mid-word without one joins the next lowercase fragment
///   (`resolu` + `tion`).
/// - A text with a title and citations but no recitals or paragraphs (a page
///   cut short) is read with a warning; a text with none of them is refused.
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
        if lines.contains(where: { $0.trimmingWhitespace().hasSuffix("-") }) { builder.knownWords = Self.words(of: lines) }
        var headerLines: [String] = []
        var inHeader = true
        var previousBlank = true
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            defer { index += 1 }
            if trimmed.isEmpty || isRule(trimmed) {
                previousBlank = true
                if inHeader { headerLines.append("") }
                continue
            }
            if inHeader {
                if builder.startKind(of: trimmed) == nil {
                    if trimmed.lowercased().hasPrefix("the european parliament"), trimmed.split(separator: " ").count <= 4 {
                        inHeader = false
                    } else {
                        headerLines.append(trimmed.split(separator: " ").joined(separator: " "))
                    }
                    previousBlank = false
                    continue
                }
                inHeader = false
            }
            if DocumentHeader.isReferenceLine(trimmed) { continue }
            // A footnote block: `N text` after a blank line, or `(N) text`, N the next footnote number.
            if !line.hasPrefix(" "), let (number, body, bracketed) = footnoteStart(trimmed), previousBlank || bracketed,
               number == builder.footnotes.count + 1, builder.hasMarker(number, bracketed: bracketed) {
                var text = body
                while index + 1 < lines.count {
                    let next = lines[index + 1]
                    let nextTrimmed = next.trimmingWhitespace()
                    if nextTrimmed.isEmpty || next.hasPrefix(" ") || isRule(nextTrimmed) { break }
                    if let (n, _, _) = footnoteStart(nextTrimmed), n == number + 1 { break }
                    if text.hasSuffix(".") && footnoteStart(nextTrimmed) != nil { break }
                    if text.hasSuffix(".") && builder.startKind(of: nextTrimmed) != nil { break }
                    text = text.trimmingWhitespace() + " " + nextTrimmed
                    index += 1
                }
                builder.addFootnote(number: number, text: text.trimmingWhitespace(), bracketed: bracketed)
                previousBlank = true  // footnotes follow each other without blank lines
                continue
            }
            builder.add(line: line, trimmed: trimmed)
            previousBlank = false
        }
        let header = DocumentHeader(lines: headerLines) { text, piece in builder.joinWrapped(text, piece) }
        var result = builder.build(header: header)
        if !result.sections.contains(where: { $0.kind == .recital || $0.kind == .paragraph }) {
            let looksLikeResolution = header.procedure != nil || header.kind != nil || header.title.lowercased().contains("resolution")
            guard looksLikeResolution, result.sections.contains(where: { $0.kind == .citation }) else { throw .notAResolution(name) }
            result.warnings.append("\(name) has a title and citations but no recitals or paragraphs (the text looks cut short); "
                                   + "only the title and citations were read.")
        }
        return result
    }

    /// Every word of three letters or more, lowercased: what a broken word is checked against.
    static func words(of lines: [String]) -> Set<String> {
        var words = Set<String>()
        // One pass over scalars: runs of letters are words; runs of letters and inner hyphens are compounds.
        for line in lines {
            var word = String.UnicodeScalarView()
            var compound = String.UnicodeScalarView()
            func flushWord() {
                if word.count >= 3 { words.insert(String(word).lowercased()) }
                word = String.UnicodeScalarView()
            }
            func flushCompound() {
                while compound.last == "-" { compound.removeLast() }
                if compound.count >= 3, compound.contains("-") { words.insert(String(compound).lowercased()) }
                compound = String.UnicodeScalarView()
            }
            for scalar in line.unicodeScalars {
                if scalar.properties.isAlphabetic {
                    word.append(scalar)
                    compound.append(scalar)
                } else if scalar == "-", !compound.isEmpty {
                    flushWord()
                    compound.append(scalar)
                } else {
                    flushWord()
                    flushCompound()
                }
            }
            flushWord()
            flushCompound()
        }
        return words
    }

    /// A line of underscores or long dashes that rules off footnotes from the text.
    static func isRule(_ trimmed: String) -> Bool {
        trimmed.count >= 5 && trimmed.allSatisfy { $0 == "_" || $0 == "\u{2014}" || $0 == "\u{2500}" }
    }

    /// A line holding only a procedure reference in brackets: `(2030/2001(RSP))`.
    static func isProcedureLine(_ trimmed: String) -> Bool {
        guard let found = procedureReference(in: trimmed) else { return false }
        return trimmed.count <= found.count + 2
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

    /// `1 text` or, as in the Official Journal, `(1)   text`: the number, the text and whether it was bracketed.
    static func footnoteStart(_ trimmed: String) -> (Int, String, Bool)? {
        if trimmed.first == "(" {
            let digits = trimmed.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count), let number = Int(digits) else { return nil }
            let rest = trimmed.dropFirst(digits.count + 1)
            guard rest.first == ")", rest.dropFirst().first?.isWhitespace == true else { return nil }
            let body = String(rest.dropFirst()).trimmingWhitespace()
            return body.isEmpty ? nil : (number, body, true)
        }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let number = Int(digits) else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        guard let first = rest.first, first == " ", let second = rest.dropFirst().first, !second.isWhitespace else { return nil }
        return (number, String(rest.dropFirst()), false)
    }

    /// Footers and headers a PDF export repeats on every page.
    static func isPageFurniture(_ line: String) -> Bool {
        // Furniture lines are short and carry a telltale character; most lines need no closer look.
        if line.utf8.count > 200 { return false }
        let trimmed = line.trimmingWhitespace()
        if trimmed.isEmpty { return false }
        let words = trimmed.split(separator: " ", maxSplits: 13)
        // Every kind of furniture below is a dozen words at most.
        if words.count > 12 { return false }
        // Byte searches: Foundation's `contains` costs more than the rest of this check.
        func has(_ text: some StringProtocol, _ needle: String) -> Bool {
            let bytes = Array(text.utf8), pattern = Array(needle.utf8)
            guard let first = pattern.first, bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
                index += 1
            }
            return false
        }
        if has(trimmed, ".docx") || has(trimmed, ".doc ") { return words.count <= 12 }
        if let first = words.first, first.hasPrefix("PE"), has(first, "v0"), has(first, "."), words.count <= 4 { return true }
        if trimmed == "}" || (trimmed.hasPrefix("}") && words.count <= 3) { return true }
        if trimmed.count <= 3, trimmed.allSatisfy({ $0.isUppercase }), ["EN", "FR", "DE"].contains(trimmed) { return true }
        if words.count <= 6, has(trimmed, "United in diversity") { return true }
        // Official Journal and web page furniture.
        if let first = words.first {
            if first == "ELI:" && words.count <= 3 { return true }
            if first == "ISSN" && words.count <= 5 { return true }
            if first == "OJ", words.count <= 4, words.dropFirst().first == "C," { return true }
            if trimmed.hasPrefix("Last updated:") && words.count <= 6 { return true }
            if trimmed.hasPrefix("Legal notice") && words.count <= 8 { return true }
        }
        // A page number `2/4`.
        let pageParts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if pageParts.count == 2, pageParts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }) { return true }
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
    /// Recitals without letters (`- whereas …`, `1. whereas …`), labelled `recital-1`, `recital-2`, ….
    var unletteredRecitals = 0
    var paragraphs = 0

    /// The text's words, lowercased, when a line ends in a hyphen (see ``Normaliser/words(of:)``).
    var knownWords: Set<String> = []

    init(wrapsWithSpace: Bool) { self.wrapsWithSpace = wrapsWithSpace }

    func nextRecitalLabel() -> String { Self.recitalLabel(recitals) }

    static func recitalLabel(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if index < 26 { return String(letters[index]) }
        return String(letters[(index / 26 - 1) % 26]) + String(letters[index % 26])
    }

    /// Bullets that open a citation or an unlettered recital.
    static let bullets: Set<Character> = ["-", "–", "—", "−", "‐", "‑", "•"]

    static func startsWithWord(_ text: Substring, _ word: String) -> Bool {
        guard text.count >= word.count, text.prefix(word.count).lowercased() == word else { return false }
        return text.dropFirst(word.count).first?.isLetter != true
    }

    /// The kind and label of a section that starts with this line, if one does.
    ///
    /// - Citation: a bullet (`–`, `—`, `-`, `•`) and a space, before any
    ///   recital or paragraph; or `having regard to` with no bullet (or glued
    ///   to one: `-having regard`) there.
    /// - Recital: the next letter and a dot (`A. `, `AA. `, also `A.whereas`);
    ///   or, unlettered, a bullet or any number and a dot before `whereas`
    ///   (`- whereas …`, `1. whereas …`), labelled `recital-1`, `recital-2`, ….
    /// - Paragraph: the next number and a dot (`1. Calls on …`).
    /// - A bullet anywhere else is a point of the section it is in.
    func startKind(of trimmed: String) -> (ResolutionText.SectionKind, String, Int)? {
        let inCitations = recitals == 0 && unletteredRecitals == 0 && paragraphs == 0
        if let first = trimmed.first, Self.bullets.contains(first) {
            let afterBullet = trimmed.dropFirst()
            let body = afterBullet.drop { $0 == " " || $0 == "\t" }
            let spaced = body.count < afterBullet.count
            if Self.startsWithWord(body, "whereas") { return (.recital, "recital-\(unletteredRecitals + 1)", 0) }
            if inCitations, spaced || Self.startsWithWord(body, "having") { return (.citation, "c\(citations + 1)", 0) }
            return nil
        }
        if inCitations, Self.startsWithWord(trimmed[...], "having") {
            let lower = trimmed.prefix(20).lowercased()
            if lower.hasPrefix("having regard") || lower.hasPrefix("having regards") { return (.citation, "c\(citations + 1)", 0) }
        }
        let head = trimmed.prefix { $0 != "." }
        guard head.count < trimmed.count, (1...3).contains(head.count) else { return nil }
        let afterDot = trimmed.dropFirst(head.count + 1)
        let body = afterDot.drop { $0 == " " || $0 == "\t" }
        let spaced = body.count < afterDot.count
        if head == nextRecitalLabel(), spaced || Self.startsWithWord(body, "whereas") { return (.recital, String(head), 0) }
        guard spaced, head.allSatisfy(\.isASCIIDigit), let number = Int(head) else { return nil }
        if paragraphs == 0, Self.startsWithWord(body, "whereas") { return (.recital, "recital-\(unletteredRecitals + 1)", 0) }
        if number == paragraphs + 1 { return (.paragraph, String(head), 0) }
        return nil
    }

    mutating func add(line: String, trimmed: String) {
        if let (kind, label, _) = startKind(of: trimmed) {
            switch kind {
            case .citation: citations += 1
            case .recital: if label.hasPrefix("recital-") { unletteredRecitals += 1 } else { recitals += 1 }
            case .paragraph: paragraphs += 1
            case .footnote, .title: break
            }
            drafts.append(Draft(label: label, kind: kind, text: trimmed))
            trailingSpace = line.hasSuffix(" ")
            return
        }
        guard !drafts.isEmpty else { return }
        join(into: &drafts[drafts.count - 1].text, trimmed)
        trailingSpace = line.hasSuffix(" ")
    }

    var trailingSpace = true

    /// Appends a continuation line in place: copying the section for every line made a long section quadratic.
    func join(into text: inout String, _ piece: String) {
        guard let last = text.last else { text = piece; return }
        if last == "-", text.dropLast().last?.isLetter == true, !trailingSpace { text = mendingHyphen(text, piece); return }
        if wrapsWithSpace, !trailingSpace, last.isLetter, piece.first?.isLowercase == true { text += piece; return }
        text += " "
        text += piece
    }

    func join(_ text: String, _ piece: String) -> String {
        guard let last = text.last else { return piece }
        if last == "-", text.dropLast().last?.isLetter == true, !trailingSpace { return mendingHyphen(text, piece) }
        if wrapsWithSpace, !trailingSpace, last.isLetter, piece.first?.isLowercase == true { return text + piece }
        return text + " " + piece
    }

    /// Joins a wrapped header line (trimmed, so no trailing space is known) to the text before it.
    func joinWrapped(_ text: String, _ piece: String) -> String {
        if text.last == "-", text.dropLast().last?.isLetter == true { return mendingHyphen(text, piece) }
        return text + " " + piece
    }

    /// Heads that make compounds with a hyphen (`long-standing`, `socio-economic`): a line-end hyphen after them stays.
    static let compoundHeads: Set<String> = [
        "anti", "co", "cross", "ex", "inter", "long", "multi", "non", "post", "pre", "pro", "self", "semi", "socio", "state", "well",
    ]

    /// `Free-` + `donia` → `Freedonia`, `long-` + `standing` → `long-standing`: the rule in ``Normaliser``.
    func mendingHyphen(_ text: String, _ piece: String) -> String {
        guard piece.first?.isLowercase == true else { return text + piece }
        let head = String(text.dropLast().reversed().prefix { $0.isLetter }.reversed()).lowercased()
        let tail = piece.prefix { $0.isLetter }.lowercased()
        let mended = String(text.dropLast()) + piece, kept = text + piece
        if knownWords.contains(head + tail) { return mended }
        if Self.compoundHeads.contains(head) || knownWords.contains(head + "-" + tail) { return kept }
        return wrapsWithSpace ? kept : mended
    }

    /// Whether footnote `number`'s marker appears in the text read so far.
    func hasMarker(_ number: Int, bracketed: Bool) -> Bool {
        drafts.indices.reversed().contains { Self.markerRange(number, bracketed: bracketed, in: drafts[$0].text) != nil }
    }

    mutating func addFootnote(number: Int, text: String, bracketed: Bool) {
        // Remove the marker from the nearest section before the footnote.
        for index in drafts.indices.reversed() {
            if let range = Self.markerRange(number, bracketed: bracketed, in: drafts[index].text) {
                drafts[index].text.removeSubrange(range)
                break
            }
        }
        footnotes.append((number, text, drafts.count - 1))
    }

    static func markerRange(_ number: Int, bracketed: Bool, in text: String) -> Range<String.Index>? {
        bracketed ? bracketedMarkerRange(number, in: text) : markerRange(number, in: text)
    }

    /// The last ` (N)` after a word or a comma: the Official Journal's footnote call.
    static func bracketedMarkerRange(_ number: Int, in text: String) -> Range<String.Index>? {
        guard let range = text.range(of: " (\(number))", options: .backwards), range.lowerBound > text.startIndex else { return nil }
        let before = text[text.index(before: range.lowerBound)]
        return before.isLetter || before.isNumber || before == ")" || before == "," || before == "’" ? range : nil
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

    func build(header: DocumentHeader) -> ResolutionText {
        let title = header.title
        var text = title
        var sections: [ResolutionText.Section] = []
        if !title.isEmpty { sections.append(.init(label: "title", kind: .title, start: 0, end: title.unicodeScalars.count)) }
        if let procedure = header.procedure { text += "\n(\(procedure))" }
        text += "\n\n"
        var scalarCount = text.unicodeScalars.count
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
        var result = ResolutionText(text: text, scalars: scalars, title: title, procedure: header.procedure, adopted: header.adopted,
                                    sections: sections, cites: [], country: Self.country(inTitle: title))
        result.kind = header.kind
        result.reference = header.reference
        result.tabled = header.tabled
        result.cites = sections.filter { $0.kind == .citation }.flatMap { Self.citedResolutions(in: result.text(of: $0)) }
        return result
    }

    /// "…situation in Freedonia" → Freedonia.
    /// The first capitalised name after ` on ` or ` in ` in the title, up to a
    /// comma or a lowercase word: `… of 4 May 2023 on Freedonia, notably the case
    /// of Ana Ruiz` → `Freedonia`; `… on the situation in Freedonia` → `Freedonia`.
    static func country(inTitle title: String) -> String? {
        let words = title.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() where (word == "on" || word == "in") && index + 1 < words.count {
            var rest = words[(index + 1)...].drop { $0 == "the" }
            var name: [String] = []
            while let next = rest.first, next.first?.isUppercase == true {
                let clean = next.trimmingCharacters(in: [",", ";", ":", "."])
                name.append(clean)
                rest = rest.dropFirst()
                if clean != next { break }
            }
            if !name.isEmpty, rest.first.map({ $0.first?.isUppercase != true }) ?? true,
               !["European", "Parliament", "Resolution"].contains(name[0]) {
                return name.joined(separator: " ")
            }
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
