import Foundation
import Testing

/// Issue 11: answers that guide instead of guessing, through the built binary.
@Suite struct GuidanceCLITests {
    /// Both samples imported, the second undated (as the README's first command leaves it).
    static func imported() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first, ImportCLITests.second).status == 0)
        return cli
    }

    static func auditCount(_ cli: CLIRunner) throws -> Int {
        (try cli.json("log", "--format", "json") as? [Any])?.count ?? -1
    }

    // 1
    @Test func databaseOptionBeforeTheSubcommandIsUsed() throws {
        let cli = try Self.imported()
        // $CASETRACK_DB points elsewhere: only --db can lead to the imported file.
        let elsewhere = ["CASETRACK_DB": cli.directory.appendingPathComponent("missing.sqlite").path]
        let before = try cli.run(arguments: ["--db", cli.databasePath, "check"], environment: elsewhere)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.hasPrefix("ok:"))
        let equals = try cli.run(arguments: ["--db=\(cli.databasePath)", "documents", "--format", "json"], environment: elsewhere)
        #expect(equals.status == 0 && equals.stdout.contains("2021/2544(RSP)"))
        // Without it, the environment's missing file is refused: the option really chose the database.
        #expect(try cli.run(arguments: ["check"], environment: elsewhere).status == 1)
    }

    // 2
    @Test func unknownDocumentOrOrganisationIsAnErrorWithCloseMatches() throws {
        let cli = try Self.imported()
        let document = try cli.run("person", "list", "--document", "9999/1(RSP)")
        #expect(document.status == 1)
        #expect(document.stderr.contains("2021/2544(RSP)") && document.stdout.isEmpty)
        let near = try cli.run("person", "list", "--document", "2021/2545(RSP)")
        #expect(near.status == 1 && near.stderr.contains("did you mean '2021/2544(RSP)'"))
        let organisation = try cli.run("person", "list", "--organisation", "Nonexistent Org")
        #expect(organisation.status == 1 && organisation.stderr.contains("No organisation matches 'Nonexistent Org'"))
        let misspelt = try cli.run("status", "list", "--organisation", "Koshe Partyasy")
        #expect(misspelt.status == 1 && misspelt.stderr.contains("did you mean 'Koshe Partiyasy'"))
        let prefix = try cli.run("person", "list", "--organisation", "Koshe")
        #expect(prefix.status == 0 && prefix.stdout.contains("Askhat Zheksebayev"))
    }

    // 3
    @Test func statusesInstrumentsAndCommandsSuggestTheClosest() throws {
        let cli = try Self.imported()
        let arrested = try cli.run("status", "set", "Askhat Zheksebayev", "arrested", "--source", "x")
        #expect(arrested.status == 1 && arrested.stderr.contains("did you mean 'detained'"))
        #expect(!arrested.stderr.contains("asylum granted"))
        for (word, status) in [("jailed", "imprisoned"), ("freed", "released"), ("house-arest", "house arrest")] {
            let result = try cli.run("status", "set", "Askhat Zheksebayev", word, "--source", "x")
            #expect(result.status == 1 && result.stderr.contains("'\(status)'"), "\(word): \(result.stderr)")
        }
        let penal = try cli.run("charged", "405", "--instrument", "Penal Code")
        #expect(penal.status == 1 && penal.stderr.contains("did you mean 'Criminal Code of Kazakhstan'"))
        let hist = try cli.run("hist", "Askhat Zheksebayev")
        #expect(hist.status == 64 && hist.stderr.contains("did you mean 'casetrack history'"))
        let nested = try cli.run("person", "lst")
        #expect(nested.status == 64 && nested.stderr.contains("'casetrack person list'"))
    }

    // 4
    @Test func articlesAreReadAsPeopleWriteThem() throws {
        let cli = try Self.imported()
        for words in [["Article", "405"], ["Art. 405"], ["article 405"], ["405(2)"], ["405.2"]] {
            let result = try cli.run(arguments: ["charged"] + words)
            #expect(result.status == 0, "\(words): \(result.stderr)")
            #expect(result.stdout.hasPrefix("Article 405 of the Criminal Code of Kazakhstan") && result.stdout.contains("Koshe Partiyasy"))
        }
        #expect(try cli.run("charged", "405(2)").stderr.contains("not recorded apart from Article 405"))
        let typo = try cli.run("charged", "406")
        #expect(typo.status == 1 && typo.stderr.contains("did you mean Article 405?"))
    }

    // 5
    @Test func articlesAndOrganisationsListWhatCanBeAsked() throws {
        let cli = try Self.imported()
        let articles = try #require(try cli.json("articles", "--format", "json") as? [[String: Any]])
        let article405 = try #require(articles.first { $0["article"] as? String == "405" })
        #expect(article405["instrument"] as? String == "Criminal Code of Kazakhstan")
        #expect(article405["persons"] as? Int == 13 && article405["organisations"] as? Int == 1)
        let text = try cli.run("articles")
        #expect(text.stdout.hasPrefix("ARTICLE") && text.stdout.contains("460-1"))
        #expect(try cli.run("articles", "--format", "csv").stdout.hasPrefix("article,instrument,persons,organisations,groups\r\n"))
        let organisations = try #require(try cli.json("organisations", "--format", "json") as? [[String: Any]])
        let koshe = try #require(organisations.first { $0["name"] as? String == "Koshe Partiyasy" })
        #expect((koshe["members"] as? Int ?? 0) > 0 && koshe["kind"] != nil)
        #expect(try cli.run("organisations").stdout.contains("Koshe Partiyasy"))
        #expect(try cli.run("organisations", "--format", "csv").stdout.hasPrefix("id,name,kind,members"))
    }

    // 6
    @Test func reviewShowsPassagesAndAKeepApartIsRecordedOnce() throws {
        let cli = try Self.imported()
        let review = try cli.run("person", "review")
        #expect(review.stdout.contains("Bekizhan Mendygaziyev") && review.stdout.contains("2022/2505(RSP)"))
        #expect(review.stdout.contains("“"), "passages are quoted: \(review.stdout)")
        let json = try #require(try cli.json("person", "review", "--format", "json") as? [[String: Any]])
        #expect((json.first?["first_passages"] as? [Any])?.isEmpty == false)
        #expect(try cli.run("person", "review", "--keep-apart", "Bekizhan Mendygaziyev", "Barlyk Mendygaziyev").status == 0)
        let logged = try Self.auditCount(cli)
        let again = try cli.run("person", "review", "--keep-apart", "Barlyk Mendygaziyev", "Bekizhan Mendygaziyev")
        #expect(again.status == 0 && again.stdout.contains("Already recorded"))
        #expect(try Self.auditCount(cli) == logged)
    }

    // 7
    @Test func formatHelpListsOnlyAcceptedFormats() throws {
        let cli = try CLIRunner()
        for command in [["charged"], ["documents"], ["search"], ["person", "list"], ["status", "list"], ["log"], ["compare"], ["person", "show"]] {
            let help = try cli.run(arguments: command + ["--help"])
            #expect(!help.stdout.contains("html") && !help.stdout.contains("markdown"), "\(command): \(help.stdout)")
        }
        #expect(try cli.run("history", "--help").stdout.contains("html"))
        #expect(try cli.run("charged", "405", "--format", "html").status == 64)
    }

    // 8
    @Test func searchErrorsSpeakTheUsersWords() throws {
        let cli = try Self.imported()
        let hyphen = try cli.run("search", "pre-trial AND detention")
        #expect(hyphen.status == 0, "\(hyphen.stderr)")
        let column = try cli.run("search", "trial:x")
        #expect(column.status == 1 && !column.stderr.contains("no such column") && column.stderr.contains("double quotes"))
        let quote = try cli.run("search", "\"unclosed")
        #expect(quote.status == 1 && quote.stderr.contains("double quote is not closed"))
        let near = try cli.run("search", "NEAR(a b")
        #expect(near.status == 1 && !near.stderr.contains("fts5"))
    }

    // 9
    @Test func aFutureStatusIsRefusedAndARepeatWarns() throws {
        let cli = try Self.imported()
        let logged = try Self.auditCount(cli)
        let future = try cli.run("status", "set", "Askhat Zheksebayev", "released", "--date", "2999-01-01", "--source", "x")
        #expect(future.status == 1 && future.stderr.contains("in the future"))
        #expect(try Self.auditCount(cli) == logged)
        #expect(try cli.run("status", "set", "Askhat Zheksebayev", "released", "--date", "2023-05-04", "--source", "x").stderr.isEmpty)
        let repeated = try cli.run("status", "set", "Askhat Zheksebayev", "released", "--date", "2023-05-04", "--source", "y")
        #expect(repeated.status == 0 && repeated.stderr.contains("already has 'released' on 2023-05-04"))
    }

    // 10
    @Test func documentDateRedatesItsAnswersAndIsAudited() throws {
        let cli = try Self.imported()
        let before = try cli.run("history", "Askhat Zheksebayev")
        #expect(before.stdout.contains("2022 (year only)"))
        let dated = try cli.run("document", "date", "2022/2505(RSP)", "2022-01-20")
        #expect(dated.status == 0 && dated.stdout.contains("2022-01-20"), "\(dated.stderr)")
        let documents = try #require(try cli.json("documents", "--format", "json") as? [[String: Any]])
        #expect(documents.first { $0["procedure"] as? String == "2022/2505(RSP)" }?["adopted"] as? String == "2022-01-20")
        let after = try cli.run("history", "Askhat Zheksebayev")
        #expect(!after.stdout.contains("year only") && after.stdout.contains("2022-01-20"))
        #expect(!(try cli.run("status", "list").stdout.contains("reported 2022 ")))
        let log = try #require(try cli.json("log", "--format", "json") as? [[String: Any]])
        #expect(log.first?["command"] as? String == "document date")
        let again = try cli.run("document", "date", "2022/2505(RSP)", "2022-01-20")
        #expect(again.status == 0 && again.stdout.contains("nothing changed"))
        #expect(try Self.auditCount(cli) == log.count)
        let unknown = try cli.run("document", "date", "2022/2506(RSP)", "2022-01-20")
        #expect(unknown.status == 1 && unknown.stderr.contains("did you mean '2022/2505(RSP)'"))
        #expect(try cli.run("check").status == 0)
    }

    // 11
    @Test func textColumnsFitTheirContent() throws {
        let cli = try Self.imported()
        let history = try cli.run("history", "Askhat Zheksebayev")
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("2022 (year only) ") && $0.contains("2022/2505(RSP)") })
        #expect(!lines.contains { $0.contains("(year o") && !$0.contains("(year only)") })
        let documents = try cli.run("documents")
        #expect(documents.stdout.contains("2022 (year only)  "))
    }
}
