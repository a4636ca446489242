import Foundation
import GRDB
import Testing

/// `serve` stopped with SIGTERM (as a service manager stops it) closes its connections, so SQLite
/// folds the `-wal` into the file and removes it. A `-wal` left behind would make every next
/// command verify it against the whole file before answering (minutes on a large case file).
@Suite struct ServeStopCLITests {
    @Test func aStoppedServerLeavesNoWriteAheadLog() throws {
        let cli = try CLIRunner()
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/ep-2021-2544-kazakhstan.txt").standardized.path
        #expect(try cli.run("import", sample, "--db", cli.databasePath).status == 0)

        let server = Process()
        server.executableURL = CLIRunner.binary
        let port = 20_000 + Int.random(in: 0..<20_000)
        server.arguments = ["serve", "--db", cli.databasePath, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let wal = cli.databasePath + "-wal"
        // Wait until the server holds the file (its connection made the -wal), at most 30 s.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: wal), Date() < deadline { usleep(100_000) }
        #expect(FileManager.default.fileExists(atPath: wal), "the server never opened the file")

        // Another connection writes while the server holds the file: its frames stay in the -wal,
        // because it is not the file's last connection when it closes.
        let other = try DatabaseQueue(path: cli.databasePath)
        try other.write { db in try db.execute(sql: "ANALYZE") }
        try other.close()
        let size = (try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(size > 0, "the write should have left frames in the -wal while the server runs")

        server.terminate()  // SIGTERM
        server.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: wal), "serve stopped and left its -wal behind")
        // And the next command answers at once from the file.
        #expect(try cli.run("documents", "--db", cli.databasePath).status == 0)
    }
}
