import Foundation

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
/// - A document export's XML tags glued to the text (`<Titre>on Freedonia</Titre>`) become line
///   breaks (see ``HTMLText/withoutExportTags(_:)``); a label alone on its line (`B.`, a table
///   cell) joins the line after it.
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
        if HTMLText.looksLikeHTML(source) {
            source = HTMLText.plainText(source)
        } else if let untagged = HTMLText.withoutExportTags(source) {
            source = untagged
        }
        if let broken = FlattenedText.unflattened(source) { source = broken }
        let read = readLines(source)
        let lines = read.lines
        let wrapsWithSpace = read.endingWithSpace * 10 > read.nonBlank * 3

        var builder = SectionBuilder(wrapsWithSpace: wrapsWithSpace, plain: read.isPlain)
        if read.endsWithHyphen { builder.knownWords = KnownWords(text: source, lines: lines) }
        var headerLines: [String] = []
        var inHeader = true
        var previousBlank = true
        var index = 0
        while index < lines.count {
            var trimmed = lines[index].trimmed
            defer { index += 1 }
            // A label alone on its line (`B.`, `3.`, `–`), its body on the next: a page's table cells, one a line.
            if isBareLabel(trimmed), index + 1 < lines.count, !lines[index + 1].trimmed.isEmpty {
                trimmed += " " + lines[index + 1].trimmed
                index += 1
            }
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
            if !lines[index].startsWithSpace, let (number, body, bracketed) = footnoteStart(trimmed), previousBlank || bracketed,
               number == builder.footnotes.count + 1, builder.hasMarker(number, bracketed: bracketed) {
                var text = body
                while index + 1 < lines.count {
                    let next = lines[index + 1]
                    let nextTrimmed = next.trimmed
                    if nextTrimmed.isEmpty || next.startsWithSpace || isRule(nextTrimmed) { break }
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
            builder.add(trimmed: trimmed, endsWithSpace: lines[index].endsWithSpace)
            previousBlank = false
        }
        let header = DocumentHeader(lines: headerLines) { text, piece in builder.joinWrapped(text, piece) }
        var result = builder.build(header: header)
        if !result.sections.contains(where: { $0.kind == .recital || $0.kind == .paragraph }) {
            let looksLikeResolution = header.procedure != nil || header.kind != nil || DocumentWords.namesResolution(header.title.lowercased())
            guard looksLikeResolution, result.sections.contains(where: { $0.kind == .citation }) else { throw .notAResolution(name) }
            result.warnings.append("\(name) has a title and citations but no recitals or paragraphs (the text looks cut short); "
                                   + "only the title and citations were read.")
        }
        return result
    }

    /// A recital letter or paragraph number and its dot alone (`B.`, `AA.`, `12.`), or a bullet alone: what
    /// a page that sets label and body in two table cells gives when its cells are copied one a line.
    static func isBareLabel(_ trimmed: String) -> Bool {
        let bytes = trimmed.utf8
        guard (1...4).contains(bytes.count) else { return false }
        if bytes.count == 1 || (bytes.count == 3 && bytes.first == 0xE2) {
            return trimmed.unicodeScalars.count == 1 && SectionBuilder.isBullet(trimmed.unicodeScalars.first!)
        }
        guard bytes.last == UInt8(ascii: "."), bytes.count >= 2 else { return false }
        let head = bytes.dropLast()
        return head.allSatisfy { $0 &- UInt8(ascii: "0") < 10 } || head.allSatisfy { $0 &- UInt8(ascii: "A") < 26 }
    }

    /// A line of underscores or long dashes that rules off footnotes from the text.
    static func isRule(_ trimmed: String) -> Bool {
        // `_` is byte 5F, and the dashes' UTF-8 starts with E2.
        guard let byte = trimmed.utf8.first, byte == UInt8(ascii: "_") || byte == 0xE2 else { return false }
        return trimmed.allSatisfy { $0 == "_" || $0 == "\u{2014}" || $0 == "\u{2500}" } && trimmed.count >= 5
    }

    /// A line holding only a procedure reference in brackets: `(2030/2001(RSP))`.
    static func isProcedureLine(_ trimmed: String) -> Bool {
        guard let found = procedureReference(in: trimmed) else { return false }
        return trimmed.count <= found.count + 2
    }

    /// A line of the text as the normaliser reads it: trimmed, with what the rules ask of its ends.
    struct Line {
        /// The line without white space at its ends (what `trimmingWhitespace()` gives).
        var trimmed: String
        /// Whether the line as it stands (untrimmed) starts or ends with a space.
        var startsWithSpace: Bool
        var endsWithSpace: Bool
        /// Where the line's bytes are in the text.
        var range: Range<Int>
        /// The line with its no-break spaces made plain, when it has any (its bytes differ from the text's).
        var withPlainSpaces: String?
    }

    /// The text's lines but page furniture, and what the normaliser counts over them.
    struct ReadLines {
        var lines: [Line] = []
        /// Whether the whole text is plain (see ``isPlain(_:)``).
        var isPlain: Bool
        /// Lines that are not blank, and those of them ending with a space.
        var nonBlank = 0
        var endingWithSpace = 0
        /// Whether a trimmed line ends with a hyphen (then the text's words are needed).
        var endsWithHyphen = false
    }

    /// Lines at `\r\n`, `\r`, `\n` or a form feed, with no-break spaces made plain, without page
    /// furniture (see ``isPageFurniture(_:)``), trimmed: all in one pass over the text's bytes.
    ///
    /// The four line ends are single bytes and the no-break space is `C2 A0`, and no other
    /// character's encoding contains those bytes, so a line is a slice of the bytes between two
    /// ends. A line's String is made once, trimmed; the few lines with a no-break space, or whose
    /// trimmed ends are not visible ASCII, are read as strings the slow way.
    static func readLines(_ text: String) -> ReadLines {
        var text = text
        return text.withUTF8 { bytes in
            // A `\r` ends a line as `\n` does, so no line holds one: a text written with `\r\n` is plain
            // if its lines are (the builder reads lines only).
            var read = ReadLines(isPlain: isPlain(bytes, allowingCarriageReturns: true))
            read.lines.reserveCapacity(bytes.count / 48)
            let count = bytes.count
            // The C library's `memchr` reads many bytes an instruction: lines are found with it when
            // `\n` is the only line end in the text, as in most texts.
            let onlyNewlines = !Self.contains(0x0D, in: bytes) && !Self.contains(0x0C, in: bytes)
            let hasNoBreakSpace = Self.noBreakSpace(in: bytes, from: 0, to: count) != nil
            func lineEnd(from start: Int) -> Int {
                if onlyNewlines { return Self.firstIndex(of: 0x0A, in: bytes, from: start, to: count) ?? count }
                var index = start
                while index < count {
                    let byte = bytes[index]
                    if byte <= 0x0D && (byte == 0x0A || byte == 0x0D || byte == 0x0C) { return index }
                    index += 1
                }
                return count
            }
            func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            func isVisibleASCII(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }
            /// Whether the line starts at `lower`, its first byte, with a scalar that is no white
            /// space (`–`): then its first character is no white space either, and trimming keeps it.
            func startsWithNonSpaceScalar(_ line: UnsafeBufferPointer<UInt8>, at lower: Int) -> Bool {
                lower == 0 && line[0] >= 0xC0 && !scalar(at: 0, in: line).0.properties.isWhitespace
            }
            func add(_ line: Line) {
                if !line.trimmed.isEmpty {
                    read.nonBlank += 1
                    if line.endsWithSpace { read.endingWithSpace += 1 }
                    if !read.endsWithHyphen, line.trimmed.endsWithHyphen { read.endsWithHyphen = true }
                }
                read.lines.append(line)
            }
            func readLine(_ start: Int, _ end: Int) {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if hasNoBreakSpace, let first = Self.noBreakSpace(in: bytes, from: start, to: end) {
                    // A line with a no-break space is made plain and read as a string.
                    var plainBytes: [UInt8] = Array(bytes[start..<first])
                    var index = first
                    while index < end {
                        if bytes[index] == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
                            plainBytes.append(UInt8(ascii: " "))
                            index += 2
                        } else {
                            plainBytes.append(bytes[index])
                            index += 1
                        }
                    }
                    let string = String(decoding: plainBytes, as: UTF8.self)
                    if isPageFurniture(string) { return }
                    add(Line(trimmed: string.trimmingWhitespace(), startsWithSpace: string.startsWithSpace, endsWithSpace: string.endsWithSpace,
                             range: start..<end, withPlainSpaces: string))
                    return
                }
                if line.count <= 200, mayBePageFurniture(line), isPageFurniture(String(decoding: line, as: UTF8.self)) { return }
                // What `trimmingWhitespace()` does, on the bytes.
                var lower = 0, upper = line.count
                while lower < upper, isASCIISpace(line[lower]) { lower += 1 }
                while upper > lower, isASCIISpace(line[upper - 1]) { upper -= 1 }
                let trimmed: String
                if lower == upper {
                    trimmed = ""
                } else if isVisibleASCII(line[upper - 1]), isVisibleASCII(line[lower]) || startsWithNonSpaceScalar(line, at: lower) {
                    trimmed = String(decoding: UnsafeBufferPointer(rebasing: line[lower..<upper]), as: UTF8.self)
                } else {
                    trimmed = String(decoding: line, as: UTF8.self).trimmingWhitespace()
                }
                // A space next to an ASCII character (or alone) is a character of its own; next to
                // another, the string says.
                var startsWithSpace = false, endsWithSpace = false
                if line.first == UInt8(ascii: " ") {
                    startsWithSpace = line.count == 1 || line[1] < 0x80 || String(decoding: line, as: UTF8.self).startsWithSpace
                }
                if line.last == UInt8(ascii: " ") {
                    endsWithSpace = line.count == 1 || line[line.count - 2] < 0x80 || String(decoding: line, as: UTF8.self).endsWithSpace
                }
                add(Line(trimmed: trimmed, startsWithSpace: startsWithSpace, endsWithSpace: endsWithSpace, range: start..<end, withPlainSpaces: nil))
            }
            var start = 0
            while true {
                let end = lineEnd(from: start)
                readLine(start, end)
                if end == count { break }
                // `\r\n` is one line end.
                start = end + 1
                if bytes[end] == UInt8(ascii: "\r"), start < count, bytes[start] == UInt8(ascii: "\n") { start += 1 }
            }
            return read
        }
    }

    /// Whether `byte` is in `bytes`: the C library's `memchr`.
    static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: byte, in: bytes, from: 0, to: bytes.count) != nil
    }

    /// The first index of `byte` in `bytes[from..<to]`, found by the C library's `memchr`.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The first no-break space (`C2 A0`) in `bytes[from..<to]`.
    static func noBreakSpace(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var index = from
        while let found = firstIndex(of: 0xA0, in: bytes, from: index, to: to) {
            if found > 0, bytes[found - 1] == 0xC2 { return found - 1 }
            index = found + 1
        }
        return nil
    }

    /// `2021/2544(RSP)` in a line, if any.
    static func procedureReference(in line: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i + 13 <= scalars.count {
            // The fifth character is `/`, and each of the fourteen is one scalar: most windows go at once.
            if scalars[i + 4] != "/" { i += 1; continue }
            // Fourteen ASCII scalars without `\r` are fourteen characters, digits and capitals as bytes.
            if i + 14 <= scalars.count, scalars[i..<(i + 14)].allSatisfy({ $0.isASCII && $0 != "\r" }) {
                let bytes = scalars[i..<(i + 14)].map { UInt8(truncatingIfNeeded: $0.value) }
                func isDigit(_ range: ClosedRange<Int>) -> Bool { bytes[range].allSatisfy { (0x30...0x39).contains($0) } }
                if isDigit(0...3), isDigit(5...8), bytes[9] == UInt8(ascii: "("), bytes[10...12].allSatisfy({ (0x41...0x5A).contains($0) }),
                   bytes[13] == UInt8(ascii: ")") {
                    return String(decoding: bytes, as: UTF8.self)
                }
                i += 1
                continue
            }
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
        // Both start with a byte `(` or a digit: other lines go at once.
        guard let byte = trimmed.utf8.first, byte == UInt8(ascii: "(") || (0x30...0x39).contains(byte) else { return nil }
        if byte != UInt8(ascii: "(") {
            // Unless one to three ASCII digits and a space byte start it, the line is no `N text`
            // (a character the digits end in, or one after them, is no space): most go here.
            let spaced = trimmed.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                var digits = 0
                while digits < bytes.count, bytes[digits] &- 0x30 < 10 { digits += 1 }
                return digits <= 3 && digits < bytes.count && bytes[digits] == UInt8(ascii: " ")
            }
            if spaced == false { return nil }
        }
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
        if line.utf8.count > 200 || !mayBePageFurniture(line) { return false }
        let trimmed = line.trimmingWhitespace()
        if trimmed.isEmpty { return false }
        if isPlain(trimmed) { return trimmed.withUTF8Bytes { isPlainPageFurniture($0) } }
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

    /// The checks of ``isPageFurniture(_:)`` on the bytes of a trimmed, plain line (see
    /// ``isPlain(_:)``): there each character is its scalar and none is canonically equivalent
    /// to an ASCII character, so comparing bytes compares characters, and no array of words is made.
    static func isPlainPageFurniture(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let space = UInt8(ascii: " ")
        // The words split at spaces: how many (at most 14, what `split(maxSplits: 13)` gives) and the first two.
        var wordCount = 0
        var first = 0..<0, second = 0..<0
        var index = 0
        while index < bytes.count && wordCount < 14 {
            if bytes[index] == space { index += 1; continue }
            let start = index
            while index < bytes.count && bytes[index] != space { index += 1 }
            if wordCount == 0 { first = start..<index } else if wordCount == 1 { second = start..<index }
            wordCount += 1
        }
        // Every kind of furniture below is a dozen words at most.
        if wordCount > 12 { return false }
        let all = 0..<bytes.count
        func has(_ range: Range<Int>, _ needle: StaticString) -> Bool {
            needle.withUTF8Buffer { pattern in
                guard range.count >= pattern.count else { return false }
                for start in range.lowerBound...(range.upperBound - pattern.count)
                where UnsafeBufferPointer(rebasing: bytes[start..<(start + pattern.count)]).elementsEqual(pattern) {
                    return true
                }
                return false
            }
        }
        func starts(_ range: Range<Int>, with needle: StaticString) -> Bool {
            range.count >= needle.utf8CodeUnitCount && has(range.lowerBound..<(range.lowerBound + needle.utf8CodeUnitCount), needle)
        }
        func equals(_ range: Range<Int>, _ needle: StaticString) -> Bool {
            range.count == needle.utf8CodeUnitCount && has(range, needle)
        }
        if has(all, ".docx") || has(all, ".doc ") { return true }
        if starts(first, with: "PE"), has(first, "v0"), has(first, "."), wordCount <= 4 { return true }
        if equals(all, "}") || (starts(all, with: "}") && wordCount <= 3) { return true }
        if equals(all, "EN") || equals(all, "FR") || equals(all, "DE") { return true }
        if wordCount <= 6, has(all, "United in diversity") { return true }
        // Official Journal and web page furniture.
        if equals(first, "ELI:") && wordCount <= 3 { return true }
        if equals(first, "ISSN") && wordCount <= 5 { return true }
        if equals(first, "OJ"), wordCount <= 4, wordCount >= 2, equals(second, "C,") { return true }
        if starts(all, with: "Last updated:") && wordCount <= 6 { return true }
        if starts(all, with: "Legal notice") && wordCount <= 8 { return true }
        // A page number `2/4`: one slash between one to three ASCII digits.
        guard let slash = Normaliser.firstIndex(of: UInt8(ascii: "/"), in: bytes, from: 0, to: bytes.count) else { return false }
        func isNumber(_ range: Range<Int>) -> Bool { (1...3).contains(range.count) && range.allSatisfy { bytes[$0] &- 0x30 < 10 } }
        return isNumber(0..<slash) && isNumber((slash + 1)..<bytes.count)
    }
}

