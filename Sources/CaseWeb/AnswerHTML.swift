import CaseQuery
import CaseStore

// The rows of the busiest pages (search results, the charged answer, the person list), written in Swift (``HTMLWriter``) rather than by the
// Mustache renderer, whose lookups cost as much again as the question itself. The markup is the
// one the templates wrote for them (search.mustache and charged.mustache show the result where
// their rows were; persons.mustache likewise); `AnswerHTMLTests` holds it to the templates' output, byte for byte.

/// Search results: how many passages match and by what order, then each passage with its
/// matches marked.
enum SearchAnswerHTML {
    static func html(_ answer: SearchAnswer) -> HTMLFragment {
        var out = HTMLWriter(capacity: 1024 + answer.hits.count * 600)
        out.raw("<p class=\"muted\">")
        out.text("\(answer.matches) passages match\(answer.matches > answer.hits.count ? ", the first \(answer.hits.count) shown" : ""), by \(answer.order).")
        out.raw("</p>")
        for hit in answer.hits {
            out.raw("\n<div class=\"hit\"><a href=\"")
            out.text(CaseWebApp.sectionLink(document: hit.document, section: hit.section) ?? "")
            out.raw("\">")
            out.text(hit.document)
            out.raw(" ")
            out.text(hit.section)
            out.raw("</a> <span class=\"muted\">")
            out.text(hit.kind)
            if let adopted = hit.adopted {
                out.raw(", ")
                out.text(adopted)
            }
            out.raw("</span>\n<p class=\"snippet\">")
            snippet(hit.snippet, into: &out)
            out.raw("</p></div>")
        }
        return out.fragment
    }

    /// The snippet cut at the highlight markers (``SearchBody/open``, ``SearchBody/close``: ASCII
    /// controls no resolution holds), each match in `<mark>`; the markers themselves are dropped.
    static func snippet(_ snippet: String, into out: inout HTMLWriter) {
        let open = UInt8(ascii: "\u{1}"), close = UInt8(ascii: "\u{2}")
        for (index, piece) in snippet.utf8.split(separator: open, omittingEmptySubsequences: false).enumerated() {
            let parts = piece.split(separator: close, omittingEmptySubsequences: false)
            if index > 0, parts.count > 1 {
                if !parts[0].isEmpty {
                    out.raw("<mark>")
                    out.text(Substring(parts[0]))
                    out.raw("</mark>")
                }
                for part in parts.dropFirst() { out.text(Substring(part)) }
            } else {
                out.text(Substring(piece))
            }
        }
    }
}

/// The charged answer: the provision, how the article was read, a table each for persons,
/// organisations and unnamed groups, the legend of the unreviewed mark.
enum ChargedAnswerHTML {
    static func html(_ answer: ChargedAnswer, evidence: Bool) -> HTMLFragment {
        let count = answer.persons.count + answer.organisations.count + answer.groups.count
        var out = HTMLWriter(capacity: 2048 + count * 700)
        out.raw("<h2>Article ")
        out.text(answer.provision.article)
        out.raw(" of the ")
        out.text(answer.provision.instrument)
        out.raw("</h2>\n")
        if let note = answer.note {
            out.raw("<p class=\"muted\">")
            out.text(note)
            out.raw("</p>")
        }
        out.raw("\n")
        let groups = [("Persons", answer.persons, true), ("Organisations", answer.organisations, false), ("Groups", answer.groups, false)]
        for (heading, subjects, persons) in groups where !subjects.isEmpty {
            out.raw("<h3>")
            out.text(heading)
            out.raw("</h3>\n<table class=\"stack charged\">\n")
            out.raw("<thead><tr><th>Name</th><th>Evidence</th><th>Stage</th><th>Because</th><th>Sources</th></tr></thead>\n<tbody>\n")
            for subject in subjects { row(subject, person: persons, into: &out) }
            out.raw("</tbody>\n</table>\n")
        }
        if (answer.persons + answer.organisations + answer.groups).contains(where: { $0.review == ReviewState.unreviewed.rawValue }) {
            out.raw("<p class=\"muted\">")
            out.text(PersonsBody.legend)
            out.raw("</p>")
        }
        out.raw("\n")
        if count == 0 {
            out.raw("<p class=\"muted\">Nobody is charged under this article")
            if evidence { out.raw(" with this evidence") }
            out.raw(".</p>")
        }
        return out.fragment
    }

    /// One subject's row: its name (a person's linked to their page), the evidence shown and the
    /// other evidence, the stage with the unreviewed mark, why, and each source (linked to its section).
    static func row(_ subject: ChargedAnswer.Subject, person: Bool, into out: inout HTMLWriter) {
        out.raw("<tr><td data-label=\"Name\">")
        let name = subject.count.map { "\(subject.name) (\($0))" } ?? subject.name
        if person, let id = subject.id {
            out.raw("<a href=\"/persons/")
            out.text(String(id))
            out.raw("\">")
            out.text(name)
            out.raw("</a>")
        } else {
            out.text(name)
        }
        out.raw("</td><td data-label=\"Evidence\">")
        out.text(subject.evidence)
        if !subject.otherEvidence.isEmpty {
            out.raw(" <span class=\"muted\">(also ")
            out.text(subject.otherEvidence.joined(separator: ", "))
            out.raw(")</span>")
        }
        out.raw("</td><td data-label=\"Stage\">")
        out.text(subject.stage)
        if subject.review == ReviewState.unreviewed.rawValue {
            out.raw(" <span class=\"unreviewed\" title=\"unreviewed: read by the importer, not yet confirmed by a person\">*</span>")
        }
        out.raw("</td><td data-label=\"Because\" class=\"because\">")
        if let because = subject.because ?? subject.via.map({ "via \($0)" }) { out.text(because) }
        out.raw("</td><td class=\"sources\" data-label=\"Sources\">")
        for source in subject.sources {
            if let link = CaseWebApp.sectionLink(document: source.document, section: source.section) {
                out.raw("<a href=\"")
                out.text(link)
                out.raw("\">")
                out.text(source.description)
                out.raw("</a>")
            } else {
                out.text(source.description)
            }
            out.raw(" ")
        }
        out.raw("</td></tr>\n")
    }
}

/// The person list's rows: id, name linked to the person's page, other spellings, the current
/// status with the unreviewed mark, its date.
enum PersonRowsHTML {
    static func html(_ rows: [PersonStatusRow]) -> HTMLFragment {
        var out = HTMLWriter(capacity: rows.count * 400)
        for (index, row) in rows.enumerated() {
            if index > 0 { out.raw("\n") }
            out.raw("<tr><td data-label=\"ID\">")
            out.text(String(row.id))
            out.raw("</td><td data-label=\"Name\"><a href=\"/persons/")
            out.text(String(row.id))
            out.raw("\">")
            out.text(row.name)
            out.raw("</a></td><td class=\"aliases\" data-label=\"Also written\">")
            out.text(row.aliases.joined(separator: "; "))
            out.raw("</td><td data-label=\"Status\">")
            out.text(row.status ?? "–")
            if row.review == "unreviewed" {
                out.raw(" <span class=\"unreviewed\" title=\"unreviewed: read by the importer, not yet confirmed by a person\">*</span>")
            }
            out.raw("</td><td data-label=\"Date\">")
            out.text(row.statusWhen ?? "")
            out.raw("</td></tr>")
        }
        return out.fragment
    }
}
