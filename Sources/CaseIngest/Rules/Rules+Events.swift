extension RuleBook {
    /// The rules of the events stage (see `Rule`): the cue patterns (`EventStage.cuePatterns`),
    /// how a cue is tied to its person, how it is dated, and how a person's cues become the steps
    /// of their story (`Extractor+Steps.swift`).
    static let eventRules: [Rule] = cueRules + eventTieRules + eventDateRules + eventStepRules

    /// One rule per cue pattern: the words a status is read from.
    static let cueRules: [Rule] = [
        Rule("event.shot-dead", .events, doc: "`shot dead`, `found dead`: the person is dead.",
             example: "whereas the journalist Ana Ruiz was shot dead by police on 3 May 2029;"),
        Rule("event.killed-to-death", .events, doc: "A verb of violence completed by `to death` (not `sentenced to death`).",
             example: "whereas the activist Tomas Berg was beaten to death in his cell on 2 June 2029;"),
        Rule("event.killed", .events, doc: "`killed`, `murdered`, `assassinated`: the person is dead.",
             example: "whereas the journalist Lina Holm was murdered on 4 April 2029;"),
        Rule("event.killed-or-died", .events, doc: "`killed or died` is one cue of a death, not two.",
             example: "whereas the activist Piet Vos was killed or died in custody in March 2029;"),
        Rule("event.died", .events, doc: "`died`: the person named before is dead.",
             example: "whereas the journalist Ana Ruiz died in prison on 9 May 2029;"),
        Rule("event.pre-trial-possessive", .events, doc: "`her pre-trial detention`: the person the possessive stands for is held awaiting trial.",
             example: "whereas the lawyer Tomas Berg was arrested on 2 May 2029; whereas a court ordered his pre-trial detention;"),
        Rule("event.in-pre-trial-detention", .events, doc: "`after two years in pre-trial detention`: the clause's person is held awaiting trial.",
             example: "whereas the activist Lina Holm has spent two years in pre-trial detention;"),
        Rule("event.placed-in-pre-trial-detention", .events, doc: "A verb that places or keeps someone in pre-trial detention.",
             example: "whereas the journalist Piet Vos has been placed in pre-trial detention;"),
        Rule("event.house-arrest", .events, doc: "`under house arrest`, `placed into house arrest`.",
             example: "whereas the opposition leader Ana Ruiz was placed under house arrest on 5 June 2029;"),
        Rule("event.on-trial", .events, doc: "`on trial`, `stood trial`: proceedings before a court.",
             example: "whereas the journalist Tomas Berg has been on trial since March 2029;"),
        Rule("event.trial-began", .events, doc: "`her trial began on …`: the person the possessive stands for is on trial from that date.",
             example: "whereas the activist Lina Holm was arrested in 2028; whereas her trial began on 8 January 2029;"),
        Rule("event.indicted", .events, doc: "`indicted`: charged.",
             example: "whereas the lawyer Piet Vos was indicted on 11 November 2028;"),
        Rule("event.tried", .events, doc: "`tried for`, `tried by`: on trial.",
             example: "whereas the journalist Ana Ruiz was tried for treason in 2029;"),
        Rule("event.travel-ban", .events, doc: "A travel ban or travel restrictions restrict the person's liberty.",
             example: "whereas the activist Tomas Berg remains subject to a travel ban;"),
        Rule("event.asset-freeze", .events, doc: "An asset freeze restricts the person's liberty.",
             example: "whereas the journalist Lina Holm is subject to an asset freeze;"),
        Rule("event.banned-from-leaving", .events, doc: "`banned from leaving`, `barred from travelling`: restricted liberty.",
             example: "whereas the lawyer Piet Vos has been banned from leaving the country;"),
        Rule("event.in-hiding", .events, doc: "`in hiding`: at large.",
             example: "whereas the journalist Ana Ruiz is living in hiding;"),
        Rule("event.went-into-hiding", .events, doc: "`went into hiding`: at large.",
             example: "whereas the activist Tomas Berg went into hiding in 2028;"),
        Rule("event.in-described-prison", .events, doc: "`is currently in a high-security prison`: a being verb, `in`, an article and words describing the prison: imprisoned (not `sentenced to ten years in a high-security prison`).",
             example: "whereas the trade unionist Tomas Berg is currently in a “strict regime” prison;"),
        Rule("event.in-prison", .events, doc: "`remains in prison`, `is still in jail`: imprisoned (not `sentenced to ten years in prison`).",
             example: "whereas the journalist Lina Holm remains in prison;"),
        Rule("event.behind-bars", .events, doc: "`is still behind bars`: imprisoned.",
             example: "whereas the blogger Piet Vos is still behind bars;"),
        Rule("event.transferred-to-prison", .events, doc: "`transferred to a prison`: imprisoned (not `moved from prison`).",
             example: "whereas the journalist Ana Ruiz was transferred to a maximum-security prison on 5 January 2029;"),
        Rule("event.missing", .events, doc: "`is missing`, `has gone missing`: disappeared.",
             example: "whereas the activist Tomas Berg has been missing since May 2029;"),
        Rule("event.whereabouts-unknown", .events, doc: "`whereabouts remain unknown`: disappeared.",
             example: "whereas the journalist Lina Holm disappeared in May 2029; whereas her whereabouts remain unknown;"),
        Rule("event.held-in-prison", .events, doc: "`held in a prison`, `held in a penal colony`: imprisoned.",
             example: "whereas the lawyer Piet Vos is held in a prison far from his family;"),
        Rule("event.held-in-isolation", .events, doc: "`held in solitary confinement`, `held without charge`: detained.",
             example: "whereas the journalist Ana Ruiz has been held without charge since 2028;"),
        Rule("event.held-since", .events, doc: "`has been held in Ostia since May 2029` (`since` within three words): a person held since a date is detained from it.",
             example: "whereas the engineer Tomas Berg has been held in Ostia since early October 2028;"),
        Rule("event.body-found", .events, doc: "`his body was found`: the person is dead.",
             example: "whereas the body of the activist Tomas Berg was found on 3 May 2029;"),
        Rule("event.placed-in", .events, doc: "`placed in solitary confinement`, `placed in a psychiatric hospital`: detained.",
             example: "whereas the journalist Lina Holm was placed in solitary confinement in May 2029;"),
        Rule("event.placed-in-prison", .events, doc: "`placed in a prison`: imprisoned.",
             example: "whereas the lawyer Piet Vos was placed in a prison cell on 4 April 2029;"),
        Rule("event.faces-charges", .events, doc: "`faces charges`, `faces prosecution`: charged, not yet tried.",
             example: "whereas the journalist Ana Ruiz faces charges of espionage;"),
        Rule("event.faces-up-to", .events, doc: "`faces up to ten years`: charged, not yet tried.",
             example: "whereas the activist Tomas Berg faces up to ten years in prison;"),
        Rule("event.re-arrested", .events, doc: "`re-arrested`: detained again.",
             example: "whereas the journalist Lina Holm was re-arrested on 15 March 2029;"),
        Rule("event.sentenced", .events, doc: "`sentenced`, with the sentence's words after it.",
             example: "whereas the lawyer Piet Vos was sentenced to seven years in prison on 2 May 2029;"),
        Rule("event.executed", .events, doc: "`executed`, `hanged`: the person is dead.",
             example: "whereas the protester Ana Ruiz was executed on 4 May 2029;"),
        Rule("event.execution-of", .events, doc: "`the execution of X` (not planned, feared or asked to be halted): dead.",
             example: "whereas the Parliament condemns the execution of the protester Tomas Berg;"),
        Rule("event.convicted", .events, doc: "`convicted`: sentenced.",
             example: "whereas the journalist Lina Holm was convicted in June 2029;"),
        Rule("event.freed", .events, doc: "`pardoned`, `freed`: released.",
             example: "whereas the blogger Piet Vos was pardoned on 1 July 2029;"),
        Rule("event.imprisoned", .events, doc: "`imprisoned`, `jailed`.",
             example: "whereas the journalist Ana Ruiz was jailed in 2028;"),
        Rule("event.serving-sentence", .events, doc: "`is serving a sentence`: imprisoned (not `released after serving`).",
             example: "whereas the activist Tomas Berg is serving a ten-year sentence;"),
        Rule("event.detained", .events, doc: "`detained`, `arrested` (not `detained or harassed`).",
             example: "whereas the journalist Lina Holm was arrested on 4 May 2029;"),
        Rule("event.disappeared", .events, doc: "`disappeared`, `vanished`: the person named before has disappeared.",
             example: "whereas the lawyer Piet Vos disappeared in March 2029;"),
        Rule("event.abducted", .events, doc: "`abducted`, `kidnapped`: disappeared.",
             example: "whereas the journalist Ana Ruiz was abducted by unknown men on 2 May 2029;"),
        Rule("event.acquitted", .events, doc: "`acquitted`, `exonerated`.",
             example: "whereas the activist Tomas Berg was acquitted on 6 June 2029;"),
        Rule("event.in-exile", .events, doc: "`lives in exile`, `forced into exile`.",
             example: "whereas the journalist Lina Holm has lived in exile since 2027;"),
        Rule("event.forced-to-flee", .events, doc: "`forced to flee`: in exile.",
             example: "whereas the lawyer Piet Vos was forced to flee in 2028;"),
        Rule("event.forced-to-leave", .events, doc: "`forced to leave the country`, `forced to quit Freedonia` (the country named): in exile.",
             example: "whereas the journalist Ana Ruiz was forced to leave the country in 2028;"),
        Rule("event.political-refugee", .events, doc: "`political refugee X`: in exile.",
             example: "whereas the political refugee Tomas Berg was attacked in 2029;"),
        Rule("event.granted-asylum", .events, doc: "`granted asylum`: asylum granted.",
             example: "whereas the journalist Lina Holm was granted asylum on 29 September 2029;"),
        Rule("event.former-political-prisoner", .events, doc: "`former political prisoner X`: released.",
             example: "whereas the former political prisoner Piet Vos spoke in the Parliament;"),
        Rule("event.released", .events, doc: "`released` (not `be released`, which asks for it).",
             example: "whereas the journalist Ana Ruiz was released on 23 May 2029;"),
        Rule("event.possessive-event", .events, doc: "`until her release`, `his arrest`: an event of the person the possessive stands for (not asked for).",
             example: "whereas the activist Tomas Berg was sentenced in 2027; whereas he was held until his release on 23 May 2029;"),
        Rule("event.welcomed-release", .events, doc: "An operative paragraph that welcomes a release: released.",
             example: "Welcomes the release of the journalist Lina Holm;"),
        Rule("event.charged", .events, doc: "`charged`.",
             example: "whereas the lawyer Piet Vos was charged with treason;"),
        Rule("event.prosecuted", .events, doc: "`was prosecuted`: charged.",
             example: "whereas the journalist Ana Ruiz was prosecuted for her reporting;"),
        Rule("event.at-risk", .events, doc: "`at risk of execution`, `in danger of torture`: at risk.",
             example: "whereas the protester Tomas Berg remains at imminent risk of execution;"),
        Rule("event.event-noun", .events, doc: "`the arrest of X`, `X’s detention`: an event named by its noun (not asked for or feared).",
             example: "whereas the arrest of the journalist Lina Holm on 14 January 2029 was condemned;"),
        Rule("event.handed-sentence", .events, doc: "`handed a sentence`, `received a sentence`: sentenced.",
             example: "whereas the lawyer Piet Vos received a five-year sentence in 2029;"),
        Rule("event.found-guilty", .events, doc: "`found guilty`: sentenced.",
             example: "whereas the journalist Ana Ruiz was found guilty on 3 March 2029;"),
        Rule("event.in-detention", .events, doc: "`remains in detention`, `has been in detention`: detained.",
             example: "whereas the activist Tomas Berg remains in detention;"),
        Rule("event.held-incommunicado", .events, doc: "`held incommunicado`: detained.",
             example: "whereas the journalist Lina Holm is held incommunicado;"),
        Rule("event.remanded-in-custody", .events, doc: "`remanded in custody`: pre-trial detention.",
             example: "whereas the lawyer Piet Vos was remanded in custody on 2 May 2029;"),
        Rule("event.in-custody", .events, doc: "`has been in custody`, `taken into custody`: detained (not `died in custody`).",
             example: "whereas the journalist Ana Ruiz was taken into custody on 7 May 2029;"),
        Rule("event.fled", .events, doc: "`fled the country`: in exile.",
             example: "whereas the activist Tomas Berg fled the country in 2028;"),
        Rule("event.transferred-to-penal-colony", .events, doc: "`transferred to a penal colony`: imprisoned.",
             example: "whereas the journalist Lina Holm was transferred to a penal colony on 6 June 2029;"),
        Rule("event.threatened-with", .events, doc: "`threatened with prosecution`: at risk.",
             example: "whereas the lawyer Piet Vos has been threatened with prosecution;"),
        Rule("event.expelled", .events, doc: "`expelled`, `exiled`, `banished`: in exile.",
             example: "whereas the journalist Ana Ruiz was expelled in 2028;"),
        Rule("event.taken-away", .events, doc: "`taken away by police`, `taken to an unknown location`: detained.",
             example: "whereas the activist Tomas Berg was taken away by police on 3 May 2029;"),
        Rule("event.taken-to-prison", .events, doc: "`taken to a prison`: imprisoned.",
             example: "whereas the journalist Lina Holm was taken to a prison on 3 May 2029;"),
        Rule("event.sentence-increased", .events, doc: "`her sentence was increased to …`: a new sentence.",
             example: "whereas the lawyer Piet Vos was sentenced in 2028; whereas an appeal court increased his sentence to ten years in prison on 2 May 2029;"),
        Rule("event.charges-against", .events, doc: "`charges against X`, `cases against X`: charged.",
             example: "whereas the charges against the journalist Ana Ruiz remain;"),
        Rule("event.charges-dropped", .events, doc: "`the charges against X were dropped`, welcomed `dropping of charges`: charges dropped.",
             example: "whereas the charges against the activist Tomas Berg were dropped in May 2029;"),
    ]

    /// How a cue reaches a person other than by the name next to it.
    static let eventTieRules: [Rule] = [
        Rule("event.civil-society-office", .events, doc: "An office held in a body of civil society (a human rights centre, a trade union, a party), named beside the person, does not make them an official: they are a case like anyone else.",
             example: "whereas Ana Ruiz, president of the Freedonian Centre for Human Rights, was sentenced to five years in prison on 3 May 2029;"),
        Rule("event.charged-gapped", .events, doc: "`A has been charged with X and B with Y`: a name after `and` followed by `with`, the verb left out, is charged as the name before.",
             example: "whereas the journalist Lina Holm and the lawyer Ana Ruiz were detained on 3 May 2029; whereas Ana Ruiz has been charged with ‘fraud’ and Lina Holm with ‘hooliganism’;"),
        Rule("event.pronoun-subject", .events, doc: "`he`, `she` opening a clause stands for the person named last in the section.",
             example: "whereas the journalist Lina Holm was arrested in May 2029; whereas she was charged on 2 June 2029;"),
        Rule("event.pronoun-opens-recital", .events, doc: "`he`, `she` in the first clause of a recital stands for the one person the recital just before named.",
             example: "whereas the singer Piet Vos was arrested in March 2029;\nwhereas on 10 August 2029, he was sentenced to death;"),
        Rule("event.retrial-of-the-case", .events, doc: "A retrial ordered in a recital that names nobody is of the one person the recital just before spoke of.",
             example: "whereas the singer Piet Vos was sentenced to death on 10 August 2028;\nwhereas following legal challenges, the High Court ordered a retrial in January 2029;"),
        Rule("event.group-pronoun", .events, doc: "`they`, `all of them`, `whom` stand for the last list of people named.",
             example: "whereas the journalists Piet Vos and Ana Ruiz were arrested in 2029; whereas they were released on 2 June 2029;"),
        Rule("event.possessive-pronoun", .events, doc: "A cue read at `his`, `her`, `him` (`charged him with`) is about the person the pronoun stands for.",
             example: "whereas the activist Tomas Berg was arrested in 2029; whereas the police charged him with treason;"),
        Rule("event.the-latter", .events, doc: "`against the latter`: the last person named before the cue.",
             example: "whereas the journalist Lina Holm and the lawyer Piet Vos were questioned, and the charges against the latter remain;"),
    ]

    /// How a cue's date is read (`EventStage.datedBy`).
    static let eventDateRules: [Rule] = [
        Rule("event.date-inside-cue", .events, doc: "A date inside the cue's own words dates it.",
             example: "whereas the journalist Ana Ruiz was sentenced on 9 June 2029 to five years in prison;"),
        Rule("event.date-after-cue", .events, doc: "The nearest date after the cue, with no other cue or new subject between, dates it.",
             example: "whereas the activist Tomas Berg was arrested on 4 May 2029;"),
        Rule("event.date-before-cue", .events, doc: "A date before the cue that no other cue owns dates it.",
             example: "whereas on 4 May 2029 the police arrested the journalist Lina Holm;"),
        Rule("event.date-opens-clause", .events, doc: "A date opening the clause dates a cue after other cues' own dates.",
             example: "whereas on 15 June 2029 the lawyer Piet Vos, who had been detained since 2027, was released;"),
        Rule("event.date-during", .events, doc: "A date naming the event a step happened during (`during the crackdown of March 2029`) dates the step.",
             example: "whereas the activist Ana Ruiz was detained during the crackdown of March 2029;"),
        Rule("event.date-time-of-day", .events, doc: "A date after `the night of` dates the step; a night over two days (`11-12 January`) starts on the first.",
             example: "whereas the journalist Lina Holm was detained on the night of 11-12 January 2029;"),
        Rule("event.date-on-the-day", .events, doc: "A day written `on the 4 May 2029` (an article after `on`) dates the step as `on 4 May 2029` does.",
             example: "whereas on the 4 May 2029, the lawyer Piet Vos was arrested;"),
    ]

    /// How a person's cues become the steps of their story (`Extractor+Steps.swift`, `findCues`).
    static let eventStepRules: [Rule] = [
        Rule("event.step-ongoing", .events, doc: "A situation said in the present is the same step as one of its status said to hold now, or told in the same clause.",
             example: "whereas the journalist Ana Ruiz was arrested in July 2028 and remains in detention;"),
        Rule("event.step-cited-arrest", .events, doc: "An arrest named by the title and an arrest named by a citation of an earlier text are two arrests: the earlier text was about an earlier one.",
             example: "on the arrest of Lina Holm\nhaving regard to its resolution of 5 May 2027 on the arrest of Lina Holm,"),
        Rule("event.step-same", .events, doc: "A cue of a step's status with a fitting date words that step again: a note of it.",
             example: "whereas the activist Tomas Berg was arrested on 4 May 2029; whereas his arrest was condemned;"),
        Rule("event.step-again", .events, doc: "`re-arrested`, `a new case`: a new step repeating an earlier one of its kind, after the steps told before it.",
             example: "whereas the journalist Lina Holm was arrested on 4 May 2029 and re-arrested on 15 March 2030;"),
        Rule("event.step-same-day", .events, doc: "`hours after her release`: the step told after `after` came first, on the same day.",
             example: "whereas the lawyer Piet Vos was re-arrested on 15 March 2029 only hours after his release;"),
        Rule("event.step-release-with-end", .events, doc: "A release told with no date right after a dated end of proceedings (charges dropped, an acquittal) in the same clause took place on that date.",
             example: "whereas the charges against the journalist Lina Holm were dropped in May 2029 and she was released;"),
        Rule("event.step-before", .events, doc: "`died in custody after being arrested`: the step after `after` came first.",
             example: "whereas the journalist Ana Ruiz died in custody on 3 May 2029 after being arrested;"),
        Rule("event.step-background", .events, doc: "The past perfect or a relative clause tells a step that came before the one told with it.",
             example: "whereas the activist Tomas Berg was executed on 25 July 2029; whereas he had been sentenced to death;"),
        Rule("event.step-bounded", .events, doc: "An undated past step lies between the dated steps told around it.",
             example: "whereas the journalist Lina Holm was arrested on 4 May 2028, subsequently sentenced and released on 1 June 2029;"),
        Rule("event.step-folded", .events, doc: "An undated cue the story does not place, no more specific than a dated one of the person, is a note of that dated step.",
             example: "whereas the lawyer Piet Vos was sentenced on 2 May 2029;\nwhereas the lawyer Piet Vos was detained;"),
        Rule("event.charge-as-note", .events, doc: "`charged` said beside a more specific status is a note of it (not a new charge told after it); the charge is in `charges`.",
             example: "whereas the journalist Ana Ruiz was charged and later sentenced to five years in prison;"),
        Rule("event.implied-by-release-call", .events, doc: "A person only asked to be released is detained, inferred from the call.",
             example: "Calls for the immediate release of the journalist Tomas Berg;"),
    ]
}

