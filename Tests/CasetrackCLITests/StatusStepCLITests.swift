import CaseIngest
import CaseStore
import Foundation
import Testing

/// Every step of a case as the built binary shows it, and `document reread` on a
/// database imported by earlier rules. The databases are made with the library
/// (statuses built by hand, as an extractor that fills steps and bounds gives
/// them, or an older extraction that missed a step), then asked with the binary.
@Suite struct StatusStepCLITests {
    static let resolution = """
        European Parliament resolution of 18 January 2024 on Freedonia (2024/9001(RSP))

        The European Parliament,

        – having regard to its previous resolutions on Freedonia,

        A. whereas the blogger Mira Lund was arrested on 20 September 2023, released on 18 November 2023 and re-arrested on 30 November 2023; whereas she remains in detention;

        B. whereas the editor Olaf Krantz was arrested in March 2023, was subsequently sentenced, and was moved to a prison camp on 15 June 2023;

        1. Calls for the immediate release of Mira Lund;

        """

    static func cue(_ person: String, _ status: String, _ section: String, date: String? = nil, present: Bool = false,
                    after: String? = nil, before: String? = nil, step: Int, cue: String) throws -> Extraction.StatusCue {
        var cue = Extraction.StatusCue(person: person, status: status, evidence: "stated", section: section, cue: cue,
                                       date: try date.map(PartialDate.init(parsing:)))
        cue.present = present
        cue.dateAfter = try after.map(PartialDate.init(parsing:))
        cue.dateBefore = try before.map(PartialDate.init(parsing:))
        cue.step = step
        return cue
    }

    /// The resolution written to a file in the CLI's directory and imported from it with `statuses` (nil: the extractor's own).
    static func imported(_ cli: CLIRunner, statuses: (Extraction) throws -> [Extraction.StatusCue]) throws -> String {
        let file = cli.directory.appendingPathComponent("freedonia.txt").path
        try resolution.write(toFile: file, atomically: true, encoding: .utf8)
        var extraction = try Extractor.extract(data: Data(resolution.utf8), name: file)
        extraction.statuses = try statuses(extraction)
        let database = try CaseDatabase.open(path: cli.databasePath)
        _ = try database.importResolution(extraction, file: file, by: Recorder("cli-tester"))
        return file
    }

    @Test func historyStatusListAndPersonShowWordEachStepsDate() throws {
        let cli = try CLIRunner()
        _ = try Self.imported(cli) { _ in [
            try Self.cue("Mira Lund", "detained", "A", date: "2023-09-20", step: 1, cue: "was arrested"),
            try Self.cue("Mira Lund", "released", "A", date: "2023-11-18", step: 2, cue: "released"),
            try Self.cue("Mira Lund", "detained", "A", date: "2023-11-30", step: 3, cue: "re-arrested"),
            try Self.cue("Mira Lund", "detained", "A", present: true, step: 4, cue: "remains in detention"),
            try Self.cue("Olaf Krantz", "detained", "B", date: "2023-03", step: 1, cue: "was arrested"),
            try Self.cue("Olaf Krantz", "sentenced", "B", after: "2023-03", before: "2023-06-15", step: 2, cue: "was subsequently sentenced"),
        ] }
        let history = try cli.run("history", "Mira Lund")
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("current status: detained, as of 2024-01-18 (reported) - 2024/9001(RSP) A"), "\(history.stdout)")
        let statusLines = history.stdout.split(separator: "\n").filter { $0.contains("status: ") && !$0.hasPrefix("current") }
        #expect(statusLines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["2023-09-20", "2023-11-18", "2023-11-30", "as"], "\(history.stdout)")
        #expect(statusLines.last?.hasPrefix("as of 2024-01-18 (reported)") == true)

