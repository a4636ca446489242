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
        form(router, "/persons") { form, _, context, account in
            guard let name = form["name"] else { throw WebError.missingField("name") }
            let aliases = (form["aliases"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let note = form["note"], duplicate = form["allow_duplicate"] != nil
            let person = try await Blocking.run {
                try database.addPerson(name: name, aliases: aliases, note: note, allowDuplicate: duplicate, by: Self.recorder(account))
            }
            return self.done("Created \(person.name) (id \(person.id ?? 0)).", goTo: "/persons/\(person.id ?? 0)", context: context)
        }
        form(router, "/persons/:id/status") { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let statusText = form["status"] else { throw WebError.missingField("status") }
            let status = try CaseStatus.resolve(statusText)
            let date = try form["date"].map(PartialDate.init(parsing:)) ?? PartialDate.today()
            let change = StatusChange(person: String(id), status: status, date: date, source: try Self.source(form),
                                      note: form["note"], sentence: form["sentence"], place: form["place"])
            let (event, person, sameEarlier) = try await Blocking.run { try database.setStatus(change, by: Self.recorder(account)) }
            var message = "Recorded event \(event.id ?? 0): \(person.name) \(event.status) from \(event.date ?? "?")."
            if let sameEarlier {
                message += " It repeats event \(sameEarlier) (same status, same date); if that was a slip, retract one of them."
            }
            return self.done(message, goTo: "/persons/\(person.id ?? id)", context: context)
        }
        form(router, "/events/:id/retract") { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "event")
            let reason = form["reason"] ?? ""
            let (event, person) = try await Blocking.run { try database.retractStatus(eventID: id, reason: reason, by: Self.recorder(account)) }
            return self.done("Retracted event \(id): \(person.name) \(event.status) from \(event.date ?? "?"); it stays in the history, struck through.",
                             goTo: "/persons/\(person.id ?? 0)", context: context)
        }
        form(router, "/persons/:id/charge") { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let article = form["article"] else { throw WebError.missingField("article") }
            let entry = ChargeEntry(person: String(id), article: article, instrument: form["instrument"],
                                    stage: try ChargeStage(parsing: form["stage"] ?? "charged"),
                                    date: try form["date"].map(PartialDate.init(parsing:)), source: try Self.source(form))
            let (charge, person, instrument) = try await Blocking.run { try database.addCharge(entry, by: Self.recorder(account)) }
            return self.done("Recorded charge \(charge.id ?? 0): \(person.name) \(charge.stage) under Article \(ProvisionNames.normaliseArticle(article)) of \(instrument).",
                             goTo: "/persons/\(person.id ?? id)", context: context)
        }
        form(router, "/persons/:id/alias") { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let alias = form["alias"] else { throw WebError.missingField("alias") }
            let (person, added) = try await Blocking.run { try database.addAlias(alias, to: String(id), by: Self.recorder(account)) }
            return self.done(added ? "Added ‘\(alias)’ as another spelling of \(person.name)." : "\(person.name) already has the spelling ‘\(alias)’; nothing changed.",
                             goTo: "/persons/\(person.id ?? id)", context: context)
        }
        form(router, "/persons/:id/merge") { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            guard let other = form["other"] else { throw WebError.missingField("other") }
            return try await self.merge(kept: String(id), absorbed: other, account: account, context: context)
        }
        form(router, "/persons/:id/keep-apart") { form, _, context, account in
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
            guard let token = form["token"], let upload = await self.imports.take(token, owner: Self.owner(account, context)) else { throw WebError.previewExpired }
            let summary = try await Blocking.run {
                try database.importResolution(upload.extraction, file: upload.fileName, adopted: upload.adopted, by: Self.recorder(account))
            }
            let target = summary.documentID.map { "/documents/\($0)" } ?? "/documents"
            return self.done(ImportReport.lines(summary).joined(separator: " "), goTo: target, context: context)
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

    /// Reads an uploaded resolution in memory, imports it as a dry run, and shows what would be stored.
    func preview(_ form: FormFields, account: Account, context: WebContext) async throws -> Response {
        guard let file = form.file, !file.data.isEmpty else { throw WebError.noFile }
        let adopted = try form["adopted"].map(PartialDate.init(parsing:))
        let name = OneLineText.escaped(file.name)
        let database = self.database
        let (extraction, summary) = try await Blocking.run {
            let extraction = try Extractor.extract(data: file.data, name: name, checkingLimits: true)
            return (extraction, try database.importResolution(extraction, file: name, adopted: adopted, dryRun: true, by: Self.recorder(account)))
        }
        let token = await imports.keep(extraction, fileName: name, adopted: adopted, owner: Self.owner(account, context))
        let lines = extraction.warnings.map { "warning: \($0)" } + ImportReport.lines(summary)
        return try html("import", ImportBody(preview: .init(name: name, lines: lines, token: token, ready: !summary.alreadyImported,
                                                             claims: ImportClaims(extraction, summary: summary))), context: context)
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
