import CaseIngest
import Foundation
import Testing

/// Issue 19, one lexicon: the recognisers of persons, organisations and provisions read their words
/// from documented class files (`word|class` a line). A class the code reads that the file lacks
/// traps at the first extraction (``WordLists/wordClass``); these tests hold the other direction:
/// every tag in a file is a class some recogniser reads, and every class is documented.
@Suite struct WordClassFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/CaseIngest").standardized

    static func lines(_ file: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent("Words/\(file)"), encoding: .utf8).components(separatedBy: "\n")
    }

    @Test(arguments: ["person-context.txt", "organisation-words.txt", "provision-words.txt", "document-words.txt"])
    func everyClassInTheFileIsReadAndDocumented(_ file: String) throws {
        let lines = try Self.lines(file)
        let tags = Set(lines.filter { !$0.hasPrefix("#") && $0.contains("|") }.compactMap { $0.split(separator: "|").last.map(String.init) })
        #expect(tags.count >= 3)
        let sources = try FileManager.default.contentsOfDirectory(atPath: Self.root.path).filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: Self.root.appendingPathComponent($0), encoding: .utf8) }.joined()
        for tag in tags {
            #expect(sources.contains("\"\(tag)\""), "\(file): no recogniser reads the class '\(tag)'")
            #expect(lines.contains { $0.hasPrefix("# \(tag): ") }, "\(file): the class '\(tag)' has no comment saying what it is for")
        }
    }

    /// The classes reach the recognisers: an invented resolution reads as before the move.
    @Test func wordsFromTheFilesStillDecide() throws {
        let text = """
            European Parliament resolution of 4 May 2023 on Freedonia (2023/9003(RSP))

            A. whereas the former minister Tomas Berg, also known as Tom Berg, was arrested under Article 86 bis of the Public Order Act;

            B. whereas several NGOs, among them Open Door and River Watch, were closed;
            """
        let extraction = try Extractor.extract(text: text, name: "classes.txt")
        let berg = try #require(extraction.persons.first { $0.name == "Tomas Berg" })
        #expect(berg.aliases.contains("Tom Berg"))
        #expect(!berg.roles.contains("official"), "a former minister holds no office: \(berg.roles)")
        #expect(extraction.provisions.contains { $0.article == "86 bis" })
        #expect(Set(extraction.organisations.map(\.name)).isSuperset(of: ["Open Door", "River Watch"]))
    }
}
