extension RuleBook {
    /// The rules of the release-calls stage (see `Rule`): the calling patterns of an operative
    /// paragraph (read by the cue patterns of `Rules+Events.swift`) and how a call reaches a person.
    static let releaseCallRules: [Rule] = [
        Rule("release-call.release-noun", .releaseCalls, doc: "`release` in an operative paragraph that does not welcome it asks for it (not `not to release`, a release refused: `event.release-refused`).",
             example: "Calls for the immediate and unconditional release of the journalist Ana Ruiz;"),
        Rule("release-call.be-released", .releaseCalls, doc: "`that X be released`: a call for release.",
             example: "Demands that the journalist Tomas Berg be released immediately;"),
        Rule("release-call.be-freed", .releaseCalls, doc: "`that X be freed`: a call for release.",
             example: "Demands that the journalist Lina Holm be freed without delay;"),
        Rule("release-call.free", .releaseCalls, doc: "`to free X`, `to free all political prisoners` (not `free and fair elections`).",
             example: "Urges the authorities to free the journalist Piet Vos;"),
        Rule("release-call.possessive", .releaseCalls, doc: "`calls for her release`, `to release him`: the person named last before, or the clause's person.",
             example: "Expresses concern for the journalist Ana Ruiz and calls for her immediate release;"),
        Rule("release-call.names-after-call", .releaseCalls, doc: "`to release all political prisoners, including A, B and C`: every name after the call, up to a new request.",
             example: "Calls for the release of all political prisoners, including the journalists Tomas Berg and Lina Holm;"),
        Rule("release-call.name-beside-call", .releaseCalls, doc: "A name the call reaches as a cue reaches its person (`X must be released`).",
             example: "Demands that the journalist Piet Vos be released;"),
        Rule("release-call.demanded-in-introduction", .releaseCalls, doc: "`has demanded the immediate release of X` in the title or a republisher's introduction before the text: the text's call for release, reported.",
             example: "on Freedonia, whose government the Parliament has urged to release the jailed editor Ana Ruiz\nwhereas the editor Ana Ruiz was arrested on 3 May 2029;"),
    ]
}
