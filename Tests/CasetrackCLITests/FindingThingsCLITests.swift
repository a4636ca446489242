import Foundation
import Testing

/// Issue 21, on the built binary: instruments chosen by the name typed, whom a resolution calls to
/// release, the same evidence in the export as in `history`, and the store's errors in the CLI's words.
@Suite struct FindingThingsCLITests {
    /// An invented resolution naming "the Criminal Code" of no country, beside the sample's "Criminal Code of Kazakhstan".
    static let other = """
        European Parliament resolution on the cases of two journalists
        (2030/2901(RSP))

        The European Parliament,

        – having regard to its previous resolutions,

        A. whereas journalist Tomas Varga was charged under Article 405 of the Criminal Code for reporting on protests;

        B. whereas the authorities continue to detain critics;

        1. Calls for the immediate release of Tomas Varga;

        2. Instructs its President to forward this resolution to the Council.

        """

    @Test func anInstrumentIsMatchedExactlyFirstAndEveryChoiceOfferedWorksWhenTyped() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        // Only "Criminal Code of Kazakhstan" is known: "Criminal Code" is taken as it, and the CLI says so.
        let added = try cli.run("charge", "add", "Askhat Zheksebayev", "--article", "405", "--instrument", "Criminal Code", "--source", "x")
        #expect(added.status == 0 && added.stdout.contains("of Criminal Code of Kazakhstan."))
        #expect(added.stderr.contains("note: 'Criminal Code' was taken as 'Criminal Code of Kazakhstan'"), "never silently: \(added.stderr)")
        // A second resolution names a bare "Criminal Code".
        let file = cli.directory.appendingPathComponent("other.txt")
        try Data(Self.other.utf8).write(to: file)
        #expect(try cli.run("import", file.path).status == 0)
        let ambiguous = try cli.run("charged", "405")
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("--instrument \"Criminal Code\" or --instrument \"Criminal Code of Kazakhstan\""), "\(ambiguous.stderr)")
        // Each choice, typed as offered, selects that instrument.
        let bare = try cli.json("charged", "405", "--instrument", "Criminal Code", "--format", "json") as? [String: Any]
        #expect((bare?["provision"] as? [String: String])?["instrument"] == "Criminal Code")
        #expect((bare?["persons"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Tomas Varga"])
        let full = try cli.json("charged", "405", "--instrument", "Criminal Code of Kazakhstan", "--format", "json") as? [String: Any]
        #expect((full?["provision"] as? [String: String])?["instrument"] == "Criminal Code of Kazakhstan")
        // Recording: the exact name now selects the bare code, with no note.
        let exact = try cli.run("charge", "add", "Tomas Varga", "--article", "405", "--instrument", "Criminal Code", "--stage", "convicted", "--source", "court")
        #expect(exact.status == 0 && exact.stdout.contains("of Criminal Code.") && exact.stderr.isEmpty, "\(exact.stdout) \(exact.stderr)")
        // A prefix of both is refused, listing both; nothing is recorded.
        let before = try cli.run("log").stdout
        let vague = try cli.run("charge", "add", "Tomas Varga", "--article", "405", "--instrument", "Criminal", "--source", "x")
        #expect(vague.status == 1 && vague.stderr.contains("'Criminal Code', 'Criminal Code of Kazakhstan'") && vague.stderr.contains("--instrument"))
        #expect(try cli.run("log").stdout == before)
    }

    @Test func releaseCallsOfOneResolution() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first, ImportCLITests.second).status == 0)
        let compare = try #require(try cli.json("compare", "2021/2544(RSP)", "2022/2505(RSP)", "--format", "json") as? [String: Any])
        let second = ((compare["release_calls_only_in_second"] as? [[String: Any]]) ?? []) + ((compare["release_calls_in_both"] as? [[String: Any]]) ?? [])
        let expected = Set(second.compactMap { $0["name"] as? String })
        let answer = try #require(try cli.json("release-calls", "--document", "2022/2505(RSP)", "--format", "json") as? [String: Any])
        let calls = try #require(answer["calls"] as? [[String: Any]])
        #expect(Set(calls.compactMap { $0["name"] as? String }) == expected && !expected.isEmpty)
        #expect(calls.allSatisfy { $0["section"] is String && $0["person_id"] is Int })
        #expect((answer["document"] as? [String: Any])?["procedure"] as? String == "2022/2505(RSP)")
        // By id as well; text names each person with the section.
        let text = try cli.run("release-calls", "--document", "2")
        #expect(text.status == 0 && text.stdout.contains("Calls for the release of \(calls.count) persons") && text.stdout.contains("Askhat Zheksebayev"))
        let unknown = try cli.run("release-calls", "--document", "2099/0001(RSP)")
        #expect(unknown.status == 1 && unknown.stderr.contains("2099/0001(RSP)"))
    }

    @Test func theExportSaysInferredWhereHistoryDoes() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let export = try #require(try cli.json("export", "--format", "json") as? [String: Any])
        let events = try #require(export["status_event"] as? [[String: Any]])
        let implied = events.filter { $0["note"] as? String == "implied by a call for release" }
        #expect(!implied.isEmpty)
        #expect(implied.allSatisfy { $0["evidence"] as? String == "inferred" })
        let history = try #require(try cli.json("history", "Askhat Zheksebayev", "--format", "json") as? [String: Any])
        let statuses = (history["events"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "status" }
        for event in statuses {
            let id = try #require(event["event_id"] as? Int)
            #expect(events.first { $0["id"] as? Int == id }?["evidence"] as? String == event["evidence"] as? String, "event \(id)")
        }
        let directory = cli.directory.appendingPathComponent("csv")
        #expect(try cli.run("export", "--format", "csv", "--output", directory.path).status == 0)
        let csv = try String(contentsOf: directory.appendingPathComponent("status_event.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\r\n").filter { $0.contains("implied by a call for release") }
        #expect(lines.count == implied.count && lines.allSatisfy { $0.contains(",inferred,") && !$0.contains(",stated,") })
    }

    @Test func theStoresErrorsKeepTheirFlagHintsOnTheCommandLine() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let noSource = try cli.run("status", "set", "Askhat Zheksebayev", "released")
        #expect(noSource.status == 1 && noSource.stderr.contains("--source TEXT") && noSource.stderr.contains("--document PROC --section LABEL"))
        let noReason = try cli.run("status", "retract", "1", "--reason", " ")
        #expect(noReason.status != 0 && noReason.stderr.contains("--reason"))
        let article = try cli.run("charged", "999")
        #expect(article.status == 1 && article.stderr.contains("'casetrack articles'"))
    }
}