extension EventStage {
    /// One cue pattern: a word class sequence around the word a cue is read at, and the status (or
    /// call for release) it tells. Patterns are tried in table order at each cue word; the first that
    /// matches reads the cue (`cueHits`). Word classes are named in `Words/event-words.txt`.
    struct CuePattern: Sendable {
        enum Outcome: Sendable { case status(CaseStatus), releaseCall }
        /// A pattern whose reading needs more than a class sequence (a window, a sentence's words).
        enum Reader: Sendable {
            case words, diedOr, preTrial, transferredToPrison, whereabouts, bodyFound, placedIn
            case asylum, formerPrisoner, possessiveEvent, free, releaseNoun, eventNoun, handedSentence
            case takenAway, sentenceIncreased, chargesAgainst, inDescribedPrison, heldOnCharges
            case subjectedToTrial, demandedInIntroduction, releaseRefused
        }

        var rule: String
        /// The class of the word the cue is read at.
        var at: String
        var outcome: Outcome?
        /// Classes the words around must (or must not) be in: the word before (adverbs skipped), the
        /// second word before, the token two before, the word after and the one after that.
        var previous: String?
        var notPrevious: String?
        var previous2: String?
        var twoBefore: String?
        var next: String?
        /// (real6) `next` is also met by a capitalised word (`forced to leave Freedonia`: a place named).
        var nextName = false
        var notNext: String?
        var next2: String?
        /// A word of this class within `within` tokens after.
        var ahead: String?
        var within = 0
        /// A word of this class among the `count` words before.
        var before: String?
        var count = 0
        /// No word of this class among the `notBeforeCount` words before (`the planned execution of`).
        var notBefore: String?
        var notBeforeCount = 0
        /// Only in an operative paragraph (true) or only outside one (false).
        var operative: Bool?
        /// The cue's words, from and through these offsets from the word it is read at.
        var first = 0
        var last = 0
        var direction: CueDirection?
        /// Whether the auxiliary before decides the direction (and a negation or modal drops the cue).
        var voiced = true
        var pronoun = false
        /// The cue starts at the nearest `before` word (`at imminent risk of execution` starts at `risk`).
        var fromBefore = false
        /// The cue runs on over the sentence's words after it (`sentenced to five years in prison`).
        var readsSentence = false
        var reader = Reader.words
        /// A situation stated with no date of its own (`deferred the verdict against X`, `has spent ten
        /// years imprisoned`): said as of the resolution (`reported`), never dated by a date near it.
        var undated = false
    }

