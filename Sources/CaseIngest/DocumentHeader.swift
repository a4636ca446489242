/// What kind of text the Parliament published: the resolution as adopted, or
/// a motion for it tabled by one group or jointly by several.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case adoptedText = "adopted text"
    case motion
    case jointMotion = "joint motion"
}

/// The lines above a resolution's first citation, read for what they say
/// about the document; none of them becomes text of a section.
///
/// Rules:
/// - Kind: a heading line that starts `JOINT MOTION FOR A RESOLUTION` is a
///   joint motion; one that starts `MOTION FOR A RESOLUTION` (any case) or
///   `Motion for a European … resolution` is a motion; otherwise a `Texts
///   adopted` line, a `P9_TA(2023)0123` or `P10_TA-2024-0012` number, or a
///   title `… resolution of 15 March 2023 on …` make it an adopted text.
/// - Number: the first `RC-B9-0123/2023` (joint motion), `B9-0123/2023`
///   (motion; a line holding only `9-0123/2023` lost its `B`) or `P9_TA…`
///   (adopted text); lines starting `See also` name other documents and
///   are skipped, and so are the motions a joint motion replaces.
/// - Title: the line starting `European Parliament resolution` (or
///   `Motion for a European … resolution`) with the lines wrapped after it,
///   up to a blank line or a line in brackets, without the procedure.
/// - Tabled: a motion's line starting with a date `2.10.2023`.
/// - Adopted: the title's own date, else a page header line
///   `Thursday, 19 September 2024 - Strasbourg` of an adopted text.
/// - Everything else (page navigation, `pursuant to Rule …`, the tabling
///   members and `on behalf of the … Group`) is read by no one.
///
/// Example: `MOTION FOR A RESOLUTION` / `2.10.2030` / `Ana Lopez, Jan Novak` /
/// `on behalf of the Example Group` / `B9‑0999/2030` / `European Parliament
/// resolution on Freedonia` gives a motion, B9-0999/2030, tabled 2030-10-02,
/// titled `European Parliament resolution on Freedonia`.
struct DocumentHeader {
    var title = ""
    var procedure: String?
    var kind: DocumentKind?
    var reference: String?
    var tabled: PartialDate?
    var adopted: PartialDate?

    /// - Parameter lines: the header's lines, trimmed, with `""` for a blank line.
    /// - Parameter join: joins a wrapped line to the text before it.
    init(lines: [String], join: (String, String) -> String) {
        procedure = lines.lazy.compactMap(Normaliser.procedureReference(in:)).first
        kind = Self.kind(of: lines)
        title = Self.title(in: lines, procedure: procedure, join: join)
        adopted = SectionBuilder.adoptionDate(inTitle: title)
        switch kind {
        case .motion?, .jointMotion?:
            tabled = lines.lazy.compactMap(Self.leadingNumericDate).first
        case .adoptedText?:
            if adopted == nil { adopted = lines.lazy.compactMap(Self.pageHeaderDate).first }
        case nil:
            break
        }
        reference = Self.reference(in: lines, kind: kind)
    }

    static func kind(of lines: [String]) -> DocumentKind? {
        let upper = lines.map { $0.uppercased() }
        if upper.contains(where: { $0.hasPrefix("JOINT MOTION FOR A RESOLUTION") }) { return .jointMotion }
        if upper.contains(where: { $0.hasPrefix("MOTION FOR A RESOLUTION") || ($0.hasPrefix("MOTION FOR A EUROPEAN") && $0.contains("RESOLUTION")) }) {
            return .motion
        }
        if upper.contains(where: { $0.hasPrefix("TEXTS ADOPTED") }) || lines.contains(where: { adoptedNumber(in: $0) != nil })
            || lines.contains(where: { $0.lowercased().hasPrefix("european parliament resolution of ") }) {
            return .adoptedText
        }
        return nil
    }

