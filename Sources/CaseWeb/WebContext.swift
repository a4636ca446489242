import CaseStore
import Hummingbird
import HummingbirdAuth
import NIOCore

/// What the app keeps for a logged-in browser: who, and the token every form must carry.
struct WebSession: Codable, Sendable {
    var accountID: Int64
    /// The account's session key when this session began: a new password or
    /// role replaces the account's key, and this session ends at its next request.
    var accountKey: String
    /// Compared with each form's `csrf` field: a page from another site cannot know it.
    var csrf: String
    /// A one-time message for the next page (what was recorded).
    var flash: String?
}

/// The request context: the session, and the account it belongs to once checked.
struct WebContext: SessionRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    let sessions: SessionContext<WebSession>
    /// Set by ``SignedInMiddleware`` when the session names an account that still exists.
    var account: Account?
    /// The client's address, for the login rate limit ("unknown" in router tests).
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Uploads are read up to the largest resolution casetrack imports, plus the form around it.
    var maxUploadSize: Int { WebLimits.uploadBytes }
}
