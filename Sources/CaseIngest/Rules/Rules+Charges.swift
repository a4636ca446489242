extension RuleBook {
    /// The rules of the charges stage (see `Rule`).
    static let chargeRules: [Rule] = [
    ]
}
