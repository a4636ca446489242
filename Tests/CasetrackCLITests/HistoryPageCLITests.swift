import Foundation
import Testing

/// Issue 11: the history page a lawyer receives — sources, legend, one
/// evidence vocabulary, print rules, and Markdown that stays text.
@Suite struct HistoryPageCLITests {
    static func imported() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first, ImportCLITests.second).status == 0)
        #expect(try cli.run("document", "date", "2022/2505(RSP)", "2022-01-20").status == 0)
        #expect(try cli.run("status", "set", "Raigul Sadyrbayeva", "house arrest", "--date", "2022-06-15",
                            "--source", "phone call with <b>lawyer</b>", "--by", "anna").status == 0)
        return cli
    }

    @Test func theHtmlPageListsItsSourcesAndExplainsItsMarks() throws {
        let cli = try Self.imported()
        let page = try cli.run("history", "Raigul Sadyrbayeva", "--format", "html").stdout
        let sources = try #require(page.components(separatedBy: "<h2 id=\"sources\">Sources</h2>").dropFirst().first)
        #expect(sources.contains("European Parliament resolution on the human rights situation in Kazakhstan"))
        #expect(sources.contains("2021/2544(RSP)") && sources.contains("Adopted 2021-02-11"))
        #expect(sources.contains("https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=2022/2505(RSP)&amp;l=en"))
        #expect(sources.contains("phone call with &lt;b&gt;lawyer&lt;/b&gt;") && sources.contains("recorded by anna on 20"))
        #expect(page.contains("href=\"#source-1\""))
        #expect(page.contains("class=\"legend\"") && page.contains("<span class=\"mark status\"></span>"))
        #expect(page.contains("<em>stated</em>") && page.contains("<em>inferred</em>") && page.contains("<em>recorded</em>"))
        #expect(page.contains("li.event:last-child { break-before: avoid"))
    }

    @Test func oneEvidenceVocabularyEverywhere() throws {
        let cli = try Self.imported()
        for format in ["text", "markdown", "html", "json"] {
            // Aron Atabek is only asked to be released: his one status is inferred.
            let history = try cli.run("history", "Aron Atabek", "--format", format).stdout
            #expect(!history.contains("implied by a call for release"), "\(format)")
            #expect(history.contains("inferred"), "\(format)")
        }
        let events = try #require((try cli.json("person", "show", "Aron Atabek", "--format", "json") as? [String: Any])?["events"] as? [[String: Any]])
        #expect(events.allSatisfy { ["stated", "inferred", "recorded"].contains($0["evidence"] as? String ?? "") })
        #expect(events.contains { $0["evidence"] as? String == "inferred" })
    }

    @Test func markdownEscapesRawHtml() throws {
        let cli = try Self.imported()
        let markdown = try cli.run("history", "Raigul Sadyrbayeva", "--format", "markdown").stdout
        #expect(!markdown.contains("<b>") && markdown.contains("&lt;b&gt;lawyer&lt;/b&gt;"))
        #expect(markdown.contains("## Sources"))
    }

    /// Only where Chromium is installed (Debian: apt-get install chromium): the page renders and prints,
    /// and the last printed page does not hold a lone timeline entry.
    @Test(.enabled(if: HistoryPageCLITests.tool("chromium") != nil))
    func thePageRendersAndPrintsInChromium() throws {
        let cli = try Self.imported()
        let html = cli.directory.appendingPathComponent("askhat.html").path
        #expect(try cli.run("history", "Askhat Zheksebayev", "--format", "html", "-o", html).status == 0)
        let png = cli.directory.appendingPathComponent("askhat.png").path, pdf = cli.directory.appendingPathComponent("askhat.pdf").path
        for flag in ["--screenshot=\(png)", "--print-to-pdf=\(pdf)"] {
            _ = try Self.runTool("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                              "--window-size=1200,1600", flag, "file://\(html)"])
        }
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.count > 20_000 && image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let printed = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(printed.starts(with: Array("%PDF".utf8)))
        if Self.tool("pdftotext") != nil {
            let text = try Self.runTool("pdftotext", ["-layout", pdf, "-"])
            let pages = text.components(separatedBy: "\u{0C}").filter { $0.contains(" · ") }
            #expect((pages.last?.components(separatedBy: " · ").count ?? 0) - 1 >= 2, "the last page holds one entry alone")
        }
    }

    /// Only with Chromium and pdftotext: histories of 9 to 13 entries (on A4/Letter one of them
    /// ends with a single entry on its last page without the rule) never print a lone last entry.
    @Test(.enabled(if: HistoryPageCLITests.tool("chromium") != nil && HistoryPageCLITests.tool("pdftotext") != nil))
    func noPrintedPageHoldsALoneLastEntry() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Test Person").status == 0)
        let statuses = ["detained", "pre-trial detention", "on trial", "sentenced", "imprisoned", "released", "at risk", "detained",
                        "house arrest", "restricted liberty"]
        for n in 1...13 {
            let date = String(format: "2020-%02d-%02d", (n - 1) / 28 + 1, (n - 1) % 28 + 1)
            #expect(try cli.run("status", "set", "Test Person", statuses[n % 10], "--date", date,
                                "--source", "report number \(n) from a long-named monitoring organisation about hearings",
                                "--note", "note \(n): some words to make the entry a little longer than one line on paper").status == 0)
            guard n >= 9 else { continue }
            let html = cli.directory.appendingPathComponent("h\(n).html").path, pdf = cli.directory.appendingPathComponent("h\(n).pdf").path
            #expect(try cli.run("history", "Test Person", "--format", "html", "-o", html).status == 0)
            _ = try Self.runTool("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                              "--print-to-pdf=\(pdf)", "file://\(html)"])
            let pages = try Self.runTool("pdftotext", [pdf, "-"]).components(separatedBy: "\u{0C}").filter { $0.contains(" · ") }
            #expect((pages.last?.components(separatedBy: " · ").count ?? 0) - 1 >= 2, "\(n) entries: the last page holds one alone")
        }
    }

    static func tool(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func runTool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(tool(name)))
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
