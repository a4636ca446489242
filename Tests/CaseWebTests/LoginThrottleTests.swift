import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 22 point 6: guessing a password stays slow, whoever guesses from
/// wherever, without locking the real user out, and a flood of logins cannot
/// take every core.
@Suite struct LoginThrottleTests {
    /// The attack: " anna " passed the per-name limit (counted apart from
    /// "anna") and then logged in as anna.
    @Test func aPaddedOrRecasedNameIsTheSameNameForTheLimit() async throws {
        let harness = try WebHarness(samples: false, throttle: LoginThrottle(perAddress: 100, failuresPerName: 3))
        try await harness.test { client in
            var browser = Browser(client)
            for name in ["anna", " anna", "ANNA "] {
                #expect(try await browser.logIn(name, "wrong password").status == .unauthorized)
            }
            for name in [" anna ", "Anna", "anna\t"] {
                let padded = try await browser.logIn(name, WebHarness.editorPassword)
                #expect(padded.status == .tooManyRequests, "'\(name)' is anna for the limit too")
                #expect(padded.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("casetrack_session=") })
            }
            // The API's login counts the same name.
            let api = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                               body: ByteBuffer(string: #"{"name": " ANNA ", "password": "\#(WebHarness.editorPassword)"}"#))
            #expect(api.status == .tooManyRequests)
        }
        #expect(await harness.app.throttle.failures(name: "anna") == 3)
        #expect(CaseDatabase.accountKey("  Anna.K_1 \n") == "anna.k_1")
    }

    /// At most 10 failed guesses per name an hour, from all addresses together.
    @Test func tenFailuresPerNameAnHourFromAllAddressesTogether() async {
        let throttle = LoginThrottle()
        for address in 0..<10 {
            #expect(await throttle.begin(address: "192.0.2.\(address)", name: "anna"))
            await throttle.finished(address: "192.0.2.\(address)", name: "anna", succeeded: false)
        }
        for address in 10..<40 { #expect(await !throttle.begin(address: "192.0.2.\(address)", name: "anna"), "address \(address)") }
        #expect(await throttle.failures(name: "anna") == 10)
        // Another name is untouched.
        #expect(await throttle.begin(address: "192.0.2.50", name: "rob"))
    }

    /// Guesses sent all at once count before they are answered: a burst of 50 gets 10 checks.
    @Test func aBurstOfParallelGuessesGetsNoMoreThanTheLimit() async {
        let throttle = LoginThrottle(perAddress: 1000)
        var allowed = 0
        for address in 0..<50 where await throttle.begin(address: "198.51.100.\(address)", name: "anna") { allowed += 1 }
        #expect(allowed == 10)
    }

    /// The real user, at an address they logged in from and that has not
    /// failed since, is not locked out by guesses from elsewhere.
    @Test func theRealUserAtAnAddressThatHasNotFailedStillLogsIn() async {
        let throttle = LoginThrottle()
        #expect(await throttle.begin(address: "home", name: "anna"))
        await throttle.finished(address: "home", name: "anna", succeeded: true)
        for address in 0..<10 {
            _ = await throttle.begin(address: "203.0.113.\(address)", name: "anna")
            await throttle.finished(address: "203.0.113.\(address)", name: "anna", succeeded: false)
        }
        #expect(await !throttle.begin(address: "203.0.113.99", name: "anna"), "a new address is locked out")
        #expect(await throttle.begin(address: "home", name: "anna"), "home is not")
        #expect(await !throttle.begin(address: "home", name: "anna"), "one guess at a time there")
        await throttle.finished(address: "home", name: "anna", succeeded: true)
        // A failure at home locks home too: an attacker sharing the address gets one guess, not more.
        #expect(await throttle.begin(address: "home", name: "anna"))
        await throttle.finished(address: "home", name: "anna", succeeded: false)
        #expect(await !throttle.begin(address: "home", name: "anna"))
        #expect(await throttle.failures(name: "anna") == 11)
    }

    /// The same through the web app: anna's browser at her usual address logs
    /// in after someone used up her name's guesses from elsewhere.
    @Test func theWebAppLetsTheRealUserInWhileHerNameIsUnderAttack() async throws {
        let throttle = LoginThrottle()
        let harness = try WebHarness(samples: false, throttle: throttle)
        try await harness.test { client in
            var anna = Browser(client)
            let first = try await anna.logIn("anna", WebHarness.editorPassword)   // from "unknown", the router test's address
            #expect(first.status == .seeOther)
            for address in 0..<10 {
                _ = await throttle.begin(address: "203.0.113.\(address)", name: "anna")
                await throttle.finished(address: "203.0.113.\(address)", name: "anna", succeeded: false)
            }
            var again = Browser(client)
            let later = try await again.logIn(" Anna", WebHarness.editorPassword)
            #expect(later.status == .seeOther)
        }
    }

    /// The attack: 200 logins at once slowed everyone's pages. bcrypt checks
    /// run one per spare core; the rest wait their turn, and all are answered.
    @Test func passwordChecksRunAtMostMaxRunningAtOnce() async throws {
        let limiter = WorkLimiter(maxRunning: 1, maxWaiting: 64)
        setenv("CASETRACK_TEST_BCRYPT_COST", "4", 1)
        let database = try CaseDatabase.inMemory()
        _ = try database.addAccount(name: "anna", role: .editor, password: WebHarness.editorPassword, by: Recorder("admin"))
        let app = try CaseWebApp(database: database, readers: [database], secureCookies: false,
                                 throttle: LoginThrottle(perAddress: 1000, failuresPerName: 1000), passwordChecks: limiter)
        try await Application(router: app.router()).test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let password = index % 2 == 0 ? WebHarness.editorPassword : "wrong password \(index)"
                        return try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                                        body: ByteBuffer(string: #"{"name": "anna", "password": "\#(password)"}"#)).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 12 && statuses.filter { $0 == .unauthorized }.count == 12)
        }
        let peak = await limiter.peak, total = await limiter.total
        #expect(peak == 1 && total == 24)
    }

    /// Past the waiting room, a check is refused at once with a sentence, and costs no bcrypt.
    @Test func checksPastTheWaitingRoomAreRefusedAtOnce() async throws {
        let limiter = WorkLimiter(maxRunning: 1, maxWaiting: 2)
        let gate = DispatchSemaphore(value: 0)
        let first = Task { try await limiter.run { gate.wait(); return 1 } }
        while await limiter.total < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let waiters = (0..<2).map { _ in Task { try await limiter.run { 2 } } }
        // Let both waiters reach the queue.
        try await Task.sleep(for: .milliseconds(200))
        await #expect(throws: WebError.self) { try await limiter.run { 3 } }
        gate.signal()
        let firstValue = try await first.value
        #expect(firstValue == 1)
        for waiter in waiters {
            let value = try await waiter.value
            #expect(value == 2)
        }
        let peak = await limiter.peak, total = await limiter.total
        #expect(peak == 1 && total == 3)
    }
}
