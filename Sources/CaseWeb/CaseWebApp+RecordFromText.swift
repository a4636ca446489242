import CaseIngest
import CasePages
import CaseQuery
import CaseStore
import Foundation
import Hummingbird

/// "What the importer missed, added from the text" (issue 20, point 5): from a section of a
/// resolution's page, an editor records a status or a charge citing that section, the person
/// chosen among those the section names. No scripts (the pages forbid them): each section links
/// to a page with its text and the two forms; a passage pasted into "quote" is kept in the record's note.
extension CaseWebApp {
    func addRecordFromTextRoutes(to router: Router<WebContext>) {
        page(router, "/documents/:id/sections/:label/record") { _, context, account in
            guard account.role.allows(.editor) else { throw WebError.forbidden }
            let (document, section) = try await self.sectionToRecord(context)
            var body = RecordFromTextBody(document, section)
            body.problem = try await self.citationProblem(document)
            return try self.html("record_from_text", body, context: context)
        }
        let database = self.database
        form(router, "/documents/:id/sections/:label/status", again: recordAgain(.status)) { form, _, context, account in
            let (document, section) = try await self.sectionToRecord(context)
            let person = try Self.chosenPerson(form, in: section)
            guard let statusText = form["status"] else { throw WebError.missingField("status") }
            let status = try CaseStatus.resolve(statusText)
            let date = try FieldError.reading("date") { try form["date"].map(PartialDate.init(parsing:)) } ?? PartialDate.today()
            let change = StatusChange(person: String(person), status: status, date: date, source: try Self.sectionSource(document, section),
                                      note: try Self.note(form, in: section), sentence: form["sentence"], place: form["place"])
            if let problem = try await self.citationProblem(document) { throw FieldError(field: "form", description: problem) }
            let (event, recorded, _) = try await Blocking.run { try database.setStatus(change, by: Self.recorder(account)) }
            return self.done("Recorded event \(event.id ?? 0): \(recorded.name) \(event.status) from \(event.date ?? "?"), citing "
                             + "\(document.summary.procedure ?? "") \(section.label).", goTo: "/persons/\(recorded.id ?? person)", context: context)
        }
        form(router, "/documents/:id/sections/:label/charge", again: recordAgain(.charge)) { form, _, context, account in
            let (document, section) = try await self.sectionToRecord(context)
            let person = try Self.chosenPerson(form, in: section)
            guard let article = form["article"] else { throw WebError.missingField("article") }
            if let quote = form["quote"] { _ = try Self.checkedQuote(quote, in: section) }
            let entry = ChargeEntry(person: String(person), article: article, instrument: form["instrument"],
                                    stage: try FieldError.reading("stage") { try ChargeStage(parsing: form["stage"] ?? ChargeStage.charged.rawValue) },
                                    date: try FieldError.reading("date") { try form["date"].map(PartialDate.init(parsing:)) },
                                    source: try Self.sectionSource(document, section))
            if let problem = try await self.citationProblem(document) { throw FieldError(field: "form", description: problem) }
            let (charge, recorded, instrument) = try await Blocking.run { try database.addCharge(entry, by: Self.recorder(account)) }
            return self.done("Recorded charge \(charge.id ?? 0): \(recorded.name) \(charge.stage) under Article "
                             + "\(ProvisionNames.normaliseArticle(article)) of \(instrument), citing \(document.summary.procedure ?? "") \(section.label).",
                             goTo: "/persons/\(recorded.id ?? person)", context: context)
        }
    }

    /// The document of `:id` and its section `:label` (404 when either is missing).
    func sectionToRecord(_ context: WebContext) async throws -> (DocumentText, DocumentText.Section) {
        let id = try Self.number(context.parameters.get("id"), field: "document")
        guard let label = context.parameters.get("label") else { throw WebError.notFound }
        let queries = self.queries
        let document = try await Blocking.run { try queries.documentText(String(id)) }
        guard document.summary.id == id, let section = document.sections.first(where: { $0.label == label }) else { throw WebError.notFound }
        return (document, section)
    }

    /// Why a record cannot cite this document's sections, if it cannot: a section source names a
    /// procedure and a label, and a procedure's adopted text (else its first text) speaks for it.
    func citationProblem(_ document: DocumentText) async throws -> String? {
        guard let procedure = document.summary.procedure else {
            return "This text has no procedure number, so a record cannot cite its sections: record it on the person's page with a source."
        }
        let queries = self.queries
        let all = try await Blocking.run { try queries.documents() }
        let same = all.filter { $0.procedure?.caseInsensitiveCompare(procedure) == .orderedSame }
            .sorted { ($0.kind == "adopted text" ? 0 : 1, $0.id) < ($1.kind == "adopted text" ? 0 : 1, $1.id) }
        guard let cited = same.first, cited.id != document.summary.id else { return nil }
        return "A citation of \(procedure) names the sections of its \(cited.kind ?? "other text") (document \(cited.id)), not of this one: "
            + "record from that text's page, at /documents/\(cited.id)."
    }

