import Foundation
import Testing

@Suite struct CaseRecordCLITests {
    @Test func aStatusChangeCanBeRecordedRetractedAndAudited() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Raigul Sadyrbayeva").status == 0)
        #expect(try cli.run("status", "set", "sadyrbayeva raigul", "pre-trial detention", "--date", "2022-01",
                            "--source", "resolution recital O").status == 0)
        #expect(try cli.run("status", "set", "Raigul", "house arrest", "--date", "2022-06-15",
                            "--source", "phone call with lawyer", "--by", "analyst").status == 0)

        let current = try cli.json("status", "list", "--format", "json") as? [[String: Any]]
        #expect(current?.first?["status"] as? String == "house arrest")
        let earlier = try cli.json("status", "list", "--as-of", "2022-03", "--format", "json") as? [[String: Any]]
        #expect(earlier?.first?["status"] as? String == "pre-trial detention")
        #expect(earlier?.first?["status_date"] as? String == "2022-01")

        #expect(try cli.run("status", "retract", "2", "--reason", "it was another person").status == 0)
        let after = try cli.json("status", "list", "--format", "json") as? [[String: Any]]
        #expect(after?.first?["status"] as? String == "pre-trial detention")

        let show = try cli.run("person", "show", "Raigul Sadyrbayeva")
        #expect(show.stdout.contains("RETRACTED 2022-06-15  house arrest"))
        #expect(show.stdout.contains("it was another person"))

        let log = try cli.json("log", "--format", "json") as? [[String: Any]]
        #expect(log?.map { $0["command"] as? String } == ["status retract", "status set", "status set", "person add"])
        #expect(log?.map { $0["by"] as? String } == ["cli-tester", "analyst", "cli-tester", "cli-tester"])
    }

    @Test(arguments: [
        (["status", "set", "Raigul", "house arest", "--source", "x"], "is not a status casetrack knows"),
        (["status", "set", "Raigul", "house arrest", "--date", "2022-13-40", "--source", "x"], "not a real calendar date"),
        (["status", "set", "Raigul", "house arrest", "--date", "tomorrow", "--source", "x"], "is not a date"),
        (["status", "set", "Raigul", "house arrest", "--date", "2022-02-30", "--source", "x"], "not a real calendar date"),
        (["status", "set", "Raigul", "house arrest"], "needs a source"),
        (["person", "add", " "], "needs a name"),
        (["status", "set", "Sadyrbaeva", "detained", "--source", "x"], "did you mean Raigul Sadyrbayeva (id 1)"),
        (["status", "set", "Nobody", "detained", "--source", "x"], "No person matches 'Nobody'"),
        (["status", "retract", "77", "--reason", "x"], "no status event with id 77"),
        (["status", "set", "Raigul", "detained", "--document", "2022/2505(RSP)", "--section", "O"], "No imported resolution"),
        (["person", "show", "Nobody"], "No person matches"),
    ])
    func badInputExitsOneWithASentenceAndChangesNothing(arguments: [String], message: String) throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Raigul Sadyrbayeva").status == 0)
        let before = try cli.databaseBytes()
        let result = try cli.run(arguments: arguments)
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try cli.databaseBytes() == before)
    }

    @Test func malformedArgumentsKeepTheParserUsageCode() throws {
        let cli = try CLIRunner()
        let result = try cli.run("status", "set")
        #expect(result.status == 64)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        let cli = try CLIRunner()
        let notes = Data("private notes, not a database\n".utf8)
        try notes.write(to: URL(fileURLWithPath: cli.databasePath))
        let result = try cli.run("person", "list")
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a casetrack database"))
        #expect(try cli.databaseBytes() == notes)
    }

    @Test func aReleaseBinaryCopiedAloneStillCreatesDatabases() throws {
        let cli = try CLIRunner()
        let lonely = cli.directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        let copy = lonely.appendingPathComponent("casetrack")
        try FileManager.default.copyItem(at: CLIRunner.binary, to: copy)
        #expect(try cli.run(arguments: ["person", "add", "Alone Person"], binary: copy).status == 0)
        let list = try cli.run(arguments: ["person", "list", "--format", "csv"], binary: copy)
        #expect(list.stdout.contains("Alone Person"))
    }
}
