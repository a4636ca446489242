import Foundation
import GRDB
import Testing

/// `casetrack review` and `document remove` as a user runs them: what the
/// importer read is unreviewed until a person confirms it, and a wrong import can be undone.
@Suite struct ClaimReviewCLITests {
    static var first: String { ImportCLITests.first }
    static var second: String { ImportCLITests.second }

    /// The unreviewed claims as `review list --format json` gives them.
    static func claims(_ cli: CLIRunner, _ extra: String...) throws -> [[String: Any]] {
        try cli.json(arguments: ["review", "list", "--format", "json"] + extra) as? [[String: Any]] ?? []
    }

    static func claim(_ claims: [[String: Any]], subject: String, kind: String, section: String) -> String? {
        claims.first { $0["subject"] as? String == subject && $0["kind"] as? String == kind && $0["section"] as? String == section }?["id"] as? String
    }

    @Test func aFreshImportAnswersNothingReviewedUntilAPersonConfirmsTheResolution() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", Self.first, Self.second).status == 0)
        let plain = try cli.run("status", "list", "--format", "json")
        let plainRows = try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(plainRows.count > 20)
        // Every standing status is marked unreviewed, in JSON a field of its own; status keeps its value.
        #expect(plainRows.allSatisfy { $0["review"] as? String == "unreviewed" && $0["status"] is String })
        let reviewed = try cli.json("status", "list", "--reviewed", "--format", "json") as? [[String: Any]]
        #expect(reviewed?.isEmpty == true)
        let text = try cli.run("status", "list")
        #expect(text.stdout.contains(" *") && text.stdout.contains("* unreviewed: read by the importer"))

        // The queue lists claims of every kind with typed ids, quote, section and subject.
        let queue = try Self.claims(cli)
        #expect(queue.count == 186)
        let prefixes = Set(queue.compactMap { ($0["id"] as? String)?.first })
        #expect(prefixes == ["s", "c", "m", "r"])
        #expect(queue.allSatisfy { !($0["quote"] as? String ?? "").isEmpty && $0["section"] is String })

