extension RuleBook {
    /// The rules that read what a title or a citation says of the persons it names
    /// (`Extractor+Citations.swift`, words in the title-and-citation block of `Words/document-words.txt`).
    static let citationRules: [Rule] = [
        Rule("event.cited-step-of", .events,
             doc: "A title or citation whose subject is a step of a case named by its noun ('on the verdict against', 'following the assassination of'), then a list of names, parenthesised asides allowed: each name had that step.",
             example: "having regard to the declaration of the Presidency of 4 September 2029 on the verdict against the Freedonian journalist Lina Holm,"),
        Rule("event.title-case-of-step", .events,
             doc: "A title naming a step or a penalty ('prosecution of students', 'the death penalty'), then 'notably' or 'in particular' and the case(s) of named persons: each is a case of that step.",
             example: "on the death penalty in Freedonia, in particular the cases of Tomas Berg and Ana Ruiz\nwhereas the repression in Freedonia has intensified;"),
    ]
}
