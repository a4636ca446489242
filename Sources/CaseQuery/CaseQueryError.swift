/// Questions that cannot be answered as asked, each a sentence saying what to do.
public enum CaseQueryError: Error, CustomStringConvertible, Equatable {
    case unknownProvision(article: String, instrument: String?)
    case ambiguousArticle(article: String, instruments: [String])
    case badSearch(query: String, reason: String)
    case emptySearch
    case unknownDocument(procedure: String, known: [String])

    public var description: String {
        switch self {
        case .unknownProvision(let article, let instrument):
            let under = instrument.map { " of \($0)" } ?? ""
            return "No imported resolution or record mentions Article \(article)\(under); check the number, or list articles with `casetrack export`."
        case .ambiguousArticle(let article, let instruments):
            return "Article \(article) exists in several instruments (\(instruments.joined(separator: "; "))); choose one with --instrument."
        case .badSearch(let query, let reason):
            return "The search '\(query)' is not valid FTS5 syntax (\(reason)); put a phrase in double quotes or drop operators."
        case .emptySearch:
            return "The search is empty; give some words to look for."
        case .unknownDocument(let procedure, let known):
            let list = known.isEmpty ? "none imported yet" : known.joined(separator: ", ")
            return "No imported resolution has procedure \(procedure) (imported: \(list)); import it first with `casetrack import`."
        }
    }
}
