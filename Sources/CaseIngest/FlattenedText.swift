/// A resolution whose line breaks were lost: text copied out of a PDF viewer, or a page flattened
/// into one line by a mirror, reads as a single long line ("… (2030/2001(RSP)) The European
/// Parliament, – having regard to its resolution of 3 May 2029, – having regard to … A. whereas Ana
/// Ruiz was arrested on 2 March 2030; B. whereas … 1. Calls for …"). The normaliser reads sections
/// line by line, so such a text has no sections and would be refused.
///
/// A long line holding two or more section starts is broken before each of them:
/// - a bullet (`-`, `–`, `—`, `•`) and a space before a ``DocumentWords/citationLeads`` or
///   ``DocumentWords/recitalLeads`` word (`– having regard to`, `– whereas`); before any recital, also
///   a bullet glued to a citation lead (`–having`) or a citation lead right after a comma or semicolon
///   (`…, having regard to …`, also glued to it: `…,having regard to …`), behind a `?` standing for a
///   lost bullet (`…,?having regard to …`: the `?` goes), or `having regard` glued to the last word of a
///   citation that had no comma (`…rule of lawhaving regard to …`);
/// - the next recital label in order (`A.`, `B.`, … `Z.`, `AA.`) before a recital lead (`B. whereas`,
///   also `B.whereas`, `B.\u{A0}whereas` and `Bwhereas`), or, after its dot, before any other word of two
///   letters or more where a clause ends (after `,`, `;`, `:`, `.` or a bullet: `…, B. noting that`,
///   `The European Parliament, A.Worried by`), never before an initial (`Ana B. Ruiz`, `B. J. Ruiz`);
/// - before any paragraph, a recital number (one to three digits, in any order: pages number each `1.`)
///   before a recital lead (`1. whereas`, `2.whereas`);
/// - once a recital was found, the next paragraph number in order before a capital (`1. Calls`, `2. Urges`,
///   also glued: `3.Condemns`).
/// Labels are taken only in their order, so a date (`11.9.2030`), a number in a sentence or a cited
/// "Article 5." does not break a line. A line with fewer than two starts is left as it is: an
/// ordinary long paragraph holds at most its own start, at its beginning.
///
/// A page that ran the recitals together without labels or bullets ("whereas Ana Ruiz was killed on
/// 2 May whereas on 4 May Piet Vos was arrested.whereas …") is read recital by recital
/// (``runTogetherRecitals(_:)``): a long line that opens with a recital lead and holds two more at
/// sentence joins (after a word or a full stop, not after a comma, a semicolon or `and`) is broken
/// before each, and each piece is written as an unlettered recital (`- whereas …`). A `whereas`
/// inside a sentence of a well-formed text (`…, whereas the law`, `and whereas`) breaks nothing,
/// and a line that does not open with the lead is never read so.
enum FlattenedText {
    /// Lines shorter than this (in UTF-8 bytes) are never broken: a flattened resolution is long.
    static let minimumLength = 600

    /// The text with its flattened lines broken before each section start; nil when no line is flattened.
    static func unflattened(_ source: String) -> String? {
        guard source.utf8.count >= minimumLength else { return nil }
        var lines: [Substring] = []
        var changed = false
        for line in Self.lines(of: source) {
            if line.utf8.count >= minimumLength, let pieces = pieces(of: line) ?? runTogetherRecitals(line) {
                lines += pieces
                changed = true
            } else {
                lines.append(line)
            }
        }
        return changed ? lines.joined(separator: "\n") : nil
    }

    /// The text's lines as a split by character at `\n` gives them (`\r\n` is one character, so no line ends
    /// after `\r`), found in its bytes.
    static func lines(of source: String) -> [Substring] {
        let utf8 = source.utf8
        guard let ends = utf8.withContiguousStorageIfAvailable({ bytes -> [Int] in
            var ends: [Int] = []
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") && (offset == 0 || bytes[offset - 1] != UInt8(ascii: "\r")) {
                ends.append(offset)
            }
            return ends
        }) else { return source.split(separator: "\n", omittingEmptySubsequences: false) }
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex, startOffset = 0
        for end in ends {
            let stop = utf8.index(start, offsetBy: end - startOffset)
            lines.append(Substring(utf8[start..<stop]))
            start = utf8.index(after: stop)
            startOffset = end + 1
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }

    /// The line broken before each section start, if it holds two or more.
    static func pieces(of line: Substring) -> [Substring]? {
        let scalars = Array(line.unicodeScalars)
        var cuts: [Int] = []
        var nextRecital = 1, nextParagraph = 1, recitalSeen = false
        var index = 1
        while index < scalars.count {
            defer { index += 1 }
            let previous = scalars[index - 1]
            if previous != " " && previous != "\t" && previous != "\u{A0}" {
                // Before any recital, a citation glued to the comma or semicolon that ends the one before
                // (`…on Freedonia,having regard to`), or behind a `?` that stands for a lost bullet
                // (`…on Freedonia,?having regard to`), as a document export copied by a mirror writes them.
                if !recitalSeen, previous == "," || previous == ";" || (previous == "?" && index >= 2 && !scalars[index - 2].properties.isAlphabetic),
                   scalars[index].properties.isLowercase, DocumentWords.citationLeads.contains(word(scalars, from: index)) {
                    cuts.append(previous == "?" ? index - 1 : index)
                } else if !recitalSeen, DocumentWords.mayStartCitationLead(scalars[index]), scalars[index].properties.isLowercase, previous.properties.isAlphabetic || previous == ")" || previous == ".",
                          Self.opensGluedCitation(scalars, at: index) {
                    // A citation glued to the last word of the one before, which had no comma (`…rule of lawhaving regard to`).
                    cuts.append(index)
                }
                continue
            }
            if isBullet(scalars[index]), index + 1 < scalars.count, scalars[index + 1] == " " || scalars[index + 1] == "\u{A0}" {
                // Past the spaces after the bullet (`–   having regard`, as a page's indent is copied).
                var body = index + 1
                while body < scalars.count, body < index + 8, scalars[body] == " " || scalars[body] == "\u{A0}" || scalars[body] == "\t" { body += 1 }
                let word = self.word(scalars, from: body)
                if DocumentWords.citationLeads.contains(word) {
                    cuts.append(index)
                } else if DocumentWords.recitalLeads.contains(word) {
                    cuts.append(index)
                    recitalSeen = true
                }
                continue
            }
            // Before any recital, a citation whose bullet is glued to it (`–having regard to`), or that has no
            // bullet at all and follows the one before after a comma or semicolon (`The European Parliament,
            // having regard to A, having regard to B, A. whereas …`), as a PDF's text layer may write them.
            if !recitalSeen, isBullet(scalars[index]) || Self.followsClause(scalars, index),
               case let lead = isBullet(scalars[index]) ? index + 1 : index, lead < scalars.count, DocumentWords.mayStartCitationLead(scalars[lead]),
               DocumentWords.citationLeads.contains(word(scalars, from: lead)) {
                cuts.append(index)
                continue
            }
            // `B. whereas`, `B.whereas`, or the letter glued to the lead with no dot (`Bwhereas`). Recitals that open
            // with another word (`B. noting that`, `C.concerned at`, `A.Worried by`, as older texts write them) are
            // taken where a clause ends (after a comma, semicolon, colon, full stop or bullet): the next letter in
            // order, its dot, and a word.
            // Every label starts with a capital A to Z: the label is spelled out only there.
            if scalars[index].value &- 65 < 26, case let label = recitalLabel(nextRecital), matches(scalars, at: index, label) {
                let dotted = afterDot(scalars, index + label.count, glued: true)
                let body = dotted ?? index + label.count
                let lead = word(scalars, from: body)
                var before = index - 1
                while before > 0, scalars[before] == " " || scalars[before] == "\t" || scalars[before] == "\u{A0}" { before -= 1 }
                let mark = scalars[before]
                let afterClause = mark == "," || mark == ";" || mark == ":" || mark == "." || isBullet(mark)
                // A word of two letters or more, lower-case or capitalised (`B.Worried by`), never an initial (`B. J. Ruiz`).
                let isWord = lead.unicodeScalars.count >= 2 && (scalars[body].properties.isLowercase
                    || (scalars[body].properties.isUppercase && scalars[body + 1].properties.isLowercase))
                if DocumentWords.recitalLeads.contains(lead) || (dotted != nil && afterClause && isWord) {
                    cuts.append(index)
                    nextRecital += 1
                    recitalSeen = true
                    continue
                }
            }
            // Recitals numbered as a page renders them (`1. whereas`, `2. whereas`, or each `1.`), before any paragraph:
            // a number of one to three digits, its dot and a recital lead.
            if nextParagraph == 1, scalars[index].value &- 48 < 10, scalars[index].properties.numericType != nil {
                var end = index
                while end < scalars.count, end < index + 4, scalars[end].isASCII, scalars[end].properties.numericType != nil { end += 1 }
                if end < index + 4, let body = afterDot(scalars, end, glued: true), DocumentWords.recitalLeads.contains(word(scalars, from: body)) {
                    cuts.append(index)
                    recitalSeen = true
                    continue
                }
            }
            // The next paragraph, its number and dot before a capital (`1. Calls`, or glued: `1.Calls`).
            if recitalSeen, scalars[index].value &- 48 < 10, matches(scalars, at: index, String(nextParagraph)),
               let body = afterDot(scalars, index + String(nextParagraph).count, glued: true),
               body < scalars.count, scalars[body].properties.isUppercase {
                cuts.append(index)
                nextParagraph += 1
            }
        }
        guard cuts.count >= 2 else { return nil }
        // The header before the first section: its title line (`European Parliament resolution on …`)
        // and the `The European Parliament,` line that closes it stand on lines of their own.
        let header = 0..<cuts[0]
        let headerCuts = [lastASCII(titleStart, in: scalars, header), lastASCII(opener, in: scalars, header)]
            .compactMap { $0 }.filter { $0 > 0 }
        cuts = Array(Set(headerCuts)).sorted() + cuts
        var pieces: [Substring] = []
        var start = line.unicodeScalars.startIndex
        var offset = 0
        for cut in cuts {
            let end = line.unicodeScalars.index(start, offsetBy: cut - offset)
            pieces.append(Substring(line.unicodeScalars[start..<end]))
            start = end
            offset = cut
        }
        pieces.append(Substring(line.unicodeScalars[start...]))
        // A `?` that stood for a lost bullet goes with the break it marked.
        return pieces.map { $0.unicodeScalars.first == "?" ? $0.dropFirst() : $0 }
    }

