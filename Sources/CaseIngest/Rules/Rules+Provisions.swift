extension RuleBook {
    /// The rules of the provisions stage (see `Rule`).
    static let provisionRules: [Rule] = [
    ]
}
