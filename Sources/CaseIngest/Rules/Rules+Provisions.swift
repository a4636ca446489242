extension RuleBook {
    /// The rules of the provisions stage (see `Rule`): how the article number was read, how its
    /// instrument was named, and what tied the two.
    static let provisionRules: [Rule] = [
        // The article.
        Rule("provision.article-number", .provisions, doc: "An article word (Article, Section, Rule) and a number (12, 206.3, 3(1)(c), 86 bis).",
             example: "She was charged under Article 12 of the Public Order Act."),
        Rule("provision.article-list", .provisions, doc: "Several numbers after one article word, joined by commas, `and`, `or`.",
             example: "He was charged under Articles 5, 7 and 9 of the Public Order Act."),
        Rule("provision.point-list", .provisions, doc: "Points of one paragraph written in a row (`21(2)(a) (b)`): one article per point.",
             example: "She was charged under Article 21(2)(a) (b) of the Public Order Act."),
        Rule("provision.paragraph-of-article", .provisions, doc: "`paragraph N of Article M`: article M.N.",
             example: "She was charged under paragraph 2 of Article 14 of the Public Order Act."),
        // The instrument.
        Rule("provision.instrument-name", .provisions, doc: "A capitalised instrument name after `of` (Code, Act, Law, Constitution).",
             example: "She was charged under Article 12 of the Public Order Act."),
        Rule("provision.numbered-act", .provisions, doc: "An act named by its number after `of` (Law No 94 of 2015).",
             example: "He was charged under Article 3 of Law No 94 of 2015."),
        Rule("provision.instrument-acronym", .provisions, doc: "An instrument's acronym after `of`, defined earlier in the text.",
             example: "The Public Order Act (POA) is vague; he was charged under Article 8 of the POA."),
        Rule("provision.rules-of-procedure", .provisions, doc: "`Rule N of its Rules of Procedure`: the Parliament's own rules.",
             example: "The motion was tabled under Rule 144 of its Rules of Procedure."),
        // What tied an article to an instrument named elsewhere.
        Rule("provision.thereof", .provisions, doc: "`Article N thereof`: the instrument last named in the section.",
             example: "The Public Order Act is vague, and Article 9 thereof is used against critics."),
        Rule("provision.article-named-before", .provisions, doc: "An article with no instrument after it, named before with one.",
             example: "She was charged under Article 12 of the Public Order Act; Article 12 carries ten years."),
        Rule("provision.instrument-in-section", .provisions, doc: "An article with no instrument after it: the instrument named before it in the section.",
             example: "The Public Order Act was used to charge her under Article 12."),
        Rule("provision.last-instrument", .provisions, doc: "An article with no instrument in its section: the instrument last named before.",
             example: "She was charged under Article 12 of the Public Order Act. He was charged under Article 14."),
        Rule("provision.shorter-name-joins-fuller", .provisions, doc: "An instrument's shorter name joins the fuller name it is part of.",
             example: "Her detention breaches Article 3 of the European Convention on Human Rights and Article 5 of the Convention."),
    ]
}
