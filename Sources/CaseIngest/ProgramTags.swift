/// Names casetrack writes itself: a claim's fields (a person's role, an organisation's kind, a
/// section's label) and the tag column of the word files. They are the program's vocabulary, not
/// words of the text a recogniser reads (those live in `Words/*.txt` classes): comparisons name
/// them here, once, instead of spelling them out.
enum ProgramTag {
    /// A person's role for an office-holder (never a case); the `official` tag of `Words/titles.txt`
    /// and `Words/role-nouns.txt`.
    static let official = "official"
    /// The organisation kind of a court.
    static let court = "court"
    /// The tag of `Words/organisation-context.txt` for words naming a body's staff, not its kind.
    static let staff = "staff"
    /// The tag of `Words/membership-words.txt` for words naming a position held, not support.
    static let position = "position"
    /// The label of a resolution's title section.
    static let titleSection = "title"
}