    /// The cue patterns, in the order they are tried at a word. Each has its rule in
    /// ``RuleBook/cueRules``; coded readers (`reader`) may give one of several rules.
    static let cuePatterns: [CuePattern] = [
        .init(rule: "event.shot-dead", at: "dead", outcome: .status(.deceased), previous: "dead-how", first: -1),
        .init(rule: "event.killed-to-death", at: "death", outcome: .status(.deceased), previous: "to", twoBefore: "killing-verb", first: -2),
        .init(rule: "event.killed", at: "killed", outcome: .status(.deceased)),
        .init(rule: "event.killed-or-died", at: "died", previous: "or", reader: .diedOr),
        .init(rule: "event.died", at: "died", outcome: .status(.deceased), direction: .backward),
        .init(rule: "event.placed-in-pre-trial-detention", at: "pre-trial", next: "detention", reader: .preTrial),
        .init(rule: "event.house-arrest", at: "house", outcome: .status(.houseArrest), previous: "house-arrest-lead", next: "arrest",
              first: -1, last: 1, direction: .backward),
        .init(rule: "event.on-trial", at: "trial", outcome: .status(.onTrial), previous: "on-trial-lead", first: -1, direction: .backward),
        .init(rule: "event.trial-began", at: "trial", outcome: .status(.onTrial), previous: "possessive", next: "trial-opening",
              first: -1, last: 1, direction: .backward, voiced: false, pronoun: true),
        .init(rule: "event.indicted", at: "indicted", outcome: .status(.charged)),
        .init(rule: "event.tried", at: "tried", outcome: .status(.onTrial), next: "tried-by"),
        .init(rule: "event.travel-ban", at: "travel-ban", outcome: .status(.restrictedLiberty), previous: "travel", first: -1, direction: .backward),
        .init(rule: "event.asset-freeze", at: "freeze", outcome: .status(.restrictedLiberty), previous: "asset", first: -1, direction: .backward),
        .init(rule: "event.banned-from-leaving", at: "banned", outcome: .status(.restrictedLiberty), next: "from", next2: "leaving", last: 2),
        .init(rule: "event.in-hiding", at: "hiding", outcome: .status(.atLarge), previous: "in", first: -1, direction: .backward),
        .init(rule: "event.went-into-hiding", at: "hiding", outcome: .status(.atLarge), previous: "into", twoBefore: "went", first: -2, direction: .backward),
        .init(rule: "event.in-prison", at: "prison", outcome: .status(.imprisoned), previous: "in", twoBefore: "being-in", first: -1, direction: .backward),
        .init(rule: "event.behind-bars", at: "bars", outcome: .status(.imprisoned), previous: "behind", twoBefore: "being-in", first: -1, direction: .backward),
        .init(rule: "event.transferred-to-prison", at: "prison", before: "transfer-verb", count: 5, reader: .transferredToPrison),
        .init(rule: "event.in-described-prison", at: "prison", reader: .inDescribedPrison),
        .init(rule: "event.missing", at: "missing", outcome: .status(.disappeared), previous: "being-missing", direction: .backward),
        .init(rule: "event.whereabouts-unknown", at: "whereabouts", reader: .whereabouts),
        .init(rule: "event.held-in-prison", at: "held", outcome: .status(.imprisoned), ahead: "prison-place", within: 7),
        .init(rule: "event.body-found", at: "found", before: "body", count: 8, reader: .bodyFound),
        .init(rule: "event.held-in-isolation", at: "held", outcome: .status(.detained), ahead: "held-how", within: 4),
        .init(rule: "event.held-since", at: "held", outcome: .status(.detained), ahead: "held-since", within: 4),
        .init(rule: "event.placed-in", at: "placed", next: "placed-link", reader: .placedIn),
        .init(rule: "event.faces-charges", at: "faces", outcome: .status(.charged), next: "faced", last: 1, direction: .backward),
        .init(rule: "event.faces-up-to", at: "faces", outcome: .status(.charged), next: "up", next2: "to", last: 2, direction: .backward),
        .init(rule: "event.re-arrested", at: "re-arrested", outcome: .status(.detained)),
        .init(rule: "event.sentenced", at: "sentenced", outcome: .status(.sentenced), readsSentence: true),
        .init(rule: "event.executed", at: "executed", outcome: .status(.deceased)),
        .init(rule: "event.execution-of", at: "execution", outcome: .status(.deceased), next: "of", notBefore: "asking+unrealised+feared",
              notBeforeCount: 4, last: 1, direction: .forward, voiced: false),
        .init(rule: "event.convicted", at: "convicted", outcome: .status(.sentenced)),
        .init(rule: "release-call.be-freed", at: "freed", outcome: .releaseCall, previous: "be", operative: true,
              first: -1, direction: .backward, voiced: false),
        .init(rule: "event.freed", at: "pardoned", outcome: .status(.released)),
        .init(rule: "event.imprisoned", at: "imprisoned", outcome: .status(.imprisoned)),
        .init(rule: "event.serving-sentence", at: "serving", outcome: .status(.imprisoned), notPrevious: "after", ahead: "sentence", within: 5,
              direction: .backward),
        .init(rule: "event.detained", at: "detained", outcome: .status(.detained), notPrevious: "or", notNext: "or"),
        .init(rule: "event.disappeared", at: "disappeared", outcome: .status(.disappeared), direction: .backward),
        .init(rule: "event.abducted", at: "abducted", outcome: .status(.disappeared)),
        .init(rule: "event.acquitted", at: "acquitted", outcome: .status(.acquitted)),
        .init(rule: "event.in-exile", at: "exile", outcome: .status(.inExile), previous: "in-into", first: -1, direction: .backward),
        .init(rule: "event.forced-to-flee", at: "flee", outcome: .status(.inExile), previous: "to", twoBefore: "forced", first: -2),
        .init(rule: "event.forced-to-leave", at: "leave", outcome: .status(.inExile), previous: "to", twoBefore: "forced", next: "the", nextName: true,
              first: -2),
        .init(rule: "event.political-refugee", at: "refugee", outcome: .status(.inExile), previous: "political", first: -1, direction: .forward),
        .init(rule: "event.granted-asylum", at: "asylum", reader: .asylum),
        .init(rule: "event.former-political-prisoner", at: "prisoner", previous: "political", reader: .formerPrisoner),
        .init(rule: "release-call.be-released", at: "released", outcome: .releaseCall, previous: "be", operative: true,
              first: -1, direction: .backward, voiced: false),
        .init(rule: "event.released", at: "released", outcome: .status(.released), notPrevious: "be"),
        .init(rule: "event.possessive-event", at: "event-noun", previous: "possessive-one", notNext: "event-noun-blocker", operative: false,
              reader: .possessiveEvent),
        .init(rule: "release-call.free", at: "free", previous: "free-lead", operative: true, reader: .free),
        .init(rule: "release-call.release-noun", at: "release", operative: true, reader: .releaseNoun),
        // (real6) a refusal outside an operative paragraph (in one, `release-call.release-noun` reads it).
        .init(rule: "event.release-refused", at: "release", operative: false, reader: .releaseRefused),
        // (real5) read before `event.event-noun`, which takes every `release of` it does not count.
        .init(rule: "release-call.demanded-in-introduction", at: "release", operative: false, reader: .demandedInIntroduction),
        .init(rule: "event.charged", at: "charged", outcome: .status(.charged)),
        .init(rule: "event.prosecuted", at: "prosecuted", outcome: .status(.charged), previous: "auxiliary"),
        .init(rule: "event.at-risk", at: "risk-event", outcome: .status(.atRisk), before: "risk", count: 3, direction: .backward, fromBefore: true),
        .init(rule: "event.event-noun", at: "event-noun", notNext: "event-noun-blocker", reader: .eventNoun),
        .init(rule: "event.handed-sentence", at: "sentence", reader: .handedSentence),
        .init(rule: "event.found-guilty", at: "guilty", outcome: .status(.sentenced), previous: "found-guilty", first: -1),
        .init(rule: "event.in-detention", at: "detention", outcome: .status(.detained), previous: "in", previous2: "detention-lead",
              first: -1, direction: .backward),
        .init(rule: "event.held-incommunicado", at: "incommunicado", outcome: .status(.detained), previous: "incommunicado-lead",
              first: -1, direction: .backward),
        .init(rule: "event.remanded-in-custody", at: "custody", outcome: .status(.preTrialDetention), previous: "in", twoBefore: "remanded",
              first: -2, direction: .backward),
        .init(rule: "event.in-custody", at: "custody", outcome: .status(.detained), previous: "in-into", previous2: "custody-lead",
              first: -1, direction: .backward),
        .init(rule: "event.fled", at: "fled", outcome: .status(.inExile), next: "fled-to", direction: .backward),
        .init(rule: "event.transferred-to-penal-colony", at: "colony", outcome: .status(.imprisoned), previous: "penal", before: "colony-verb", count: 5,
              direction: .backward, fromBefore: true),
        .init(rule: "event.threatened-with", at: "threatened", outcome: .status(.atRisk), next: "with", last: 1),
        .init(rule: "event.expelled", at: "expelled", outcome: .status(.inExile)),
        .init(rule: "event.taken-away", at: "taken", next: "taken-link", reader: .takenAway),
        .init(rule: "event.sentence-increased", at: "increased", reader: .sentenceIncreased),
        .init(rule: "event.charges-against", at: "against", reader: .chargesAgainst),
        // --- real-text shapes (real2): patterns for shapes of unseen real resolutions (issue 19);
        // their rules are `realShapeEventRules` below. Kept last, so that they read only what no pattern above reads.
        .init(rule: "event.remanded-into-custody", at: "custody", outcome: .status(.preTrialDetention), previous: "in-into",
              twoBefore: "remanded", first: -2, direction: .backward),
        .init(rule: "event.sentence-upheld", at: "upheld", outcome: .status(.sentenced), previous: "auxiliary", twoBefore: "term",
              before: "possessive-one", count: 3, first: -3, direction: .backward, voiced: false, pronoun: true),
        .init(rule: "event.court-upheld-sentence", at: "upheld", outcome: .status(.sentenced), next2: "term",
              last: 2, direction: .backward, voiced: false),
        .init(rule: "event.faces-qualified-charges", at: "faces", outcome: .status(.charged), next: "charge-qualifier", next2: "faced",
              last: 2, direction: .backward),
        .init(rule: "event.verdict-awaited", at: "verdict", outcome: .status(.onTrial), next: "against", before: "verdict-delay", count: 3,
              last: 1, direction: .forward, voiced: false, undated: true),
        .init(rule: "event.spent-years-held", at: "spent", outcome: .status(.imprisoned), ahead: "held-for", within: 6,
              direction: .backward, voiced: false, undated: true),
        // --- real-text shapes (real3, real4): their rules are `realShapeEventRules3` below.
        .init(rule: "event.held-on-charges", at: "held-on-charges-at", reader: .heldOnCharges),
        .init(rule: "event.ordered-retrial", at: "retrial", outcome: .status(.onTrial), before: "retrial-order", count: 3,
              direction: .backward, fromBefore: true),
        .init(rule: "event.condition-in-prison", at: "prison", outcome: .status(.imprisoned), previous: "in", twoBefore: "state-of-health",
              before: "being-in", count: 5, first: -2, direction: .backward, voiced: false),
        // --- real-text shapes (real5): their rules are `realShapeEventRules5` below.
        .init(rule: "event.subjected-to-trial", at: "subjected", reader: .subjectedToTrial),
        .init(rule: "event.sentence-requested", at: "sentence-requested", outcome: .status(.onTrial), previous: "requested-penalty",
              next: "by", ahead: "prosecuting", within: 5, direction: .forward, voiced: false),
        // --- real-text shapes (real6): their rules are `realShapeEventRules6` below.
        .init(rule: "event.being-held", at: "held", outcome: .status(.detained), previous: "progressive-being", previous2: "being-lead",
              first: -1, undated: true),
    ]
}