extension Normaliser {
    /// Whether a line holds the bytes that each kind of page furniture in
    /// ``isPageFurniture(_:)`` needs: `.doc`, `United in diversity` or the `/` of a page
    /// number anywhere, or at the start of the trimmed line `PE`, `}`, `EN`, `FR`, `DE`,
    /// `ELI:`, `ISSN`, `OJ`, `Last updated:` or `Legal notice`. One pass over the bytes
    /// turns away nearly every line of text before the closer look, which splits the
    /// line into words.
    static func mayBePageFurniture(_ line: String) -> Bool {
        line.withUTF8Bytes { mayBePageFurniture($0) }
    }

    /// ``mayBePageFurniture(_:)`` of a line's bytes.
    static func mayBePageFurniture(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The trimmed line starts after the white space of ASCII when an ASCII character
        // follows it (no ASCII character joins white space); otherwise the start is not
        // known and every place counts as one.
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || (0x09...0x0D).contains(bytes[start]) { start += 1 }
        // So is the start of a line starting with a scalar of more than one byte that is no
        // white space (`–`), at which no furniture starts.
        let startKnown = start < bytes.count
            && (bytes[start] < 0x80 || (start == 0 && bytes[0] >= 0xC0 && !scalar(at: 0, in: bytes).0.properties.isWhitespace))
        func follows(_ index: Int, _ tail: StaticString) -> Bool {
            let count = tail.utf8CodeUnitCount
            guard index + 1 + count <= bytes.count else { return false }
            return tail.withUTF8Buffer { UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(index + 1 + count)]).elementsEqual($0) }
        }
        /// The checks of furniture that starts the trimmed line, at `index`.
        func atStartMayBeFurniture(_ index: Int) -> Bool {
            switch bytes[index] {
            case UInt8(ascii: "}"): return true
            case UInt8(ascii: "P"), UInt8(ascii: "D"): return follows(index, "E")
            case UInt8(ascii: "E"): return follows(index, "N") || follows(index, "LI:")
            case UInt8(ascii: "F"): return follows(index, "R")
            case UInt8(ascii: "I"): return follows(index, "SSN")
            case UInt8(ascii: "O"): return follows(index, "J")
            case UInt8(ascii: "L"): return follows(index, "ast updated:") || follows(index, "egal notice")
            default: return false
            }
        }
        // With the start known, the checks at the start are made once, and `memchr` looks
        // only for the three kinds of furniture that may stand anywhere.
        if startKnown {
            if atStartMayBeFurniture(start) || firstIndex(of: UInt8(ascii: "/"), in: bytes, from: 0, to: bytes.count) != nil { return true }
            var from = 0
            while let index = firstIndex(of: UInt8(ascii: "."), in: bytes, from: from, to: bytes.count) {
                if follows(index, "doc") { return true }
                from = index + 1
            }
            from = 0
            while let index = firstIndex(of: UInt8(ascii: "U"), in: bytes, from: from, to: bytes.count) {
                if follows(index, "nited in diversity") { return true }
                from = index + 1
            }
            return false
        }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "/"): return true
            case UInt8(ascii: "."): if follows(index, "doc") { return true }
            case UInt8(ascii: "U"): if follows(index, "nited in diversity") { return true }
            default: if atStartMayBeFurniture(index) { return true }
            }
        }
        return false
    }
}

