import CaseStore
import Foundation
import GRDB
import Testing

/// One process opening the same case file twice must keep its POSIX locks on
/// it: closing any descriptor of a file drops them all, and another process
/// that finds the file unlocked checkpoints and deletes the `-wal` under the
/// open connections, so their later commits go to a deleted file and are lost.
@Suite struct SameFileTwiceTests {
    let recorder = Recorder("tester")

    static func close(_ database: CaseDatabase) throws {
        try #require(database.writer as? DatabaseQueue).close()
    }

    @Test func openingTheSameFileTwiceInOneProcessLosesNothing() throws {
        let cli = try CLIRunner()
        let path = cli.databasePath
        let wal = path + "-wal"
        let first = try CaseDatabase.open(path: path)
        _ = try first.addPerson(name: "Anna First", by: recorder)
        // The second open checks the file that the first holds open (and locked).
        let second = try CaseDatabase.open(path: path)
        let reader = try CaseDatabase.open(path: path, readOnly: true)
        _ = try first.addPerson(name: "Boris Second", by: recorder)
        _ = try second.addPerson(name: "Chloe Third", by: recorder)
        #expect(FileManager.default.fileExists(atPath: wal))

        // Another process opens and closes the file while both are open: it must find it in use.
        let listed = try cli.run("person", "list")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(FileManager.default.fileExists(atPath: wal), "another process deleted the -wal under open connections")

        // Close one; the other still writes, and still holds the file.
        _ = try first.addPerson(name: "Dmitri Fourth", by: recorder)
        try Self.close(first)
        try Self.close(reader)
        _ = try second.addPerson(name: "Elena Fifth", by: recorder)
        #expect(try cli.run("person", "list").status == 0)
        #expect(FileManager.default.fileExists(atPath: wal), "another process deleted the -wal under an open connection")
        _ = try second.addPerson(name: "Farid Sixth", by: recorder)
        try Self.close(second)

        // Every commit is in the file, as another process reads it.
        let names = ["Anna First", "Boris Second", "Chloe Third", "Dmitri Fourth", "Elena Fifth", "Farid Sixth"]
        let after = try cli.run("person", "list")
        for name in names { #expect(after.stdout.contains(name), "\(name) lost: \(after.stdout)") }
        let reopened = try CaseDatabase.open(path: path, readOnly: true)
        let stored = try reopened.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM person ORDER BY id") }
        #expect(stored == names)
        try Self.close(reopened)
    }
}
