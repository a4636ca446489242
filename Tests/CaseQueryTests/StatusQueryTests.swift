import CaseIngest
import CaseQuery
import CaseStore
import Testing

@Suite struct StatusQueryTests {
    let recorder = Recorder("tester")

    func given() throws -> CaseDatabase {
        let database = try CaseDatabase.inMemory()
        _ = try database.addPerson(name: "Raigul Sadyrbayeva", by: recorder)
        _ = try database.addPerson(name: "Someone Else", by: recorder)
        _ = try database.setStatus(StatusChange(person: "Raigul", status: .preTrialDetention,
                                                date: PartialDate(parsing: "2022-01"), source: .text("a")), by: recorder)
        _ = try database.setStatus(StatusChange(person: "Raigul", status: .houseArrest,
                                                date: PartialDate(parsing: "2022-06-15"), source: .text("b")), by: recorder)
        return database
    }

    @Test func currentStatusIsTheLatestEvent() throws {
        let rows = try CaseQueries(given()).persons(PersonFilter(withStatusOnly: true))
        #expect(rows.map(\.name) == ["Raigul Sadyrbayeva"])
        #expect(rows.first?.status == "house arrest")
        #expect(rows.first?.statusDate == "2022-06-15")
    }

    @Test(arguments: [("2021-12-31", nil), ("2022-01", "pre-trial detention"), ("2022-03", "pre-trial detention"),
                      ("2022-06-14", "pre-trial detention"), ("2022-06", "house arrest"), ("2022", "house arrest")])
    func asOfUsesTheEndOfTheGivenPeriod(asOf: String, expected: String?) throws {
        let rows = try CaseQueries(given()).persons(PersonFilter(asOf: PartialDate(parsing: asOf)))
        #expect(rows.first { $0.name == "Raigul Sadyrbayeva" }?.status == expected)
    }

    @Test func aRetractedEventNoLongerCountsButStaysInTheHistory() throws {
        let database = try given()
        _ = try database.retractStatus(eventID: 2, reason: "wrong person", by: recorder)
        let queries = CaseQueries(database)
        #expect(try queries.persons(PersonFilter(status: .houseArrest)).isEmpty)
        let detail = try queries.person("Raigul")
        #expect(detail.currentStatus?.status == "pre-trial detention")
        #expect(detail.events.map(\.status) == ["pre-trial detention", "house arrest"])
        #expect(detail.events.last?.retracted?.reason == "wrong person")
    }

    @Test func theAuditLogIsNewestFirst() throws {
        let lines = try CaseQueries(given()).auditLog()
        #expect(lines.map(\.command) == ["status set", "status set", "person add", "person add"])
        #expect(lines.allSatisfy { $0.by == "tester" })
    }
}
