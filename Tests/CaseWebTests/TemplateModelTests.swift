@testable import CaseQuery
import CaseStore
@testable import CaseWeb
import Testing

/// The hot pages' models list their own fields (`TemplateFields`): each list must read exactly
/// what the struct's mirror reads (the same names, values, types and nesting), with optionals
/// both nil and set, so a page renders the same either way and a property added without its
/// line fails here.
@Suite struct TemplateModelTests {
    /// `value` and `other` as the renderer would see them: field tables by name, arrays element by element.
    static func differences(_ value: Any, _ other: Any, at path: String = "") -> [String] {
        switch (value, other) {
        case let (value as TemplateObject, other as TemplateObject):
            let names = Set(value.fields.keys).union(other.fields.keys).sorted()
            return names.flatMap { name -> [String] in
                guard let left = value.fields[name], let right = other.fields[name] else {
                    return ["\(path).\(name): listed \(value.fields[name] != nil), mirrored \(other.fields[name] != nil)"]
                }
                return differences(left, right, at: path + "." + name)
            }
        case let (value as [Any], other as [Any]):
            guard value.count == other.count else { return ["\(path): \(value.count) elements, mirrored \(other.count)"] }
            return zip(value, other).enumerated().flatMap { differences($0.element.0, $0.element.1, at: "\(path)[\($0.offset)]") }
        default:
            let left = "\(type(of: value)) \(String(describing: value))", right = "\(type(of: other)) \(String(describing: other))"
            return left == right ? [] : ["\(path): \(left), mirrored \(right)"]
        }
    }

    static func expectSame(_ value: Any, _ comment: Comment) {
        let listed = TemplateModel.wrap(value), mirrored = TemplateModel.reflected(value)
        #expect(listed is TemplateObject, comment)
        let found = differences(listed, mirrored)
        #expect(found.isEmpty, "\(comment): \(found.joined(separator: "; "))")
    }

    static func page(_ body: Any, optionals: Bool) -> WebPage {
        WebPage(user: optionals ? "anna" : nil, role: optionals ? "editor" : nil, editor: optionals, admin: !optionals, csrf: "token", once: "once-token",
                flash: optionals ? "Recorded." : nil, error: optionals ? "Nothing was changed." : nil, body: body)
    }

    @Test func searchPageListsWhatItsMirrorReads() {
        for optionals in [true, false] {
            var body = SearchBody(query: "journalist", answerHTML: nil, queryError: optionals ? "a double quote is not closed" : nil)
            Self.expectSame(Self.page(body, optionals: optionals), "search page without an answer, optionals \(optionals)")
            let hits = [SearchHit(document: "2031/0101(RSP)", adopted: optionals ? "2031-01-15" : nil, section: "C", kind: "recital",
                                  snippet: "whereas the \(SearchBody.open)journalist\(SearchBody.close) was held", rank: -1.5)]
            body.answerHTML = SearchAnswerHTML.html(SearchAnswer(query: "journalist", ftsQuery: "\"journalist\"", matches: optionals ? 1 : 0, order: "relevance",
                                                                 hits: optionals ? hits : []))
            Self.expectSame(Self.page(body, optionals: optionals), "search page, optionals \(optionals)")
        }
    }

    @Test func chargedPageListsWhatItsMirrorReads() {
        for optionals in [true, false] {
            let subject = ChargedAnswer.Subject(id: optionals ? 7 : nil, name: "Arlen Vost", evidence: "stated", stage: "charged",
                                                because: optionals ? "member of the movement" : nil, via: nil, count: optionals ? nil : 3, cue: nil,
                                                sources: [SourceRef(document: optionals ? "2031/0101(RSP)" : nil, section: "4", text: optionals ? nil : "a letter")],
                                                otherEvidence: optionals ? ["inferred"] : [], review: optionals ? "unreviewed" : "confirmed")
            var body = ChargedBody(article: "12", instrument: "Penal Code", evidenceChoices: [Choice(value: "stated", selected: optionals)],
                                   answerHTML: nil, articleError: optionals ? "no such article" : nil, instrumentError: optionals ? "choose one" : nil,
                                   evidenceError: optionals ? "not an evidence" : nil,
                                   articles: optionals ? [ChargedBody.Article(ProvisionSummary(article: "12", instrument: "Penal Code", persons: 2, organisations: 1, groups: 0))] : [],
                                   listed: optionals)
            Self.expectSame(Self.page(body, optionals: optionals), "charged page without an answer, optionals \(optionals)")
            body.answerHTML = ChargedAnswerHTML.html(ChargedAnswer(provision: .init(instrument: "Penal Code", article: "12"),
                                                                   note: optionals ? "Article 12(2) is not recorded apart" : nil,
                                                                   persons: [subject, subject], organisations: optionals ? [] : [subject], groups: []),
                                                     evidence: optionals)
            Self.expectSame(Self.page(body, optionals: optionals), "charged answer, optionals \(optionals)")
        }
    }

    @Test func personPageListsWhatItsMirrorReads() throws {
        let harness = try WebHarness()
        let queries = CaseQueries(harness.database)
        let persons = try queries.persons(PersonFilter(withStatusOnly: true), offset: 0, limit: 3).rows
        #expect(!persons.isEmpty)
        for person in persons {
            let history = try queries.history(String(person.id))
            let eventID = history.events.compactMap(\.eventID).first
            let refused = FormState(values: FormFields(values: ["status": "detained", "date": "2031-13", "source": "a <call>", "allow_duplicate": "1"]),
                                    field: "date", message: "'2031-13' is not a date")
            let bodies = [PersonBody(history), PersonBody(history, again: .status, state: refused),
                          PersonBody(history, again: .retract, state: FormState(values: FormFields(values: ["reason": "typo"]), field: "reason", message: "too short"),
                                     eventID: eventID),
                          PersonBody(history, again: .charge, state: FormState(values: FormFields(values: [:]), field: "person", message: "not a field"))]
            for (index, body) in bodies.enumerated() {
                Self.expectSame(Self.page(body, optionals: index % 2 == 0), "person \(person.id), page \(index)")
            }
        }
    }

    /// A type that lists nothing for itself still goes through its mirror, as before.
    @Test func otherPagesStillReadTheirMirror() {
        struct Row { var name: String; var note: String? }
        struct Body { var rows: [Row]; var count: Int }
        let page = Self.page(Body(rows: [Row(name: "Arlen Vost", note: nil), Row(name: "Mira Tal", note: "released")], count: 2), optionals: true)
        let found = Self.differences(TemplateModel.wrap(page), TemplateModel.reflected(page))
        #expect(found.isEmpty, "\(found)")
    }
}
