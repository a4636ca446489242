import CaseStore
import Foundation
import Hummingbird

/// The users page: admins add, remove, reset and change the role of
/// accounts from the web, each change one audited write under the admin's
/// name. Everyone can change their own password on `/password`.
///
/// A reset, a role change or a removal ends every session of that account;
/// when an admin changes their own password or role, or anyone changes their
/// own password, the session that made the change goes on with the new key.
extension CaseWebApp {
    func addUserRoutes(to router: Router<WebContext>) {
        page(router, "/users") { _, context, account in
            guard account.role == .admin else { throw WebError.adminOnly }
            return try await self.usersPage(context: context, account: account)
        }
        page(router, "/password") { _, context, account in
            try self.html("users", UsersBody(heading: "Your password", manage: false, me: account.name), context: context)
        }
        form(router, "/users", role: .admin) { form, _, context, admin in
            let name = form["name"] ?? "", role = form["role"] ?? ""
            do {
                let role = try AccountRole(parsing: role)
                let password = try Self.newPassword(form)
                let database = self.database
                let added = try await Blocking.run { try database.addAccount(name: name, role: role, password: password, by: Self.recorder(admin)) }
                return self.done("Added user \(added.name) (\(added.role.rawValue)).", goTo: "/users", context: context)
            } catch {
                return try await self.usersPage(context: context, account: admin, error: error, typed: (name, role))
            }
        }
        form(router, "/users/role", role: .admin) { form, _, context, admin in
            do {
                let name = try Self.field(form, "name", label: "User"), role = try AccountRole(parsing: form["role"] ?? "")
                let database = self.database
                let changed = try await Blocking.run { try database.setRole(name: name, role: role, by: Self.recorder(admin)) }
                if changed.account.id == admin.id { self.keepSession(key: changed.key, context: context) }
                let goTo = changed.account.id == admin.id && role != .admin ? "/persons" : "/users"
                return self.done("\(changed.account.name) is now \(changed.account.role.rawValue); their other sessions have ended.", goTo: goTo, context: context)
            } catch {
                return try await self.usersPage(context: context, account: admin, error: error)
            }
        }
        form(router, "/users/password", role: .admin) { form, _, context, admin in
            do {
                let name = try Self.field(form, "name", label: "User"), password = try Self.newPassword(form)
                let database = self.database
                let changed = try await Blocking.run { try database.setPassword(name: name, password: password, by: Self.recorder(admin)) }
                if changed.account.id == admin.id { self.keepSession(key: changed.key, context: context) }
                return self.done("Set a new password for \(changed.account.name); their other sessions have ended.", goTo: "/users", context: context)
            } catch {
                return try await self.usersPage(context: context, account: admin, error: error)
            }
        }
        form(router, "/users/remove", role: .admin) { form, _, context, admin in
            do {
                let name = try Self.field(form, "name", label: "User")
                guard form["confirm"] == "yes" else { throw UsersError.unconfirmedRemoval(name) }
                let database = self.database
                let removed = try await Blocking.run { try database.removeAccount(name: name, by: Self.recorder(admin)) }
                if removed.id == admin.id {
                    context.sessions.clearSession()
                    return .redirect(to: "/login")
                }
                return self.done("Removed user \(removed.name); their sessions have ended. What they recorded stays, under their name.",
                                 goTo: "/users", context: context)
            } catch {
                return try await self.usersPage(context: context, account: admin, error: error)
            }
        }
        form(router, "/password", role: .reader) { form, _, context, account in
            do {
                let current = form.values["current"] ?? ""
                guard try await self.verify(name: account.name, password: current, address: context.clientAddress) != nil else {
                    throw UsersError.wrongCurrentPassword
                }
                let password = try Self.newPassword(form)
                let database = self.database
                let changed = try await Blocking.run { try database.setPassword(name: account.name, password: password, by: Self.recorder(account)) }
                self.keepSession(key: changed.key, context: context)
                return self.done("Your password is changed; your sessions in other browsers have ended.", goTo: "/persons", context: context)
            } catch {
                let (status, text) = Self.explainUsers(error)
                return try self.html("users", UsersBody(heading: "Your password", manage: false, me: account.name), context: context,
                                     status: status, error: text)
            }
        }
    }

    func usersPage(context: WebContext, account: Account, error: (any Error)? = nil, typed: (name: String, role: String)? = nil) async throws -> Response {
        let database = reader
        let accounts = try await Blocking.run { try database.accounts() }
        var body = UsersBody(heading: "Users", manage: true, me: account.name)
        body.rows = accounts.map { user in
            UsersBody.Row(name: user.name, role: user.role.rawValue, createdAt: user.createdAt, me: user.id == account.id,
                          roles: AccountRole.allCases.map { Choice(value: $0.rawValue, selected: $0 == user.role) })
        }
        body.newName = typed?.name ?? ""
        body.newRoles = AccountRole.allCases.map { Choice(value: $0.rawValue, selected: $0.rawValue == typed?.role) }
        guard let error else { return try html("users", body, context: context) }
        let (status, text) = Self.explainUsers(error)
        return try html("users", body, context: context, status: status, error: text)
    }

    /// The session that made a change to its own account goes on, with the account's new key.
    func keepSession(key: String, context: WebContext) {
        context.sessions.withLockedSession { $0?.accountKey = key }
    }

    /// The new password, typed twice alike.
    static func newPassword(_ form: FormFields) throws -> String {
        let password = form.values["password"] ?? ""
        guard password == (form.values["password2"] ?? "") else { throw UsersError.passwordsDiffer }
        return password
    }

    static func field(_ form: FormFields, _ name: String, label: String) throws -> String {
        guard let value = form[name] else { throw WebError.missingField(label) }
        return value
    }

    /// The store's sentences in this page's words: no command lines.
    static func explainUsers(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as UsersError: return (.unprocessableContent, error.description)
        case CaseStoreError.accountExists(let name):
            return (.unprocessableContent, "A user named '\(name)' already exists: choose another name, or reset that user's password below.")
        case CaseStoreError.unknownAccount(let name):
            return (.notFound, "There is no user named '\(name)' (any more): the list below is up to date.")
        case CaseStoreError.unknownRole(let role):
            return (.unprocessableContent, "'\(role)' is not a role: choose admin, editor or reader.")
        default: return explain(error)
        }
    }
}

enum UsersError: Error, CustomStringConvertible {
    case passwordsDiffer
    case wrongCurrentPassword
    case unconfirmedRemoval(String)

    var description: String {
        switch self {
        case .passwordsDiffer: return "The two new passwords differ: type the same password in both fields."
        case .wrongCurrentPassword: return "Your current password is not right: type it again; nothing was changed."
        case .unconfirmedRemoval(let name): return "Tick 'sure' beside Remove to remove \(name); nothing was changed."
        }
    }
}

/// What the users template shows.
struct UsersBody {
    struct Row { var name: String; var role: String; var createdAt: String; var me: Bool; var roles: [Choice] }
    var heading: String
    /// The accounts table and the add form: admins only.
    var manage: Bool
    var me: String
    var rows: [Row] = []
    var newName = ""
    var newRoles: [Choice] = []
}