// --- real-text shapes (real2) ---
extension RuleBook {
    /// Cue rules for shapes of real resolutions the development corpus lacked (issue 19), read by the
    /// patterns at the end of ``EventStage/cuePatterns``.
    static let realShapeEventRules: [Rule] = realShapeEventRules2 + realShapeEventRules3 + realShapeEventRules5 + realShapeEventRules6

    /// The second wave's cue rules (real2).
    static let realShapeEventRules2: [Rule] = [
        Rule("event.remanded-into-custody", .events, doc: "`remanded into custody` (as `remanded in custody`): pre-trial detention.",
             example: "whereas the activist Piet Vos was detained and remanded into custody for two months on 3 May 2029;"),
        Rule("event.sentence-upheld", .events, doc: "`his sentence was upheld` (on appeal): the sentence given again, a repeat step of sentenced.",
             example: "whereas the lawyer Piet Vos was sentenced to six years in prison in 2028; whereas his sentence was upheld on appeal in March 2029;"),
        Rule("event.court-upheld-sentence", .events, doc: "`X appealed, but the court upheld the sentence`: the sentence given again on appeal, a repeat step of sentenced of the person named before.",
             example: "whereas the blogger Tomas Berg was sentenced to ten years in prison on 7 May 2028; whereas Tomas Berg appealed, but the court of appeal upheld the sentence;"),
        Rule("event.faces-qualified-charges", .events, doc: "`faces criminal charges` (a word describing the charges between): charged, not yet tried.",
             example: "whereas the editors Ana Ruiz and Tomas Berg face criminal charges for a report on torture;"),
        Rule("event.verdict-awaited", .events, doc: "`deferred the verdict against X`, `awaiting the verdict against X`: a verdict put off or awaited, so on trial; a situation with no date of its own, said as of the resolution (never the date of a verb near it).",
             example: "whereas the court of Eastport postponed the verdict against the journalist Lina Holm to 3 May 2029;"),
        Rule("event.spent-years-held", .events, doc: "`has spent ten years imprisoned`: a time spent held says the person is held (imprisoned), as of the resolution: no date near it is its own.",
             example: "whereas the journalist Ana Ruiz has spent ten full years imprisoned without trial;"),
    ]
}

