import Foundation
import Testing

/// Issue 12: accounts for the web app, made and changed from the CLI.
@Suite struct UserCLITests {
    @Test func addListPasswdRemoveAreLoggedAndNeverPrintThePassword() throws {
        let cli = try CLIRunner()
        let added = try cli.run("user", "add", "anna", "--role", "editor", input: Data("a long enough password\n".utf8))
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Added user anna (editor).\n")
        #expect(try cli.run("user", "add", "rob", "--role", "reader", input: Data("another long password\n".utf8)).status == 0)
        let list = try #require(try cli.json("user", "list", "--format", "json") as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["anna", "rob"])
        #expect(list.map { $0["role"] as? String } == ["editor", "reader"])
        #expect(list.allSatisfy { $0["password_hash"] == nil })
        #expect(try cli.run("user", "passwd", "ANNA", input: Data("a new long password\n".utf8)).status == 0)
        #expect(try cli.run("user", "remove", "rob").stdout.contains("Removed user rob"))
        let log = try cli.run("log").stdout
        #expect(log.contains("added user anna (editor)") && log.contains("changed the password of user anna") && log.contains("removed user rob"))
        #expect(!log.contains("long password"))
        let bytes = try cli.databaseBytes() + ((try? Data(contentsOf: URL(fileURLWithPath: cli.databasePath + "-wal"))) ?? Data())
        #expect(bytes.range(of: Data("a new long password".utf8)) == nil, "the password itself is never stored")
    }

    @Test(arguments: [
        (["user", "add", "anna", "--role", "boss"], "a long enough password", "'boss' is not a role"),
        (["user", "add", "an na", "--role", "reader"], "a long enough password", "cannot be a user name"),
        (["user", "add", "anna", "--role", "reader"], "short", "too short"),
        (["user", "passwd", "nobody"], "a long enough password", "There is no user named 'nobody'"),
        (["user", "remove", "nobody"], "", "There is no user named 'nobody'"),
    ])
    func badInputIsOneSentenceAndChangesNothing(arguments: [String], password: String, message: String) throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Ivan Petrov").status == 0)
        let result = try cli.run(arguments: arguments, input: Data((password + "\n").utf8))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try cli.run("user", "list").stdout.contains("No users yet"))
    }

    /// Issue 21: the first admin is made on the CLI; the last one is always kept.
    @Test func anAdminIsMadeWithAddOrRoleAndTheLastOneIsKept() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("user", "add", "anna", "--role", "editor", input: Data("a long enough password\n".utf8)).status == 0)
        let promoted = try cli.run("user", "role", "ANNA", "admin")
        #expect(promoted.status == 0 && promoted.stdout == "anna is now admin; their open web sessions have ended.\n", "\(promoted.stderr)")
        #expect(try cli.run("user", "role", "anna", "admin").stdout == "anna is already admin; nothing was changed.\n")
        let demote = try cli.run("user", "role", "anna", "reader")
        #expect(demote.status == 1 && demote.stderr.contains("anna is the only admin, and casetrack always keeps one"))
        let remove = try cli.run("user", "remove", "anna")
        #expect(remove.status == 1 && remove.stderr.contains("anna is the only admin"))
        #expect(try cli.run("user", "add", "ada", "--role", "admin", input: Data("another long password\n".utf8)).stdout == "Added user ada (admin).\n")
        #expect(try cli.run("user", "role", "anna", "reader").status == 0)
        let list = try #require(try cli.json("user", "list", "--format", "json") as? [[String: Any]])
        #expect(list.map { "\($0["name"] ?? "") \($0["role"] ?? "")" } == ["ada admin", "anna reader"])
        #expect(list.allSatisfy { $0["session_key"] == nil }, "the session key never leaves the database")
        let log = try cli.run("log").stdout
        #expect(log.contains("changed the role of user anna from editor to admin") && log.contains("changed the role of user anna from admin to reader"))
        #expect(try cli.run("user", "role", "anna", "boss").stderr.contains("'boss' is not a role"))
    }

    @Test func aNameIsTakenOnceWhateverItsCase() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("user", "add", "anna", "--role", "editor", input: Data("a long enough password\n".utf8)).status == 0)
        let again = try cli.run("user", "add", "Anna", "--role", "reader", input: Data("a long enough password\n".utf8))
        #expect(again.status == 1 && again.stderr.contains("already exists"))
    }
}

/// Issue 12: the alias the web app's form records is a CLI command too.
@Suite struct PersonAliasCLITests {
    @Test func anAliasIsAddedOnceAndLogged() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Ivan Petrov").status == 0)
        #expect(try cli.run("person", "add", "Ivana Petrova").status == 0)
        #expect(try cli.run("person", "alias", "Ivan Petrov", "Iwan Petrow").stdout.contains("Added ‘Iwan Petrow’ to Ivan Petrov"))
        #expect(try cli.run("person", "alias", "Ivan Petrov", "Iwan Petrow").stdout.contains("nothing changed"))
        let taken = try cli.run("person", "alias", "Ivan Petrov", "Ivana Petrova")
        #expect(taken.status == 1 && taken.stderr.contains("already a name of Ivana Petrova"))
        #expect(try cli.run("history", "Iwan Petrow").status == 0)
        #expect(try cli.run("log").stdout.components(separatedBy: "person alias").count == 2)
    }
}
