extension RuleBook {
    /// The rules of the release-calls stage (see `Rule`).
    static let releaseCallRules: [Rule] = [
    ]
}
