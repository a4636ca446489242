/// The closed vocabulary of a person's situation.
///
/// Kept closed on purpose: questions such as "who is in pre-trial detention"
/// only work if everybody records the same words.
public enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case atLarge = "at large"
    case atRisk = "at risk"
    case detained
    case preTrialDetention = "pre-trial detention"
    case houseArrest = "house arrest"
    case restrictedLiberty = "restricted liberty"
    case charged
    case onTrial = "on trial"
    case sentenced
    case imprisoned
    case released
    case chargesDropped = "charges dropped"
    case acquitted
    case inExile = "in exile"
    case asylumGranted = "asylum granted"
    case deceased
    case disappeared

    /// Reads a status as a user types it: case-insensitive, and `-` or `_`
    /// may stand for a space (`house-arrest`, `pre_trial detention`).
    public init(parsing text: String) throws(UnknownStatusError) {
        let wanted = Self.normalise(text)
        guard let status = Self.allCases.first(where: { Self.normalise($0.rawValue) == wanted }) else {
            throw UnknownStatusError(given: text)
        }
        self = status
    }

    private static func normalise(_ text: String) -> String {
        text.lowercased()
            .replacingAll(of: ["-", "_"], with: " ")
            .split(separator: " ").joined(separator: " ")
    }
}

extension String {
    func replacingAll(of characters: Set<Character>, with replacement: Character) -> String {
        String(map { characters.contains($0) ? replacement : $0 })
    }
}
