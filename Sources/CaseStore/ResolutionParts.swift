import CaseIngest

/// Whether a text reads as a resolution at all: the parts of one that the
/// reader found. A text with none of them (a README, a letter) is refused on
/// import unless the user insists (`--force`).
public struct ResolutionParts: Sendable, Equatable {
    /// A title line naming a resolution or a motion for one.
    public var titleLine: Bool
    public var procedure: Bool
    /// The document's kind or number in its header (`Motion for a resolution`, `B9-0123/2023`).
    public var header: Bool
    public var citations: Int
    public var recitals: Int
    public var paragraphs: Int

    public init(_ extraction: Extraction) {
        let document = extraction.document
        titleLine = Self.isTitleLine(document.title)
        procedure = document.procedure != nil
        header = document.kind != nil || document.reference != nil
        // A bullet list opens like citations: only `having regard to …` ones count.
        let scalars = Array(extraction.text.unicodeScalars)
        citations = document.sections.filter { section in
            guard section.kind == .citation else { return false }
            let start = max(0, min(section.start, scalars.count)), end = max(start, min(section.end, scalars.count, start + 80))
            let opening = NameKey.fold(String(String.UnicodeScalarView(scalars[start..<end])))
            return opening.contains("having regard") || opening.contains("rules of procedure")
        }.count
        recitals = document.sections.filter { $0.kind == .recital }.count
        paragraphs = document.sections.filter { $0.kind == .paragraph }.count
    }

    /// `European Parliament resolution of 11 February 2021 on …`, `Motion for a resolution on …`
    /// (a title that only mentions resolutions in passing does not count).
    static func isTitleLine(_ title: String) -> Bool {
        let words = NameKey.fold(title).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (index, word) in words.enumerated() where word == "resolution" {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let before = index > 0 ? words[index - 1] : ""
            let motion = before == "a" && index >= 2 && words[index - 2] == "for"
            if next == "of" || next == "on" || before == "parliament" || motion { return true }
        }
        return false
    }

    /// True when not one part of a resolution was found.
    public var none: Bool {
        !titleLine && !procedure && !header && citations == 0 && recitals == 0 && paragraphs == 0
    }
}

/// A text refused on import because nothing in it reads as a resolution.
public struct NotAResolutionError: Error, CustomStringConvertible, Equatable {
    public var file: String

    public init(file: String) { self.file = file }

    public var description: String {
        "\(file) does not read as a resolution: no title line, procedure number, citations ('Having regard to'), recitals or "
            + "numbered paragraphs of one were found; nothing was imported (give --force to import it anyway)."
    }
}
