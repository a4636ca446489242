import CaseIngest
import CaseStore
import Foundation
import Testing

/// `document reread` and review (issue 20 points 1 and 4): a review stays with a step read
/// again unchanged, a step a person rejected does not come back when it is read anew, and a
/// removed document is not read again.
@Suite struct RereadReviewCLITests {
    /// The events of Mira Lund's history as `history --format json` gives them.
    static func events(_ cli: CLIRunner) throws -> [[String: Any]] {
        let history = try #require(try cli.json("history", "Mira Lund", "--format", "json") as? [String: Any])
        return history["events"] as? [[String: Any]] ?? []
    }

    @Test func aConfirmedStepStaysConfirmedAndARejectedStepDoesNotComeBack() throws {
        let cli = try CLIRunner()
        // An older reading: the release was placed at another step, so today's rules read it anew.
        _ = try StatusStepCLITests.imported(cli) { extraction in
            extraction.statuses.filter { $0.supersededBy == nil }.map { status in
                var status = status
                if status.person == "Mira Lund", status.status == "released" { status.step = (status.step ?? 0) + 10 }
                return status
            }
        }
        let before = try Self.events(cli)
        let arrest = try #require(before.first { $0["date"] as? String == "2023-09-20" }?["claim"] as? String)
        let release = try #require(before.first { $0["date"] as? String == "2023-11-18" }?["claim"] as? String)
        #expect(try cli.run("review", "confirm", arrest, "--by", "ana").status == 0)
        let reject = try cli.run("review", "reject", release, "--reason", "the release is of another blogger", "--by", "ana")
        #expect(reject.status == 0, "\(reject.stderr)")

        let reread = try cli.run("document", "reread", "2024/9001(RSP)", "--by", "ana")
        #expect(reread.status == 0, "\(reread.stderr)")
        #expect(reread.stdout.contains("  + Mira Lund: released, 2023-11-18"), "\(reread.stdout)")
        #expect(reread.stdout.contains("  x 1 claim read anew rejected again, as a person rejected it before"), "\(reread.stdout)")

        let after = try Self.events(cli)
        // The arrest was read unchanged: the same event, still confirmed.
        let kept = try #require(after.first { $0["claim"] as? String == arrest })
        #expect(kept["review"] as? String == "confirmed")
        // The release read anew is a new event, rejected again citing the person's rejection.
        let releases = after.filter { $0["date"] as? String == "2023-11-18" }
        let anew = try #require(releases.first { $0["claim"] as? String != release })
        #expect(anew["review"] as? String == "rejected", "\(anew)")
        let queue = try cli.json("review", "list", "--all", "--format", "json") as? [[String: Any]] ?? []
        let row = try #require(queue.first { $0["id"] as? String == anew["claim"] as? String })
        #expect((row["reason"] as? String ?? "").contains("the release is of another blogger"), "\(row)")
        // It does not stand: the current status is not the rejected release.
        let show = try #require(try cli.json("person", "show", "Mira Lund", "--format", "json") as? [String: Any])
        #expect((show["current_status"] as? [String: Any])?["status"] as? String == "detained")
        #expect(!(try cli.run("status", "list", "--reviewed").stdout.contains("released")))
        #expect(try cli.run("log").stdout.contains("1 claims rejected again as a person rejected them before"))
        #expect(try cli.run("check").status == 0)
    }

    @Test func aRemovedDocumentIsNotReadAgain() throws {
        let cli = try CLIRunner()
        _ = try StatusStepCLITests.imported(cli) { extraction in
            Array(extraction.statuses.filter { $0.supersededBy == nil }.dropLast())
        }
        #expect(try cli.run("document", "remove", "1", "--reason", "wrong file").status == 0)
        let before = try cli.databaseBytes()
        let one = try cli.run("document", "reread", "2024/9001(RSP)")
        #expect(one.status == 1, "\(one.stdout)\(one.stderr)")
        #expect(one.stderr.contains("was removed with 'document remove'"), "\(one.stderr)")
        #expect(one.stderr.split(separator: "\n").count == 1, "\(one.stderr)")
        let all = try cli.run("document", "reread", "--all")
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("2024/9001(RSP) (document 1) was removed with 'document remove': skipped."), "\(all.stdout)")
        #expect(try cli.databaseBytes() == before)
    }

    @Test func searchFindsNoPassageOfARemovedDocument() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first, ImportCLITests.second).status == 0)
        func hits() throws -> (matches: Int, documents: Set<String>) {
            let answer = try #require(try cli.json("search", "Kazakhstan", "--limit", "200", "--format", "json") as? [String: Any])
            let documents = Set((answer["hits"] as? [[String: Any]] ?? []).compactMap { $0["document"] as? String })
            return (answer["matches"] as? Int ?? -1, documents)
        }
        let before = try hits()
        #expect(before.documents == ["2021/2544(RSP)", "2022/2505(RSP)"], "\(before)")
        #expect(try cli.run("document", "remove", "2021/2544(RSP)", "--reason", "wrong file").status == 0)
        let after = try hits()
        #expect(after.documents == ["2022/2505(RSP)"], "\(after)")
        #expect(after.matches > 0 && after.matches < before.matches, "\(before.matches) -> \(after.matches)")
        // Imported again, its passages are found again.
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        #expect(try hits().documents == before.documents)
        #expect(try hits().matches == before.matches)
    }
}