// --- real-text shapes (real3, real4) ---
extension RuleBook {
    /// Cue rules for shapes of real resolutions read in the third and fourth sets of real texts,
    /// read by the patterns at the end of ``EventStage/cuePatterns``.
    static let realShapeEventRules3: [Rule] = [
        Rule("event.held-on-charges", .events, doc: "`arrested and detained on politically motivated charges`: a person held on charges is charged (the custody verb at most four tokens before `on`, only words describing the charges between `on` and the noun).",
             example: "whereas on 4 May 2029 the journalist Ana Ruiz was arrested and detained on trumped-up espionage charges;"),
        Rule("event.ordered-retrial", .events, doc: "`was ordered to a retrial`, `ordered a retrial`: the person is to be tried again: on trial.",
             example: "whereas the blogger Tomas Berg was sentenced to death in 2027; whereas on 3 May 2029 he was ordered to a retrial;"),
        Rule("event.condition-in-prison", .events, doc: "`is in critical condition in prison`, `remains in poor health in prison`: a state of health said between the copula and `in prison`: imprisoned.",
             example: "whereas the journalist Lina Holm remains in poor health in prison;"),
    ]
}

// --- real-text shapes (real5) ---
extension RuleBook {
    /// Rules for shapes of real resolutions read in the fifth set of real texts (older motions among
    /// them): cue patterns at the end of ``EventStage/cuePatterns`` and the ties and readings beside them.
    static let realShapeEventRules5: [Rule] = [
        Rule("event.passive-through-adverbs", .events, doc: "`were quite unjustifiably arrested`: words of degree and adverbs between the auxiliary and the participle leave it passive: it speaks of the names before it.",
             example: "whereas the lawyers Ana Ruiz and Tomas Berg were quite arbitrarily arrested on 3 May 2029;"),
        Rule("event.event-noun-pair-of", .events, doc: "`the detention and torture of X`: an event noun joined to nouns of what was done to the person before `of` names the event of the names after.",
             example: "whereas the Parliament is concerned at the detention and torture of the union leaders Lina Holm and Piet Vos;"),
        Rule("event.subjected-to-trial", .events, doc: "`was subjected to an unfair trial`, `the trials to which they were subjected`: on trial.",
             example: "whereas the blogger Tomas Berg was subjected to a summary military trial in 2029;"),
        Rule("event.sentence-requested", .events, doc: "`the sentences requested by the prosecutor … in the case of X`: a sentence asked for is no sentence: the names after it are on trial.",
             example: "whereas the sentences requested by the prosecutor range from five years in the case of Ana Ruiz to ten years in the case of Piet Vos;"),
        Rule("event.group-pronoun-relative", .events, doc: "`they` after a preposition and a relative (`the trials to which they were subjected`) stands for the last list of people named, wherever it stands in the clause.",
             example: "whereas the journalists Lina Holm and Piet Vos were arrested in May 2029;\nwhereas the Parliament deplores the summary trials to which they have been subjected;"),
        Rule("event.official-held", .events, doc: "An office-holder a recital names alone as the one held or driven into exile (`President X is under house arrest`, `the elected President, X, was forced to leave`) is a case: the deposed or jailed holder of an office is no official (one sentenced stays an official).",
             example: "whereas President Tomas Berg is under house arrest since the coup of 3 May 2029;"),
        Rule("event.them-after-pronoun-object", .events, doc: "`arrested him and five of his staff and charged them`: `them` after a later cue takes in the person an earlier cue's `him` or `her`, joined by `and` to others, stands for.",
             example: "whereas on 3 May 2029 the police raided the home of the editor Tomas Berg, arrested him and two of his staff and charged them with sedition;"),
        Rule("event.step-title-situation", .events, doc: "A detention the title names, undated and the person's only one, is a note of the custody (house arrest, prison, pre-trial detention) a recital says holds now: one situation.",
             example: "on the unlawful detention of the editor Tomas Berg\nwhereas the editor Tomas Berg is under house arrest;"),
        Rule("event.date-ordinal-day", .events, doc: "`since February 13th 2023`, `on 13th February 2023`, `February 13 2023`: a day written with an ordinal ending, or a month first without a comma before the year, dates the step.",
             example: "whereas the journalist Tomas Berg has been detained since February 13th 2029;"),
    ]
}

