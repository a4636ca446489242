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
        WebPage(user: optionals ? "anna" : nil, role: optionals ? "editor" : nil, editor: optionals, admin: !optionals, csrf: "token",
                flash: optionals ? "Recorded." : nil, error: optionals ? "Nothing was changed." : nil, body: body)
    }

    @Test func searchPageListsWhatItsMirrorReads() {
        for optionals in [true, false] {
            let hits = [SearchBody.Hit(document: "2031/0101(RSP)", section: "C", kind: "recital", adopted: optionals ? "2031-01-15" : nil,
                                       link: optionals ? "/document?procedure=2031" : nil,
                                       runs: [.init(text: "whereas the ", highlight: false), .init(text: "journalist", highlight: true)])]
            var body = SearchBody(query: "journalist", answer: nil, queryError: optionals ? "a double quote is not closed" : nil)
            Self.expectSame(Self.page(body, optionals: optionals), "search page without an answer, optionals \(optionals)")
            body.answer = SearchBody.Answer(summary: "1 passages match, by relevance.", hits: optionals ? hits : [])
            Self.expectSame(Self.page(body, optionals: optionals), "search page, optionals \(optionals)")
        }
    }

    @Test func chargedPageListsWhatItsMirrorReads() {
        for optionals in [true, false] {
            let subject = ChargedBody.Subject(name: "Arlen Vost", personLink: optionals ? "/persons/7" : nil, evidence: "stated",
                                              others: optionals ? "inferred" : nil, stage: "charged", because: optionals ? "via the movement" : nil,
                                              sources: [.init(text: "2031/0101(RSP) 4", sourceLink: optionals ? "/document?procedure=2031" : nil)],
                                              unreviewed: optionals)
            var body = ChargedBody(article: "12", instrument: "Penal Code", evidenceChoices: [Choice(value: "stated", selected: optionals)],
                                   answer: nil, articleError: optionals ? "no such article" : nil, instrumentError: optionals ? "choose one" : nil,
                                   evidenceError: optionals ? "not an evidence" : nil, articles: [], listed: optionals)
            Self.expectSame(Self.page(body, optionals: optionals), "charged page without an answer, optionals \(optionals)")
            body.answer = ChargedBody.Answer(article: "12", instrument: "Penal Code", note: optionals ? "Article 12(2) is not recorded apart" : nil,
                                             groups: [.init(heading: "Persons", subjects: [subject, subject])], evidence: optionals,
                                             legend: optionals ? PersonsBody.legend : nil)
            Self.expectSame(Self.page(body, optionals: optionals), "charged answer, optionals \(optionals)")
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