        let first = try cli.run("review", "confirm", "--document", "2021/2544(RSP)", "--by", "ana")
        #expect(first.status == 0 && first.stdout.contains("Confirmed 133 claims of 2021/2544(RSP)"), "\(first.stdout)\(first.stderr)")
        #expect(try cli.run("review", "confirm", "--document", "2", "--by", "ana").status == 0)
        let after = try cli.run("status", "list", "--reviewed", "--format", "json")
        let plainAfter = try cli.run("status", "list", "--format", "json")
        #expect(after.stdout == plainAfter.stdout)
        // Equal to today's answer, every claim now confirmed.
        #expect(plainAfter.stdout == plain.stdout.replacingOccurrences(of: "\"unreviewed\"", with: "\"confirmed\""))
        #expect(try Self.claims(cli).isEmpty)
        let log = try cli.run("log")
        #expect(log.stdout.contains("ana  review confirm: confirmed the 133 unreviewed claims of 2021/2544(RSP)"))
        #expect(!(try cli.run("status", "list").stdout.contains("unreviewed")))
    }

    @Test func rejectingAndCorrectingClaims() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", Self.first).status == 0)
        let queue = try Self.claims(cli)
        let detained = try #require(Self.claim(queue, subject: "Almat Zhumagulov", kind: "status", section: "F"))
        let charge = try #require(queue.first { $0["subject"] as? String == "Almat Zhumagulov" && ($0["claim"] as? String ?? "").contains("Article 405") }?["id"] as? String)

        let rejected = try cli.run("review", "reject", detained, "--reason", "a call for release, not a report of detention", "--by", "ana")
        #expect(rejected.status == 0, "\(rejected.stderr)")
        // Rejected: out of the answers, in the history struck with its reason.
        let show = try cli.json("person", "show", "Almat Zhumagulov", "--format", "json") as? [String: Any]
        #expect(show?["current_status"] == nil || show?["current_status"] is NSNull)
        let history = try cli.run("history", "Almat Zhumagulov")
        #expect(history.stdout.contains("REJECTED (a call for release, not a report of detention, by ana"))
        let markdown = try cli.run("history", "Almat Zhumagulov", "--format", "markdown")
        #expect(markdown.stdout.contains("~~REJECTED"))
        let html = try cli.run("history", "Almat Zhumagulov", "--format", "html")
        #expect(html.stdout.contains("rejected in review: a call for release"))
        #expect(!(try cli.run("status", "list").stdout.contains("Almat Zhumagulov")))

        // Correct: the right claim recorded, the wrong one rejected and linked, in one step.
        let corrected = try cli.run("review", "correct", charge, "--stage", "convicted", "--date", "2020-07", "--by", "ana", "--format", "json")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let outcome = try JSONSerialization.jsonObject(with: Data(corrected.stdout.utf8)) as? [String: Any]
        let replacement = try #require(outcome?["corrected"] as? String)
        let all = try Self.claims(cli, "--all")
        let wrong = all.first { $0["id"] as? String == charge }
        #expect(wrong?["review"] as? String == "rejected" && wrong?["corrected_by"] as? String == replacement)
        let charged = try cli.json("charged", "405", "--format", "json") as? [String: Any]
        let almat = (charged?["persons"] as? [[String: Any]])?.first { $0["name"] as? String == "Almat Zhumagulov" }
        #expect(almat?["stage"] as? String == "convicted" && almat?["evidence"] as? String == "recorded" && almat?["review"] as? String == "confirmed")
        let onlyReviewed = try cli.json("charged", "405", "--reviewed", "--format", "json") as? [String: Any]
        #expect((onlyReviewed?["persons"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Almat Zhumagulov"])

        // A user's own record is confirmed by its author.
        #expect(try cli.run("status", "set", "Aron Atabek", "released", "--date", "2021-10", "--source", "lawyer", "--by", "ana").status == 0)
        let atabek = try cli.json("status", "list", "--reviewed", "--format", "json") as? [[String: Any]]
        #expect(atabek?.first { $0["name"] as? String == "Aron Atabek" }?["status"] as? String == "released")
    }

    @Test func badReviewInputIsOneSentenceAndChangesNothing() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", Self.first).status == 0)
        let before = try cli.databaseBytes()
        for (arguments, words) in [
            (["review", "confirm", "s1", "x9"], "'x9' is not a claim id"),
            (["review", "confirm", "s1", "s99999"], "There is no status event 99999"),
            (["review", "reject", "c1", "--reason", " "], "needs a reason"),
            (["review", "correct", "m1", "--status", "detained"], "--status does not apply to m1"),
            (["review", "correct", "s1"], "Say what is right about s1"),
            (["review", "correct", "r1", "--person", "Almat Zhumagulov"], "already says"),
            (["review", "confirm", "--document", "2099/0001(RSP)"], "No imported document is '2099/0001(RSP)'"),
            (["document", "remove", "1", "--reason", ""], "needs a reason"),
        ] {
            let result = try cli.run(arguments: arguments)
            #expect(result.status == 1, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try cli.run("review", "confirm").status == 64)
        #expect(try cli.databaseBytes() == before)
    }

    @Test func reviewsAreRowsTheDatabaseRefusesToEditOrDelete() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", Self.first).status == 0)
        #expect(try cli.run("review", "reject", "s1", "--reason", "wrong").status == 0)
        #expect(try cli.run("review", "confirm", "s1").status == 0)
        #expect(try cli.run("document", "remove", "1", "--reason", "to test the table").status == 0)
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT decision, origin FROM claim_review WHERE claim_kind = 'status' AND claim_id = 1 ORDER BY id")
            #expect(rows.map { $0["decision"] as String } == ["rejected", "confirmed", "rejected"])
            #expect(rows.map { $0["origin"] as String } == ["review", "review", "document remove"])
        }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE claim_review SET decision = 'confirmed'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM claim_review") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM document_withdrawal") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE document_withdrawal SET reason = 'other'") } }
    }

    @Test func removingAWrongImportAndImportingItAgain() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", Self.first, Self.second).status == 0)
        let queue = try Self.claims(cli, "--document", "1")
        let detained = try #require(Self.claim(queue, subject: "Almat Zhumagulov", kind: "status", section: "F"))
        #expect(try cli.run("review", "reject", detained, "--reason", "a call for release, not a report", "--by", "ana").status == 0)

        // A procedure with one document names it; a wrong one lists nothing to choose from.
        let removed = try cli.run("document", "remove", "2021/2544(RSP)", "--reason", "wrong file", "--by", "ana")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("132 claims rejected"), "\(removed.stdout)")
        #expect(try cli.run("log").stdout.contains("ana  document remove: removed 2021/2544(RSP) (id 1): wrong file"))
        // Withdrawn from answers: none of its charges count, no claim of it is left to review.
        let charged = try cli.json("charged", "405", "--format", "json") as? [String: Any]
        #expect((charged?["persons"] as? [[String: Any]])?.isEmpty == true)
        #expect(try Self.claims(cli).allSatisfy { $0["document"] as? String == "2022/2505(RSP)" })
        let documents = try cli.json("documents", "--format", "json") as? [[String: Any]]
        #expect(documents?.first { $0["id"] as? Int == 1 }?["removed"] as? Bool == true)
        let again = try cli.run("document", "remove", "1", "--reason", "twice")
        #expect(again.status == 1 && again.stderr.contains("already removed"))

        // Importing it again brings its claims back unreviewed, except the one a person rejected.
        let reimport = try cli.run("import", Self.first)
        #expect(reimport.status == 0 && reimport.stdout.contains("restored"), "\(reimport.stdout)\(reimport.stderr)")
        let back = try Self.claims(cli, "--document", "1")
        #expect(back.count == 132)
        #expect(!back.contains { $0["id"] as? String == detained })
        let all = try Self.claims(cli, "--document", "1", "--all")
        #expect(all.first { $0["id"] as? String == detained }?["review"] as? String == "rejected")
    }

    @Test func aRejectedClaimStaysRejectedInAnotherTextOfTheSameResolution() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", Self.first).status == 0)
        let queue = try Self.claims(cli)
        let membership = try #require(Self.claim(queue, subject: "Almat Zhumagulov", kind: "membership", section: "F"))
        #expect(try cli.run("review", "reject", membership, "--reason", "a supporter, not a member").status == 0)
        let release = try #require(Self.claim(queue, subject: "Aron Atabek", kind: "release", section: "3"))
        #expect(try cli.run("document", "remove", "1", "--reason", "replaced by the corrected text").status == 0)
        // The same resolution, its paragraphs renumbered (3 becomes 13): matched by quote, not section.
        let text = try String(contentsOfFile: Self.first, encoding: .utf8)
            .replacingOccurrences(of: "\n3. ", with: "\n13. ")
        let renumbered = cli.directory.appendingPathComponent("renumbered.txt")
        try text.write(to: renumbered, atomically: true, encoding: .utf8)
        let imported = try cli.run("import", renumbered.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("rejected again: 1 claims"), "\(imported.stdout)")
        let fresh = try Self.claims(cli)
        // The membership a person rejected does not come back; the release call (rejected only by the removal) does.
        #expect(!fresh.contains { $0["subject"] as? String == "Almat Zhumagulov" && $0["kind"] as? String == "membership" && ($0["claim"] as? String ?? "").contains("Democratic Choice") })
        #expect(fresh.contains { $0["subject"] as? String == "Aron Atabek" && $0["kind"] as? String == "release" })
        _ = release
    }

    @Test func aTextWithNoPartOfAResolutionIsRefusedUnlessForced() throws {
        let cli = try CLIRunner()
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized.path
        let refused = try cli.run("import", readme)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("does not read as a resolution") && refused.stderr.contains("--force"), "\(refused.stderr)")
        // A refused first import leaves no new, empty case file behind.
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath), "a refused first import created \(cli.databasePath)")
        let forced = try cli.run("import", "--force", readme)
        #expect(forced.status == 0, "\(forced.stderr)")
        // A text cut short after its citations still imports, with its warning.
        let cut = try String(contentsOfFile: Self.first, encoding: .utf8)
        let opening = cut.components(separatedBy: "\nA. ")[0]
        let short = cli.directory.appendingPathComponent("opening.txt")
        try opening.write(to: short, atomically: true, encoding: .utf8)
        let imported = try cli.run("import", short.path)
        #expect(imported.status == 0 && imported.stderr.contains("looks cut short"), "\(imported.stdout)\(imported.stderr)")
    }
}

extension CLIRunner {
    func json(arguments: [String]) throws -> Any {
        let result = try run(arguments: arguments)
        #expect(result.status == 0, "\(arguments) failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}
