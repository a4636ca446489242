// The hot pages' models (every page's frame, search and the charged page) list their own
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
        table.set("answerHTML", answerHTML)
        table.set("queryError", queryError)
    }
}

extension ChargedBody: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("article", article)
        table.set("instrument", instrument)
        table.set("evidenceChoices", any: evidenceChoices)
        table.set("answerHTML", answerHTML)
        table.set("articleError", articleError)
        table.set("instrumentError", instrumentError)
        table.set("evidenceError", evidenceError)
        table.set("articles", any: articles)
        table.set("listed", listed)
    }
}
