@testable import CaseIngest
import Testing

/// ``WordSet`` answers a word class from a word's bytes instead of hashing the String; it must answer
/// exactly as `Set<String>` does, whose equality is Unicode's (canonical equivalence), for every query.
@Suite struct WordSetTests {
    /// Invented words: ASCII, with capitals, beyond ASCII (precomposed), and one letter and empty.
    static let words = ["whereas", "detained", "Code", "Mirov", "Élan", "café", "a", "détention", "naïve"]

    static let queries = [
        "whereas", "Whereas", "whereas ", "wherea", "detained", "detaine", "Code", "code", "Mirov", "mirov",
        "Élan", "E\u{301}lan",  // the same word decomposed: equal as characters
        "café", "cafe\u{301}", "cafe", "a", "A", "", "détention", "de\u{301}tention", "naïve", "naive",
        "\u{212A}", "K", "released", "Ana Ruiz",
    ]

    @Test func answersAsASetOfStringsDoes() {
        let set = Set(Self.words), wordSet = WordSet(Self.words)
        for query in Self.queries {
            #expect(wordSet.contains(query) == set.contains(query), "'\(query)'")
        }
        #expect(wordSet.count == set.count)
        #expect(Set(wordSet) == set)
        #expect(wordSet.contains("E\u{301}lan") && !wordSet.contains("cafe") && !wordSet.contains("Whereas"))
    }

    /// A word holding a scalar that equals an ASCII one (the Kelvin sign is `K`): the set answers as
    /// `Set<String>` for an ASCII query too.
    @Test func aWordEqualToAnASCIIOneIsFound() {
        let words = ["\u{212A}elvin", "ohm"]
        let set = Set(words), wordSet = WordSet(words)
        for query in ["Kelvin", "\u{212A}elvin", "kelvin", "ohm", "Ohm"] {
            #expect(wordSet.contains(query) == set.contains(query), "'\(query)'")
        }
        #expect(wordSet.contains("Kelvin"))
    }

    /// Many words, so that slots collide: every word is found and near misses are not.
    @Test func manyWordsAndNearMisses() {
        let words = (0..<500).map { "w\($0)x" }
        let wordSet = WordSet(words)
        for word in words { #expect(wordSet.contains(word)) }
        for number in 500..<1000 { #expect(!wordSet.contains("w\(number)x")) }
        #expect(!WordSet([]).contains("") && WordSet([""]).contains(""))
    }

    /// The flattened-text reader skips a word whose first letter starts no citation lead: it may skip
    /// only words that are no lead once lower-cased (``FlattenedText/word(_:from:)``).
    @Test func aCitationLeadIsNeverSkipped() {
        #expect(!DocumentWords.citationLeads.isEmpty)
        for lead in DocumentWords.citationLeads {
            for form in [lead, lead.capitalized, lead.uppercased()] {
                let first = form.unicodeScalars.first!
                #expect(DocumentWords.mayStartCitationLead(first), "'\(form)'")
            }
        }
        // Beyond ASCII a scalar may lower-case to an ASCII letter (the Kelvin sign to `k`): never skipped.
        #expect(DocumentWords.mayStartCitationLead("\u{212A}") && DocumentWords.mayStartCitationLead("é"))
        // Every ASCII letter the test can see skipped starts no lead.
        let firsts = Set(DocumentWords.citationLeads.compactMap { $0.unicodeScalars.first })
        for value in UInt32(65)...122 {
            let scalar = Unicode.Scalar(value)!
            let lower = Unicode.Scalar(scalar.value &- 65 < 26 ? scalar.value | 0x20 : scalar.value)!
            #expect(DocumentWords.mayStartCitationLead(scalar) == firsts.contains(lower), "\(scalar)")
        }
    }
}
