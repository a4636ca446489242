import Foundation
import Testing

/// A resolution's events keep the dates written next to them; a past step it
/// does not date says so ("date not stated") instead of taking the resolution's
/// date, and a present situation is "as of" the resolution (reported).
@Suite struct EventDateCLITests {
    static let resolution = """
        European Parliament resolution of 4 May 2023 on Freedonia (2023/9002(RSP))

        The European Parliament,

        – having regard to its previous resolutions on Freedonia,

        A. whereas the blogger Mira Lund was arrested on 2 June 2022 and was sentenced on 10 February 2023 to six years in prison;

        B. whereas the lawyer Tomas Reyes has been charged with treason; whereas the journalist Ana Ruiz remains in detention;

        1. Calls for the immediate release of Mira Lund and Tomas Reyes;

        """

    @Test func statusesCarryTheirOwnDateOrSayTheyAreReported() throws {
        let cli = try CLIRunner()
        let file = cli.directory.appendingPathComponent("freedonia.txt")
        try Self.resolution.write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.run("import", file.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let rows = try #require(try cli.json("status", "list", "--format", "json") as? [[String: Any]])
        let lund = try #require(rows.first { $0["name"] as? String == "Mira Lund" })
        #expect(lund["status"] as? String == "sentenced")
        #expect(lund["status_date"] as? String == "2023-02-10")
        #expect(lund["status_date_basis"] as? String == "event")
        let reyes = try #require(rows.first { $0["name"] as? String == "Tomas Reyes" })
        #expect(reyes["status"] as? String == "charged")
        #expect(reyes["status_date"] is NSNull, "the text does not say when he was charged")
        #expect(reyes["status_date_basis"] as? String == "not stated")
        let ruiz = try #require(rows.first { $0["name"] as? String == "Ana Ruiz" })
        #expect(ruiz["status"] as? String == "detained")
        #expect(ruiz["status_date"] as? String == "2023-05-04")
        #expect(ruiz["status_date_basis"] as? String == "reported")
        let text = try cli.run("status", "list")
        #expect(text.stdout.contains("as of 2023-05-04 (reported)") && text.stdout.contains("date not stated"), "\(text.stdout)")
        // As of 2022 she was detained, with the date the text gives.
        let asOf = try #require(try cli.json("status", "list", "--as-of", "2022-12", "--format", "json") as? [[String: Any]])
        #expect(asOf.first { $0["name"] as? String == "Mira Lund" }?["status"] as? String == "detained")
        let history = try cli.run("history", "Tomas Reyes")
        #expect(history.stdout.contains("current status: charged, date not stated"), "\(history.stdout)")
        let ruizHistory = try cli.run("history", "Ana Ruiz")
        #expect(ruizHistory.stdout.contains("current status: detained, as of 2023-05-04 (reported)"), "\(ruizHistory.stdout)")
        let lundHistory = try cli.run("history", "Mira Lund")
        #expect(lundHistory.stdout.contains("2022-06-02") && lundHistory.stdout.contains("since 2023-02-10"), "\(lundHistory.stdout)")
    }
}
