import Foundation
import Testing

/// The five questions of issue 4, asked through the built binary after the
/// README's import, checked against `cases.json`.
@Suite struct QuestionCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../CaseIngestTests/Fixtures/cases.json").standardized

    struct Cases: Decodable {
        struct Charged: Decodable {
            struct Inferred: Decodable { var names: [String] }
            var inferred_persons: Inferred?
            var must_not_include: [String]?
        }
        var charged_under: [String: Charged]
        var release_calls: [String: [String]]
        var histories: [String: [String]]
    }

    static func cases() throws -> Cases { try JSONDecoder().decode(Cases.self, from: Data(contentsOf: fixtures)) }

    /// One database with both samples, shared by the tests (they only read it).
    static let imported: Result<CLIRunner, any Error> = Result {
        let cli = try CLIRunner()
        let first = ImportCLITests.first, second = ImportCLITests.second
        guard try cli.run("import", first).status == 0,
              try cli.run("import", second, "--adopted", "2022-01-20").status == 0 else { throw CLIError.importFailed }
        return cli
    }

    enum CLIError: Error { case importFailed }

    @Test func chargedUnder405GivesTheGoldAnswer() throws {
        let cli = try Self.imported.get()
        let gold = try #require(try Self.cases().charged_under["Criminal Code of Kazakhstan, Article 405"])
        let answer = try #require(try cli.json("charged", "405", "--format", "json") as? [String: Any])
        let organisations = try #require(answer["organisations"] as? [[String: Any]])
        #expect(organisations.count == 1)
        #expect(organisations.first?["name"] as? String == "Koshe Partiyasy")
        #expect(organisations.first?["evidence"] as? String == "stated")
        let sources = organisations.first?["sources"] as? [[String: String]]
        #expect(sources == [["document": "2021/2544(RSP)", "section": "F"]])
        let persons = try #require(answer["persons"] as? [[String: Any]])
        #expect(Set(persons.compactMap { $0["name"] as? String }) == Set(gold.inferred_persons?.names ?? []))
        #expect(persons.allSatisfy { $0["evidence"] as? String == "inferred" && ($0["because"] as? String)?.contains("Koshe Partiyasy") == true })
        for name in gold.must_not_include ?? [] { #expect(!persons.contains { $0["name"] as? String == name }) }
        // Text and CSV say the same.
        let text = try cli.run("charged", "405")
        #expect(text.stdout.contains("Koshe Partiyasy") && text.stdout.contains("Persons (13)"))
        let csv = try cli.run("charged", "405", "--format", "csv")
        #expect(csv.stdout.split(separator: "\r\n").count == 1 + 14)
    }

    @Test func aRecordedChargeOutranksTheInferenceAndBothStayInTheHistory() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        #expect(try cli.run("charge", "add", "Askhat Zheksebayev", "--article", "405", "--instrument", "Criminal Code",
                            "--stage", "convicted", "--date", "2021-12", "--source", "court verdict").status == 0)
        let answer = try cli.json("charged", "405", "--evidence", "recorded", "--format", "json") as? [String: Any]
        let persons = answer?["persons"] as? [[String: Any]]
        #expect(persons?.count == 1)
        #expect(persons?.first?["other_evidence"] as? [String] == ["inferred"])
        let history = try cli.json("history", "Askhat Zheksebayev", "--format", "json") as? [String: Any]
        let charges = (history?["events"] as? [[String: Any]])?.filter { $0["kind"] as? String == "charge" && ($0["summary"] as? String)?.contains("405") == true }
        #expect(Set(charges?.compactMap { $0["evidence"] as? String } ?? []) == ["inferred", "recorded"])
    }

    @Test func anArticleInSeveralInstrumentsMustBeChosen() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        #expect(try cli.run("charge", "add", "Askhat Zheksebayev", "--article", "405", "--instrument", "Labour Code of Freedonia",
                            "--source", "x").status == 0)
        let ambiguous = try cli.run("charged", "405")
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("--instrument"))
        let chosen = try cli.json("charged", "405", "--instrument", "Labour Code", "--format", "json") as? [String: Any]
        #expect((chosen?["provision"] as? [String: String])?["instrument"] == "Labour Code of Freedonia")
        #expect(try cli.run("charged", "9999").status == 1)
    }

    @Test func historiesHaveEveryGoldStep() throws {
        let cli = try Self.imported.get()
        for (name, steps) in try Self.cases().histories {
            let history = try #require(try cli.json("history", name, "--format", "json") as? [String: Any])
            let events = try #require(history["events"] as? [[String: Any]])
            for step in steps {
                // "2021/2544(RSP) F: …" → that source must carry an event.
                let reference = step.prefix { $0 != ":" }.split(separator: " ").map(String.init)
                let found = events.filter {
                    let source = $0["source"] as? [String: String]
                    return source?["document"] == reference[0] && source?["section"] == reference[1]
                }
                #expect(!found.isEmpty, "\(name): \(step)")
                if step.contains("release called for") { #expect(found.contains { $0["kind"] as? String == "release-call" }, "\(name): \(step)") }
                if step.contains("sentenced") { #expect(found.contains { ($0["summary"] as? String)?.contains("5 years imprisonment") == true }) }
                if step.contains("editor-in-chief") { #expect(found.contains { $0["kind"] as? String == "membership" }) }
                if step.contains("spelled") || step.contains("named '") {
                    #expect(found.contains { $0["kind"] as? String == "mention" && ($0["summary"] as? String)?.contains("‘") == true })
                }
            }
            // Oldest first.
            let dates = events.compactMap { $0["date"] as? String }
            #expect(dates == dates.sorted(), "\(name)")
        }
    }

    @Test func historyFormatsAreStandaloneAndReadable() throws {
        let cli = try Self.imported.get()
        let html = try cli.run("history", "Raigul Sadyrbayeva", "--format", "html")
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<ol class=\"timeline\">") && html.stdout.contains("@media print"))
        // Standalone: nothing is loaded from elsewhere. Addresses appear only as links to the sources (issue 11).
        #expect(!html.stdout.contains("src=") && !html.stdout.contains("<link") && !html.stdout.contains("@import") && !html.stdout.contains("url("))
        let addresses = html.stdout.components(separatedBy: "https://").count - 1
        let linked = html.stdout.components(separatedBy: "<a href=\"https://").count - 1
        #expect(!html.stdout.contains("http://") && addresses == 2 * linked, "every address is a link's target and text")
        #expect(html.stdout.contains("2022/2505(RSP) O") && html.stdout.contains("pre-trial detention"))
        let markdown = try cli.run("history", "Raigul Sadyrbayeva", "--format", "markdown")
        #expect(markdown.stdout.hasPrefix("# Case history: Raigul Sadyrbayeva"))
        // Unreviewed claims carry the escaped mark, explained under the table.
        #expect(markdown.stdout.contains("| 2022-01-20 | 2022/2505(RSP) 4 | release-call: release called for \\* |"))
        #expect(markdown.stdout.contains("\\* unreviewed: read by the importer"))
        let text = try cli.run("history", "sadyrbayeva raigul")
        #expect(text.stdout.contains("current status: pre-trial detention"))
        let file = cli.directory.appendingPathComponent("raigul.html").path
        #expect(try cli.run("history", "Raigul Sadyrbayeva", "--format", "html", "--output", file).status == 0)
        #expect(FileManager.default.fileExists(atPath: file))
    }

    @Test func searchFindsEverySpellingOfAName() throws {
        let cli = try Self.imported.get()
        let answer = try #require(try cli.json("search", "Lukpan Akhmedyarov", "--format", "json") as? [String: Any])
        let hits = try #require(answer["hits"] as? [[String: Any]])
        let places = Set(hits.map { "\($0["document"] as? String ?? "") \($0["section"] as? String ?? "")" })
        #expect(places == ["2021/2544(RSP) K", "2022/2505(RSP) L"])
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("[Lukpan") == true })
        let hyphenated = try cli.json("search", "pre-trial detention", "--format", "json") as? [String: Any]
        #expect(((hyphenated?["hits"] as? [Any])?.count ?? 0) >= 3)
        let bad = try cli.run("search", "release AND (")
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1)
    }

    @Test func compareReproducesTheGoldReleaseCalls() throws {
        let cli = try Self.imported.get()
        let gold = try Self.cases().release_calls
        let comparison = try #require(try cli.json("compare", "2021/2544(RSP)", "2022/2505(RSP)", "--format", "json") as? [String: Any])
        func names(_ key: String) -> Set<String> { Set((comparison[key] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []) }
        #expect(names("release_calls_only_in_first") == Set(gold["named_in_2021_only"] ?? []))
        #expect(names("release_calls_only_in_second") == Set(gold["named_in_2022_only"] ?? []))
        let unknown = try cli.run("compare", "2021/2544(RSP)", "1999/0001(RSP)")
        #expect(unknown.status == 1 && unknown.stderr.contains("import it first"))
    }

    @Test func documentsAndStatusQuestions() throws {
        let cli = try Self.imported.get()
        let documents = try #require(try cli.json("documents", "--format", "json") as? [[String: Any]])
        #expect(documents.map { $0["procedure"] as? String } == ["2021/2544(RSP)", "2022/2505(RSP)"])
        #expect(documents.map { $0["adopted"] as? String } == ["2021-02-11", "2022-01-20"])
        #expect(documents.map { $0["persons"] as? Int } == [53, 31])
        let deceased = try cli.json("status", "list", "deceased", "--format", "json") as? [[String: Any]]
        #expect(deceased?.count == 9)
        let asOf2021 = try cli.json("person", "list", "--status", "sentenced", "--as-of", "2021", "--format", "json") as? [[String: Any]]
        #expect(asOf2021?.compactMap { $0["name"] as? String } == [])
        let asOf2022 = try cli.json("person", "list", "--status", "sentenced", "--as-of", "2022-01", "--format", "json") as? [[String: Any]]
        #expect(Set(asOf2022?.compactMap { $0["name"] as? String } ?? []) == ["Kairat Klyshev", "Noyan Rakhimzhanov", "Askhat Zheksebayev", "Abai Begimbetov"])
        let supporters = try cli.json("person", "list", "--organisation", "Koshe Partiyasy", "--format", "json") as? [[String: Any]]
        #expect(supporters?.count == 13)
        let named = try cli.json("person", "list", "--document", "2022/2505(RSP)", "--format", "json") as? [[String: Any]]
        #expect(named?.count == 31)
    }

    @Test func exportsInEveryFormat() throws {
        let cli = try Self.imported.get()
        let json = try #require(try cli.json("export") as? [String: [Any]])
        #expect(json["person"]?.count == 69 && json["document"]?.count == 2)
        let popolo = try #require(try cli.json("export", "--format", "popolo") as? [String: Any])
        let persons = try #require(popolo["persons"] as? [[String: Any]])
        #expect(persons.count == 69)
        #expect(persons.contains { ($0["other_names"] as? [[String: String]])?.contains(["name": "Zheksebayev Askhat"]) == true })
        let directory = cli.directory.appendingPathComponent("csv").path
        #expect(try cli.run("export", "--format", "csv", "--output", directory).status == 0)
        let persons_csv = try String(contentsOfFile: directory + "/person.csv", encoding: .utf8)
        #expect(persons_csv.split(separator: "\r\n").count == 70)
        let retractions = try String(contentsOfFile: directory + "/status_retraction.csv", encoding: .utf8)
        #expect(retractions.hasPrefix("id,event_id,reason"))
        #expect(try cli.run("export", "--format", "csv").status == 64)
    }

    /// A name written with a combining accent is one character per letter as a reader sees it:
    /// the table pads by characters, so the widest such name is printed whole (it once lost its
    /// last letter, padded by UTF-16 units) and the next column stays aligned.
    @Test func tablesPadByCharactersAndNeverCutAName() throws {
        let cli = try CLIRunner()
        let decomposed = "Jose\u{301} Longname"
        #expect(try cli.run("person", "add", decomposed).status == 0)
        #expect(try cli.run("person", "add", "Ana Ruiz").status == 0)
        let lines = try cli.run("person", "list").stdout.split(separator: "\n").map(String.init)
        let row = try #require(lines.first { $0.contains("Longname") })
        #expect(row.contains("Longname  -"), "the name is printed whole: \(row)")
        let other = try #require(lines.first { $0.contains("Ana Ruiz") })
        #expect(row.count == other.count, "columns line up: \(lines)")
    }
}
