import Foundation
import Testing

/// `casetrack import` as a user runs it, on the sample resolutions.
@Suite struct ImportCLITests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../SampleData").standardized
    static var first: String { samples.appendingPathComponent("ep-2021-2544-kazakhstan.txt").path }
    static var second: String { samples.appendingPathComponent("ep-2022-2505-kazakhstan.txt").path }

    @Test func importingBothSamplesThenRecordingAgainstASection() throws {
        let cli = try CLIRunner()
        let imported = try cli.run("import", Self.first, Self.second)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("persons: 53 new, 0 matched, 0 to review"))
        #expect(imported.stdout.contains("persons: 16 new, 15 matched, 1 to review"))
        #expect(imported.stdout.contains("dated earlier resolution 2021/2544(RSP) as 2021-02-11"))
        #expect(imported.stderr.contains("[2/2]"))

        let again = try cli.run("import", Self.first)
        #expect(again.status == 0 && again.stdout.contains("already imported"))

        // The status-set path that needs an imported document (issue 2).
        let set = try cli.run("status", "set", "Raigul Sadyrbayeva", "house arrest", "--date", "2022-06-15",
                              "--document", "2022/2505(RSP)", "--section", "O")
        #expect(set.status == 0, "\(set.stderr)")
        let show = try cli.json("person", "show", "Sadyrbayeva Raigul", "--format", "json") as? [String: Any]
        let current = show?["current_status"] as? [String: Any]
        #expect(current?["status"] as? String == "house arrest")
        #expect((current?["source"] as? [String: Any])?["section"] as? String == "O")

        let persons = try cli.json("person", "list", "--format", "json") as? [[String: Any]]
        #expect(persons?.count == 69)
    }

    @Test func aDryRunCreatesNoDatabase() throws {
        let cli = try CLIRunner()
        let result = try cli.run("import", "--dry-run", Self.first)
        #expect(result.status == 0 && result.stdout.contains("[dry run, nothing written]"))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }

    @Test func adoptedTakesOneFile() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", "--adopted", "2022-01-20", Self.first, Self.second).status == 64)
        #expect(try cli.run("import", "--adopted", "2022-13-01", Self.second).status == 1)
    }

    @Test(arguments: [
        ("empty", Data(), "empty"),
        ("binary", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "binary"),
        ("prose", Data("Dear friends, this is a letter about the weather.\n".utf8), "does not look like a resolution"),
    ])
    func aBadFileIsRefusedAndTheDatabaseIsUntouched(name: String, content: Data, message: String) throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", Self.first).status == 0)
        let before = try cli.databaseBytes()
        let path = cli.directory.appendingPathComponent("\(name).txt").path
        _ = FileManager.default.createFile(atPath: path, contents: content)
        let result = try cli.run("import", path)
        #expect(result.status == 1)
        #expect(result.stderr.lowercased().contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try cli.databaseBytes() == before)
    }
}
