import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 12: the CLI keeps working on the database while the app serves it.
@Suite struct WebConcurrencyTests {
    /// The `casetrack` executable built beside the tests.
    static var binary: URL {
        for directory in [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let url = directory.appendingPathComponent("casetrack")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/casetrack").standardized
    }

    static func casetrack(_ arguments: [String], database: String, input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--db", database] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CASETRACK_TEST_BCRYPT_COST"] = "4"
        process.environment = environment
        let out = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data((input + "\n").utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theCLIWritesWhileTheAppServesAndWrites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        let samples = ["ep-2021-2544-kazakhstan.txt", "ep-2022-2505-kazakhstan.txt"].map { WebHarness.sampleData.appendingPathComponent($0).path }
        #expect(try Self.casetrack(["import"] + samples, database: path).status == 0)
        #expect(try Self.casetrack(["person", "add", "Ivan Petrov"], database: path).status == 0)
        #expect(try Self.casetrack(["user", "add", "anna", "--role", "editor"], database: path, input: WebHarness.editorPassword).status == 0)
        let app = try CaseWebApp(databasePath: path)
        // Read through the app: a second open of the file in this process would drop its locks (see CaseDatabase.openReader).
        let ivan = try app.queries.history("Ivan Petrov").person.id
        let cliWrites = 8, webWrites = 8
        try await Application(router: app.router()).test(.router) { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("anna", WebHarness.editorPassword).status == .seeOther)
            let cli = Task.detached {
                var failures: [String] = []
                for day in 1...cliWrites {
                    let result = try Self.casetrack(["status", "set", "Ivan Petrov", "detained", "--date", String(format: "2021-01-%02d", day),
                                                     "--source", "cli \(day)", "--by", "cli"], database: path)
                    if result.status != 0 { failures.append(result.output) }
                    if day % 3 == 0, try Self.casetrack(["person", "list", "--format", "json"], database: path).status != 0 { failures.append("list") }
                }
                return failures
            }
            for day in 1...webWrites {
                for page in ["/persons", "/persons/\(ivan)", "/log", "/search?q=Ivan"] {
                    #expect(try await browser.get(page).status == .ok, "\(page)")
                }
                let response = try await browser.post("/persons/\(ivan)/status", ["status": "released", "date": String(format: "2021-02-%02d", day), "source": "web \(day)"])
                #expect(response.status == .seeOther, "\(response.text.prefix(300))")
            }
            #expect(try await cli.value.isEmpty)
        }
        let detail = try app.queries.person("Ivan Petrov")
        #expect(detail.events.filter { $0.recordedBy == "cli" }.count == cliWrites)
        #expect(detail.events.filter { $0.recordedBy == "anna" }.count == webWrites)
        #expect(try Self.casetrack(["check"], database: path).status == 0)
        // The app's commits are in the file's -wal, which no CLI process took for unused and deleted.
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