// --- real-text shapes (real6) ---
extension RuleBook {
    /// Rules for shapes read in the sixth set of real texts, each a widening of a shape the rules
    /// above read in one form only, or a veto the steps before left unnamed.
    static let realShapeEventRules6: [Rule] = [
        Rule("event.being-held", .events, doc: "`is being held`, `were being held at an unknown place` (an auxiliary before `being`; not `under house arrest and being held`, a note of the custody named): detained, as of the resolution (no date near it is its own).",
             example: "whereas the journalist Lina Holm, abducted on 3 May 2029, is being held by an armed group;"),
        Rule("event.sentence-against", .events, doc: "`the death sentence against X`, `the sentence upon Mr X`: a sentence named by its noun and the preposition of the one it falls on (a name right after it, not a date): sentenced.",
             example: "whereas the death sentence against the blogger Piet Vos dates from May 2028;"),
        Rule("event.release-refused", .events, doc: "`refused to release X`, `its decision not to release X`: a release refused is no call for one: the person is held (detained), as of the resolution.",
             example: "Urges the government to reverse its decision not to release the editor Tomas Berg;"),
        Rule("event.new-statement", .events, doc: "Veto: a `whereas` inside a clause (`…, and whereas …`) opens a statement of its own: a cue after it does not speak of a name before it.",
             example: "whereas the journalist Ana Ruiz won a prize in 2028, and whereas her publisher was forced to leave the country;"),
        Rule("event.relative-of-group", .events, doc: "Veto: a relative clause more than ten tokens after a name, right after a plural noun of its own, speaks of that noun, not of the name.",
             example: "whereas on 3 May 2029 the journalist Ana Ruiz, a national of Freedonia, filmed at the airport acts of violence by the police against a group of travellers who had come from abroad and who were arrested;"),
    ]
}
