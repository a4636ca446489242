import CaseIngest
import CasePages
import CaseQuery
import CaseStore
import Foundation
import Hummingbird

/// A choice in a select list.
struct Choice { var value: String; var selected: Bool }

extension CaseWebApp {
    func addPageRoutes(to router: Router<WebContext>) {
        page(router, "/persons") { request, context, _ in try await self.personsPage(Self.query(request), context: context) }
        page(router, "/persons/:id") { _, context, _ in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            let queries = self.queries
            let history = try await Blocking.run { try queries.history(String(id)) }
            // A merged identity's id shows the person it was merged into.
            if history.person.id != id { return .redirect(to: "/persons/\(history.person.id)") }
            return try self.html("person", PersonBody(history), context: context)
        }
        page(router, "/persons/:id/history.html") { _, context, _ in
            let id = try Self.number(context.parameters.get("id"), field: "person")
            let queries = self.queries
            let history = try await Blocking.run { try queries.history(String(id)) }
            return Self.response(try HistoryRenderer.html(history, generated: Self.today(), pages: self.pages), contentType: "text/html; charset=utf-8")
        }
        page(router, "/documents") { _, context, _ in
            let queries = self.queries
            let documents = try await Blocking.run { try queries.documents() }
            struct Row { var id: Int64; var procedure: String; var kind: String; var title: String; var adopted: String; var sections: Int; var persons: Int; var releaseCalls: Int }
            struct Body { var rows: [Row] }
            return try self.html("documents", Body(rows: documents.map {
                Row(id: $0.id, procedure: $0.procedure ?? $0.title, kind: $0.kind ?? "", title: $0.title, adopted: Self.adopted($0.adopted, basis: $0.adoptedBasis),
                    sections: $0.sections, persons: $0.persons, releaseCalls: $0.releaseCalls)
            }), context: context)
        }
        page(router, "/documents/:id") { _, context, _ in
            let id = try Self.number(context.parameters.get("id"), field: "document")
            return try await self.documentPage(String(id), context: context)
        }
        page(router, "/document") { request, context, _ in
            guard let procedure = Self.query(request)["procedure"] else { throw WebError.missingField("procedure") }
            return try await self.documentPage(procedure, context: context)
        }
        page(router, "/organisations") { _, context, _ in
            let queries = self.queries
            let (organisations, members) = try await Blocking.run {
                (try queries.organisations(), try queries.organisationMembers(limit: OrganisationsBody.membersShown))
            }
            return try self.html("organisations", OrganisationsBody(organisations, members: members), context: context)
        }
        page(router, "/charged") { request, context, _ in try await self.chargedPage(Self.query(request), context: context) }
        page(router, "/search") { request, context, _ in try await self.searchPage(Self.query(request), context: context) }
        page(router, "/review") { _, context, _ in
            let queries = self.queries
            let items = try await Blocking.run { try queries.pendingReviews() }
            return try self.html("review", ReviewBody(items), context: context)
        }
        page(router, "/log") { request, context, _ in
            let limit = min(5000, max(1, Int(Self.query(request)["limit"] ?? "") ?? WebLimits.logPerPage))
            let queries = self.queries
            let lines = try await Blocking.run { try queries.auditLog(limit: limit) }
            struct Body { var rows: [AuditLine]; var previous: String?; var next: String? }
            return try self.html("log", Body(rows: lines, previous: nil, next: lines.count == limit ? "/log?limit=\(limit * 5)" : nil), context: context)
        }
        page(router, "/import") { _, context, account in
            guard account.role.allows(.editor) else { throw WebError.forbidden }
            return try self.html("import", ImportBody(preview: nil), context: context)
        }
    }

