extension RuleBook {
    /// The rules of the mentions stage (see `Rule`).
    static let mentionRules: [Rule] = [
    ]
}
