@testable import CasePages
@testable import CaseQuery
@testable import CaseWeb
import Mustache
import Testing

/// The search results, the charged answer and the person list's rows are written in Swift
/// (`SearchAnswerHTML`, `ChargedAnswerHTML`, `PersonRowsHTML`): each is held here, byte for byte, to what the templates wrote for the
/// same answer before (the old template text and model, kept below as the reference), with
/// markup-like, quoted and ampersanded values everywhere a value goes; and every value escaped.
@Suite struct AnswerHTMLTests {
    static let hostile = "<script>alert(\"x\")</script> O'Brien & Sons"

    // MARK: The reference: the templates' rows as they were, over the model they read.

    static let searchTemplate = """
        {{#answer}}
        <p class="muted">{{summary}}</p>
        {{#hits}}
        <div class="hit"><a href="{{link}}">{{document}} {{section}}</a> <span class="muted">{{kind}}{{#adopted}}, {{adopted}}{{/adopted}}</span>
        <p class="snippet">{{#runs}}{{#highlight}}<mark>{{text}}</mark>{{/highlight}}{{^highlight}}{{text}}{{/highlight}}{{/runs}}</p></div>
        {{/hits}}
        {{/answer}}

        """

    static let chargedTemplate = """
        {{#answer}}
        <h2>Article {{article}} of the {{instrument}}</h2>
        {{#note}}<p class="muted">{{note}}</p>{{/note}}
        {{#groups}}
        <h3>{{heading}}</h3>
        <table class="stack charged">
        <thead><tr><th>Name</th><th>Evidence</th><th>Stage</th><th>Because</th><th>Sources</th></tr></thead>
        <tbody>
        {{#subjects}}
        <tr><td data-label="Name">{{#personLink}}<a href="{{personLink}}">{{name}}</a>{{/personLink}}{{^personLink}}{{name}}{{/personLink}}</td><td data-label="Evidence">{{evidence}}{{#others}} <span class="muted">(also {{others}})</span>{{/others}}</td><td data-label="Stage">{{stage}}{{#unreviewed}} <span class="unreviewed" title="unreviewed: read by the importer, not yet confirmed by a person">*</span>{{/unreviewed}}</td><td data-label="Because" class="because">{{because}}</td><td class="sources" data-label="Sources">{{#sources}}{{#sourceLink}}<a href="{{sourceLink}}">{{text}}</a>{{/sourceLink}}{{^sourceLink}}{{text}}{{/sourceLink}} {{/sources}}</td></tr>
        {{/subjects}}
        </tbody>
        </table>
        {{/groups}}
        {{#legend}}<p class="muted">{{.}}</p>{{/legend}}
        {{^groups}}<p class="muted">Nobody is charged under this article{{#evidence}} with this evidence{{/evidence}}.</p>{{/groups}}
        {{/answer}}

        """

    static let personRowsTemplate = """
        {{#rows}}
        <tr><td data-label="ID">{{id}}</td><td data-label="Name"><a href="/persons/{{id}}">{{name}}</a></td><td class="aliases" data-label="Also written">{{aliases}}</td><td data-label="Status">{{status}}{{#unreviewed}} <span class="unreviewed" title="unreviewed: read by the importer, not yet confirmed by a person">*</span>{{/unreviewed}}</td><td data-label="Date">{{date}}</td></tr>
        {{/rows}}

        """

    /// The person list's old rows.
    static func personRowsModel(_ rows: [PersonStatusRow]) -> [String: Any] {
        ["rows": rows.map { row -> [String: Any] in
            ["id": row.id, "name": row.name, "aliases": row.aliases.joined(separator: "; "), "status": row.status ?? "–",
             "date": row.statusWhen ?? "", "unreviewed": row.review == "unreviewed"]
        }]
    }

    /// The search answer's old model: a run of text for each piece of the snippet, the matches highlighted.
    static func searchModel(_ answer: SearchAnswer) -> [String: Any] {
        let hits = answer.hits.map { hit -> [String: Any] in
            var runs: [[String: Any]] = []
            for (index, piece) in hit.snippet.components(separatedBy: SearchBody.open).enumerated() {
                let parts = piece.components(separatedBy: SearchBody.close)
                if index > 0, parts.count > 1 {
                    runs.append(["text": parts[0], "highlight": true])
                    runs.append(["text": parts.dropFirst().joined(), "highlight": false])
                } else {
                    runs.append(["text": piece, "highlight": false])
                }
            }
            var row: [String: Any] = ["document": hit.document, "section": hit.section, "kind": hit.kind,
                                      "runs": runs.filter { !($0["text"] as! String).isEmpty }]
            row["adopted"] = hit.adopted
            row["link"] = CaseWebApp.sectionLink(document: hit.document, section: hit.section)
            return row
        }
        let summary = "\(answer.matches) passages match\(answer.matches > answer.hits.count ? ", the first \(answer.hits.count) shown" : ""), by \(answer.order)."
        return ["answer": ["summary": summary, "hits": hits] as [String: Any]]
    }

