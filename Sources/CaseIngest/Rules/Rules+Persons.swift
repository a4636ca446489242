extension RuleBook {
    /// The rules of the persons stage (see `Rule`).
    static let personRules: [Rule] = [
    ]
}