        let json = try #require(try cli.json("history", "Olaf Krantz", "--format", "json") as? [String: Any])
        let steps = try #require(json["events"] as? [[String: Any]]).filter { $0["kind"] as? String == "status" }
        #expect(steps.map { $0["when"] as? String } == ["2023-03", "between 2023-03 and 2023-06-15"])
        #expect(steps.last?["date_basis"] as? String == "bounded" && steps.last?["date_after"] as? String == "2023-03"
                && steps.last?["date_before"] as? String == "2023-06-15" && steps.last?["step"] as? Int == 2)
        // An undated step has no date of its own to show.
        #expect(steps.last?["date"] == nil || steps.last?["date"] is NSNull)
        let current = try #require(json["current_status"] as? [String: Any])
        #expect(current["status"] as? String == "sentenced" && current["when"] as? String == "between 2023-03 and 2023-06-15")

        let html = try cli.run("history", "Mira Lund", "--format", "html")
        #expect(html.stdout.contains("as of 2024-01-18 (reported)") && html.stdout.contains(">2023-11-30</time>"), "\(html.stdout)")

        let show = try cli.run("person", "show", "Mira Lund")
        #expect(show.stdout.contains("status: detained, as of 2024-01-18 (reported) - 2024/9001(RSP) A"), "\(show.stdout)")
        #expect(show.stdout.contains("as of 2024-01-18 (reported)  detained") && !show.stdout.contains("from 2024-01-18"), "\(show.stdout)")

        // --as-of: the release stood on 20 November; the bounded sentence counts from its upper bound.
        func status(_ name: String, asOf: String) throws -> [String: Any]? {
            let rows = try #require(try cli.json("status", "list", "--as-of", asOf, "--format", "json") as? [[String: Any]])
            return rows.first { $0["name"] as? String == name }
        }
        #expect(try status("Mira Lund", asOf: "2023-11-20")?["status"] as? String == "released")
        #expect(try status("Olaf Krantz", asOf: "2023-06-14")?["status"] as? String == "detained")
        let bounded = try #require(try status("Olaf Krantz", asOf: "2023-06-15"))
        #expect(bounded["status"] as? String == "sentenced" && bounded["status_date_basis"] as? String == "bounded"
                && bounded["status_when"] as? String == "between 2023-03 and 2023-06-15")
        #expect(bounded["status_date"] == nil || bounded["status_date"] is NSNull)
        let list = try cli.run("status", "list")
        #expect(list.stdout.contains("as of 2024-01-18 (reported)") && list.stdout.contains("between 2023-03 and 2023-06-15"), "\(list.stdout)")
        #expect(try cli.run("check").status == 0)
    }

    @Test func rereadAddsWhatAnOlderReadingMissedRetractsWhatItNoLongerReadsAndADryRunWritesNothing() throws {
        let cli = try CLIRunner()
        var missed: Extraction.StatusCue?
        _ = try Self.imported(cli) { extraction in
            // An older reading: it missed one of today's steps and read one today's rules do not.
            var statuses = extraction.statuses.filter { $0.supersededBy == nil }
            missed = statuses.removeLast()
            statuses.append(try Self.cue("Olaf Krantz", "deceased", "B", date: "2023-06-15", step: 9, cue: "moved"))
            return statuses
        }
        let step = try #require(missed)
        let exported = try cli.run("export", "--format", "json").stdout

        let dry = try cli.run("document", "reread", "2024/9001(RSP)", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("dry run: nothing written"), "\(dry.stdout)")
        #expect(dry.stdout.contains("  + \(step.person): \(step.status)"), "\(dry.stdout)")
        #expect(dry.stdout.contains("] Olaf Krantz: deceased, 2023-06-15, step 9 - B “moved”"), "\(dry.stdout)")
        #expect(try cli.run("export", "--format", "json").stdout == exported, "a dry run changed the database")

        let reread = try cli.run("document", "reread", "1", "--format", "json")
        #expect(reread.status == 0, "\(reread.stderr)")
        let change = try #require((try JSONSerialization.jsonObject(with: Data(reread.stdout.utf8)) as? [[String: Any]])?.first)
        #expect((change["added"] as? [[String: Any]])?.map { $0["status"] as? String } == [step.status])
        #expect((change["retracted"] as? [[String: Any]])?.map { $0["status"] as? String } == ["deceased"])
        #expect((change["kept"] as? Int ?? 0) > 0)
        let krantz = try #require(try cli.json("person", "show", "Olaf Krantz", "--format", "json") as? [String: Any])
        let events = try #require(krantz["events"] as? [[String: Any]])
        let retracted = try #require(events.first { $0["status"] as? String == "deceased" }?["retracted"] as? [String: Any])
        #expect(retracted["reason"] as? String == "re-read with casetrack 0.1.0")
        #expect((krantz["current_status"] as? [String: Any])?["status"] as? String != "deceased")
        let log = try #require(try cli.json("log", "--format", "json") as? [[String: Any]])
        #expect(log.first?["command"] as? String == "document reread")
        #expect(try cli.run("check").status == 0)

        // Read again: the same reading, nothing to do, nothing logged.
        let again = try cli.run("document", "reread", "--all")
        #expect(again.status == 0 && again.stdout.contains("nothing changed"), "\(again.stdout)")
        #expect((try cli.json("log", "--format", "json") as? [[String: Any]])?.count == log.count)
    }

    @Test func rereadNamesTheDocumentOrSaysWhatToDo() throws {
        let cli = try CLIRunner()
        let file = try Self.imported(cli) { $0.statuses }
        let unknown = try cli.run("document", "reread", "2024/9009(RSP)")
        #expect(unknown.status == 1 && unknown.stderr.contains("2024/9001(RSP)"), "\(unknown.stderr)")
        let neither = try cli.run("document", "reread")
        #expect(neither.status == 64, "\(neither.stderr)")
        // The imported file changed since: its stored text, which reads the same on its own, is read instead.
        try (Self.resolution + "\n2. Instructs its President to forward this resolution;\n").write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try cli.run("document", "reread", "2024/9001(RSP)")
        #expect(changed.status == 0 && changed.stdout.contains("nothing changed"), "\(changed.stdout)\(changed.stderr)")
        // A file given that is not the imported text is refused, and nothing is written.
        let logged = (try cli.json("log", "--format", "json") as? [[String: Any]])?.count
        let wrong = try cli.run("document", "reread", "2024/9001(RSP)", "--file", file)
        #expect(wrong.status == 1 && wrong.stderr.contains("not the text that was imported"), "\(wrong.stderr)")
        #expect((try cli.json("log", "--format", "json") as? [[String: Any]])?.count == logged)
        let original = cli.directory.appendingPathComponent("original.txt").path
        try Self.resolution.write(toFile: original, atomically: true, encoding: .utf8)
        let given = try cli.run("document", "reread", "2024/9001(RSP)", "--file", original)
        #expect(given.status == 0 && given.stdout.contains("nothing changed"), "\(given.stdout)\(given.stderr)")
    }
}
