@testable import CaseStore
import Foundation
import GRDB
import Testing

/// A `-wal` left beside the file is verified on the pages it holds, not on
/// the whole file: what it costs follows the `-wal`, and a `-wal` casetrack
/// did not write is still refused. (`WriteAheadLog.lastCheck` counts the
/// work: no clock.)
@Suite(.serialized) struct WalReconcileTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wal-reconcile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A file with `persons` persons (each with an alias), sealed by audited writes, checkpointed and closed.
    func file(named name: String, persons: Int) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let database = try CaseDatabase.open(path: path)
        for start in stride(from: 0, to: persons, by: 1000) {
            try database.audited("bulk add", by: tester) { db in
                for index in start..<min(persons, start + 1000) {
                    try db.execute(sql: "INSERT INTO person (name, created_at) VALUES (?, '2026-01-01T00:00:00Z')", arguments: ["Person \(index) Testfamily"])
                    try CaseDatabase.addAliasForBenchmark("Person \(index) Testfamily", to: db.lastInsertedRowID, in: db)
                }
                return ((), "added persons")
            }
        }
        try database.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        return path
    }

    /// What a writer killed after its commits leaves: the file and its `-wal`, copied while the writer still holds them.
    func killedWriter(on path: String, leaving crashed: String, _ write: (CaseDatabase) throws -> Void) throws {
        let database = try CaseDatabase.open(path: path)
        try write(database)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        try FileManager.default.copyItem(atPath: path, toPath: crashed)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: crashed + "-wal")
        try database.close()
    }

    func reconciled(_ path: String) throws -> WriteAheadLog.CheckReport? {
        WriteAheadLog.lastCheck = nil
        try WriteAheadLog.reconcile(path)
        return WriteAheadLog.lastCheck
    }

    @Test func aKilledWritersWALIsAcceptedVerifiedOnItsPagesAndKept() throws {
        let path = try file(named: "cases.sqlite", persons: 1500)
        let crashed = directory.appendingPathComponent("crashed.sqlite").path
        try killedWriter(on: path, leaving: crashed) { database in
            _ = try database.addPerson(name: "Ivana Testova", by: tester)
            // A write large enough to split leaves and change interior pages.
            try database.audited("bulk add", by: tester) { db in
                for index in 0..<800 {
                    try db.execute(sql: "INSERT INTO person (name, created_at, note) VALUES (?, '2026-01-02T00:00:00Z', ?)",
                                   arguments: ["Later \(index) Testfamily", String(repeating: "long note ", count: index % 20 == 0 ? 600 : 1)])
                }
                try db.execute(sql: "UPDATE person SET note = 'changed' WHERE id = 7")
                try db.execute(sql: "DELETE FROM person_alias WHERE person_id = 9")
                return ((), "added and changed persons")
            }
        }
        let report = try reconciled(crashed)
        #expect(report?.scope == .pages, "\(String(describing: report))")
        #expect(report?.wholeFileBecause == nil)
        // The committed data is there, and the next write keeps it.
        let database = try CaseDatabase.open(path: crashed)
        let (count, note) = try database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0, try String.fetchOne(db, sql: "SELECT note FROM person WHERE id = 7"))
        }
        #expect(count == 1500 + 1 + 800 && note == "changed")
        _ = try database.addPerson(name: "Second Testova", by: tester)
        try database.close()
        #expect(!FileManager.default.fileExists(atPath: crashed + "-wal"))
        let reopened = try CaseDatabase.open(path: crashed, readOnly: true)
        #expect(try reopened.writer.read { db in try RowSeals.differences(db) }.isEmpty)
        #expect(try reopened.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") } == 1500 + 2 + 800)
        try reopened.close()
    }

    @Test func theRowsVerifiedDoNotGrowWithTheFile() throws {
        var reports: [Int: WriteAheadLog.CheckReport] = [:]
        for persons in [300, 6000] {
            let path = try file(named: "cases-\(persons).sqlite", persons: persons)
            let crashed = directory.appendingPathComponent("crashed-\(persons).sqlite").path
            try killedWriter(on: path, leaving: crashed) { database in _ = try database.addPerson(name: "Ivana Testova", by: tester) }
            reports[persons] = try reconciled(crashed)
        }
        let small = try #require(reports[300]), large = try #require(reports[6000])
        #expect(small.scope == .pages && large.scope == .pages, "\(small) \(large)")
        // The file holds over 12,000 sealed rows; the write's pages a few hundred at most, whatever the file's size.
        #expect(large.rowsVerified > 0 && large.rowsVerified < 1000, "\(large)")
        #expect(large.rowsVerified <= small.rowsVerified + 400, "\(small) \(large)")
        #expect(large.pagesRead <= small.pagesRead + 20, "\(small) \(large)")

        // The whole-file check (what every command paid before) verifies every sealed row, twice when any differs.
        let crashed = directory.appendingPathComponent("crashed-6000.sqlite").path
        var whole = WriteAheadLog.CheckReport(scope: .wholeFile, rowsVerified: 0, pagesRead: 0)
        let walQueue = try DatabaseQueue(path: crashed, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let aloneQueue = try WriteAheadLog.immutableQueue(crashed)
        _ = try walQueue.read { db in
            try aloneQueue.read { alone in
                try WriteAheadLog.problemInWholeFile(walDB: db, aloneDB: alone, auditColumns: try WriteAheadLog.fileAlone(alone).auditColumns, report: &whole)
            }
        }
        try walQueue.close()
        try aloneQueue.close()
        #expect(whole.rowsVerified >= 12_000, "\(whole)")
    }

    /// The same file's history, with a write no casetrack made in its `-wal`.
    func tamperedWAL(_ sql: String, prepared: String? = nil) throws -> String {
        let path = try file(named: "good-\(UUID().uuidString).sqlite", persons: 400)
        let copy = directory.appendingPathComponent("copy-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        if let prepared {
            // Done to the copy's file itself (checkpointed), so that its -wal holds only `sql`.
            let queue = try DatabaseQueue(path: copy)
            try queue.writeWithoutTransaction { db in try db.execute(sql: prepared) }
            try queue.close()
        }
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        let queue = try DatabaseQueue(path: copy, configuration: config)
        try queue.write { db in try db.execute(sql: sql) }
        try FileManager.default.copyItem(atPath: copy + "-wal", toPath: path + "-wal")
        try queue.close()
        return path
    }

    @Test(arguments: [
        "INSERT INTO person (name, created_at) VALUES ('Zed Zedson', '2026-01-01T00:00:00Z')",
        "UPDATE person SET name = 'Someone Else' WHERE id = 5",
        "DELETE FROM person_alias WHERE id = 3",
    ])
    func aWALWithAWriteCasetrackDidNotMakeIsRefused(_ sql: String) throws {
        let path = try tamperedWAL(sql)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        WriteAheadLog.lastCheck = nil
        #expect(throws: CaseStoreError.foreignWAL(path: path, reason: WriteAheadLog.rowsBrought(1))) { try WriteAheadLog.reconcile(path) }
        #expect(WriteAheadLog.lastCheck?.scope == .pages)
        // Refused with the one sentence, from opening for writing too; neither file changed.
        #expect(throws: CaseStoreError.foreignWAL(path: path, reason: WriteAheadLog.rowsBrought(1))) { try CaseDatabase.open(path: path) }
        let message = CaseStoreError.foreignWAL(path: path, reason: WriteAheadLog.rowsBrought(1)).description
        #expect(message.contains("does not belong to") && !message.contains("\n"), "\(message)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")) == wal)
    }

    @Test func aWALThatChangesAnAuditEntryIsRefused() throws {
        // Triggers keep casetrack from ever changing an entry; a -wal from elsewhere need not have them.
        let path = try tamperedWAL("UPDATE audit_log SET summary = 'nothing happened' WHERE id = (SELECT min(id) FROM audit_log)",
                                   prepared: "DROP TRIGGER audit_log_no_update")
        WriteAheadLog.lastCheck = nil
        do {
            try WriteAheadLog.reconcile(path)
            let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? -1
            Issue.record("a -wal that changes an audit entry was accepted (-wal \(size) bytes, \(String(describing: WriteAheadLog.contents(at: path + "-wal"))))")
        } catch CaseStoreError.foreignWAL(_, let reason) {
            #expect(reason.contains("it would change or remove 1 of the file's") && reason.contains("audit entries, from entry"), "\(reason)")
        }
        #expect(WriteAheadLog.lastCheck?.scope == .pages)
    }
}
