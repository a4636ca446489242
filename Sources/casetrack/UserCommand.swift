import ArgumentParser
import CaseStore
import Foundation

/// `casetrack user …`: the accounts of the web app.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Accounts for 'casetrack serve': admins also manage the users, editors read and record, readers read.",
        subcommands: [UserAdd.self, UserList.self, UserRemove.self, UserPasswd.self, UserRole.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create an account; the password is read from the terminal (or one line of standard input).")

    @Argument(help: "The user name: letters, digits, dots, dashes or underscores.") var name: String
    @Option(help: "admin (also manages the users from the web), editor (reads and records) or reader (reads only).") var role: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        let role = try AccountRole(parsing: role)
        let password = try PasswordPrompt.read(confirm: true)
        let account = try database.open().addAccount(name: name, role: role, password: password, by: recorder.recorder)
        Output.line("Added user \(account.name) (\(account.role.rawValue)).")
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let accounts = try CaseDatabase.open(path: database.path, readOnly: true).accounts()
        switch format {
        case .json: try Output.json(accounts)
        case .csv: Output.csv(header: ["id", "name", "role", "created_at"], rows: accounts.map { ["\($0.id)", $0.name, $0.role.rawValue, $0.createdAt] })
        case .text:
            if accounts.isEmpty { return Output.line("No users yet: add the first with 'casetrack user add NAME --role admin' (admins manage the others from the web app).") }
            Output.table(header: ["NAME", "ROLE", "CREATED"], rows: accounts.map { [$0.name, $0.role.rawValue, $0.createdAt] })
        }
    }
}

struct UserRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account; what the user recorded stays, under their name.")

    @Argument(help: "The user name.") var name: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        let account = try database.open().removeAccount(name: name, by: recorder.recorder)
        Output.line("Removed user \(account.name); their open web sessions have ended.")
    }
}

struct UserPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Set an account's password, read from the terminal (or one line of standard input).")

    @Argument(help: "The user name.") var name: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        let password = try PasswordPrompt.read(confirm: true)
        let changed = try database.open().setPassword(name: name, password: password, by: recorder.recorder)
        Output.line("Changed the password of \(changed.account.name); their open web sessions have ended.")
    }
}

struct UserRole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Change an account's role (admin, editor or reader); its open web sessions end.")

    @Argument(help: "The user name.") var name: String
    @Argument(help: "admin, editor or reader.") var role: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        let role = try AccountRole(parsing: role)
        let store = try database.open()
        let before = try store.accounts().first { CaseDatabase.accountKey($0.name) == CaseDatabase.accountKey(name) }
        let changed = try store.setRole(name: name, role: role, by: recorder.recorder)
        if before?.role == role {
            Output.line("\(changed.account.name) is already \(role.rawValue); nothing was changed.")
        } else {
            Output.line("\(changed.account.name) is now \(role.rawValue); their open web sessions have ended.")
        }
    }
}

/// A password from the terminal with echo off (asked twice), or one line of standard input when it is not a terminal.
enum PasswordPrompt {
    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw CleanError("No password on standard input: pipe one line, e.g. printf '%s\\n' \"$PASSWORD\" | casetrack user add ...") }
            return line
        }
        let first = try prompt("Password: ")
        if confirm, try prompt("Again: ") != first { throw CleanError("The two passwords differ: run the command again and type the same password twice.") }
        return first
    }

    static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CleanError("No password was typed.") }
        return line
    }
}