    /// Whether a line is only a document number (`P9_TA(2024)0036`, `B9-0412/2023`): a running page header in the body.
    static func isReferenceLine(_ trimmed: String) -> Bool {
        // Every number has a `/` or a `_TA`: a byte check spares nearly every line the closer look.
        // (`memchr` reads many bytes an instruction.)
        let mayBeNumber = trimmed.withUTF8Bytes { bytes in
            if Normaliser.contains(UInt8(ascii: "/"), in: bytes) { return true }
            var from = 0
            while let index = Normaliser.firstIndex(of: UInt8(ascii: "_"), in: bytes, from: from, to: bytes.count) {
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "T"), bytes[index + 2] == UInt8(ascii: "A") { return true }
                from = index + 1
            }
            return false
        }
        guard mayBeNumber else { return false }
        guard trimmed.count <= 24, !trimmed.contains(" ") else { return false }
        return adoptedNumber(in: trimmed) != nil || motionNumber(in: trimmed) != nil
    }

    static func reference(in lines: [String], kind: DocumentKind?) -> String? {
        // After `replacing the following motions:` come the group motions a joint motion replaces.
        var candidates: [String] = []
        var replacing = false
        for line in lines {
            let lower = line.lowercased()
            if lower.hasPrefix("replacing the following") { replacing = true; continue }
            if replacing, motionNumber(in: line) != nil, line.split(separator: " ").count <= 3 { continue }
            replacing = false
            if lower.hasPrefix("see also") { continue }
            candidates.append(line)
        }
        switch kind {
        case .adoptedText?:
            return candidates.lazy.compactMap(adoptedNumber(in:)).first
        case .jointMotion?:
            return candidates.lazy.compactMap(motionNumber(in:)).first { $0.hasPrefix("RC-") }
        case .motion?:
            if let found = candidates.lazy.compactMap(motionNumber(in:)).first(where: { !$0.hasPrefix("RC-") }) { return found }
            return candidates.lazy.compactMap(letterlessMotionNumber).first
        case nil:
            return candidates.lazy.compactMap { adoptedNumber(in: $0) ?? motionNumber(in: $0) }.first
        }
    }

    /// Words of a line with every kind of hyphen made `-` and brackets and commas at the ends removed.
    static func words(_ line: String) -> [String] {
        // A switch, not a set of characters: building the set cost more than the rest on the first call.
        func isHyphen(_ character: Character) -> Bool {
            switch character {
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}": return true
            default: return false
            }
        }
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word in
            String(word.map { isHyphen($0) ? "-" : $0 }).stripping(",;:")
        }
    }

    /// `B9-0412/2023` or `RC-B10-0401/2025` in a line.
    static func motionNumber(in line: String) -> String? {
        // Every motion number has a `/` (no other character equals one): most lines go at once.
        guard line.utf8.contains(UInt8(ascii: "/")) else { return nil }
        for word in words(line) {
            let plain = word.stripping("()")
            var rest = Substring(plain)
            if rest.hasPrefix("RC-") { rest = rest.dropFirst(3) }
            guard rest.first == "B", isSeriesNumber(rest.dropFirst()) else { continue }
            return plain
        }
        return nil
    }

    /// `9-0123/2023` alone on a line: a motion number that lost its `B`.
    static func letterlessMotionNumber(_ line: String) -> String? {
        let all = words(line)
        guard all.count == 1, isSeriesNumber(Substring(all[0])) else { return nil }
        return "B" + all[0]
    }

    /// `9-0412/2023`: term, number, year.
    static func isSeriesNumber(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit) else { return false }
        let numberYear = parts[1].split(separator: "/", omittingEmptySubsequences: false)
        return numberYear.count == 2 && numberYear[0].count == 4 && numberYear[1].count == 4
            && numberYear.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }

    /// `P9_TA(2023)0123`, `P9_TA-PROV(2023)0123` or `P10_TA-2024-0012` in a line.
    static func adoptedNumber(in line: String) -> String? {
        // Every adopted number has the bytes `_TA` (no other characters equal them): most lines go at once.
        guard Self.hasBytes(line, "_TA") else { return nil }
        for word in words(line) {
            guard word.hasPrefix("P"), let marker = word.range(of: "_TA") else { continue }
            let term = word[word.index(after: word.startIndex)..<marker.lowerBound]
            guard (1...2).contains(term.count), term.allSatisfy(\.isASCIIDigit) else { continue }
            let rest = word[marker.upperBound...]
            guard rest.filter(\.isASCIIDigit).count >= 8 else { continue }
            return String(word)
        }
        return nil
    }

    /// `2.10.2023` starting a line (`15.12.2020 - (2020/2912(RSP))`).
    static func leadingNumericDate(_ line: String) -> PartialDate? {
        let head = line.prefix { $0.isASCIIDigit || $0 == "." }
        let parts = head.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (1...2).contains(parts[0].count), (1...2).contains(parts[1].count) else { return nil }
        return try? PartialDate(year: year, month: month, day: day)
    }

    /// `Thursday, 19 September 2024 - Strasbourg`: the sitting a texts-adopted page belongs to.
    static func pageHeaderDate(_ line: String) -> PartialDate? {
        guard let comma = line.firstIndex(of: ","), DocumentWords.weekdays.contains(line[..<comma].lowercased()) else { return nil }
        let date = line[line.index(after: comma)...].split(separator: " ").prefix(3).joined(separator: " ")
        return PartialDate(english: date)
    }

    static func isTitleStart(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("european parliament resolution") || (lower.hasPrefix("motion for a european") && DocumentWords.namesResolution(lower))
    }

    static func title(in lines: [String], procedure: String?, join: (String, String) -> String) -> String {
        var title = ""
        // An archived older text may open `Resolution on …` with no `European Parliament` before it.
        if let start = lines.firstIndex(where: isTitleStart) ?? lines.firstIndex(where: { $0.lowercased().hasPrefix("resolution on ") }) {
            title = lines[start]
            for line in lines[(start + 1)...].prefix(5) {
                if line.isEmpty || line.hasPrefix("(") || line.lowercased().hasPrefix("the european parliament") { break }
                title = join(title, line)
            }
        } else if let heading = lines.first(where: { $0.uppercased().hasPrefix("MOTION FOR A RESOLUTION") }),
                  heading.count > "MOTION FOR A RESOLUTION".count + 3 {
            title = String(heading.dropFirst("MOTION FOR A RESOLUTION".count))
        } else {
            // No title line: the first few lines that are not document numbers.
            let shown = lines.filter { !$0.isEmpty && !isReferenceLine($0) && !Normaliser.isProcedureLine($0) }.prefix(4)
            title = shown.joined(separator: " ")
        }
        if let procedure {
            title = removingOccurrences(of: "(\(procedure))", in: title)
            title = removingOccurrences(of: procedure, in: title)
        }
        return title.split(separator: " ").joined(separator: " ")
    }
}

