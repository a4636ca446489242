import Foundation

/// The forms a copied resolution comes in: a well-formed text rewritten the ways mirrors, PDF
/// viewers, document exports, news sites and archives break it. The form-robustness suite
/// (`FormRobustnessTests`) and `casetrack-bench forms` extract each development text clean and in
/// every form, and compare what they find.
///
/// A text is read as lines: the header (everything above the first citation, or above the
/// `The European Parliament,` line), citations (a bullet or `having regard`), lettered recitals
/// (`A. whereas`), numbered paragraphs (`1. Calls on`) and the lines that continue them. Every
/// form keeps the words; it changes only what a copy changes: line breaks, labels, bullets,
/// spaces, tags and the furniture and frames around the text. Nothing here is read by the
/// extractor: the breakages are invented, not taken from any text.
public enum CopyForm: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Every line break a space (a PDF's text layer or a mirror that flattens a page).
    case flattened
    /// Labels glued to their first word: `A.whereas`, `1.Calls on`.
    case gluedLabels
    /// Citation bullets glued to their words: `–having regard to`.
    case gluedBullets
    /// Citation bullets lost: `having regard to` alone on its line.
    case missingBullets
    /// No-break spaces after labels and bullets and between many words.
    case noBreakSpaces
    /// Label and body from two table cells joined with nothing between: `A.whereas`, and every other
    /// `whereas` recital `Bwhereas` (the dot lost), as a page's cells are copied.
    case tableCells
    /// The text as an HTML page whose sections are table rows of two cells (label, body).
    case htmlTable
    /// A DOC export on a document mirror: the header in XML tags glued together, the citations run
    /// together after their commas with no bullet, the body on one line.
    case xmlTags
    /// PDF page furniture (page numbers, `PE123.456v01-00`, `RE\1234567EN.doc`,
    /// `EN United in diversity EN`) on lines of their own in the middle of sentences.
    case pdfFurniture
    /// Flattened, with the page furniture run into the sentences.
    case flattenedFurniture
    /// A news site's or archive's introduction (headline, by-line, a paragraph about the
    /// resolution) before the text.
    case newsIntroduction
    /// Another language's page frame (menus, a "not available in your language" line) around the text.
    case foreignFrame
    /// Recitals numbered `1.`, `2.` as a page renders them, before numbered paragraphs.
    case numberedRecitals
    /// Recitals led by dashes without letters (`- whereas`).
    case dashRecitals
    /// An archive's copy: the site's header lines, labels glued (`A.whereas`, `1.Calls`), bullets glued.
    case archive

    public var description: String { rawValue }

    /// The text in this form.
    public func apply(_ text: String) -> String {
        let lines = CopyLines(text)
        switch self {
        case .flattened:
            return lines.all.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
        case .gluedLabels:
            return lines.rewritten { line in line.gluedLabel() }
        case .gluedBullets:
            return lines.rewritten { line in line.kind == .citation ? line.gluedBullet() : line.text }
        case .missingBullets:
            return lines.rewritten { line in line.kind == .citation ? line.body : line.text }
        case .noBreakSpaces:
            var count = 0
            return lines.rewritten { line in
                guard line.kind != .header else { return line.text }
                let labelled = line.label.isEmpty ? line.text : line.label + "\u{A0}" + line.body
                return String(labelled.map { character -> Character in
                    guard character == " " else { return character }
                    count += 1
                    return count % 5 == 0 ? "\u{A0}" : " "
                })
            }
        case .tableCells:
            var recital = 0
            return lines.rewritten { line in
                guard line.kind == .recital else { return line.gluedLabel() }
                recital += 1
                // Every other recital led by `whereas` loses its dot as well (`Bwhereas`).
                let whereas = line.body.lowercased().hasPrefix("whereas")
                return recital % 2 == 0 && whereas ? line.label.filter { $0 != "." } + line.body : line.gluedLabel()
            }
        case .htmlTable:
            var html = "<!DOCTYPE html><html><head><title>Motion</title></head><body>\n"
            var openRow = false
            for line in lines.all {
                let escaped = CopyLines.escaped(line.text)
                switch line.kind {
                case .header, .opener:
                    if openRow { html += "</td></tr></table>\n"; openRow = false }
                    html += escaped.isEmpty ? "" : "<p>\(escaped)</p>\n"
                case .citation, .recital, .paragraph:
                    if openRow { html += "</td></tr></table>\n" }
                    html += "<table><tr><td>\(CopyLines.escaped(line.label))</td><td>\(CopyLines.escaped(line.body))"
                    openRow = true
                case .continuation:
                    if openRow { html += " " + escaped } else if !escaped.isEmpty { html += "<p>\(escaped)</p>\n" }
                }
            }
            if openRow { html += "</td></tr></table>\n" }
            return html + "</body></html>\n"
        case .xmlTags:
            let tags = ["NoDocSe", "TitreType", "TitreSuite", "Titre", "DocRef"]
            var header = "<RepeatBlock-By><Depute></Depute><Commission>{GRP}on behalf of a group</Commission></RepeatBlock-By>"
            var tagged = ""
            for (index, line) in lines.all.filter({ $0.kind == .header && !$0.text.isEmpty }).enumerated() {
                let tag = tags[index % tags.count]
                tagged += "<\(tag)>\(line.text)</\(tag)>"
            }
            header = "Plenary sitting" + tagged + header
            var body = ""
            for line in lines.all where line.kind != .header && !line.text.isEmpty {
                switch line.kind {
                case .citation: body += line.body
                case .opener: body += line.text
                case .recital, .paragraph: body += (body.isEmpty ? "" : " ") + line.label + " " + line.body
                default: body += (body.isEmpty ? "" : " ") + line.text
                }
            }
            return header + body
        case .pdfFurniture:
            var count = 0
            return lines.rewritten { line in
                guard line.kind != .header, line.kind != .opener else { return line.text }
                count += 1
                guard count % 3 == 0, let middle = line.text.middleSpace else { return line.text }
                let furniture = CopyLines.furniture[count / 3 % CopyLines.furniture.count]
                return String(line.text[..<middle]) + "\n" + furniture + "\n" + String(line.text[line.text.index(after: middle)...])
            }
        case .flattenedFurniture:
            var count = 0
            var pieces: [String] = []
            for line in lines.all where !line.text.isEmpty {
                count += 1
                if line.kind != .header, count % 3 == 0, let middle = line.text.middleSpace {
                    let furniture = CopyLines.furniture[count / 3 % CopyLines.furniture.count]
                    pieces.append(String(line.text[..<middle]) + " " + furniture + String(line.text[middle...]))
                } else {
                    pieces.append(line.text)
                }
            }
            return pieces.joined(separator: " ")
        case .newsIntroduction:
            return CopyLines.newsIntroduction + text
        case .foreignFrame:
            return CopyLines.frameBefore + text + CopyLines.frameAfter
        case .numberedRecitals:
            var recital = 0
            return lines.rewritten { line in
                guard line.kind == .recital else { return line.text }
                recital += 1
                return "\(recital). " + line.body
            }
        case .dashRecitals:
            return lines.rewritten { line in line.kind == .recital ? "- " + line.body : line.text }
        case .archive:
            return CopyLines.archiveHeader + lines.rewritten { line in
                line.kind == .citation ? line.gluedBullet() : line.gluedLabel()
            }
        }
    }
}