    /// The person chosen: one the section names (the select offers no other).
    static func chosenPerson(_ form: FormFields, in section: DocumentText.Section) throws -> Int64 {
        guard let text = form["person"], let id = Int64(text) else {
            throw FieldError(field: "person", description: "Choose the person the record is about.")
        }
        guard RecordFromTextBody.persons(in: section).contains(where: { $0.id == id }) else {
            throw FieldError(field: "person", description: "That person is not named in section \(section.label): choose one of those listed.")
        }
        return id
    }

    /// The section as the record's source, as `--document PROC --section LABEL` gives it.
    static func sectionSource(_ document: DocumentText, _ section: DocumentText.Section) throws -> RecordSource {
        guard let procedure = document.summary.procedure else {
            throw FieldError(field: "form", description: "This text has no procedure number, so a record cannot cite its sections; record it on the person's page with a source.")
        }
        return .section(procedure: procedure, label: section.label)
    }

    /// A pasted passage must be words of the section (spaces and line breaks aside).
    static func checkedQuote(_ quote: String, in section: DocumentText.Section) throws -> String {
        func squeezed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let quote = squeezed(quote)
        guard squeezed(section.text).localizedCaseInsensitiveContains(quote) else {
            throw FieldError(field: "quote", description: "Those words are not in section \(section.label): paste a passage of its text, or leave the quote empty.")
        }
        return quote
    }

    /// The note recorded: the quoted passage, then the note typed.
    static func note(_ form: FormFields, in section: DocumentText.Section) throws -> String? {
        let quote = try form["quote"].map { "“\(try checkedQuote($0, in: section))”" }
        let parts = [quote, form["note"]].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The record page again after a refusal: what was typed kept, the error beside its field.
    func recordAgain(_ which: RecordFromTextBody.Which) -> @Sendable (FormFields, any Error, WebContext) async -> Response? {
        { form, error, context in
            guard let found = try? await self.sectionToRecord(context) else { return nil }
            let (document, section) = found
            var body = RecordFromTextBody(document, section, again: which, values: form, field: FieldError.field(of: error), message: Self.explain(error).1)
            body.problem = try? await self.citationProblem(document)
            return try? self.html("record_from_text", body, context: context, status: Self.refusedStatus(error),
                                  error: "Nothing was recorded: the form below says what to correct; what you typed is kept.")
        }
    }
}

/// The page of one section and the forms that record from it.
struct RecordFromTextBody {
    enum Which { case status, charge }
    struct Person { var id: Int64; var name: String; var selected: Bool }
    struct Form {
        var formError: String?
        var persons: [Person]
        var person = Field(), status = Field(), date = Field(), sentence = Field(), place = Field(), note = Field(), quote = Field()
        var article = Field(), instrument = Field(), stage = Field()
        var statuses: [Choice] = [], stages: [Choice] = []
    }

    var documentID: Int64
    var procedure: String
    var title: String
    var label: String
    var text: String
    var hasPersons: Bool
    /// Why nothing can be recorded from this text (no procedure; another text of it is the one cited).
    var problem: String?
    var statusForm: Form
    var chargeForm: Form

    /// The persons the section names, in the order it first names them.
    static func persons(in section: DocumentText.Section) -> [(id: Int64, name: String)] {
        var seen: Set<Int64> = []
        return section.marks.sorted { $0.start < $1.start }.compactMap { mark in
            guard mark.kind == "person", let id = mark.personID, seen.insert(id).inserted else { return nil }
            return (id, mark.name ?? "person \(id)")
        }
    }

    init(_ document: DocumentText, _ section: DocumentText.Section, again: Which? = nil, values: FormFields? = nil, field: String? = nil, message: String? = nil) {
        documentID = document.summary.id
        procedure = document.summary.procedure ?? document.summary.title
        title = document.summary.title
        label = section.label
        text = section.text
        let named = Self.persons(in: section)
        hasPersons = !named.isEmpty
        func form(_ which: Which) -> Form {
            let typed = again == which ? values : nil
            let chosen = typed?.values["person"].flatMap { Int64($0) } ?? named.first?.id
            var form = Form(persons: named.map { Person(id: $0.id, name: $0.name, selected: $0.id == chosen) })
            let paths: [String: WritableKeyPath<Form, Field>] = [
                "person": \.person, "status": \.status, "date": \.date, "sentence": \.sentence, "place": \.place, "note": \.note,
                "quote": \.quote, "article": \.article, "instrument": \.instrument, "stage": \.stage,
            ]
            if let typed {
                for (name, path) in paths { form[keyPath: path].value = typed.values[name] ?? "" }
                if let message {
                    if let field, let path = paths[field] { form[keyPath: path].error = message } else { form.formError = message }
                }
            }
            form.statuses = CaseStatus.allCases.map { Choice(value: $0.rawValue, selected: $0.rawValue == form.status.value) }
            let stage = form.stage.value.isEmpty ? ChargeStage.charged.rawValue : form.stage.value
            form.stages = ChargeStage.allCases.map { Choice(value: $0.rawValue, selected: $0.rawValue == stage) }
            return form
        }
        statusForm = form(.status)
        chargeForm = form(.charge)
    }
}