extension Normaliser {
    /// Whether each Unicode scalar of a text is a character of its own, and no
    /// scalar is canonically equivalent to an ASCII character (the Kelvin sign
    /// is to `K`): then searching and splitting the text's bytes for ASCII gives
    /// what searching and splitting its characters gives, and much faster.
    ///
    /// Checked from the UTF-8 bytes against blocks where no scalar joins its
    /// neighbours: ASCII but `\r` (`\r\n` is one character), Latin to the
    /// spacing modifiers (`U+0080`–`U+02FF`), Greek, Cyrillic but its combining
    /// marks, Armenian, general punctuation but the zero-width joiners,
    /// super- and subscripts, currency signs, letterlike symbols but the Ohm,
    /// Kelvin and Ångström signs, number forms, arrows, mathematical operators,
    /// and the replacement character. Resolutions hardly use anything else; a
    /// text that does is read character by character.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain($0) }
    }

    /// ``isPlain(_:)`` of a text's bytes. ASCII is read eight bytes at a time (a byte of a longer
    /// scalar has its high bit set), and `\r` is looked for by `memchr`.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, allowingCarriageReturns: Bool = false) -> Bool {
        if !allowingCarriageReturns, contains(UInt8(ascii: "\r"), in: bytes) { return false }
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count,
               UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            switch byte {
            case 0xC2...0xCB, 0xCE...0xD1, 0xD3...0xD5:
                // U+0080–U+02FF, U+0380–U+047F, U+04C0–U+057F.
                index += 2
            case 0xE2:
                guard index + 2 < bytes.count else { return false }
                let second = bytes[index + 1], third = bytes[index + 2]
                switch second {
                case 0x80: if third == 0x8C || third == 0x8D { return false }  // U+200C, U+200D
                case 0x81, 0x82, 0x85...0x8B: break                            // U+2040–U+20BF, U+2140–U+22FF
                case 0x84: if third == 0xA6 || third == 0xAA || third == 0xAB { return false }  // U+2126, U+212A, U+212B
                default: return false
                }
                index += 3
            case 0xEF:
                guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD else { return false }
                index += 3  // U+FFFD
            default:
                return false
            }
        }
        return true
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8, and the encoding's length.
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (size + 1))
        for offset in 1..<size { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", size)
    }

    /// The text's Unicode scalars, decoded from its bytes (faster than collecting `unicodeScalars`).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        text.withUTF8Bytes { bytes in
            // Written in place (appending one by one checks the capacity each time), into room for
            // one scalar a byte: as many as there are in a text of ASCII, which most of a text is.
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, initialized in
                var index = 0, written = 0
                while index < bytes.count {
                    // Eight ASCII bytes are eight scalars: read as one word, written one by one.
                    if index + 8 <= bytes.count, let base = bytes.baseAddress {
                        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                        if word & 0x8080_8080_8080_8080 == 0 {
                            for offset in 0..<8 { scalars[written + offset] = Unicode.Scalar(UInt8(truncatingIfNeeded: word >> (offset * 8))) }
                            index += 8
                            written += 8
                            continue
                        }
                    }
                    let byte = bytes[index]
                    if byte < 0x80 {
                        scalars[written] = Unicode.Scalar(byte)
                        index += 1
                    } else {
                        let (scalar, size) = scalar(at: index, in: bytes)
                        scalars[written] = scalar
                        index += size
                    }
                    written += 1
                }
                initialized = written
            }
        }
    }

    /// The last range of `needle` (ASCII) in `text` ending by `end`: Foundation's
    /// `range(of:options:.backwards)`, found in the bytes of a plain text (see ``isPlain(_:)``).
    static func lastRange(of needle: String, in text: String, before end: String.Index, plain: Bool) -> Range<String.Index>? {
        var needle = needle
        if plain, let found = needle.withUTF8({ pattern in text.utf8.withContiguousStorageIfAvailable({ bytes -> Range<String.Index>? in
            var start = text.utf8.distance(from: text.startIndex, to: end) - pattern.count
            while start >= 0 {
                if bytes[start] == pattern[0], UnsafeBufferPointer(rebasing: bytes[start..<(start + pattern.count)]).elementsEqual(pattern) {
                    let lower = text.utf8.index(text.startIndex, offsetBy: start)
                    return lower..<text.utf8.index(lower, offsetBy: pattern.count)
                }
                start -= 1
            }
            return nil
        }) }) {
            return found
        }
        return text.range(of: needle, options: .backwards, range: text.startIndex..<end)
    }

    /// The first range of `needle` (ASCII) in `text`: Foundation's `range(of:)`, found in the
    /// bytes of a plain text (see ``isPlain(_:)``).
    static func firstRange(of needle: String, in text: Substring, plain: Bool) -> Range<String.Index>? {
        var needle = needle
        if plain, let found = needle.withUTF8({ pattern in text.utf8.withContiguousStorageIfAvailable({ bytes -> Range<String.Index>? in
            var start = 0
            while start + pattern.count <= bytes.count {
                if bytes[start] == pattern[0], UnsafeBufferPointer(rebasing: bytes[start..<(start + pattern.count)]).elementsEqual(pattern) {
                    let lower = text.utf8.index(text.startIndex, offsetBy: start)
                    return lower..<text.utf8.index(lower, offsetBy: pattern.count)
                }
                start += 1
            }
            return nil
        }) }) {
            return found
        }
        return text.range(of: needle)
    }
}

