import Foundation
import Testing

/// Issue 19: `casetrack extract FILE --explain NAME` says why a name is or is not a person, through the built binary.
@Suite struct ExtractExplainCLITests {
    /// An invented resolution: a journalist named in full, then by family name alone; an organisation with its acronym.
    static let text = """
        European Parliament resolution of 12 May 2026 on the case of Ana Ruíz in Freedonia (2026/2001(RSP))

        The European Parliament,

        A. whereas the journalist Ana Ruíz was arrested on 4 May 2026 and charged under Article 12 of the Public Order Act;

        B. whereas Ruíz remains in detention; whereas the Freedonia Press Union (FPU) protested;

        1. Calls for the immediate release of Ana Ruíz;
        """

    static func file(_ cli: CLIRunner) throws -> String {
        let path = cli.directory.appendingPathComponent("explain.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func explainsWhyANameIsAPersonWithRulesWeightsAndTotal() throws {
        let cli = try CLIRunner()
        let file = try Self.file(cli)
        // Lower case and no accent still find `Ana Ruíz`.
        let result = try cli.run("extract", file, "--explain", "ana ruiz")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        // The candidate in recital A became a person on the role before it and the verb after it.
        let start = try #require(lines.firstIndex { $0.contains("Ana Ruíz [A]: a person") }, "\(result.stdout)")
        let block = lines[start...].prefix { !$0.isEmpty && ($0 == lines[start] || $0.hasPrefix("    ")) }.joined(separator: "\n")
        #expect(block.contains("+3  person.role-before"))
        #expect(block.contains("“journalist”"))
        #expect(block.contains("person.auxiliary-person-verb  “was arrested”"))
        #expect(block.contains("total 6 ≥ 2"))
        // The claims about her follow, each with its rules or the note that none were recorded.
        #expect(result.stdout.contains("Claims naming these persons:"))
        #expect(result.stdout.contains("release call of Ana Ruíz [1]"))
        #expect(result.stdout.contains("status of Ana Ruíz [A]: detained"))
    }

    @Test func explainsARefusedNameWithItsVetoAndAnOrganisationWithItsRules() throws {
        let cli = try CLIRunner()
        let file = try Self.file(cli)
        let result = try cli.run("extract", file, "--explain", "Press Union")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Freedonia Press Union [B]: not a person"))
        #expect(result.stdout.contains("refused by person.veto-common-word"))
        #expect(result.stdout.contains("organisation.acronym-definition  “Freedonia Press Union (FPU)”"))
        // The family name alone is no person of its own: the explanation says whose mention it is.
        let family = try cli.run("extract", file, "--explain", "RUIZ")
        #expect(family.stdout.contains("Ruíz [B]: not a person of its own; a mention of Ana Ruíz"))
        #expect(family.stdout.contains("person.one-name-word"))
    }

    @Test func explainAsJSONCarriesEachRuleWithItsWeight() throws {
        let cli = try CLIRunner()
        let file = try Self.file(cli)
        let json = try cli.json("extract", file, "--explain", "Ana", "--format", "json") as? [String: Any]
        let candidates = try #require(json?["candidates"] as? [[String: Any]])
        let recital = try #require(candidates.first { $0["section"] as? String == "A" })
        #expect(recital["person"] as? String == "Ana Ruíz")
        #expect(recital["total"] as? Int == 6 && recital["threshold"] as? Int == 2)
        let rules = (recital["rules"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "")=\($0["weight"] ?? "")" }
        #expect(rules.contains("person.role-before=3"))
    }

    @Test func aNameNothingMatchesIsAnErrorAndTheDebugVariablePrintsNothing() throws {
        let cli = try CLIRunner()
        let file = try Self.file(cli)
        let none = try cli.run("extract", file, "--explain", "Nobody Here")
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty && none.stderr.contains("no name in") && none.stderr.contains("Nobody Here"))
        let empty = try cli.run("extract", file, "--explain", " ")
        #expect(empty.status == 64)
        // The old development variable no longer prints candidates into the JSON on stdout.
        let json = try cli.run(arguments: ["extract", file, "--format", "json"], environment: ["CASETRACK_DEBUG_CANDIDATES": "1"])
        #expect(json.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, "\(json.stdout.prefix(200))")
    }
}