    /// The persons list: a filter that cannot be used is marked beside its field (nothing is listed),
    /// and a refused add-a-person form comes back as `addForm`.
    func personsPage(_ query: FormFields, context: WebContext, addForm: FormState = .blank, status: HTTPResponse.Status = .ok) async throws -> Response {
        let pageNumber = max(1, Int(query["page"] ?? "") ?? 1)
        let queries = self.queries, offset = (pageNumber - 1) * WebLimits.personsPerPage
        var rows: [PersonStatusRow] = [], total = 0
        var filter: PersonFilter?, filterError: (field: String?, message: String)?
        do {
            let chosen = try Self.personFilter(query, withStatusOnly: query["with_status"] != nil)
            filter = chosen
            (rows, total) = try await Blocking.run { try queries.persons(chosen, offset: offset, limit: WebLimits.personsPerPage) }
        } catch {
            guard let field = FieldError.field(of: error) else { throw error }
            filterError = (field, Self.explain(error).1)
        }
        let start = min(total, offset), end = start + rows.count
        func link(_ page: Int) -> String {
            var fields = query.values.filter { $0.key != "page" && !$0.value.isEmpty }
            fields["page"] = String(page)
            return "/persons?" + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.percent($0.value))" }.joined(separator: "&")
        }
        func error(_ field: String) -> String? { filterError?.field == field ? filterError?.message : nil }
        let withStatus = query["with_status"] != nil
        let summary: String
        if filterError != nil {
            summary = "Nothing listed: correct the filter marked above."
        } else if rows.isEmpty {
            summary = total == 0 ? "No persons match." : "No persons on this page: \(total) match in all."
        } else {
            summary = "\(start + 1)–\(end) of \(total) persons\(filter?.asOf.map { ", statuses as of \($0)" } ?? "")."
        }
        let body = PersonsBody(
            heading: withStatus ? "Statuses" : "Persons",
            statuses: CaseStatus.allCases.map { Choice(value: $0.rawValue, selected: $0 == filter?.status) },
            organisation: query["organisation"] ?? "", document: query["document"] ?? "", asOf: query["as_of"] ?? "",
            withStatus: withStatus, reviewed: query["reviewed"] != nil,
            statusError: error("status"), organisationError: error("organisation"), documentError: error("document"), asOfError: error("as_of"),
            summary: summary,
            rowsHTML: rows.isEmpty ? nil : PersonRowsHTML.html(rows),
            legend: rows.contains { $0.review == "unreviewed" } ? PersonsBody.legend : nil,
            previous: pageNumber > 1 ? link(pageNumber - 1) : nil, next: end < total ? link(pageNumber + 1) : nil, addForm: addForm)
        return try html("persons", body, context: context, status: filterError == nil ? status : .unprocessableContent,
                        error: addForm.name.error != nil || addForm.formError != nil ? "The person was not added: the form below says what to correct." : nil)
    }

    func documentPage(_ reference: String, context: WebContext) async throws -> Response {
        let queries = self.queries
        let (document, calls) = try await Blocking.run {
            let document = try queries.documentText(reference)
            return (document, try queries.releaseCalls(String(document.summary.id)))
        }
        return try html("document", DocumentBody(document, releaseCalls: calls.calls), context: context)
    }

    /// Who is charged under an article; without one (or when the article cannot be answered), every
    /// article known, each a link to its answer, as `casetrack articles` lists them.
    func chargedPage(_ query: FormFields, context: WebContext) async throws -> Response {
        var body = ChargedBody(article: query["article"] ?? "", instrument: query["instrument"] ?? "",
                               evidenceChoices: ["stated", "inferred", "recorded"].map { Choice(value: $0, selected: $0 == query["evidence"]) },
                               answerHTML: nil)
        let queries = self.queries
        var status = HTTPResponse.Status.ok
        do {
            let evidence = try query["evidence"].map { value in
                guard let evidence = ChargeEvidence(rawValue: value) else {
                    throw FieldError(field: "evidence", description: "'\(value)' is not a kind of evidence: choose stated, inferred or recorded.")
                }
                return evidence
            }
            if let article = query["article"] {
                let instrument = query["instrument"]
                let answer = try await Blocking.run { try queries.charged(article: article, instrument: instrument, evidence: evidence) }
                body.answerHTML = ChargedAnswerHTML.html(answer, evidence: evidence != nil)
            }
        } catch {
            guard let field = FieldError.field(of: error) else { throw error }
            let message = Self.explain(error).1
            switch field {
            case "article": body.articleError = message
            case "instrument": body.instrumentError = message
            default: body.evidenceError = message
            }
            status = .unprocessableContent
        }
        if body.answerHTML == nil {
            let articles = try await Blocking.run { try queries.articles() }
            body.articles = articles.map { ChargedBody.Article($0) }
            body.listed = !articles.isEmpty
        }
        return try html("charged", body, context: context, status: status)
    }

    func searchPage(_ query: FormFields, context: WebContext) async throws -> Response {
        var body = SearchBody(query: query["q"] ?? "", answerHTML: nil)
        if let text = query["q"] {
            let queries = self.queries
            do {
                let answer = try await Blocking.run { try queries.search(text, limit: 50, open: SearchBody.open, close: SearchBody.close) }
                body.answerHTML = SearchAnswerHTML.html(answer)
            } catch let error as CaseQueryError {
                body.queryError = error.description
                return try html("search", body, context: context, status: .unprocessableContent)
            }
        }
        return try html("search", body, context: context)
    }

    /// The filters of `person list` (and, with `withStatusOnly`, `status list`) from a query string.
    static func personFilter(_ query: FormFields, withStatusOnly: Bool) throws -> PersonFilter {
        try PersonFilter(status: query["status"].map(CaseStatus.resolve), organisation: query["organisation"], document: query["document"],
                         asOf: FieldError.reading("as_of") { try query["as_of"].map(PartialDate.init(parsing:)) }, withStatusOnly: withStatusOnly,
                         reviewedOnly: query["reviewed"] != nil)
    }

    static func number(_ text: String?, field: String) throws -> Int64 {
        guard let text, let number = Int64(text) else { throw WebError.badNumber(field: field, value: text ?? "") }
        return number
    }

    static func percent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// A link to a section of a resolution in the app.
    static func sectionLink(document: String?, section: String?) -> String? {
        guard let document else { return nil }
        return "/document?procedure=\(percent(document))" + (section.map { "#section-\(percent($0))" } ?? "")
    }

    static func adopted(_ date: String?, basis: String?) -> String {
        guard let date else { return "unknown" }
        return basis == "procedure-year" ? "\(date) (year only)" : date
    }

    static func today() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }
}
