import CaseIngest
import CaseStore
import Foundation
import Hummingbird

/// Uploads are read as `casetrack import` reads files: under `casetrack
/// serve` in a worker process with a time and memory budget, at most two at
/// once (``WorkLimiter``), so one odd file cannot slow everyone's pages.
extension CaseWebApp {
    /// Reads an uploaded resolution, imports it as a dry run, and shows what would be stored.
    func preview(_ form: FormFields, account: Account, context: WebContext) async throws -> Response {
        guard let file = form.file, !file.data.isEmpty else { throw WebError.noFile }
        let adopted = try form["adopted"].map(PartialDate.init(parsing:))
        let name = OneLineText.escaped(file.name)
        let outcome = try await readUpload(file.data, name: name, adopted: adopted, dryRun: true, account: account)
        let token = await imports.keep(file.data, fileName: name, adopted: adopted, owner: Self.owner(account, context))
        return try html("import", ImportBody(preview: .init(name: name, lines: outcome.lines, token: token, ready: outcome.ready,
                                                             claims: outcome.claims)), context: context)
    }

    /// Imports a previewed upload, once, from the session that previewed it.
    func confirmUpload(_ form: FormFields, account: Account, context: WebContext) async throws -> Response {
        guard let token = form["token"], let upload = await imports.take(token, owner: Self.owner(account, context)) else { throw WebError.previewExpired }
        let outcome = try await readUpload(upload.data, name: upload.fileName, adopted: upload.adopted, dryRun: false, account: account)
        let target = outcome.documentID.map { "/documents/\($0)" } ?? "/documents"
        return done(outcome.lines.joined(separator: " "), goTo: target, context: context)
    }

    func readUpload(_ data: Data, name: String, adopted: PartialDate?, dryRun: Bool, account: Account) async throws -> UploadOutcome {
        let runner = uploadRunner, database = self.database, recorder = Self.recorder(account)
        return try await uploadWork.run {
            try runner.run(data: data, name: name, adopted: adopted, dryRun: dryRun, database: database, recorder: recorder)
        }
    }
}
