import CaseIngest
import CaseStore
import Foundation
import GRDB
import Testing

/// A motion and the text adopted from it are two documents of one procedure.
@Suite struct DocumentKindImportTests {
    static let motion = """
        MOTION FOR A RESOLUTION
        3.4.2031
        (2031/2001(RSP))
        Jan Novak, Eva Kral
        on behalf of the Example Group
        B9-0999/2031
        European Parliament resolution on the case of Ana Lopez in Freedonia
        (2031/2001(RSP))
        The European Parliament,
        - having regard to its previous resolutions on Freedonia,
        - whereas Ana Lopez, a journalist, was arrested on 1 March 2031;
        1. Calls for the immediate release of Ana Lopez;
        """

    static let adopted = """
        Texts adopted
        P9_TA(2031)0042
        European Parliament resolution of 10 April 2031 on the case of Ana Lopez in Freedonia (2031/2001(RSP))
        The European Parliament,
        – having regard to its previous resolutions on Freedonia,
        A. whereas Ana Lopez, a journalist, was arrested on 1 March 2031 and remains detained;
        1. Calls for the immediate release of Ana Lopez;
        """

    @Test func aMotionAndItsAdoptedTextImportAsTwoDocumentsWithoutDuplicatingPersons() throws {
        // Given a database holding the motion
        let database = try CaseDatabase.inMemory()
        let first = try database.importResolution(try Extractor.extract(text: Self.motion, name: "motion.txt"), file: "motion.txt", by: tester)
        #expect(first.kind == "motion")

        // When the adopted text of the same procedure is imported
        let second = try database.importResolution(try Extractor.extract(text: Self.adopted, name: "adopted.txt"), file: "adopted.txt", by: tester)

        // Then both are documents of that procedure, with their kinds and numbers, and Ana Lopez is one person
        #expect(second.personsMatched == 1 && second.personsNew == 0)
        let rows = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT procedure, kind, reference, tabled FROM document ORDER BY id")
        }
        #expect(rows.map { $0["kind"] as String? } == ["motion", "adopted text"])
        #expect(rows.map { $0["reference"] as String? } == ["B9-0999/2031", "P9_TA(2031)0042"])
        #expect(rows.map { $0["tabled"] as String? } == ["2031-04-03", nil])
        #expect(Set(rows.map { $0["procedure"] as String? }) == ["2031/2001(RSP)"])
        #expect(try tableCounts(database)["person"] == 1)
    }

    @Test func aDifferentTextOfTheSameProcedureAndKindIsRefusedAndChangesNothing() throws {
        // Given the adopted text
        let database = try CaseDatabase.inMemory()
        _ = try database.importResolution(try Extractor.extract(text: Self.adopted, name: "adopted.txt"), file: "adopted.txt", by: tester)
        let before = try tableCounts(database)

        // When another wording of the same adopted text is imported
        let other = Self.adopted.replacingOccurrences(of: "remains detained", with: "is still held")
        let extraction = try Extractor.extract(text: other, name: "other.txt")

        // Then it is refused with a sentence naming the kind and the file already imported, and nothing changed
        #expect(throws: CaseStoreError.differentTextOfDocument(procedure: "2031/2001(RSP)", existingFile: "adopted.txt", kind: "adopted text")) {
            try database.importResolution(extraction, file: "other.txt", by: tester)
        }
        #expect(try tableCounts(database) == before)
        #expect(CaseStoreError.differentTextOfDocument(procedure: "2031/2001(RSP)", existingFile: "adopted.txt", kind: "adopted text").description
            .hasPrefix("A different adopted text of 2031/2001(RSP) is already imported (from adopted.txt)"))
    }

    @Test func theSameMotionTwiceIsANoOp() throws {
        let database = try CaseDatabase.inMemory()
        let extraction = try Extractor.extract(text: Self.motion, name: "motion.txt")
        _ = try database.importResolution(extraction, file: "motion.txt", by: tester)
        let again = try database.importResolution(extraction, file: "motion.txt", by: tester)
        #expect(again.alreadyImported)
    }
}
