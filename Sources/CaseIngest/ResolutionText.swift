/// A resolution's text after normalisation, split into its parts.
///
/// Offsets everywhere are Unicode scalar offsets into ``text`` (what Python
/// and most JSON consumers call character offsets).
public struct ResolutionText: Sendable {
    public enum SectionKind: String, Sendable, Codable { case citation, recital, paragraph, footnote }

    public struct Section: Sendable, Equatable {
        public var label: String
        public var kind: SectionKind
        public var start: Int
        public var end: Int
    }

    /// A resolution this one cites by date and subject ("its resolution of
    /// 11 February 2021 on the human rights situation in Freedonia").
    public struct Citation: Sendable, Equatable, Codable {
        public var date: PartialDate
        public var subject: String
    }

    public var text: String
    public var scalars: [Unicode.Scalar]
    public var title: String
    public var procedure: String?
    public var adopted: PartialDate?
    public var sections: [Section]
    public var cites: [Citation]
    /// The country the resolution is about, read from its title.
    public var country: String?

    public func text(of section: Section) -> String { slice(section.start, section.end) }

    public func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(view)
    }
}