/// A text's lines, each with the part of a resolution it starts (see ``CopyForm``).
struct CopyLines {
    enum Kind { case header, opener, citation, recital, paragraph, continuation }

    struct Line {
        var text: String
        var kind: Kind
        /// The label (`A.`, `1.`) or bullet (`–`) the line starts with, and what follows it.
        var label: String
        var body: String

        func gluedLabel() -> String {
            guard kind == .recital || kind == .paragraph else { return text }
            return label + body
        }

        func gluedBullet() -> String { label.isEmpty ? text : label + body }
    }

    var all: [Line] = []

    init(_ text: String) {
        var inHeader = true
        var recitalLetter = 0
        var paragraph = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
            // The line as written, its leading and trailing spaces kept (a PDF's wrapped lines end with one, and a
            // line after a footnote starts with one, and the reader reads both): only a label or bullet changes in a form.
            let written = String(raw.reversed().drop { $0 == "\r" }.reversed())
            let trailing = String(written.reversed().prefix { $0 == " " || $0 == "\t" })
            func line(_ kind: Kind, _ label: String = "", _ body: String? = nil) -> Line {
                Line(text: written, kind: kind, label: label, body: (body ?? trimmed) + trailing)
            }
            let lower = trimmed.lowercased()
            if inHeader, lower.hasPrefix("the european parliament"), trimmed.split(separator: " ").count <= 4 {
                all.append(line(.opener))
                inHeader = false
                continue
            }
            if let first = trimmed.first, "-–—•".contains(first) {
                let body = trimmed.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{A0}"))
                let kind: Kind = recitalLetter == 0 && paragraph == 0 && !body.lowercased().hasPrefix("whereas") ? .citation : .continuation
                if kind == .citation { inHeader = false }
                all.append(inHeader ? line(.header) : line(kind, String(first), body))
                continue
            }
            if recitalLetter == 0, paragraph == 0, lower.hasPrefix("having regard") {
                inHeader = false
                all.append(line(.citation))
                continue
            }
            if !inHeader, let dot = trimmed.firstIndex(of: "."), trimmed.distance(from: trimmed.startIndex, to: dot) <= 3 {
                let head = String(trimmed[..<dot])
                let body = trimmed[trimmed.index(after: dot)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{A0}"))
                if head == Self.letter(recitalLetter), paragraph == 0, !body.isEmpty {
                    recitalLetter += 1
                    all.append(line(.recital, head + ".", body))
                    continue
                }
                if head == String(paragraph + 1), !body.isEmpty {
                    paragraph += 1
                    all.append(line(.paragraph, head + ".", body))
                    continue
                }
            }
            all.append(line(inHeader ? .header : .continuation))
        }
    }

    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : String(letters[index / 26 - 1]) + String(letters[index % 26])
    }

    /// The text with each line rewritten.
    func rewritten(_ rewrite: (Line) -> String) -> String {
        all.map(rewrite).joined(separator: "\n")
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Invented page furniture of the kinds a PDF carries.
    static let furniture = ["PE123.456v01-00", "RE\\1234567EN.doc", "EN United in diversity EN", "3/7", "B9-0999/2031"]

    static let newsIntroduction = """
        Parliament demands an end to the crackdown
        Filed under: World News | 2 comments
        Posted by staff reporter
        The European Parliament on Thursday adopted a resolution on the situation in the country, urging the \
        authorities to respect fundamental freedoms. Below is the text as adopted by the plenary.

        """

    static let frameBefore = """
        Dieses Dokument ist in Ihrer Sprache nicht verfügbar. Es wird Ihnen in einer anderen Sprache angeboten.
        Verfahren : 2031/2999(RSP)
        Werdegang im Plenum
        Eingereichte Texte :
        Angenommene Texte :

        """

    static let frameAfter = """

        Letzte Aktualisierung: 1. März 2031
        Rechtlicher Hinweis - Datenschutzbestimmungen

        """

    static let archiveHeader = """
        Archivio storico - sito ufficiale
        il giornale telematico dell'archivio
        cerca [dal 1999]
        i testi dal 1955 al 1998
        [ cerca in archivio ] ARCHIVIO STORICO
        Parlamento Europeo - 1 marzo 2031

        """
}

extension String {
    /// A space near the middle of the line, if it has one.
    var middleSpace: String.Index? {
        guard count > 40 else { return nil }
        let middle = index(startIndex, offsetBy: count / 2)
        return self[middle...].firstIndex(of: " ")
    }
}
