import Foundation
import Testing

/// Issue 19, one lexicon: no recogniser compares a word literal. The words of English prose the
/// recognisers read live in documented classes of `Sources/CaseIngest/Words/*.txt`; a recogniser
/// asks a class (`Self.subjectDeterminers.contains(word)`), never a literal (`word == "the"`,
/// `case "of":`, `["the", "a"].contains(word)`). This test reads every Swift file of CaseIngest and
/// fails on a lower-case word literal compared or listed there, but for the allow-list below:
/// literals that are markup, tags or names of the program's own vocabulary, not words of the text.
@Suite struct WordLiteralTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/CaseIngest").standardized

    /// Literals a file may hold, each group with why it is no word of the text a recogniser reads.
    static let allowed: [String: Set<String>] = [
        // Markup: HTML tag names, and the class and id fragments of a web page's chrome.
        "HTMLText.swift": [
            "p", "div", "br", "tr", "li", "table", "td", "section", "article", "title",
            "head", "script", "style", "noscript", "nav", "header", "footer", "form", "button", "select", "svg", "iframe",
            "website-header", "site-header", "menu", "skip", "lang", "cookie", "breadcrumb",
            "img", "meta", "link", "input", "hr", "wbr", "source", "col", "area", "base", "embed",
        ],
        // Organisation kinds and membership roles the program writes itself (`movement`, `party`, `supporter`), compared with
        // a claim's field, never with a token.
        "Extractor+Charges.swift": ["movement", "party", "ngo", "media", "trade-union", "company", "supporter", "member", "associate"],
        // Organisation kinds the program writes, compared with a claim's field.
        "Extractor+Organisations.swift": ["movement", "party", "ngo", "media", "trade-union"],
        // The organisation kinds the program writes
        // (civil society's and state power's), compared with a claim's field, never with a token.
        "Extractor+CivilSocietyOffices.swift": ["ngo", "trade-union", "media", "party", "movement", "state-body", "court", "international"],
        // Tags and roles the program writes itself (official, court, staff, position, the title
        // section) are named once, in `ProgramTag` (ProgramTags.swift), and compared through it.
    ]

    /// A literal found: where, what, and in what shape (`==`, `case`, `list`, `contains`, `index-of`).
    struct Hit: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var literal: String
        var shape: String
        var description: String { "\(file):\(line): \(shape) \"\(literal)\"" }
    }

    /// A lower-case word: a letter, then letters, apostrophes and hyphens (`of`, `’s`, `trade-union`).
    static let word = "[a-z][a-z’'\\-]*"

    static let shapes: [(String, NSRegularExpression)] = [
        ("==", #"(?:==|!=)\s*"(\#(word))""#),
        ("==", #""(\#(word))"\s*(?:==|!=)"#),
        ("contains", #"\.contains\(\s*"(\#(word))"\s*\)"#),
        ("index-of", #"[iI]ndex\(of:\s*"(\#(word))"\s*\)"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    /// A `case` pattern of string literals: `case "and", "or":`.
    static let caseLiterals = try! NSRegularExpression(pattern: #"\bcase\s+("[^"\n]*"(?:\s*,\s*"[^"\n]*")*)"#)
    /// A bracketed literal of strings only, on one line or several: `["the", "a"]`.
    static let listLiteral = try! NSRegularExpression(pattern: #"\[\s*"[^"\n]*"(?:\s*,\s*"[^"\n]*")*\s*,?\s*\]"#)
    static let stringLiteral = try! NSRegularExpression(pattern: #""([^"\n]*)""#)
    static let wholeWord = try! NSRegularExpression(pattern: "^\(word)$")
    /// A literal list assigned to `classes`: the names of a word file's classes, which a test holds the file to.
    static let classNames = try! NSRegularExpression(pattern: #"\bclasses\s*(?::\s*\[String\])?\s*=\s*$"#)

    /// The source without comments: `//` to the line's end outside a string (doc comments too).
    static func code(_ source: String) -> String {
        source.components(separatedBy: "\n").map { line -> String in
            var inString = false, previous: Character = " "
            for (offset, character) in line.enumerated() {
                if character == "\"" && previous != "\\" { inString.toggle() }
                if !inString, character == "/", previous == "/" { return String(line.prefix(offset - 1)) }
                previous = character
            }
            return line
        }.joined(separator: "\n")
    }

    static func matches(_ expression: NSRegularExpression, _ text: String) -> [NSTextCheckingResult] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// The lower-case word literals compared or listed in `source`.
    static func hits(in source: String, file: String) -> [Hit] {
        let text = code(source)
        let ns = text as NSString
        func line(_ location: Int) -> Int { ns.substring(to: location).filter { $0 == "\n" }.count + 1 }
        var found: [Hit] = []
        for (shape, expression) in shapes {
            for match in matches(expression, text) {
                found.append(Hit(file: file, line: line(match.range.location), literal: ns.substring(with: match.range(at: 1)), shape: shape))
            }
        }
        // `case "and", "or":`: every literal of the pattern.
        for match in matches(caseLiterals, text) {
            let pattern = ns.substring(with: match.range(at: 1))
            for element in matches(stringLiteral, pattern) {
                let literal = (pattern as NSString).substring(with: element.range(at: 1))
                if !matches(wholeWord, literal).isEmpty { found.append(Hit(file: file, line: line(match.range.location), literal: literal, shape: "case")) }
            }
        }
        for match in matches(listLiteral, text) {
            // A subscript (`classes["event-noun"]`) is no literal list.
            if match.range.location > 0, let before = ns.substring(with: NSRange(location: match.range.location - 1, length: 1)).unicodeScalars.first,
               CharacterSet.alphanumerics.contains(before) || before == "_" || before == ")" || before == "]" { continue }
            let lineStart = ns.range(of: "\n", options: .backwards, range: NSRange(location: 0, length: match.range.location)).location
            let lead = ns.substring(with: NSRange(location: lineStart == NSNotFound ? 0 : lineStart + 1,
                                                  length: match.range.location - (lineStart == NSNotFound ? 0 : lineStart + 1)))
            if !matches(classNames, lead).isEmpty { continue }
            let list = ns.substring(with: match.range)
            for element in matches(stringLiteral, list) {
                let literal = (list as NSString).substring(with: element.range(at: 1))
                if !matches(wholeWord, literal).isEmpty {
                    found.append(Hit(file: file, line: line(match.range.location), literal: literal, shape: "list"))
                }
            }
        }
        return found
    }

    /// Every Swift file of CaseIngest, by its path under the module.
    static func sources() throws -> [(file: String, text: String)] {
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func noRecogniserComparesAWordLiteral() throws {
        let sources = try Self.sources()
        #expect(sources.count >= 30, "CaseIngest's sources were not found at \(Self.root.path)")
        var offending: [Hit] = []
        for (file, text) in sources {
            let name = (file as NSString).lastPathComponent
            offending += Self.hits(in: text, file: file).filter { !(Self.allowed[name] ?? []).contains($0.literal) }
        }
        #expect(offending.isEmpty, """
            word literals in recogniser code: put each word in a documented class of a Words/*.txt file (or, for markup \
            or the program's own tags, in this test's allow-list, with why): \(offending.map(\.description).joined(separator: "; "))
            """)
    }

    /// The scan finds each shape of comparison, and not comments, subscripts, rule ids or punctuation.
    @Test func theScanFindsEveryShapeOfLiteral() {
        let source = """
            /// Compares `word == "the"` in a doc comment: not code.
            if token.lower == "the" { return }  // and "of" == here is a comment
            if "of" != token.lower { return }
            switch word { case "and", "or": break; default: break }
            static let determiners: Set<String> = [
                "a", "an",
            ]
            let of = words.lastIndex(of: "of")
            if between.contains("and") { return }
            let found = classes["event-noun"]
            let rule = "event.group-list-members"
            if [",", ";", "“"].contains(token.text) { return }
            static let classes = ["detained", "charged"]
            """
        let hits = Self.hits(in: source, file: "Invented.swift")
        #expect(Set(hits.map { "\($0.line) \($0.shape) \($0.literal)" }) == [
            "2 == the", "3 == of", "4 case and", "4 case or", "5 list a", "5 list an", "8 index-of of", "9 contains and",
        ])
    }
}
