/// A resolution's text after normalisation, split into its parts.
///
/// Offsets everywhere are Unicode scalar offsets into ``text`` (what Python
/// and most JSON consumers call character offsets).
public struct ResolutionText: Sendable {
    /// `title` is the resolution's title, the first section when there is one.
    public enum SectionKind: String, Sendable, Codable { case title, citation, recital, paragraph, footnote }

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
    /// Adopted text, motion or joint motion, when the header says.
    public var kind: DocumentKind?
    /// The document's own number: `P9_TA(2023)0123`, `B9-0123/2023`, `RC-B9-0123/2023`.
    public var reference: String?
    /// When a motion was tabled, if its header says.
    public var tabled: PartialDate?
    /// What the reader should know about how the text was read (a text cut short).
    public var warnings: [String] = []

    public func text(of section: Section) -> String { slice(section.start, section.end) }

    public func slice(_ start: Int, _ end: Int) -> String {
        let range = max(0, start)..<min(end, scalars.count)
        // Read in place (a slice of the array would retain and release it) and written as UTF-8
        // straight into the string's storage, sized to the bytes: a string of up to fifteen bytes,
        // as most slices are, is then stored in place, with nothing allocated.
        return scalars.withUnsafeBufferPointer { scalars in
            let part = UnsafeBufferPointer(rebasing: scalars[range])
            var size = 0
            for scalar in part { size += UTF8.width(scalar) }
            return String(unsafeUninitializedCapacity: size) { buffer in
                var count = 0
                for scalar in part {
                    if scalar.isASCII {
                        buffer[count] = UInt8(truncatingIfNeeded: scalar.value)
                        count += 1
                    } else {
                        UTF8.encode(scalar) { byte in
                            buffer[count] = byte
                            count += 1
                        }
                    }
                }
                return count
            }
        }
    }
}
