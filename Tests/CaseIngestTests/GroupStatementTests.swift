@testable import CaseIngest
import Foundation
import Testing

/// Group statements (issues 18 and 19): what a text says of a group of people and of the
/// members it then names, on invented resolutions. Each rule is tried on its own invented
/// example, as the rule book states it, and the claims it makes carry its id.
@Suite struct GroupStatementTests {
    /// A resolution holding `example` where the example says it belongs: a citation (`having
    /// regard to …`), a recital (`whereas …`), an operative paragraph (`1. Condemns …`) or the title (`on …`).
    static func resolution(holding example: String) -> String {
        let title = example.hasPrefix("on ") ? example : "on Freedonia"
        var text = "European Parliament resolution of 4 May 2023 \(title) (2023/9001(RSP))\n\nThe European Parliament,\n\n"
        text += "– having regard to its previous resolutions on Freedonia,\n\n"
        if example.hasPrefix("having regard") { text += "– \(example)\n\n" }
        text += example.hasPrefix("whereas") ? "A. \(example)\n\n" : "A. whereas the repression in Freedonia has intensified;\n\n"
        if let number = example.firstIndex(of: "."), example.first?.isNumber == true {
            text += "1. \(example[example.index(after: number)...].trimmingCharacters(in: .whitespaces))\n\n"
        } else {
            text += "1. Condemns the repression;\n\n"
        }
        return text
    }

    static func extract(_ text: String) throws -> Extraction {
        try Extractor.extract(text: text, name: "invented.txt")
    }

    /// Each rule, with the statuses (`person: status`) or calls (`call: person`) its example must give.
    static let cases: [(rule: String, expected: [String])] = [
        ("event.group-list-members", ["Lina Holm: charged", "Piet Vos: charged"]),
        ("event.group-participle-members", ["Ana Ruiz: detained", "Tomas Berg: detained"]),
        ("event.group-hedged", ["Ana Ruiz: at risk"]),
        ("event.group-held-noun", ["Lina Holm: detained", "Piet Vos: detained"]),
        ("event.group-members-next-clause", ["Lina Holm: detained", "Piet Vos: detained"]),
        ("event.group-include-members", ["Ana Ruiz: detained", "Tomas Berg: detained", "Lina Holm: detained"]),
        ("event.event-noun-including-of", ["Piet Vos: detained", "Ana Ruiz: detained"]),
        ("event.among-those-participle", ["Ana Ruiz: sentenced", "Piet Vos: sentenced"]),
        ("event.group-abroad-members", ["Ana Ruiz: in exile", "Piet Vos: in exile"]),
        ("event.counted-group-reference", ["Lina Holm: pre-trial detention", "Piet Vos: pre-trial detention"]),
        ("event.among-other-held", ["Lina Holm: detained", "Piet Vos: detained"]),
        ("event.faces-sentence", ["Ana Ruiz: charged"]),
        ("event.trial-of-began", ["Ana Ruiz: on trial"]),
        ("event.received-years", ["Piet Vos: sentenced"]),
        ("event.fled-country", ["Ana Ruiz: in exile", "Piet Vos: in exile"]),
        ("event.life-in-danger", ["Ana Ruiz: at risk"]),
        ("event.ordered-to-detention", ["Ana Ruiz: pre-trial detention"]),
        ("event.citation-event-of", ["Lina Holm: detained", "Piet Vos: detained"]),
        ("event.group-event-noun-members", ["Ana Ruiz: charged", "Piet Vos: charged"]),
        ("release-call.their-release", ["call: Ana Ruiz", "call: Piet Vos"]),
        ("release-call.possessive-release", ["call: Ana Ruiz"]),
        ("release-call.freedom-for", ["call: Piet Vos", "call: Ana Ruiz"]),
        ("release-call.release-him", ["call: Piet Vos"]),
    ]