    /// The recitals of a line that ran them together, each behind a bullet (`- whereas …`), when the
    /// line opens with a ``DocumentWords/recitalLeads`` word and holds at least two more after a word
    /// (not a ``DocumentWords/runRecitalJoiners`` one) or a full stop; nil otherwise.
    static func runTogetherRecitals(_ line: Substring) -> [Substring]? {
        let scalars = Array(line.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        guard DocumentWords.recitalLeads.contains(word(scalars, from: start)) else { return nil }
        var cuts = [start]
        var index = start + 1
        while index < scalars.count {
            defer { index += 1 }
            // A word starts here: after a space or glued to a full stop (`in May.whereas`).
            let previous = scalars[index - 1]
            guard previous == " " || previous == ".", scalars[index].properties.isAlphabetic else { continue }
            let lead = word(scalars, from: index)
            guard DocumentWords.recitalLeads.contains(lead), index + lead.unicodeScalars.count < scalars.count,
                  !scalars[index + lead.unicodeScalars.count].properties.isAlphabetic else { continue }
            // What stands before: a full stop, or a word that is no joiner (`and whereas`), never a comma or semicolon.
            var back = index - 1
            while back > start, scalars[back] == " " { back -= 1 }
            let mark = scalars[back]
            if mark == "." {
                cuts.append(index)
                continue
            }
            guard mark.properties.isAlphabetic || mark.properties.numericType != nil || mark == ")" else { continue }
            var wordStart = back
            while wordStart > start, scalars[wordStart - 1].properties.isAlphabetic { wordStart -= 1 }
            if DocumentWords.runRecitalJoiners.contains(word(scalars, from: wordStart)) { continue }
            cuts.append(index)
        }
        guard cuts.count >= 3 else { return nil }
        var pieces: [Substring] = []
        for (number, cut) in cuts.enumerated() {
            let end = number + 1 < cuts.count ? cuts[number + 1] : scalars.count
            var piece = String.UnicodeScalarView(scalars[cut..<end])
            while let last = piece.last, last == " " { piece.removeLast() }
            pieces.append(Substring("- " + String(piece)))
        }
        return pieces
    }

    /// Whether a comma or semicolon stands before `index`, past the spaces (`…on Freedonia,   having regard`).
    static func followsClause(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        var before = index - 1
        while before > 0, index - before < 8, scalars[before] == " " || scalars[before] == "\t" || scalars[before] == "\u{A0}" { before -= 1 }
        return before < index - 1 && (scalars[before] == "," || scalars[before] == ";")
    }

    /// Whether a citation lead and a ``DocumentWords/citationLeadFollowers`` word start at `index` (`having regard`):
    /// what a citation glued to the word before it opens with (no word ends in `having` and goes on ` regard to`).
    static func opensGluedCitation(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let lead = word(scalars, from: index)
        guard DocumentWords.citationLeads.contains(lead) else { return false }
        let next = index + lead.unicodeScalars.count
        return next + 1 < scalars.count && scalars[next] == " " && DocumentWords.citationLeadFollowers.contains(word(scalars, from: next + 1))
    }

    /// Where a title line starts and the line that closes a header (see ``DocumentHeader/isTitleStart(_:)``).
    static let titleStart = "european parliament resolution", opener = "the european parliament,"

    /// Where `needle` (lower-case ASCII) last starts in `range` after a space or any other character that is no
    /// letter (`B9-0123/2031European Parliament resolution`, as a document export glues them), ASCII case aside.
    static func lastASCII(_ needle: String, in scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        let wanted = Array(needle.unicodeScalars)
        var index = range.upperBound - wanted.count
        while index > range.lowerBound {
            if !scalars[index - 1].properties.isAlphabetic, scalars[index..<index + wanted.count].elementsEqual(wanted, by: {
                $0 == $1 || ($0.value &- 65 < 26 && $0.value | 0x20 == $1.value)
            }) { return index }
            index -= 1
        }
        return nil
    }

    static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2013}" || scalar == "\u{2014}" || scalar == "\u{2022}"
    }

    /// The recital label of number `n`: `A` … `Z`, then `AA`, `AB`, …
    static func recitalLabel(_ n: Int) -> String {
        var n = n, label = ""
        repeat {
            n -= 1
            label = String(UnicodeScalar(UInt8(65 + n % 26))) + label
            n /= 26
        } while n > 0
        return label
    }

    static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard index + wanted.count <= scalars.count else { return false }
        return scalars[index..<index + wanted.count].elementsEqual(wanted)
    }

    /// Where the body starts after a label ending at `end`: a dot there, then at least one space.
    /// The body after a label's dot: past spaces, tabs and no-break spaces (`A.\u{A0}whereas`, as an
    /// HTML page's `&nbsp;` is copied), or right after the dot when `glued` allows it (`B.whereas`:
    /// the callers then ask for a recital lead after it).
    static func afterDot(_ scalars: [Unicode.Scalar], _ end: Int, glued: Bool = false) -> Int? {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{A0}" }
        guard end + 1 < scalars.count, scalars[end] == ".", glued || isSpace(scalars[end + 1]) else { return nil }
        var body = end + 1
        while body < scalars.count, isSpace(scalars[body]) { body += 1 }
        return body
    }

    /// The lower-case letters of the word starting at `index`.
    static func word(_ scalars: [Unicode.Scalar], from index: Int) -> String {
        var word = String.UnicodeScalarView()
        var position = index
        while position < scalars.count, scalars[position].properties.isAlphabetic, word.count < 20 {
            word.append(scalars[position])
            position += 1
        }
        return String(word).lowercased()
    }
}

extension DocumentWords {
    /// Words right before a `whereas` that keep it inside its sentence (`and whereas`): see
    /// ``FlattenedText/runTogetherRecitals(_:)``.
    static let runRecitalJoiners = words("run-recital-joiner")
    /// The word after a citation lead that marks a citation glued to the word before it (`lawhaving regard`):
    /// see ``FlattenedText/opensGluedCitation(_:at:)``.
    static let citationLeadFollowers = words("citation-lead-follower")
}
