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

// The person page's model: the forms (five on each page, sixteen fields each) and the status
// events beside the history; the history itself (CasePages' HistoryView) still goes through its mirror.

extension PersonBody: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("history", any: history)
        table.set("personID", personID)
        table.set("statuses", any: statuses)
        table.set("stages", any: stages)
        table.set("events", any: events)
        table.set("hasEvents", hasEvents)
        table.set("statusForm", any: statusForm)
        table.set("chargeForm", any: chargeForm)
        table.set("aliasForm", any: aliasForm)
        table.set("mergeForm", any: mergeForm)
        table.set("apartForm", any: apartForm)
        table.set("refused", refused)
    }
}

extension PersonBody.Event: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("id", id)
        table.set("date", date)
        table.set("status", status)
        table.set("source", source)
        table.set("retracted", retracted)
        table.set("reason", any: reason)
    }
}

extension FormState: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("formError", formError)
        table.set("name", any: name)
        table.set("aliases", any: aliases)
        table.set("note", any: note)
        table.set("status", any: status)
        table.set("date", any: date)
        table.set("source", any: source)
        table.set("document", any: document)
        table.set("section", any: section)
        table.set("sentence", any: sentence)
        table.set("place", any: place)
        table.set("article", any: article)
        table.set("instrument", any: instrument)
        table.set("stage", any: stage)
        table.set("alias", any: alias)
        table.set("other", any: other)
        table.set("reason", any: reason)
        table.set("allowDuplicate", allowDuplicate)
    }
}

extension Field: TemplateFields {
    func templateFields(_ table: inout TemplateFieldTable) {
        table.set("value", value)
        table.set("error", error)
    }
}
