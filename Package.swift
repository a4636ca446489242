// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "casetrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "casetrack", targets: ["casetrack"]),
        .library(name: "CaseIngest", targets: ["CaseIngest"]),
        .library(name: "CaseStore", targets: ["CaseStore"]),
        .library(name: "CaseQuery", targets: ["CaseQuery"]),
        .library(name: "CaseWeb", targets: ["CaseWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The web app (`casetrack serve`): server, sessions and bcrypt, escaped templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // The schema: numbered SQL files, embedded in the binary so a copied
        // release binary can still create and migrate databases.
        .target(
            name: "CaseSchema",
            path: "Migrations",
            resources: [.embedInCode("0001_initial.sql"), .embedInCode("0002_question_views.sql"),
                        .embedInCode("0003_document_kind.sql"), .embedInCode("0004_integrity.sql"),
                        .embedInCode("0005_status_date_basis.sql"), .embedInCode("0006_accounts.sql"),
                        .embedInCode("0007_accounts.sql"),
                        .embedInCode("0008_tamper_evidence.sql"),
                        .embedInCode("0009_status_steps.sql"),
                        .embedInCode("0010_review.sql"),
                        .embedInCode("0011_document_label_index.sql"),
                        .embedInCode("0012_status_lower_bound_order.sql")]
        ),
        .target(
            name: "CaseIngest",
            // Word lists the recogniser weighs evidence with: one entry a line.
            resources: [
                .embedInCode("Words/titles.txt"), .embedInCode("Words/role-nouns.txt"), .embedInCode("Words/kinship.txt"),
                .embedInCode("Words/person-events.txt"), .embedInCode("Words/person-verbs.txt"),
                .embedInCode("Words/not-person-words.txt"), .embedInCode("Words/particles.txt"),
                .embedInCode("Words/official-heads.txt"), .embedInCode("Words/story-words.txt"),
                .embedInCode("Words/organisation-heads.txt"), .embedInCode("Words/organisation-context.txt"),
                .embedInCode("Words/event-words.txt"), .embedInCode("Words/event-nouns.txt"),
                .embedInCode("Words/membership-words.txt"), .embedInCode("Words/sentence-places.txt"),
                .embedInCode("Words/person-nouns.txt"), .embedInCode("Words/honorifics.txt"), .embedInCode("Words/role-names.txt"),
                .embedInCode("Words/organisation-nouns.txt"), .embedInCode("Words/instrument-heads.txt"), .embedInCode("Words/non-name-words.txt"),
                .embedInCode("Words/list-introducers.txt"), .embedInCode("Words/number-words.txt"), .embedInCode("Words/surname-endings.txt"),
                .embedInCode("Words/person-context.txt"), .embedInCode("Words/organisation-words.txt"), .embedInCode("Words/provision-words.txt"),
                .embedInCode("Words/group-words.txt"), .embedInCode("Words/document-words.txt"),
            ]
        ),
        .target(
            name: "CaseStore",
            dependencies: [
                "CaseIngest", "CaseSchema",
                .product(name: "GRDB", package: "GRDB.swift"),
                // Account passwords (a C target only: cheap for the CLI's `user` commands).
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .target(
            name: "CaseQuery",
            dependencies: ["CaseStore", "CaseIngest", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // HTML pages shared by `history --format html` and the web app: Mustache
        // templates, whose {{x}} escapes, embedded in the binary.
        .target(
            name: "CasePages",
            dependencies: ["CaseQuery", .product(name: "Mustache", package: "swift-mustache")],
            resources: [
                .embedInCode("Templates/history.mustache"), .embedInCode("Templates/history_body.mustache"), .embedInCode("Templates/history_style.mustache"), .embedInCode("Templates/layout.mustache"),
                .embedInCode("Templates/persons.mustache"), .embedInCode("Templates/person.mustache"), .embedInCode("Templates/documents.mustache"), .embedInCode("Templates/document.mustache"),
                .embedInCode("Templates/charged.mustache"), .embedInCode("Templates/search.mustache"), .embedInCode("Templates/review.mustache"), .embedInCode("Templates/log.mustache"),
                .embedInCode("Templates/login.mustache"), .embedInCode("Templates/import.mustache"), .embedInCode("Templates/message.mustache"), .embedInCode("Templates/users.mustache"),
                .embedInCode("Templates/organisations.mustache"),
                .embedInCode("Templates/claim_review.mustache"),
                .embedInCode("Templates/record_from_text.mustache"),
            ]
        ),
        // `casetrack serve`: routes, accounts, sessions, forms and the JSON API. No SQL.
        .target(
            name: "CaseWeb",
            dependencies: [
                "CasePages", "CaseQuery", "CaseStore", "CaseIngest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                // TemplateModel: page models read once for the templates.
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "casetrack",
            dependencies: [
                "CaseIngest", "CaseStore", "CaseQuery", "CasePages", "CaseWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Invented resolutions for benchmarks and stress tests.
        .target(name: "CaseCorpus"),
        .executableTarget(
            name: "casetrack-bench",
            dependencies: ["CaseCorpus", "CaseIngest", "CaseStore", "CaseQuery", "CaseWeb", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "CaseIngestTests", dependencies: ["CaseIngest", "CaseCorpus"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "CaseSchema", "CaseIngest", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CaseQueryTests", dependencies: ["CaseQuery", "CaseStore", "CaseIngest", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CaseWebTests", dependencies: [
            "CaseWeb", "CasePages", "CaseQuery", "CaseStore", "CaseIngest", "casetrack",
            .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "CasetrackCLITests", dependencies: ["casetrack", "CaseStore", "CaseIngest", "CaseCorpus", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)

// Strict settings for every target, in one place.
for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
