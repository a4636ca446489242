extension RuleBook {
    /// The rules of the events stage (see `Rule`).
    static let eventRules: [Rule] = [
    ]
}
