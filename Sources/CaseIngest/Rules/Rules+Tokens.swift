extension RuleBook {
    /// The rules of the tokens stage (see `Rule`).
    static let tokenRules: [Rule] = [
    ]
}
