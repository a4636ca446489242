/// Where a charge stands.
public enum ChargeStage: String, CaseIterable, Sendable, Codable {
    case alleged, charged, convicted, acquitted, dropped

    public init(parsing text: String) throws(CaseStoreError) {
        guard let stage = ChargeStage(rawValue: text.lowercased()) else { throw .unknownStage(text) }
        self = stage
    }
}

/// How casetrack knows a charge.
public enum ChargeEvidence: String, CaseIterable, Sendable, Codable {
    /// The text ties this subject to this article.
    case stated
    /// Derived through a stated link; always carries its reason.
    case inferred
    /// Entered by a user, with their source.
    case recorded
}
