import CaseIngest
import CaseStore
import Foundation
import GRDB
import Testing

@Suite struct CaseRecordTests {
    @Test func recordingAndRetractingStatusesIsAuditedAndAppendOnly() throws {
        // Given a person
        let database = try CaseDatabase.inMemory()
        let person = try database.addPerson(name: "Raigul Sadyrbayeva", by: tester)

        // When two statuses are recorded and the second is retracted
        let first = try database.setStatus(StatusChange(
            person: "sadyrbayeva RAIGUL", status: .preTrialDetention, date: PartialDate(parsing: "2022-01"),
            source: .text("lawyer")), by: tester)
        let second = try database.setStatus(StatusChange(
            person: "\(person.id ?? 0)", status: .houseArrest, date: PartialDate(parsing: "2022-06-15"),
            source: .text("phone call with lawyer"), note: "moved home"), by: tester)
        _ = try database.retractStatus(eventID: second.event.id ?? 0, reason: "misheard", by: tester)

        // Then both events remain, one retracted, and the audit log has every step
        let counts = try tableCounts(database)
        #expect(counts["status_event"] == 2)
        #expect(counts["status_retraction"] == 1)
        #expect(counts["audit_log"] == 4)
        #expect(first.person.id == person.id)
        let by = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT by FROM audit_log") }
        #expect(by == ["tester"])
    }

    @Test func statusEventsCannotBeEditedOrDeletedEvenInSQL() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.addPerson(name: "A Person", by: tester)
        let event = try database.setStatus(StatusChange(
            person: "A Person", status: .detained, date: PartialDate(parsing: "2020"), source: .text("x")), by: tester)
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "DELETE FROM status_event") }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "UPDATE status_event SET status = 'released' WHERE id = ?", arguments: [event.event.id])
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.addPerson(name: "Daniyar Khassenov", by: tester)
        _ = try database.addPerson(name: "Daryn Khassenov", by: tester)
        let before = try tableCounts(database)
        let date = try PartialDate(parsing: "2022")

        #expect(throws: CaseStoreError.emptyName) { try database.addPerson(name: "   ", by: tester) }
        #expect(throws: CaseStoreError.controlCharacters("a\nb")) { try database.addPerson(name: "a\nb", by: tester) }
        #expect(throws: CaseStoreError.self) { try database.addPerson(name: "khassenov daniyar", by: tester) }
        #expect(throws: CaseStoreError.self) {
            try database.setStatus(StatusChange(person: "Khassenov", status: .detained, date: date, source: .text("x")), by: tester)
        }
        #expect(throws: CaseStoreError.self) {
            try database.setStatus(StatusChange(person: "Nobody Here", status: .detained, date: date, source: .text("x")), by: tester)
        }
        #expect(throws: CaseStoreError.unknownDocument(procedure: "2022/2505(RSP)")) {
            try database.setStatus(StatusChange(person: "Daryn", status: .detained, date: date,
                                                source: .section(procedure: "2022/2505(RSP)", label: "O")), by: tester)
        }
        #expect(throws: CaseStoreError.unknownEvent(id: 42)) { try database.retractStatus(eventID: 42, reason: "x", by: tester) }
        #expect(throws: CaseStoreError.emptyReason) { try database.retractStatus(eventID: 1, reason: " ", by: tester) }
        #expect(throws: CaseStoreError.self) {
            try database.addCharge(ChargeEntry(person: "Daryn", article: "405", instrument: nil, stage: .charged,
                                               date: nil, source: .text("x")), by: tester)
        }
        #expect(try tableCounts(database) == before)
    }

    @Test func ambiguousAndUnknownNamesListTheCandidates() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.addPerson(name: "Daniyar Khassenov", by: tester)
        _ = try database.addPerson(name: "Daryn Khassenov", by: tester)
        do {
            _ = try database.setStatus(StatusChange(person: "khassenov", status: .detained, date: PartialDate(parsing: "2022"),
                                                    source: .text("x")), by: tester)
            Issue.record("expected an ambiguity error")
        } catch let error as CaseStoreError {
            #expect(error.description.contains("Daniyar Khassenov (id 1)") && error.description.contains("Daryn Khassenov (id 2)"))
        }
        do {
            _ = try database.setStatus(StatusChange(person: "Daryn Khasenov", status: .detained, date: PartialDate(parsing: "2022"),
                                                    source: .text("x")), by: tester)
            Issue.record("expected an unknown-person error")
        } catch let error as CaseStoreError {
            #expect(error.description.contains("did you mean Daryn Khassenov (id 2)"))
        }
    }

    @Test func mergeMovesEverythingAndOldIdsStillResolve() throws {
        let database = try CaseDatabase.inMemory()
        let kept = try database.addPerson(name: "Maks Bokayev", by: tester)
        let absorbed = try database.addPerson(name: "Max Bokayev", by: tester)
        _ = try database.setStatus(StatusChange(person: "Max Bokayev", status: .released, date: PartialDate(parsing: "2021"),
                                                source: .text("x")), by: tester)
        _ = try database.mergePersons(kept: "Maks Bokayev", absorbed: "Max Bokayev", by: tester)

        try database.writer.read { db in
            let events = try Int64.fetchAll(db, sql: "SELECT person_id FROM status_event")
            #expect(events == [kept.id])
            let aliases = try String.fetchAll(db, sql: "SELECT alias FROM person_alias WHERE person_id = ? ORDER BY alias", arguments: [kept.id])
            #expect(aliases == ["Maks Bokayev", "Max Bokayev"])
            #expect(try PersonResolver.resolve("\(absorbed.id ?? 0)", in: db).id == kept.id)
            #expect(try PersonResolver.resolve("bokayev max", in: db).id == kept.id)
            #expect(try String.fetchOne(db, sql: "SELECT decision FROM identity_review") == "merged")
        }
        #expect(throws: CaseStoreError.self) { try database.mergePersons(kept: "Maks", absorbed: "Max", by: tester) }
    }

    @Test func chargesNeedAnInstrumentWhenTheArticleIsAmbiguous() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.addPerson(name: "A Person", by: tester)
        let first = try database.addCharge(ChargeEntry(person: "A Person", article: "Article 405", instrument: "Criminal Code of Kazakhstan",
                                                       stage: .charged, date: nil, source: .text("court papers")), by: tester)
        #expect(first.instrument == "Criminal Code of Kazakhstan")
        // The only instrument with article 405 is found without naming it.
        let second = try database.addCharge(ChargeEntry(person: "A Person", article: "405", instrument: nil,
                                                        stage: .convicted, date: PartialDate(parsing: "2022-01"), source: .text("verdict")), by: tester)
        #expect(second.instrument == "Criminal Code of Kazakhstan")
        #expect(second.charge.provisionId == first.charge.provisionId)
    }
}

