import CaseStore

/// Questions that cannot be answered as asked, each a sentence saying what to do.
public enum CaseQueryError: Error, CustomStringConvertible, Equatable {
    case unknownProvision(article: String, instrument: String?, suggestions: [String])
    case unknownInstrument(article: String, instrument: String, suggestions: [String])
    case ambiguousArticle(article: String, instruments: [String])
    case badSearch(query: String, reason: String)
    case emptySearch
    case unknownDocument(procedure: String, known: [String])
    case unknownOrganisation(name: String, suggestions: [String])
    case ambiguousOrganisation(name: String, candidates: [String])
    case ambiguousDocument(reference: String, choices: [DocumentChoice])

    /// The input an error is about, as a field name (`article`, `instrument`, `q`), for a front end to mark.
    public var field: String? {
        switch self {
        case .unknownProvision: return "article"
        case .unknownInstrument, .ambiguousArticle: return "instrument"
        case .badSearch, .emptySearch: return "q"
        case .unknownDocument, .ambiguousDocument: return "document"
        case .unknownOrganisation, .ambiguousOrganisation: return "organisation"
        }
    }

    public var description: String {
        switch self {
        case .unknownProvision(let article, let instrument, let suggestions):
            let under = instrument.map { " of \($0)" } ?? ""
            if suggestions.isEmpty {
                return "No imported resolution or record mentions Article \(article)\(under): check the number against the list of articles."
            }
            return "No imported resolution or record mentions Article \(article)\(under): did you mean Article "
                + suggestions.joined(separator: " or Article ") + "?"
        case .unknownInstrument(let article, let instrument, let suggestions):
            return "No instrument called '\(instrument)' has an Article \(article): did you mean \(Suggestions.quotedList(suggestions))?"
        case .unknownOrganisation(let name, let suggestions):
            let hint = suggestions.isEmpty ? "check the name against the list of organisations." : "did you mean \(Suggestions.quotedList(suggestions))?"
            return "No organisation matches '\(name)': \(hint)"
        case .ambiguousOrganisation(let name, let candidates):
            return "'\(name)' could be \(Suggestions.quotedList(candidates)): give more of the name."
        case .ambiguousArticle(let article, let instruments):
            return "Article \(article) exists in several instruments: choose one of \(Suggestions.quotedList(instruments)) as the instrument."
        case .ambiguousDocument(let reference, let choices):
            let list = choices.map { "'\($0.typed)' (the \($0.kind))" }
            return "'\(reference)' names \(choices.count) imported texts: give one of \(list.dropLast().joined(separator: ", ")) or \(list.last ?? "")."
        case .badSearch(let query, let reason):
            return "Cannot search for '\(query)': \(reason)."
        case .emptySearch:
            return "The search is empty; give some words to look for."
        case .unknownDocument(let procedure, let known):
            if known.isEmpty { return "No imported resolution has procedure \(procedure) (none is imported yet): import it first." }
            let close = Suggestions.closest(to: procedure, among: known)
            if !close.isEmpty { return "No imported resolution has procedure \(procedure): did you mean \(Suggestions.quotedList(close))?" }
            return "No imported resolution has procedure \(procedure) (imported: \(known.prefix(10).joined(separator: ", "))): check it against the list of documents, or import it first."
        }
    }
}