extension String {
    /// `hasPrefix(" ")`, with a byte check first: a string starting with a space starts with its byte.
    var startsWithSpace: Bool { utf8.first == UInt8(ascii: " ") && hasPrefix(" ") }

    /// `hasSuffix(" ")`, with a byte check first.
    var endsWithSpace: Bool { utf8.last == UInt8(ascii: " ") && hasSuffix(" ") }

    /// `hasSuffix("-")`, with a byte check first.
    var endsWithHyphen: Bool { utf8.last == UInt8(ascii: "-") && hasSuffix("-") }
}

/// Whether a word broken at a line end is written elsewhere in the text (see
/// ``SectionBuilder/mendingHyphen(_:_:)``): every word of three letters or more in the
/// text and every compound of letters with inner hyphens (`state-owned`), lowercased, is
/// known. A word is a run of alphabetic Unicode scalars.
///
/// A text asks about a handful of words, nearly all of them ASCII letters (`freedonia`,
/// `long-standing`): those are searched for in the text's bytes, ASCII letters in any case,
/// where `memchr` finds the places of their first letter, and a place counts when the
/// word stands there as ``WordRuns`` would have read it (no letter on either side; a
/// compound not continuing one before it or after it). Any other question (other letters,
/// or a text with a Kelvin sign, the one non-ASCII letter that lowercases to an ASCII one)
/// is put to the index of all the words, ``WordRuns``, built on the first such question.
struct KnownWords {
    /// The text the lines are in, and the lines read (page furniture dropped).
    private let text: String
    private let lines: [Normaliser.Line]
    /// Whether the text has a Kelvin sign (`E2 84 AA`).
    private let hasKelvinSign: Bool
    /// The index of all the words, built on the first question the search does not answer.
    private let index = Index()

    private final class Index {
        var runs: WordRuns?
    }

    init() {
        self.init(text: "", lines: [])
    }

    init(text: String, lines: [Normaliser.Line]) {
        self.text = text
        self.lines = lines
        hasKelvinSign = text.withUTF8Bytes { bytes in
            var from = 0
            while let found = Normaliser.firstIndex(of: 0xE2, in: bytes, from: from, to: bytes.count) {
                if found + 2 < bytes.count, bytes[found + 1] == 0x84, bytes[found + 2] == 0xAA { return true }
                from = found + 1
            }
            return false
        }
    }

    /// Whether `word` (lowercased) is one of the text's words or compounds.
    func contains(_ word: String) -> Bool {
        if let found = searched(word) { return found }
        if index.runs == nil { index.runs = WordRuns(text: text, lines: lines) }
        return index.runs!.contains(word)
    }

    /// The answer by a search of the text, for a word of lowercase ASCII letters (three or more)
    /// or two such words joined by a hyphen in a text without a Kelvin sign; nil for any other.
    private func searched(_ word: String) -> Bool? {
        if hasKelvinSign { return nil }
        let query = Array(word.utf8)
        func isLetter(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
        var hyphen: Int?
        for (offset, byte) in query.enumerated() where !isLetter(byte) {
            guard byte == UInt8(ascii: "-"), hyphen == nil, offset > 0, offset < query.count - 1 else { return nil }
            hyphen = offset
        }
        if hyphen == nil && query.count < 3 { return nil }
        let isCompound = hyphen != nil
        return text.withUTF8Bytes { bytes in
            /// Whether the query stands at `start`.
            func standsAt(_ start: Int) -> Bool {
                let end = start + query.count
                guard start >= 0, end <= bytes.count else { return false }
                for offset in 0..<query.count {
                    let byte = bytes[start + offset]
                    // ASCII capitals lowercased as ``WordRuns`` lowercases them.
                    if (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) != query[offset] { return false }
                }
                // The line it is in (none: in page furniture), whose ends are no letters.
                guard let line = line(containing: start), end <= line.upperBound else { return false }
                if isAlphabetic(before: start, from: line.lowerBound) || isAlphabetic(at: end, to: line.upperBound) { return false }
                guard isCompound else { return true }
                // A compound starts with no `letter-` before it and ends with no `-letter` after it.
                var before = start
                while before > line.lowerBound, bytes[before - 1] == UInt8(ascii: "-") { before -= 1 }
                if before < start, isAlphabetic(before: before, from: line.lowerBound) { return false }
                var after = end
                while after < line.upperBound, bytes[after] == UInt8(ascii: "-") { after += 1 }
                if after > end, isAlphabetic(at: after, to: line.upperBound) { return false }
                return true
            }
            func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
                scalar.isASCII ? (scalar.value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic
            }
            /// Whether the scalar ending at `index` (after `from`, the line's start) is alphabetic.
            func isAlphabetic(before index: Int, from lineStart: Int) -> Bool {
                guard index > lineStart else { return false }
                var lead = index - 1
                while lead > lineStart, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                return isAlphabetic(Normaliser.scalar(at: lead, in: bytes).0)
            }
            /// Whether the scalar at `index` (before `to`, the line's end) is alphabetic.
            func isAlphabetic(at index: Int, to lineEnd: Int) -> Bool {
                index < lineEnd && isAlphabetic(Normaliser.scalar(at: index, in: bytes).0)
            }
            // `memchr` finds the places of the query's rarest letter, in either case.
            var rarest = 0
            for offset in query.indices where query[offset] != UInt8(ascii: "-") {
                if Self.rarity[Int(query[offset] - UInt8(ascii: "a"))] < Self.rarity[Int(query[rarest] - UInt8(ascii: "a"))] { rarest = offset }
            }
            for letter in [query[rarest], query[rarest] - 0x20] {
                var from = rarest
                while let found = Normaliser.firstIndex(of: letter, in: bytes, from: from, to: bytes.count) {
                    if standsAt(found - rarest) { return true }
                    from = found + 1
                }
            }
            return false
        }
    }

    /// The rank of each letter `a`…`z` from the rarest in English text (`z`, 0) to the commonest (`e`).
    private static let rarity: [UInt8] = {
        var rank = [UInt8](repeating: 0, count: 26)
        for (index, letter) in "zqjxkvbpgwyfmculdhrsnioate".utf8.enumerated() { rank[Int(letter - UInt8(ascii: "a"))] = UInt8(index) }
        return rank
    }()

    /// The range of the read line that holds byte `index`, if one does.
    private func line(containing index: Int) -> Range<Int>? {
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].range.upperBound <= index { low = middle + 1 } else { high = middle }
        }
        guard low < lines.count, lines[low].range.contains(index) else { return nil }
        return lines[low].range
    }
}

/// Every word of three letters or more in the text and every compound of
/// letters with inner hyphens (`state-owned`), lowercased: what a word broken
/// at a line end is checked against (see ``KnownWords``, which asks this index the questions
/// it cannot answer by a search of the text).
/// A word is a run of alphabetic Unicode scalars.
///
/// The words stay in place, as byte ranges of a copy of the text with its ASCII
/// letters lowercased, instead of going into a set of strings: a text asks about
/// a handful of words, and making and hashing a string for each of its thousands
/// of words cost more than the rest of the normalisation.
struct WordRuns {
    /// The lines, each followed by `\n`, with ASCII letters lowercased.
    private var bytes: [UInt8] = []
    /// Where the words and compounds are in ``bytes``, and whether they are ASCII.
    private var runs: [(range: Range<Int>, isASCII: Bool)] = []

