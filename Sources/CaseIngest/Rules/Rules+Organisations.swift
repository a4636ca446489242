extension RuleBook {
    /// The rules of the organisations stage (see `Rule`).
    static let organisationRules: [Rule] = [
    ]
}