@Suite struct DatabaseFileTests {
    func temporaryPath(_ name: String = "cases.sqlite") -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-\(UUID().uuidString)")
        return directory.appendingPathComponent(name).path
    }

    @Test func aNewDatabaseIsOwnerOnly() throws {
        let path = temporaryPath()
        _ = try CaseDatabase.open(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndUntouched() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let bytes = Data("just some notes\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: CaseStoreError.notADatabase(path: path)) { try CaseDatabase.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func someoneElsesSQLiteDatabaseIsRefusedAndUntouched() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: CaseStoreError.foreignDatabase(path: path)) { try CaseDatabase.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aDatabaseFromANewerCasetrackIsRefused() throws {
        let path = temporaryPath()
        do {
            let database = try CaseDatabase.open(path: path)
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future')")
            }
        }
        #expect(throws: CaseStoreError.newerDatabase(path: path)) { try CaseDatabase.open(path: path) }
    }

    @Test func theLocationFollowsFlagThenEnvironmentThenXDG() {
        #expect(DatabaseLocation.resolve(explicit: "/a.sqlite", environment: ["CASETRACK_DB": "/b.sqlite"]) == "/a.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["CASETRACK_DB": "/b.sqlite"]) == "/b.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x"]) == "/x/casetrack/cases.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/u"]) == "/home/u/.local/share/casetrack/cases.sqlite")
    }
}