    /// The words of `lines` of `text` (see ``Normaliser/readLines(_:)``).
    init(text: String, lines: [Normaliser.Line]) {
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.range.count + 1 })
        text.withUTF8Bytes { textBytes in
            for line in lines {
                if let plain = line.withPlainSpaces {
                    bytes.append(contentsOf: plain.utf8)
                } else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: textBytes[line.range]))
                }
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        bytes.withUnsafeMutableBufferPointer { bytes in
            for index in bytes.indices where bytes[index] &- 0x41 < 26 { bytes[index] |= 0x20 }
        }
        runs.reserveCapacity(bytes.count / 6)
        bytes.withUnsafeBufferPointer { findRuns(in: $0) }
    }

    /// Reads the words and compounds, which a set of strings used to hold: a word ends at
    /// any scalar that is not a letter, a compound at any that is neither a letter nor
    /// hyphens followed by a letter (so it loses trailing hyphens).
    private mutating func findRuns(in bytes: UnsafeBufferPointer<UInt8>) {
        // The compound being read (-1: none), its length in scalars, whether it is ASCII, whether it has a hyphen.
        var compoundStart = -1, compoundLength = 0, compoundIsASCII = true, compoundHasHyphen = false
        var index = 0
        while index < bytes.count {
            let start = index
            var length = 0, isASCII = true
            while index < bytes.count {
                let size = Self.letterSize(at: index, in: bytes)
                if size == 0 { break }
                index += size
                length += 1
                isASCII = isASCII && size == 1
            }
            guard length > 0 else {
                index += bytes[index] < 0x80 ? 1 : Normaliser.scalar(at: index, in: bytes).1
                continue
            }
            if length >= 3 { runs.append((start..<index, isASCII)) }
            if compoundStart < 0 { (compoundStart, compoundLength, compoundIsASCII, compoundHasHyphen) = (start, 0, true, false) }
            compoundLength += length
            compoundIsASCII = compoundIsASCII && isASCII
            var hyphens = 0
            while index + hyphens < bytes.count, bytes[index + hyphens] == UInt8(ascii: "-") { hyphens += 1 }
            if hyphens > 0, index + hyphens < bytes.count, Self.letterSize(at: index + hyphens, in: bytes) > 0 {
                compoundLength += hyphens
                compoundHasHyphen = true
            } else {
                if compoundHasHyphen && compoundLength >= 3 { runs.append((compoundStart..<index, compoundIsASCII)) }
                compoundStart = -1
            }
            index += hyphens
        }
    }

    /// The length in bytes of the letter (alphabetic scalar) at `index`, or 0.
    @inline(__always)
    private static func letterSize(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let byte = bytes[index]
        // ASCII letters are lowercase by now, and no other ASCII character is alphabetic.
        if byte < 0x80 { return byte &- 0x61 < 26 ? 1 : 0 }
        let (scalar, size) = Normaliser.scalar(at: index, in: bytes)
        return scalar.properties.isAlphabetic ? size : 0
    }

    /// Whether `word` (lowercased) is one of the text's words or compounds.
    func contains(_ word: String) -> Bool {
        let query = Array(word.utf8)
        let queryIsASCII = query.allSatisfy { $0 < 0x80 }
        for run in runs {
            if run.isASCII && queryIsASCII {
                // Two ASCII strings are equal when their bytes are.
                if run.range.count == query.count && bytes[run.range].elementsEqual(query) { return true }
            } else if String(decoding: bytes[run.range], as: UTF8.self).lowercased() == word {
                return true
            }
        }
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
    /// Whether the text is plain (see ``Normaliser/isPlain(_:)``): searched and split by its bytes.
    let plain: Bool
    var drafts: [Draft] = []
    var footnotes: [(number: Int, text: String, afterSection: Int)] = []
    var citations = 0
    var recitals = 0
    /// Recitals without letters (`- whereas …`, `1. whereas …`), labelled `recital-1`, `recital-2`, ….
    var unletteredRecitals = 0
    var paragraphs = 0

    /// The text's words, when a line ends in a hyphen (see ``KnownWords``).
    var knownWords = KnownWords()

    init(wrapsWithSpace: Bool, plain: Bool) {
        self.wrapsWithSpace = wrapsWithSpace
        self.plain = plain
    }

    func nextRecitalLabel() -> String { Self.recitalLabel(recitals) }

    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func recitalLabel(_ index: Int) -> String {
        if index < 26 { return String(letters[index]) }
        return String(letters[(index / 26 - 1) % 26]) + String(letters[index % 26])
    }

    /// Bullets that open a citation or an unlettered recital. Scalars, not characters: a
    /// character is a bullet when it is one of them alone (no other character is canonically
    /// equivalent to one), and a set of characters normalises them to hash them.
    static let bullets: Set<Unicode.Scalar> = ["-", "–", "—", "−", "‐", "‑", "•"]

    /// Whether a scalar is one of ``bullets``: a switch, which needs no set built on the first call.
    static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "–", "—", "−", "‐", "‑", "•": return true
        default: return false
        }
    }

    /// Whether the body after a number and its dot opens a recital numbered as a page renders it (`1. whereas`,
    /// `2. concerned at`, `3. having regard to`): `whereas`, or any lower-case word of two letters or more (a
    /// paragraph opens with a capitalised verb: `1. Calls on`). Asked only before the first paragraph.
    static func opensNumberedRecital(_ body: Substring) -> Bool {
        if startsWithWord(body, "whereas") { return true }
        guard let first = body.unicodeScalars.first, first.properties.isLowercase,
              let second = body.unicodeScalars.dropFirst().first else { return false }
        return second.properties.isAlphabetic
    }

    /// Whether `text` starts with `word` (lowercase ASCII) in any case, followed by no letter.
    static func startsWithWord(_ text: Substring, _ word: String) -> Bool {
        // Only `W` or `w` lowercases to `w` (likewise for every ASCII letter): a byte check turns most lines away.
        guard let first = text.utf8.first, first | 0x20 == word.utf8.first else { return false }
        let head = text.prefix(word.count)
        guard head.count == word.count, head.lowercased() == word else { return false }
        return text.dropFirst(word.count).first?.isLetter != true
    }

    /// Whether a line starts with a bullet: the byte check (`-` or the first byte of the other
    /// bullets, `E2`) spares most lines the set lookup.
    static func startsWithBullet(_ trimmed: String) -> Bool {
        guard let byte = trimmed.utf8.first, byte == UInt8(ascii: "-") || byte == 0xE2, let first = trimmed.first else { return false }
        return first.unicodeScalars.count == 1 && isBullet(first.unicodeScalars.first!)
    }

    /// The kind and label of a section that starts with this line, if one does.
    ///
    /// - Citation: a bullet (`–`, `—`, `-`, `•`) and a space, before any
    ///   recital or paragraph; or `having regard to` with no bullet (or glued
    ///   to one: `-having regard`) there.
    /// - Recital: the next letter and a dot (`A. `, `AA. `, also glued: `A.whereas`, `B.Disturbed by`,
    ///   `C.concerned at`), or the next letter glued to `whereas` (`Bwhereas`);
    ///   or, unlettered, a bullet before `whereas` or, before any paragraph, any number and a dot before
    ///   `whereas` or another lower-case word (`- whereas …`, `1. whereas …`, `2. concerned at …`), labelled
    ///   `recital-1`, `recital-2`, ….
    /// - Paragraph: the next number and a dot (`1. Calls on …`).
    /// - A bullet anywhere else is a point of the section it is in.
    func startKind(of trimmed: String) -> (ResolutionText.SectionKind, String, Int)? {
        // Most lines (a section's wrapped lines) start with four ASCII bytes, no dot among them,
        // and with no bullet and no `having`: none of the starts below. Read in the bytes first.
        let plainStart = trimmed.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= 4, bytes[0] != UInt8(ascii: "-"), bytes[0] != 0xE2, bytes[0] | 0x20 != UInt8(ascii: "h") else { return false }
            for index in 0..<4 where bytes[index] >= 0x80 || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "\r") { return false }
            return true
        }
        if plainStart == true {
            // The next recital's letter glued to `whereas` (`Bwhereas`): the one such start a plain line has.
            return gluedWhereas(trimmed)
        }
        let inCitations = recitals == 0 && unletteredRecitals == 0 && paragraphs == 0
        // The common starts, read in the bytes (the rules as below).
        switch trimmed.utf8.withContiguousStorageIfAvailable(Self.commonStart) ?? nil {
        case .bullet(let bodyOffset)?:
            let body = trimmed[trimmed.utf8.index(trimmed.startIndex, offsetBy: bodyOffset)...]
            if Self.startsWithWord(body, "whereas") { return (.recital, "recital-\(unletteredRecitals + 1)", 0) }
            return inCitations ? (.citation, "c\(citations + 1)", 0) : nil
        case .label(let length)?:
            let head = trimmed[..<trimmed.utf8.index(trimmed.startIndex, offsetBy: length)]
            if head == nextRecitalLabel() { return (.recital, String(head), 0) }
            guard head.utf8.allSatisfy({ $0 &- 0x30 < 10 }), let number = Int(head) else { return nil }
            let body = trimmed[trimmed.utf8.index(trimmed.startIndex, offsetBy: length + 2)...]
            if paragraphs == 0, Self.opensNumberedRecital(body) { return (.recital, "recital-\(unletteredRecitals + 1)", 0) }
            return number == paragraphs + 1 ? (.paragraph, String(head), 0) : nil
        case nil:
            break
        }
        if Self.startsWithBullet(trimmed) {
            let afterBullet = trimmed.dropFirst()
            let body = afterBullet.drop { $0 == " " || $0 == "\t" }
            let spaced = afterBullet.first == " " || afterBullet.first == "\t"
            if Self.startsWithWord(body, "whereas") { return (.recital, "recital-\(unletteredRecitals + 1)", 0) }
            if inCitations, spaced || Self.startsWithWord(body, "having") { return (.citation, "c\(citations + 1)", 0) }
            return nil
        }
        if inCitations, Self.startsWithWord(trimmed[...], "having") {
            let lower = trimmed.prefix(20).lowercased()
            if lower.hasPrefix("having regard") || lower.hasPrefix("having regards") { return (.citation, "c\(citations + 1)", 0) }
        }
        // A label is one to three characters and a dot. Four ASCII bytes without a dot (or `\r`) are
        // four characters without one (no other ASCII character joins the one before it): not a label.
        let start = trimmed.utf8.prefix(4)
        if start.count == 4, start.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "\r") }) {
            // `Hwhereas` (the letter H starts like `having`, so it was not read as a plain start above).
            return gluedWhereas(trimmed)
        }
        let head = trimmed.prefix(4).prefix { $0 != "." }
        guard (1...3).contains(head.count), trimmed.dropFirst(head.count).first == "." else { return nil }
        let afterDot = trimmed.dropFirst(head.count + 1)
        let body = afterDot.drop { $0 == " " || $0 == "\t" }
        let spaced = afterDot.first == " " || afterDot.first == "\t"
        // The next recital's letter glued to a capitalised word (`B.Disturbed by`, as a copied page may write it), not
        // to another initial (`A.B. Ruiz`).
        let gluedWord = !spaced && afterDot.first?.isUppercase == true && afterDot.dropFirst().first?.isLowercase == true
        // Or glued to a lower-case word (`B.concerned at`, `A.having regard to`, as an archive's copy writes older texts).
        let gluedLowercase = !spaced && afterDot.first?.isLowercase == true && afterDot.dropFirst().first?.isLetter == true
        if head == nextRecitalLabel(), spaced || gluedWord || gluedLowercase || Self.startsWithWord(body, "whereas") { return (.recital, String(head), 0) }
        // A paragraph's number glued to its verb (`1.Calls on`), as text copied from a PDF may write it:
        // only once recitals have begun, and before a capital letter (`1.5 million` is no label).
        let glued = !spaced && (recitals > 0 || unletteredRecitals > 0) && afterDot.first?.isUppercase == true
        guard spaced || glued, head.allSatisfy(\.isASCIIDigit), let number = Int(head) else { return nil }
        if paragraphs == 0, Self.opensNumberedRecital(body) { return (.recital, "recital-\(unletteredRecitals + 1)", 0) }
        if number == paragraphs + 1 { return (.paragraph, String(head), 0) }
        return nil
    }

    /// The next recital's letter glued to `whereas` with no dot between (`Bwhereas the …`, as a page whose
    /// label and text stood in two table cells may be copied). Read in the bytes first (a capital, then `w` or
    /// `W` after a label of one or two letters), so that most lines are turned away before the label is spelled out.
    func gluedWhereas(_ trimmed: String) -> (ResolutionText.SectionKind, String, Int)? {
        let bytes = trimmed.utf8
        guard let first = bytes.first, first &- UInt8(ascii: "A") < 26,
              bytes.dropFirst().prefix(2).contains(where: { $0 | 0x20 == UInt8(ascii: "w") }) else { return nil }
        let label = nextRecitalLabel()
        guard trimmed.hasPrefix(label), Self.startsWithWord(trimmed.dropFirst(label.count), "whereas") else { return nil }
        return (.recital, label, 0)
    }

    /// A start of a line that ``startKind(of:)`` reads in its bytes.
    enum CommonStart {
        /// `-` or `–`, one space, then the body at this byte offset.
        case bullet(bodyOffset: Int)
        /// One to three ASCII characters of this many bytes, a dot and one space, then the body.
        case label(length: Int)
    }

    /// A bullet (`-` or `–`) or a label of one to three ASCII characters and a dot, then one space
    /// and an ASCII character that is no space or tab. Up to that character each byte is a
    /// character (no ASCII character is joined to the one before it, `\r` aside, which no line holds
    /// before a dot here), so the rules of ``startKind(of:)`` read the bytes; other lines get nil.
    static func commonStart(_ bytes: UnsafeBufferPointer<UInt8>) -> CommonStart? {
        /// Whether one space and a visible character follow at `index`.
        func spacedBody(at index: Int) -> Bool {
            index + 1 < bytes.count && bytes[index] == UInt8(ascii: " ") && bytes[index + 1] < 0x80
                && bytes[index + 1] != UInt8(ascii: " ") && bytes[index + 1] != UInt8(ascii: "\t")
        }
        if bytes.first == UInt8(ascii: "-") { return spacedBody(at: 1) ? .bullet(bodyOffset: 2) : nil }
        if bytes.count >= 3, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] == 0x93 { return spacedBody(at: 3) ? .bullet(bodyOffset: 4) : nil }
        var length = 0
        while length < min(4, bytes.count), bytes[length] != UInt8(ascii: ".") {
            guard bytes[length] < 0x80, bytes[length] != UInt8(ascii: "\r") else { return nil }
            length += 1
        }
        guard (1...3).contains(length), length < bytes.count, spacedBody(at: length + 1) else { return nil }
        return .label(length: length)
    }

    /// Adds a line: `trimmed`, and whether it ended with a space before it was trimmed.
    mutating func add(trimmed: String, endsWithSpace: Bool) {
        if let (kind, label, _) = startKind(of: trimmed) {
            switch kind {
            case .citation: citations += 1
            case .recital: if label.hasPrefix("recital-") { unletteredRecitals += 1 } else { recitals += 1 }
            case .paragraph: paragraphs += 1
            case .footnote, .title: break
            }
            // Room for a section of a few lines, which grows in place as lines join it.
            var text = ""
            text.reserveCapacity(512)
            if kind == .recital, !label.hasPrefix("recital-"), trimmed.utf8.count > label.utf8.count,
               trimmed.utf8[trimmed.utf8.index(trimmed.utf8.startIndex, offsetBy: label.utf8.count)] | 0x20 == UInt8(ascii: "w") {
                // A letter glued to its `whereas` (`Hwhereas Ana Ruiz`) is written as a label (`H. whereas Ana Ruiz`),
                // so that no word of the recital reads as `Hwhereas`.
                text += label
                text += ". "
                text += trimmed.dropFirst(label.count)
            } else {
                text += trimmed
            }
            drafts.append(Draft(label: label, kind: kind, text: text))
            trailingSpace = endsWithSpace
            return
        }
        guard !drafts.isEmpty else { return }
        // The text is taken out of the drafts while it grows: joining it in place, through a
        // method of the builder, copied the array of drafts for every line.
        var text = ""
        swap(&text, &drafts[drafts.count - 1].text)
        join(into: &text, trimmed)
        drafts[drafts.count - 1].text = text
        trailingSpace = endsWithSpace
    }

    var trailingSpace = true

    /// Appends a continuation line in place: copying the section for every line made a long section quadratic.
    ///
    /// The last character is read only when it matters: it is `-` only when the last byte is,
    /// and a letter glued to a lowercase fragment only in texts that wrap with a space.
    func join(into text: inout String, _ piece: String) {
        if text.isEmpty { text = piece; return }
        if !trailingSpace, text.utf8.last == UInt8(ascii: "-"), text.last == "-",
           text[..<text.index(before: text.endIndex)].last?.isLetter == true {
            text = mendingHyphen(text, piece)
            return
        }
        if wrapsWithSpace, !trailingSpace, text.last?.isLetter == true, piece.first?.isLowercase == true { text += piece; return }
        text += " "
        text += piece
    }

    /// Joins a wrapped header line (trimmed, so no trailing space is known) to the text before it.
    func joinWrapped(_ text: String, _ piece: String) -> String {
        if text.last == "-", text[..<text.index(before: text.endIndex)].last?.isLetter == true { return mendingHyphen(text, piece) }
        return text + " " + piece
    }

    /// Heads that make compounds with a hyphen (`long-standing`, `socio-economic`): a line-end hyphen after them stays.
    static let compoundHeads: Set<String> = DocumentWords.compoundHeads

    /// `Free-` + `donia` → `Freedonia`, `long-` + `standing` → `long-standing`: the rule in ``Normaliser``.
    func mendingHyphen(_ text: String, _ piece: String) -> String {
        guard piece.first?.isLowercase == true else { return text + piece }
        // The letters before the hyphen.
        // (`dropLast()` would count the whole text.)
        let body = text[..<text.index(before: text.endIndex)]
        var headStart = body.endIndex
        while headStart > body.startIndex, body[body.index(before: headStart)].isLetter { headStart = body.index(before: headStart) }
        let head = String(body[headStart...]).lowercased()
        let tail = piece.prefix { $0.isLetter }.lowercased()
        let mended = String(body) + piece, kept = text + piece
        if knownWords.contains(head + tail) { return mended }
        if Self.compoundHeads.contains(head) || knownWords.contains(head + "-" + tail) { return kept }
        return wrapsWithSpace ? kept : mended
    }

    /// Whether footnote `number`'s marker appears in the text read so far.
    func hasMarker(_ number: Int, bracketed: Bool) -> Bool {
        drafts.indices.reversed().contains { Self.markerRange(number, bracketed: bracketed, in: drafts[$0].text, plain: plain) != nil }
    }

    mutating func addFootnote(number: Int, text: String, bracketed: Bool) {
        // Remove the marker from the nearest section before the footnote.
        for index in drafts.indices.reversed() {
            if let range = Self.markerRange(number, bracketed: bracketed, in: drafts[index].text, plain: plain) {
                drafts[index].text.removeSubrange(range)
                break
            }
        }
        footnotes.append((number, text, drafts.count - 1))
    }

    static func markerRange(_ number: Int, bracketed: Bool, in text: String, plain: Bool) -> Range<String.Index>? {
        bracketed ? bracketedMarkerRange(number, in: text, plain: plain) : markerRange(number, in: text, plain: plain)
    }

    /// The last ` (N)` after a word or a comma: the Official Journal's footnote call.
    static func bracketedMarkerRange(_ number: Int, in text: String, plain: Bool) -> Range<String.Index>? {
        guard let range = Normaliser.lastRange(of: " (\(number))", in: text, before: text.endIndex, plain: plain), range.lowerBound > text.startIndex else { return nil }
        let before = text[text.index(before: range.lowerBound)]
        return before.isLetter || before.isNumber || before == ")" || before == "," || before == "’" ? range : nil
    }

    /// The last place `number` is glued to a word (`Freedonia1`) or a year (`20132`).
    static func markerRange(_ number: Int, in text: String, plain: Bool) -> Range<String.Index>? {
        if plain {
            guard let offsets = plainMarkerOffsets(number, in: text) else { return nil }
            let lower = text.utf8.index(text.startIndex, offsetBy: offsets.lowerBound)
            return lower..<text.utf8.index(lower, offsetBy: offsets.count)
        }
        let digits = String(number)
        var searchEnd = text.endIndex
        while let range = Normaliser.lastRange(of: digits, in: text, before: searchEnd, plain: plain) {
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

    /// ``markerRange(_:in:plain:)`` in the bytes of a plain text (see ``Normaliser/isPlain(_:)``), as
    /// byte offsets: there each character is its scalar, so the characters next to the number are
    /// the scalars next to its bytes (an ASCII scalar is a letter when it is `A`–`Z` or `a`–`z`, and
    /// a number when it is a digit; any other is asked as a character).
    static func plainMarkerOffsets(_ number: Int, in text: String) -> Range<Int>? {
        var digits = String(number)
        var text = text
        return digits.withUTF8 { digits in
            text.withUTF8 { bytes -> Range<Int>? in
                func isLetter(_ scalar: Unicode.Scalar) -> Bool {
                    scalar.isASCII ? (scalar.value | 0x20) &- 0x61 < 26 : Character(scalar).isLetter
                }
                func isNumber(_ scalar: Unicode.Scalar) -> Bool {
                    scalar.isASCII ? scalar.value &- 0x30 < 10 : Character(scalar).isNumber
                }
                /// The scalar ending at byte `index` and where it starts.
                func scalar(before index: Int) -> (Unicode.Scalar, Int) {
                    var lead = index - 1
                    while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                    return (Normaliser.scalar(at: lead, in: bytes).0, lead)
                }
                var next = bytes.count - digits.count
                while next >= 0 {
                    let start = next
                    guard bytes[start] == digits[0], UnsafeBufferPointer(rebasing: bytes[start..<(start + digits.count)]).elementsEqual(digits) else {
                        next -= 1
                        continue
                    }
                    // The next search ends where this place starts (as ``Normaliser/lastRange(of:in:before:plain:)`` is asked).
                    next = start - digits.count
                    let end = start + digits.count
                    if end < bytes.count {
                        let after = Normaliser.scalar(at: end, in: bytes).0
                        if isNumber(after) || isLetter(after) { continue }
                    }
                    guard start > 0 else { continue }
                    let before = scalar(before: start).0
                    if isLetter(before) || before == ")" || before == "’" { return start..<end }
                    // A year with the marker glued on: `2013` + `2`.
                    var yearStart = start
                    var count = 0
                    while yearStart > 0, count < 5 {
                        let (previous, previousStart) = scalar(before: yearStart)
                        guard isNumber(previous) else { break }
                        yearStart = previousStart
                        count += 1
                    }
                    // `Int` reads ASCII digits only: four number scalars make a year when they are four bytes.
                    guard count == 4, start - yearStart == 4 else { continue }
                    var year = 0
                    for index in yearStart..<start { year = year * 10 + Int(bytes[index] &- 0x30) }
                    if (1900...2099).contains(year), yearStart == 0 || !isNumber(scalar(before: yearStart).0) { return start..<end }
                }
                return nil
            }
        }
    }

    func build(header: DocumentHeader) -> ResolutionText {
        let title = header.title
        var text = title
        var sections: [ResolutionText.Section] = []
        if !title.isEmpty { sections.append(.init(label: "title", kind: .title, start: 0, end: title.unicodeScalars.count)) }
        if let procedure = header.procedure { text += "\n(\(procedure))" }
        text += "\n\n"
        // Room for every section and the blank line after it (spaces dropped make it less), so that
        // the text does not grow and copy itself section by section.
        var room = text.utf8.count
        for draft in drafts { room += draft.text.utf8.count + 2 }
        for note in footnotes { room += note.text.utf8.count + 8 }
        text.reserveCapacity(room)
        var scalarCount = text.unicodeScalars.count
        var cites: [ResolutionText.Citation] = []
        func append(_ body: String, label: String, kind: ResolutionText.SectionKind) {
            let (clean, length) = Self.collapsingSpaces(body, plain: plain)
            sections.append(.init(label: label, kind: kind, start: scalarCount, end: scalarCount + length))
            text += clean
            text += "\n\n"
            scalarCount += length + 2
            if kind == .citation { cites += Self.citedResolutions(in: clean, plain: plain) }
        }
        for draft in drafts { append(draft.text, label: draft.label, kind: draft.kind) }
        for note in footnotes { append("\(note.number) \(note.text)", label: "fn\(note.number)", kind: .footnote) }
        let scalars = Normaliser.scalars(of: text)
        var result = ResolutionText(text: text, scalars: scalars, title: title, procedure: header.procedure, adopted: header.adopted,
                                    sections: sections, cites: [], country: Self.country(inTitle: title))
        result.kind = header.kind
        result.reference = header.reference
        result.tabled = header.tabled
        result.cites = cites
        return result
    }

    /// The text's words (split at spaces) joined with one space, and its length in
    /// scalars; in a plain text (see ``Normaliser/isPlain(_:)``) from its bytes, and
    /// as it is when it has no spaces to drop, as most sections do.
    static func collapsingSpaces(_ text: String, plain: Bool) -> (String, Int) {
        guard plain else {
            let clean = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            return (clean, clean.unicodeScalars.count)
        }
        let space = UInt8(ascii: " ")
        let (length, clean) = text.withUTF8Bytes { bytes -> (Int, [UInt8]?) in
            // One pass counts the scalars (the bytes that do not continue one) and looks for spaces to
            // drop, eight bytes at a time where they are ASCII (eight scalars), as most are.
            var length = 0
            var previous = space  // a leading space goes too
            var spacesToDrop = false
            var index = 0
            while index < bytes.count && !spacesToDrop {
                if index + 8 <= bytes.count, let base = bytes.baseAddress {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    if word & 0x8080_8080_8080_8080 == 0 {
                        // Byte `i` of the word is the `i`th byte of the text: a space after a space
                        // is a space byte `i + 1` on a space byte `i`, or a first byte on the one before.
                        let spaces = Self.spaceBytes(word)
                        if spaces & (spaces << 8) != 0 || (previous == space && spaces & 0x80 != 0) { spacesToDrop = true }
                        length += 8
                        previous = UInt8(truncatingIfNeeded: word >> 56)
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { length += 1 }
                if byte == space && previous == space { spacesToDrop = true }
                previous = byte
                index += 1
            }
            if !spacesToDrop && previous != space { return (length, nil) }
            var clean: [UInt8] = []
            clean.reserveCapacity(bytes.count)
            var spaceDue = false
            for byte in bytes {
                if byte == space {
                    spaceDue = !clean.isEmpty
                } else {
                    if spaceDue { clean.append(space) }
                    spaceDue = false
                    clean.append(byte)
                }
            }
            return (0, clean)
        }
        guard let clean else { return (text, length) }
        return (String(decoding: clean, as: UTF8.self), clean.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) })
    }

    /// The space bytes of eight ASCII bytes, as the high bit of each: a byte is a space when it
    /// equals `0x20`, that is when its `xor` with `0x20` is zero; the low seven bits of a byte plus
    /// `0x7F` reach the high bit exactly when they are not all zero, without carrying into the next byte.
    static func spaceBytes(_ word: UInt64) -> UInt64 {
        let difference = word ^ 0x2020_2020_2020_2020
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((difference & low) &+ low) | difference) & 0x8080_8080_8080_8080
    }

    /// Words for the form of a state, written before its name: `Republic of Freedonia` (`Words/document-words.txt`).
    static let stateForms: Set<String> = DocumentWords.stateForms

    /// "…situation in Freedonia" → Freedonia.
    /// The first capitalised name after ` on ` or ` in ` in the title, up to a
    /// comma or a lowercase word: `… of 4 May 2023 on Freedonia, notably the case
    /// of Ana Ruiz` → `Freedonia`; `… on the situation in Freedonia` → `Freedonia`.
    /// `… in the Republic of Freedonia` → `Freedonia`.
    static func country(inTitle title: String) -> String? {
        /// The capitalised words opening `words` after an optional `the`, up to one ending in
        /// punctuation (trimmed of it), and the words after them.
        func capitalisedRun(_ words: ArraySlice<String>) -> (name: [String], rest: ArraySlice<String>) {
            var rest = words.drop { DocumentWords.titleDeterminers.contains($0) }
            var name: [String] = []
            while let next = rest.first, next.first?.isUppercase == true {
                let clean = Self.trimmingPunctuation(next)
                name.append(clean)
                rest = rest.dropFirst()
                if clean != next { break }
            }
            return (name, rest)
        }
        let words = title.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() where DocumentWords.countryLeads.contains(word) && index + 1 < words.count {
            let (name, rest) = capitalisedRun(words[(index + 1)...])
            // `in the Republic of Freedonia`, `in the United Kingdom of Ruritania`: the state's
            // form is not its name; the name follows `of` (and an optional `the`).
            if let last = name.last, Self.stateForms.contains(last), let tie = rest.first, DocumentWords.stateFormTies.contains(tie) {
                let short = capitalisedRun(rest.dropFirst()).name
                if !short.isEmpty { return short.joined(separator: " ") }
            }
            if !name.isEmpty, rest.first.map({ $0.first?.isUppercase != true }) ?? true,
               !DocumentWords.notCountries.contains(name[0]) {
                return name.joined(separator: " ")
            }
        }
        return nil
    }

    /// A word without the commas, semicolons, colons and full stops at its ends: what
    /// Foundation's `trimmingCharacters(in: [",", ";", ":", "."])` gives, trimming scalars,
    /// without building a character set.
    static func trimmingPunctuation(_ word: String) -> String {
        let scalars = word.unicodeScalars
        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { scalar == "," || scalar == ";" || scalar == ":" || scalar == "." }
        guard let start = scalars.firstIndex(where: { !isPunctuation($0) }),
              let last = scalars.lastIndex(where: { !isPunctuation($0) }) else { return "" }
        return String(scalars[start...last])
    }

    /// "European Parliament resolution of 20 January 2022 on …" → 2022-01-20.
    static func adoptionDate(inTitle title: String) -> PartialDate? {
        guard let range = Normaliser.firstRange(of: "resolution of ", in: title[...], plain: Normaliser.isPlain(title)) else { return nil }
        let words = title[range.upperBound...].split(separator: " ").prefix(3).joined(separator: " ")
        return PartialDate(english: words)
    }

    /// The first three words joined with spaces (what `joined(separator:)` gives, without its generic first call).
    static func joinedDate(_ words: [Substring]) -> String {
        var date = String(words[0])
        date.append(" ")
        date.append(contentsOf: words[1])
        date.append(" ")
        date.append(contentsOf: words[2])
        return date
    }

    /// "its resolution of 11 February 2021 on the human rights situation in Freedonia" → that date and subject.
    static func citedResolutions(in text: String, plain: Bool) -> [ResolutionText.Citation] {
        var found: [ResolutionText.Citation] = []
        var rest = text[...]
        while let range = Normaliser.firstRange(of: "resolution of ", in: rest, plain: plain) {
            let tail = rest[range.upperBound...]
            let words = tail.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            if words.count >= 4, let date = PartialDate(english: Self.joinedDate(words)),
               DocumentWords.citedSubjectLeads.contains(String(words[3])) {
                let subjectStart = Normaliser.firstRange(of: " on ", in: tail, plain: plain)?.upperBound ?? tail.endIndex
                let clause = tail[subjectStart...].prefix { $0 != "," && $0 != ";" }
                let subject: Substring
                if plain {
                    // What `components(separatedBy: " and its ").first` gives, found in the bytes.
                    subject = Normaliser.firstRange(of: " and its ", in: clause, plain: true).map { clause[..<$0.lowerBound] } ?? clause
                } else {
                    subject = Substring(clause.components(separatedBy: " and its ").first ?? "")
                }
                found.append(.init(date: date, subject: subject.trimmingWhitespace()))
            }
            rest = tail
        }
        return found
    }
}
