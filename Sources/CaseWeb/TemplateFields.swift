// The hot pages' models (every page's frame, search and the charged answer) list their own
// fields for the templates (see ``TemplateFields``): each stored property, in declaration
// order, under its own name. `TemplateModelTests` holds each list to the struct's mirror, so a
// property added without its line fails there, not on a page.

extension WebPage: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("user", user)
        table.set("role", role)
        table.set("editor", editor)
        table.set("admin", admin)
        table.set("csrf", csrf)
        table.set("once", once)
        table.set("flash", flash)
        table.set("error", error)
        table.set("body", any: body)
    }
}

extension Choice: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("value", value)
        table.set("selected", selected)
    }
}

extension SearchBody: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("query", query)
        table.set("answer", any: answer as Any)
        table.set("queryError", queryError)
    }
}

extension SearchBody.Answer: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("summary", summary)
        table.set("hits", any: hits)
    }
}

extension SearchBody.Hit: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("document", document)
        table.set("section", section)
        table.set("kind", kind)
        table.set("adopted", adopted)
        table.set("link", link)
        table.set("runs", any: runs)
    }
}

extension SearchBody.Run: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("text", text)
        table.set("highlight", highlight)
    }
}

extension ChargedBody: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("article", article)
        table.set("instrument", instrument)
        table.set("evidenceChoices", any: evidenceChoices)
        table.set("answer", any: answer as Any)
        table.set("articleError", articleError)
        table.set("instrumentError", instrumentError)
        table.set("evidenceError", evidenceError)
        table.set("articles", any: articles)
        table.set("listed", listed)
    }
}

extension ChargedBody.Answer: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("article", article)
        table.set("instrument", instrument)
        table.set("note", note)
        table.set("groups", any: groups)
        table.set("evidence", evidence)
        table.set("legend", legend)
    }
}

extension ChargedBody.Group: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("heading", heading)
        table.set("subjects", any: subjects)
    }
}

extension ChargedBody.Subject: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("name", name)
        table.set("personLink", personLink)
        table.set("evidence", evidence)
        table.set("others", others)
        table.set("stage", stage)
        table.set("because", because)
        table.set("sources", any: sources)
        table.set("unreviewed", unreviewed)
    }
}

extension ChargedBody.Source: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("text", text)
        table.set("sourceLink", sourceLink)
    }
}
