/// Resolution-shaped texts with invented countries, people and movements,
/// reproducible from a seed: for benchmarks and for tests that need a large
/// corpus. Every name is made of random syllables.
public struct CorpusGenerator: Sendable {
    public struct Document: Sendable {
        public var fileName: String
        public var text: String
        public var persons: [String]
    }

    var random: SeededRandom

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    static let syllables = ["ka", "ri", "mo", "ta", "len", "vi", "dor", "sa", "mi", "lu", "ber", "na", "zo", "el", "an",
                            "tu", "ro", "gal", "fi", "ne", "os", "ya", "ul", "ez", "ha", "pe", "dra", "ko", "sil", "ma"]
    static let familyEndings = ["ov", "ova", "enko", "ic", "ez", "yan", "adze", "uly", "escu", "ani", "soy", "berg"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    public mutating func word(_ parts: ClosedRange<Int>) -> String {
        let count = Int.random(in: parts, using: &random)
        var text = ""
        for _ in 0..<count { text += Self.syllables.randomElement(using: &random)! }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    public mutating func person() -> String {
        "\(word(2...3)) \(word(2...3))\(Self.familyEndings.randomElement(using: &random)!)"
    }

    mutating func date(year: Int) -> String {
        "\(Int.random(in: 1...28, using: &random)) \(Self.months.randomElement(using: &random)!) \(year)"
    }

    static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    public static func label(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : String(letters[index / 26 - 1]) + String(letters[index % 26])
    }

    /// One resolution of about the samples' size (20–30 KB).
    public mutating func document(number: Int) -> Document {
        let country = word(2...3) + "ia"
        let adjective = String(country.dropLast(2)) + "ian"
        let year = 2015 + number % 10
        let procedure = "\(year)/\(2000 + number % 8000)(RSP)"
        let movement = "\(word(2...2)) Movement"
        let party = "Party of \(word(2...3))"
        let acronym = String(movement.prefix(1)) + "M"
        var persons: [String] = []
        func people(_ count: Int) -> [String] {
            let names = (0..<count).map { _ in person() }
            persons += names
            return names
        }
        var recitals: [String] = []
        let filler = "whereas the authorities of \(country) have continued to restrict freedom of expression, assembly and association, "
            + "and independent observers report a steady deterioration of the situation of civil society across the country"
        for index in 0..<22 {
            let body: String
            switch index % 6 {
            case 0:
                body = "whereas \(Int.random(in: 5...60, using: &random)) political prisoners, including \(Self.list(people(6))), remain in detention; \(filler)"
            case 1:
                body = "whereas journalist \(people(1)[0]) was sentenced to \(Int.random(in: 2...12, using: &random)) years imprisonment on \(date(year: year - 1)); \(filler)"
            case 2:
                body = "whereas the \(movement) (\(acronym)) and the \(party) were banned under Article \(Int.random(in: 100...500, using: &random)) of the \(adjective) Criminal Code; "
                    + "whereas activists \(Self.list(people(3))) were prosecuted for their support for these movements"
            case 3:
                body = "whereas human rights defender \(people(1)[0]), who is in poor health, has been placed in pre-trial detention; \(filler)"
            case 4:
                body = "whereas activists \(Self.list(people(2))) were shot dead by security forces on \(date(year: year - 1)); \(filler)"
            default:
                body = "\(filler); \(filler)"
            }
            recitals.append("\(Self.label(index)). \(body);")
        }
        var paragraphs: [String] = []
        let called = Array(persons.prefix(12))
        for index in 1...24 {
            let body: String
            switch index {
            case 1: body = "Calls on the authorities of \(country) to immediately release \(Self.list(called)) and all other political prisoners"
            case 2: body = "Urges the authorities to cease using the criminal code against members of banned movements"
            default: body = "Calls on the Commission and the Member States to monitor the situation in \(country) closely and to raise it at every opportunity"
            }
            paragraphs.append("\(index). \(body);")
        }
        let text = """
            European Parliament resolution of \(date(year: year)) on the human rights situation in \(country) (\(procedure))
            The European Parliament,
            – having regard to its previous resolutions on \(country),
            – having regard to the Universal Declaration of Human Rights,
            – having regard to Rules 144(5) and 132(4) of its Rules of Procedure,

            \(recitals.joined(separator: "\n"))
            \(paragraphs.joined(separator: "\n"))
            """
        return Document(fileName: "generated-\(number).txt", text: text, persons: persons)
    }
}

/// SplitMix64: small, fast and the same on every platform.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
