// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "casetrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casetrack", targets: ["casetrack"]),
        .library(name: "CaseIngest", targets: ["CaseIngest"]),
        .library(name: "CaseStore", targets: ["CaseStore"]),
        .library(name: "CaseQuery", targets: ["CaseQuery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The schema: numbered SQL files, embedded in the binary so a copied
        // release binary can still create and migrate databases.
        .target(
            name: "CaseSchema",
            path: "Migrations",
            resources: [.embedInCode("0001_initial.sql"), .embedInCode("0002_question_views.sql"),
                        .embedInCode("0003_document_kind.sql"), .embedInCode("0004_integrity.sql"),
                        .embedInCode("0005_status_date_basis.sql")]
        ),
        .target(
            name: "CaseIngest",
            // Word lists the recogniser weighs evidence with: one entry a line.
            resources: [
                .embedInCode("Words/titles.txt"), .embedInCode("Words/role-nouns.txt"), .embedInCode("Words/kinship.txt"),
                .embedInCode("Words/person-events.txt"), .embedInCode("Words/person-verbs.txt"),
                .embedInCode("Words/not-person-words.txt"), .embedInCode("Words/particles.txt"),
                .embedInCode("Words/official-heads.txt"),
                .embedInCode("Words/organisation-heads.txt"), .embedInCode("Words/organisation-context.txt"),
            ]
        ),
        .target(
            name: "CaseStore",
            dependencies: [
                "CaseIngest", "CaseSchema",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "CaseQuery",
            dependencies: ["CaseStore", "CaseIngest", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "casetrack",
            dependencies: [
                "CaseIngest", "CaseStore", "CaseQuery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Invented resolutions for benchmarks and stress tests.
        .target(name: "CaseCorpus"),
        .executableTarget(
            name: "casetrack-bench",
            dependencies: ["CaseCorpus", "CaseIngest", "CaseStore", "CaseQuery", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "CaseIngestTests", dependencies: ["CaseIngest", "CaseCorpus"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "CaseIngest", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CaseQueryTests", dependencies: ["CaseQuery", "CaseStore", "CaseIngest", .product(name: "GRDB", package: "GRDB.swift")]),
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
