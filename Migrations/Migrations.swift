/// The numbered schema migrations, in the order they apply.
///
/// The SQL files beside this one are the single source of truth for the
/// schema; SwiftPM embeds them in the binary (`.embedInCode`), so a release
/// binary copied on its own still creates and migrates databases.
public enum SchemaMigrations {
    /// One migration: its identifier (the file name without `.sql`) and its SQL.
    public struct Migration: Sendable {
        public let identifier: String
        public let sql: String
    }

    /// All migrations, oldest first. Add a new file to `Package.swift` and here.
    /// (SwiftPM names an embedded file by replacing its leading digit with `_`.)
    public static let all: [Migration] = [
        Migration(identifier: "0001_initial", sql: decode(PackageResources._001_initial_sql)),
        Migration(identifier: "0002_question_views", sql: decode(PackageResources._002_question_views_sql)),
        Migration(identifier: "0003_document_kind", sql: decode(PackageResources._003_document_kind_sql)),
        Migration(identifier: "0004_integrity", sql: decode(PackageResources._004_integrity_sql)),
        Migration(identifier: "0005_status_date_basis", sql: decode(PackageResources._005_status_date_basis_sql)),
        Migration(identifier: "0006_accounts", sql: decode(PackageResources._006_accounts_sql)),
        Migration(identifier: "0007_accounts", sql: decode(PackageResources._007_accounts_sql)),
        Migration(identifier: "0008_tamper_evidence", sql: decode(PackageResources._008_tamper_evidence_sql)),
        Migration(identifier: "0009_status_steps", sql: decode(PackageResources._009_status_steps_sql)),
        Migration(identifier: "0010_review", sql: decode(PackageResources._010_review_sql)),
        Migration(identifier: "0011_document_label_index", sql: decode(PackageResources._011_document_label_index_sql)),
        Migration(identifier: "0012_status_lower_bound_order", sql: decode(PackageResources._012_status_lower_bound_order_sql)),
    ]

    private static func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
