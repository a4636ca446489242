import Foundation

/// Resolution-sized limits checked before extraction: a text beyond them is
/// not one resolution, and extraction time grows faster than its length.
///
/// - A section holds at most 50,000 characters. The longest sections of real
///   resolutions are a few thousand; a text of 100,000 short recitals, whose
///   labels stop matching after ZZ, reads as one section of megabytes.
public enum ResolutionLimits {
    public static let maximumSectionCharacters = 50_000

    /// Decodes and normalises `data` as extraction will, and throws when a section is over the limit.
    ///
    /// To extract as well, use `Extractor.extract(data:name:checkingLimits: true)`, which decodes and
    /// normalises the text once for both.
    public static func check(data: Data, name: String) throws(IngestError) {
        let decoded = try TextDecoding.decode(data, name: name)
        try check(try Normaliser.normalise(decoded.text, name: name), name: name)
    }

    /// Throws when a section of the normalised `text` is over the limit.
    static func check(_ text: ResolutionText, name: String) throws(IngestError) {
        for section in text.sections where section.end - section.start > maximumSectionCharacters {
            throw IngestError.sectionTooLong(name, label: section.label, characters: section.end - section.start, limit: maximumSectionCharacters)
        }
    }
}