    /// The charged answer's old model: a group for each kind of subject that has any, a row for each subject.
    static func chargedModel(_ answer: ChargedAnswer, evidence: Bool) -> [String: Any] {
        func subjects(_ list: [ChargedAnswer.Subject], persons: Bool) -> [[String: Any]] {
            list.map { subject in
                var row: [String: Any] = ["name": subject.count.map { "\(subject.name) (\($0))" } ?? subject.name, "evidence": subject.evidence,
                                          "stage": subject.stage, "unreviewed": subject.review == "unreviewed",
                                          "sources": subject.sources.map { source -> [String: Any] in
                                              var row: [String: Any] = ["text": source.description]
                                              row["sourceLink"] = CaseWebApp.sectionLink(document: source.document, section: source.section)
                                              return row
                                          }]
                row["personLink"] = persons ? subject.id.map { "/persons/\($0)" } : nil
                row["others"] = subject.otherEvidence.isEmpty ? nil : subject.otherEvidence.joined(separator: ", ")
                row["because"] = subject.because ?? subject.via.map { "via \($0)" }
                return row
            }
        }
        let groups: [[String: Any]] = [("Persons", subjects(answer.persons, persons: true)), ("Organisations", subjects(answer.organisations, persons: false)),
                                       ("Groups", subjects(answer.groups, persons: false))]
            .filter { !$0.1.isEmpty }.map { ["heading": $0.0, "subjects": $0.1] }
        var model: [String: Any] = ["article": answer.provision.article, "instrument": answer.provision.instrument, "groups": groups, "evidence": evidence]
        model["note"] = answer.note
        model["legend"] = (answer.persons + answer.organisations + answer.groups).contains { $0.review == "unreviewed" } ? PersonsBody.legend : nil
        return ["answer": model]
    }

    static func reference(_ template: String, _ model: [String: Any]) throws -> String {
        try MustacheTemplate(string: template).render(model)
    }

    // MARK: Answers to hold them to

    static func searchAnswers() -> [SearchAnswer] {
        let hits = [
            SearchHit(document: "2031/0101(RSP)", adopted: "2031-01-15", section: "C", kind: "recital",
                      snippet: "…whereas the \(SearchBody.open)journalist\(SearchBody.close) Arlen Vost was held", rank: -2),
            // Every value hostile; a match at the start, one at the end, two side by side, a stray close marker.
            SearchHit(document: hostile, adopted: hostile, section: "4\"><b>", kind: "para'graph & <i>",
                      snippet: "\(SearchBody.open)<b>\(SearchBody.close) said \"stop\" & \(SearchBody.open)O'Brien\(SearchBody.close)\(SearchBody.open)&amp;\(SearchBody.close) end\(SearchBody.close) \(SearchBody.open)<script>\(SearchBody.close)",
                      rank: -1),
            SearchHit(document: "2030/0007(RSP)", adopted: nil, section: "12", kind: "paragraph", snippet: "no match marked", rank: 0),
            SearchHit(document: "2030/0008(RSP)", adopted: "", section: "", kind: "", snippet: "", rank: 0),
        ]
        return [
            SearchAnswer(query: "journalist", ftsQuery: "\"journalist\"", matches: 4, order: "relevance", hits: hits),
            SearchAnswer(query: "court", ftsQuery: "\"court\"", matches: 9000, order: "newest first (too many matches to rank)", hits: Array(hits.prefix(2))),
            SearchAnswer(query: "nothing", ftsQuery: "\"nothing\"", matches: 0, order: "relevance", hits: []),
        ]
    }

    static func subject(_ name: String, id: Int64?, review: String = "unreviewed", count: Int? = nil, because: String? = nil, via: String? = nil,
                        others: [String] = [], sources: [SourceRef]) -> ChargedAnswer.Subject {
        ChargedAnswer.Subject(id: id, name: name, evidence: "stated", stage: "charged", because: because, via: via, count: count, cue: nil,
                              sources: sources, otherEvidence: others, review: review)
    }

    static func chargedAnswers() -> [(ChargedAnswer, Bool)] {
        let persons = [
            subject(hostile, id: 7, because: hostile, others: ["inferred", "recorded"],
                    sources: [SourceRef(document: hostile, section: "4\"'", text: nil), SourceRef(document: nil, section: nil, text: "a letter <from> 'them' & \"us\"")]),
            subject("Arlen Vost", id: 8, review: "confirmed", sources: [SourceRef(document: "2031/0101(RSP)", section: "C", text: nil)]),
            subject("Unknown <id>", id: nil, sources: []),
        ]
        let organisations = [subject("Nova & <Partners>", id: 3, via: "the \"Front\"", sources: [SourceRef(document: nil, section: nil, text: nil)])]
        let groups = [subject("at least 15 'activists'", id: nil, review: "confirmed", count: 15, sources: [SourceRef(document: "2031/0101(RSP)", section: "F", text: nil)])]
        return [
            (ChargedAnswer(provision: .init(instrument: "Criminal Code of <Nowhere> & 'Elsewhere'", article: "405\"(2)"), note: hostile,
                           persons: persons, organisations: organisations, groups: groups), false),
            (ChargedAnswer(provision: .init(instrument: "Penal Code", article: "12"), note: nil, persons: [persons[1]], organisations: [], groups: []), true),
            (ChargedAnswer(provision: .init(instrument: "Penal Code", article: "13"), note: nil, persons: [], organisations: [], groups: []), true),
            (ChargedAnswer(provision: .init(instrument: "Penal Code", article: "13"), note: "Article 13(1) is not recorded apart.", persons: [], organisations: [], groups: []), false),
        ]
    }