    @Test(arguments: cases.map(\.rule))
    func eachRuleReadsItsOwnExample(rule id: String) throws {
        let rule = RuleBook.rule(id)
        #expect(!rule.doc.isEmpty && !rule.example.isEmpty)
        let expected = try #require(Self.cases.first { $0.rule == id }).expected
        let extraction = try Self.extract(Self.resolution(holding: rule.example))
        for claim in expected {
            if claim.hasPrefix("call: ") {
                let person = String(claim.dropFirst(6))
                let call = try #require(extraction.releaseCalls.first { $0.person == person }, "\(id): no call for \(person)")
                #expect(call.rules.contains { $0.id == id }, "\(id): \(call.rules)")
            } else {
                let parts = claim.components(separatedBy: ": ")
                let status = try #require(extraction.statuses.first { $0.person == parts[0] && $0.status == parts[1] },
                                          "\(id): no \(claim) in \(extraction.statuses.map { "\($0.person): \($0.status)" })")
                #expect(status.rules.contains { $0.id == id }, "\(id): \(status.rules)")
            }
        }
    }

    @Test func everyGroupRuleHasACase() {
        let ids = RuleBook.all.map(\.id).filter { id in Self.cases.contains { $0.rule == id } }
        #expect(ids.count == Self.cases.count)
        // Every group rule has its case (EventRuleTableTests leaves them to this table).
        #expect(Set(RuleBook.groupRules.map(\.id)) == Set(Self.cases.map(\.rule)))
    }

    /// (real3, real4) Near misses: `include` after a noun of no people (the charges include), an
    /// event noun whose list is asked for, not reported (`demanded the release, including of`).
    @Test(arguments: [
        "whereas the charges against the newspaper include defamation of the lawyer Ana Ruiz and of the blogger Tomas Berg;",
        "whereas human rights defenders demanded the release of all protesters, including of the journalist Ana Ruiz;",
        "whereas the rapporteur warned of numerous arrests to come, such as the journalist Ana Ruiz;",
    ])
    func includeAndEventNounNearMissesMakeNoClaim(example: String) throws {
        let extraction = try Self.extract(Self.resolution(holding: example))
        #expect(!extraction.statuses.contains { $0.rules.contains { ["event.group-include-members", "event.event-noun-including-of"].contains($0.id) } },
                "\(extraction.statuses.map { ($0.person, $0.status, $0.rules.map(\.id)) })")
    }

    @Test func aGroupStatementWithoutNamedMembersCreatesNothing() throws {
        let extraction = try Self.extract(Self.resolution(holding:
            "whereas dozens of students have been arrested since March, including many first-year students; whereas several journalists have been detained or harassed;"))
        #expect(extraction.statuses.isEmpty)
        #expect(extraction.releaseCalls.isEmpty)
    }

    @Test func aPersonNamedInsideAMembersDescriptionIsNoMember() throws {
        let extraction = try Self.extract(Self.resolution(holding:
            "whereas at least 40 relatives of political prisoners have been detained, including Ana Ruiz, wife of 2020 Freedom Prize winner Tomas Berg, Lina Holm and Piet Vos;"))
        let held = Set(extraction.statuses.filter { $0.status == "detained" }.map(\.person))
        #expect(held == ["Ana Ruiz", "Lina Holm", "Piet Vos"])
    }

    @Test func officialsNamedWithTheGroupTakeNoStatus() throws {
        let extraction = try Self.extract(Self.resolution(holding:
            "whereas on the orders of Interior Minister Karl Brandt the police have arrested opposition activists, including Lina Holm and Piet Vos;"))
        #expect(extraction.persons.contains { $0.name == "Karl Brandt" && $0.roles.contains("official") })
        #expect(!extraction.statuses.contains { $0.person == "Karl Brandt" })
        #expect(extraction.statuses.filter { $0.status == "detained" }.map(\.person).sorted() == ["Lina Holm", "Piet Vos"])
    }

    @Test func aNegatedOrFormerGroupSaysNothingOfItsMembers() throws {
        let negated = try Self.extract(Self.resolution(holding:
            "whereas human rights defenders should never be prosecuted for their work, such as the lawyer Lina Holm;"))
        #expect(!negated.statuses.contains { $0.person == "Lina Holm" })
        let former = try Self.extract(Self.resolution(holding:
            "whereas former political prisoners, such as the lawyer Lina Holm, have founded a new association;"))
        #expect(!former.statuses.contains { $0.person == "Lina Holm" && $0.status == "detained" })
    }

    @Test func aCountThatDoesNotMatchTheListNamesNobody() throws {
        let extraction = try Self.extract(Self.resolution(holding:
            "whereas Lina Holm and Piet Vos were arrested on 3 May; whereas the three detainees were remanded in custody on 5 May;"))
        #expect(!extraction.statuses.contains { $0.status == "pre-trial detention" })
    }

    @Test func facingASentenceNeedsOneNamedSubject() throws {
        let extraction = try Self.extract(Self.resolution(holding:
            "whereas the lawyer Lina Holm spoke to reporters in May, and the journalists she met are facing long prison sentences;"))
        #expect(!extraction.statuses.contains { $0.status == "charged" })
    }

    @Test func aListOfOrganisationsGivesNoPersonAStatus() throws {
        let extraction = try Self.extract(Self.resolution(holding:
            "whereas the authorities harass independent NGOs, such as the Freedonia Helsinki Committee, founded by Lina Holm;"))
        #expect(!extraction.statuses.contains { $0.person == "Lina Holm" })
    }

    @Test func aWelcomedReleaseIsNoCall() throws {
        let extraction = try Self.extract(Self.resolution(holding: "1. Welcomes the lawyer Ana Ruiz’s release and calls for justice;"))
        #expect(!extraction.releaseCalls.contains { $0.person == "Ana Ruiz" })
    }

    @Test func aTheirReleaseAfterOneNameIsNoCallForOthers() throws {
        let extraction = try Self.extract(Self.resolution(holding:
            "1. Welcomes the report of the lawyer Lina Holm on the detained protesters and demands their immediate release;"))
        #expect(!extraction.releaseCalls.contains { $0.person == "Lina Holm" })
    }
}
