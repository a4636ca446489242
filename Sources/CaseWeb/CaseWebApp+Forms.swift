import CaseIngest
import CasePages
import CaseQuery
import CaseStore
import Foundation
import Hummingbird

extension CaseWebApp {
    /// The forms for what the CLI records. Each calls the `CaseDatabase` function
    /// the CLI command calls: one transaction, its audit entry under the logged-in user.
    func addFormRoutes(to router: Router<WebContext>) {
        let database = self.database
        form(router, "/persons", again: { form, error, context in
            try? await self.personsPage(FormFields(), context: context, addForm: Self.state(form, error), status: Self.refusedStatus(error))
        }) { form, _, context, account in
            guard let name = form["name"] else { throw WebError.missingField("name") }
            let aliases = (form["aliases"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let note = form["note"], duplicate = form["allow_duplicate"] != nil
            let person = try await Blocking.run {
                try database.addPerson(name: name, aliases: aliases, note: note, allowDuplicate: duplicate, by: Self.recorder(account))
            }
            return self.done("Created \(person.name) (id \(person.id ?? 0)).", goTo: "/persons/\(person.id ?? 0)", context: context)
        }
        form(router, "/persons/:id/status", again: personAgain(.status)) { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let statusText = form["status"] else { throw WebError.missingField("status") }
            let status = try CaseStatus.resolve(statusText)
            let date = try FieldError.reading("date") { try form["date"].map(PartialDate.init(parsing:)) } ?? PartialDate.today()
            let change = StatusChange(person: String(id), status: status, date: date, source: try Self.source(form),
                                      note: form["note"], sentence: form["sentence"], place: form["place"])
            let (event, person, sameEarlier) = try await Blocking.run { try database.setStatus(change, by: Self.recorder(account)) }
            var message = "Recorded event \(event.id ?? 0): \(person.name) \(event.status) from \(event.date ?? "?")."
            if let sameEarlier {
                message += " It repeats event \(sameEarlier) (same status, same date); if that was a slip, retract one of them."
            }
            return self.done(message, goTo: "/persons/\(person.id ?? id)", context: context)
        }
        form(router, "/events/:id/retract", again: personAgain(.retract)) { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "event")
            let reason = form["reason"] ?? ""
            let (event, person) = try await Blocking.run { try database.retractStatus(eventID: id, reason: reason, by: Self.recorder(account)) }
            return self.done("Retracted event \(id): \(person.name) \(event.status) from \(event.date ?? "?"); it stays in the history, struck through.",
                             goTo: "/persons/\(person.id ?? 0)", context: context)
        }
        form(router, "/persons/:id/charge", again: personAgain(.charge)) { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let article = form["article"] else { throw WebError.missingField("article") }
            let entry = ChargeEntry(person: String(id), article: article, instrument: form["instrument"],
                                    stage: try ChargeStage(parsing: form["stage"] ?? ChargeStage.charged.rawValue),
                                    date: try FieldError.reading("date") { try form["date"].map(PartialDate.init(parsing:)) },
                                    source: try Self.source(form))
            let (charge, person, instrument) = try await Blocking.run { try database.addCharge(entry, by: Self.recorder(account)) }
            var message = "Recorded charge \(charge.id ?? 0): \(person.name) \(charge.stage) under Article \(ProvisionNames.normaliseArticle(article)) of \(instrument)."
            if let typed = form["instrument"], ProvisionNames.instrumentKey(typed) != ProvisionNames.instrumentKey(instrument) {
                message += " ‘\(typed)’ was taken as ‘\(instrument)’: if another instrument was meant, give its full name."
            }
            return self.done(message, goTo: "/persons/\(person.id ?? id)", context: context)
        }
        form(router, "/persons/:id/alias", again: personAgain(.alias)) { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let alias = form["alias"] else { throw WebError.missingField("alias") }
            let (person, added) = try await Blocking.run { try database.addAlias(alias, to: String(id), by: Self.recorder(account)) }
            return self.done(added ? "Added ‘\(alias)’ as another spelling of \(person.name)." : "\(person.name) already has the spelling ‘\(alias)’; nothing changed.",
                             goTo: "/persons/\(person.id ?? id)", context: context)
        }
        form(router, "/persons/:id/merge", again: personAgain(.merge)) { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let other = form["other"] else { throw WebError.missingField("other") }
            return try await self.merge(kept: String(id), absorbed: other, account: account, context: context)
        }
        form(router, "/persons/:id/keep-apart", again: personAgain(.apart)) { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let other = form["other"] else { throw WebError.missingField("other") }
            return try await self.keepApart(String(id), other, account: account, context: context, goTo: "/persons/\(id)")
        }
        form(router, "/review/merge") { form, _, context, account in
            guard let kept = form["kept"], let absorbed = form["absorbed"] else { throw WebError.missingField("kept") }
            return try await self.merge(kept: kept, absorbed: absorbed, account: account, context: context)
        }
        form(router, "/review/keep-apart") { form, _, context, account in
            guard let first = form["first"], let second = form["second"] else { throw WebError.missingField("first") }
            return try await self.keepApart(first, second, account: account, context: context, goTo: "/review")
        }
        form(router, "/import", limit: WebLimits.uploadBytes) { form, _, context, account in
            try await self.preview(form, account: account, context: context)
        }
        form(router, "/import/confirm") { form, _, context, account in
            try await self.confirmUpload(form, account: account, context: context)
        }
    }

    func merge(kept: String, absorbed: String, account: Account, context: WebContext) async throws -> Response {
        let database = self.database
        let (keptPerson, absorbedPerson) = try await Blocking.run { try database.mergePersons(kept: kept, absorbed: absorbed, by: Self.recorder(account)) }
        return done("Merged \(absorbedPerson.name) (id \(absorbedPerson.id ?? 0)) into \(keptPerson.name) (id \(keptPerson.id ?? 0)).",
                    goTo: "/persons/\(keptPerson.id ?? 0)", context: context)
    }

    func keepApart(_ first: String, _ second: String, account: Account, context: WebContext, goTo location: String) async throws -> Response {
        let database = self.database
        let (a, b, already) = try await Blocking.run { try database.keepApart(first, second, by: Self.recorder(account)) }
        let pair = "\(a.name) (id \(a.id ?? 0)) and \(b.name) (id \(b.id ?? 0))"
        return done(already ? "Already recorded: \(pair) are different people; nothing changed." : "Recorded: \(pair) are different people.",
                    goTo: location, context: context)
    }

    /// The person page again after one of its forms was refused: what was typed kept, the error beside its field.
    /// The person is the page's (`:id`), or for a retraction the form's hidden `person`; nil when there is no such person.
    func personAgain(_ which: PersonBody.Form) -> @Sendable (FormFields, any Error, WebContext) async -> Response? {
        { form, error, context in
            let raw = which == .retract ? form.values["person"] : context.parameters.get("id")
            guard let id = raw.flatMap({ Int64($0) }) else { return nil }
            // A record for a person who does not exist: the page itself is missing.
            if which != .merge, which != .apart, case CaseStoreError.unknownPerson = error { return nil }
            let queries = self.queries
            guard let history = try? await Blocking.run({ try queries.history(String(id)) }), history.person.id == id else { return nil }
            let eventID = which == .retract ? context.parameters.get("id").flatMap { Int64($0) } : nil
            let body = PersonBody(history, again: which, state: Self.state(form, error), eventID: eventID)
            return try? self.html("person", body, context: context, status: Self.refusedStatus(error),
                                  error: "Nothing was recorded: the form below says what to correct; what you typed is kept.")
        }
    }

    /// A refused form's values with the error, in the page's words, beside its field.
    static func state(_ form: FormFields, _ error: any Error) -> FormState {
        FormState(values: form, field: FieldError.field(of: error), message: explain(error).1)
    }

    /// The status of a page showing a refused form: unprocessable, or what the error says (busy, too large).
    static func refusedStatus(_ error: any Error) -> HTTPResponse.Status {
        let status = explain(error).0
        return status == .notFound || status == .badRequest ? .unprocessableContent : status
    }

    /// Who a preview belongs to: this account, in this session.
    static func owner(_ account: Account, _ context: WebContext) -> String {
        "\(account.id) \(context.sessions.session?.csrf ?? "")"
    }

    /// `source`, or `document` with `section`, as `--source` / `--document --section` read them.
    static func source(_ form: FormFields) throws -> RecordSource {
        try RecordSource.from(text: form["source"], document: form["document"], section: form["section"])
    }
}
