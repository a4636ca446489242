import CaseIngest

extension CaseStatus {
    /// Words people use for a status, read as the status casetrack records.
    ///
    /// Only suggested, never silently applied: "arrested" may be "detained"
    /// or "pre-trial detention", and the user chooses.
    static let synonyms: [String: [CaseStatus]] = [
        "arrested": [.detained, .preTrialDetention], "arrest": [.detained, .preTrialDetention], "held": [.detained],
        "detention": [.detained, .preTrialDetention], "custody": [.detained, .preTrialDetention], "in custody": [.detained, .preTrialDetention],
        "remand": [.preTrialDetention], "remanded": [.preTrialDetention], "pretrial": [.preTrialDetention],
        "jailed": [.imprisoned], "jail": [.imprisoned], "prison": [.imprisoned], "in prison": [.imprisoned], "imprisonment": [.imprisoned],
        "incarcerated": [.imprisoned], "convicted": [.sentenced], "condemned": [.sentenced],
        "freed": [.released], "free": [.released], "liberated": [.released], "pardoned": [.released], "discharged": [.released],
        "indicted": [.charged], "prosecuted": [.charged], "accused": [.charged], "trial": [.onTrial], "tried": [.onTrial],
        "dropped": [.chargesDropped], "cleared": [.acquitted, .chargesDropped], "acquittal": [.acquitted],
        "dead": [.deceased], "died": [.deceased], "killed": [.deceased], "executed": [.deceased],
        "missing": [.disappeared], "abducted": [.disappeared], "vanished": [.disappeared],
        "exiled": [.inExile], "exile": [.inExile], "fled": [.inExile], "refugee": [.asylumGranted], "asylum": [.asylumGranted],
        "threatened": [.atRisk], "in danger": [.atRisk], "wanted": [.atLarge], "fugitive": [.atLarge],
        "under house arrest": [.houseArrest], "travel ban": [.restrictedLiberty], "probation": [.restrictedLiberty],
    ]

    /// Reads a status as ``init(parsing:)`` does; an unknown word is an error
    /// that suggests the closest statuses (synonyms first, then spelling).
    public static func resolve(_ text: String) throws(CaseStoreError) -> CaseStatus {
        if let status = try? CaseStatus(parsing: text) { return status }
        throw CaseStoreError.unknownStatus(given: text, suggestions: suggestions(for: text))
    }

    static func suggestions(for text: String) -> [String] {
        let key = Suggestions.key(text)
        var result = (synonyms[key] ?? []).map(\.rawValue)
        for name in Suggestions.closest(to: text, among: allCases.map(\.rawValue)) where !result.contains(name) {
            result.append(name)
        }
        return Array(result.prefix(3))
    }
}
