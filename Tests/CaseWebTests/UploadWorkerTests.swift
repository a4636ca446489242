import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 22 point 5: an upload is read like a CLI import, in a worker
/// process with a time budget, at most two at once, so that one file cannot
/// freeze every page and login.
@Suite(.serialized) struct UploadWorkerTests {
    /// The casetrack executable built beside the tests.
    static var binary: URL {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for directory in candidates {
            let url = directory.appendingPathComponent("casetrack")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/casetrack").standardized
    }

    /// An app over a database file (the worker opens it by path), with anna as editor.
    static func app(timeLimit: Duration = UploadWork.timeLimit) throws -> (CaseWebApp, CaseDatabase, String) {
        setenv("CASETRACK_TEST_BCRYPT_COST", "4", 1)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-upload-\(UUID().uuidString).sqlite").path
        let database = try CaseDatabase.open(path: path)
        _ = try database.addAccount(name: "anna", role: .editor, password: WebHarness.editorPassword, by: Recorder("admin"))
        let app = try CaseWebApp(database: database, readers: [try CaseDatabase.openReader(alongside: database)], secureCookies: false,
                                 uploadRunner: .worker(executable: binary, timeLimit: timeLimit))
        return (app, database, path)
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func aPreviewAndItsImportRunInAWorkerUnderTheUser() async throws {
        let (app, database, path) = try Self.app()
        defer { Self.remove(path) }
        let data = try Data(contentsOf: WebHarness.sampleData.appendingPathComponent("ep-2021-2544-kazakhstan.txt"))
        try await Application(router: app.router()).test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let preview = try await browser.upload("/import", fileName: "resolution.txt", data: data)
            #expect(preview.text.contains("[dry run, nothing written] resolution.txt: 2021/2544(RSP)"), "\(preview.text.prefix(300))")
            #expect(try CaseQueries(database).documents().isEmpty, "a preview writes nothing")
            let token = try #require(preview.text.components(separatedBy: "name=\"token\" value=\"").dropFirst().first?.prefix(64))
            let imported = try await browser.post("/import/confirm", ["token": String(token)])
            #expect(imported.status == .seeOther && imported.location.hasPrefix("/documents/"))
            #expect(try CaseQueries(database).documents().map(\.sourceFile) == ["resolution.txt"])
            let entry = try #require(try CaseQueries(database).auditLog(limit: 1).first)
            #expect(entry.by == "anna" && entry.command == "import")
            // A file that is not a resolution: the worker's sentence, nothing written.
            let bad = try await browser.upload("/import", fileName: "notes.txt", data: Data("just a note".utf8))
            #expect(bad.status == .unprocessableContent, "\(bad.status) \(bad.text.prefix(300))")
            #expect(try CaseQueries(database).documents().count == 1)
        }
        let peak = await app.uploadWork.peak, total = await app.uploadWork.total
        #expect(peak == 1 && total == 3)
    }

    /// The attack: a file whose extraction takes long froze the server. The
    /// worker past its time budget is stopped; the user gets a sentence.
    @Test func aWorkerPastItsTimeBudgetIsStopped() async throws {
        let (app, database, path) = try Self.app(timeLimit: .seconds(1))
        defer { Self.remove(path) }
        setenv("CASETRACK_FAULT_SLOW_UPLOAD", "30", 1)
        defer { unsetenv("CASETRACK_FAULT_SLOW_UPLOAD") }
        let data = try Data(contentsOf: WebHarness.sampleData.appendingPathComponent("ep-2021-2544-kazakhstan.txt"))
        try await Application(router: app.router()).test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let started = ContinuousClock.now
            let preview = try await browser.upload("/import", fileName: "slow.txt", data: data)
            #expect(preview.status == .unprocessableContent)
            #expect(preview.text.contains("took longer than 1 seconds, so it was stopped and nothing was imported"))
            #expect(ContinuousClock.now - started < .seconds(25), "stopped, not waited for")
            #expect(try await browser.get("/persons").status == .ok)
        }
        #expect(try CaseQueries(database).documents().isEmpty)
    }

    /// At most two uploads are read at once; the others wait their turn, and all are answered.
    @Test func atMostTwoUploadsAreReadAtOnce() async throws {
        let harness = try WebHarness(samples: false)
        let data = try Data(contentsOf: WebHarness.sampleData.appendingPathComponent("ep-2022-2505-kazakhstan.txt"))
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let signedIn = browser
            let statuses = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        var copy = signedIn
                        return try await copy.upload("/import", fileName: "r\(index).txt", data: data).text.contains("dry run, nothing written")
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: true, count: 6))
        }
        let peak = await harness.app.uploadWork.peak, total = await harness.app.uploadWork.total
        #expect(peak <= 2 && total == 6)
    }
}