    // MARK: Tests

    @Test func searchResultsAreWhatTheTemplateWrote() throws {
        for answer in Self.searchAnswers() {
            let written = SearchAnswerHTML.html(answer).html + "\n"
            #expect(written == (try Self.reference(Self.searchTemplate, Self.searchModel(answer))), "search for \(answer.query)")
        }
    }

    @Test func theChargedAnswerIsWhatTheTemplateWrote() throws {
        for (answer, evidence) in Self.chargedAnswers() {
            let written = ChargedAnswerHTML.html(answer, evidence: evidence).html + "\n"
            #expect(written == (try Self.reference(Self.chargedTemplate, Self.chargedModel(answer, evidence: evidence))),
                    "Article \(answer.provision.article), evidence \(evidence)")
        }
    }

    @Test func thePersonListRowsAreWhatTheTemplateWrote() throws {
        var first = PersonStatusRow(id: 33, name: Self.hostile, standing: nil)
        first.aliases = ["O'Hara & <Co>", "\"Ana\""]
        var second = PersonStatusRow(id: 100_000, name: "Arlen Vost", standing: nil)
        (second.status, second.statusWhen, second.review) = ("detained", "as of 2024-01-18 (reported)", "unreviewed")
        var third = PersonStatusRow(id: 5, name: "Mira Tal", standing: nil)
        (third.status, third.statusWhen, third.review) = ("released", "2023-11-30", "confirmed")
        let rows = [first, second, third]
        for count in 1...rows.count {
            let written = PersonRowsHTML.html(Array(rows.prefix(count))).html + "\n"
            #expect(written == (try Self.reference(Self.personRowsTemplate, Self.personRowsModel(Array(rows.prefix(count))))), "\(count) rows")
        }
        #expect(PersonRowsHTML.html(rows).html.contains("<a href=\"/persons/33\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Sons</a>"))
    }

    @Test func everyValueIsEscaped() {
        #expect(HTMLWriter.escaped(Self.hostile) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Sons")
        #expect(HTMLWriter.escaped("") == "" && HTMLWriter.escaped("Łódź — plain") == "Łódź — plain")
        // A quote followed by a combining mark is one Swift character, but the browser reads the quote: it is escaped.
        #expect(HTMLWriter.escaped("a\"\u{301} onmouseover='x'") == "a&quot;\u{301} onmouseover=&#39;x&#39;")
        let search = SearchAnswerHTML.html(Self.searchAnswers()[0]).html
        let charged = ChargedAnswerHTML.html(Self.chargedAnswers()[0].0, evidence: false).html
        for page in [search, charged] {
            #expect(!page.contains("<script") && !page.contains("<b>") && !page.contains("<i>") && !page.contains("O'Brien") && !page.contains("& "))
        }
        #expect(search.contains("<mark>O&#39;Brien</mark><mark>&amp;amp;</mark>") && search.contains("<mark>&lt;script&gt;</mark>"))
        #expect(charged.contains("<a href=\"/persons/7\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Sons</a>"))
        #expect(charged.contains("<td data-label=\"Because\" class=\"because\">via the &quot;Front&quot;</td>"))
    }

    /// Only written HTML is shown unescaped: under a name ending in `HTML` the model passes an
    /// `HTMLFragment` and nothing else, so a string put there by mistake shows nothing, not markup.
    @Test func onlyWrittenHTMLIsShownUnescaped() throws {
        struct Mistaken { var query: String; var answerHTML: String; var queryError: String? }
        let pages = try Pages()
        let page = WebPage(user: "anna", role: "reader", editor: false, admin: false, csrf: "t", once: "o", flash: nil, error: nil,
                           body: Mistaken(query: "q", answerHTML: "<script>alert(1)</script>", queryError: nil))
        let text = try pages.render("search", TemplateModel.wrap(page))
        #expect(!text.contains("<script>alert(1)") && !text.contains("&lt;script&gt;alert(1)"))
        let body = SearchBody(query: Self.hostile, answerHTML: SearchAnswerHTML.html(Self.searchAnswers()[0]), queryError: nil)
        let shown = try pages.render("search", TemplateModel.wrap(WebPage(user: "anna", role: "reader", editor: false, admin: false, csrf: "t", once: "o",
                                                                           flash: nil, error: nil, body: body)))
        #expect(shown.contains("value=\"\(HTMLWriter.escaped(Self.hostile))\"") && shown.contains("<mark>journalist</mark>"))
        #expect(!shown.contains(Self.hostile))
    }
}