extension DocumentHeader {
    /// Whether `text`'s UTF-8 holds the bytes of `needle`.
    static func hasBytes(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            needle.withUTF8Buffer { pattern in
                guard let first = pattern.first, bytes.count >= pattern.count else { return false }
                for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
                    if UnsafeBufferPointer(rebasing: bytes[start..<(start + pattern.count)]).elementsEqual(pattern) { return true }
                }
                return false
            }
        }
    }

    /// `text.replacingOccurrences(of: needle, with: "")`: in the bytes when both are plain (see
    /// ``Normaliser/isPlain(_:)``), where characters match as their bytes do; through Foundation otherwise.
    static func removingOccurrences(of needle: String, in text: String) -> String {
        guard !needle.isEmpty, Normaliser.isPlain(text), Normaliser.isPlain(needle) else {
            return text.replacingOccurrences(of: needle, with: "")
        }
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                index += pattern.count
            } else {
                kept.append(bytes[index])
                index += 1
            }
        }
        return kept.count == bytes.count ? text : String(decoding: kept, as: UTF8.self)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func stripping(_ set: String) -> String {
        // The set is a few characters: looked through, not hashed (building a set cost more than the rest).
        let characters = Array(set)
        let start = firstIndex { !characters.contains($0) } ?? endIndex
        let end = lastIndex { !characters.contains($0) }.map(index(after:)) ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
