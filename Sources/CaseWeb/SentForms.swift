/// Forms already sent: each recording form carries a one-time `once` token, made when its page
/// was drawn. The first request with a token records; a second with the same token (a double
/// click, a reload of the answer, the back button and "send" again) records nothing and says so.
///
/// A token is taken before the write starts, so two requests sent at the same moment cannot both
/// record; a write that is refused gives its token back, so the corrected form can be sent again.
/// Kept in memory and bounded (oldest forgotten first); a restarted server forgets them, and a
/// page drawn before the restart then records as usual.
actor SentForms {
    let capacity: Int
    private var taken: Set<String> = []
    private var order: [String] = []
    private var oldest = 0

    init(capacity: Int = 20_000) { self.capacity = capacity }

    /// Whether `token` had not been sent before; it is taken now.
    func take(_ token: String) -> Bool {
        guard taken.insert(token).inserted else { return false }
        order.append(token)
        if order.count - oldest > capacity {
            taken.remove(order[oldest])
            oldest += 1
            if oldest > capacity { order.removeFirst(oldest); oldest = 0 }
        }
        return true
    }

    /// Gives back a token whose write was refused: the same form, corrected, may be sent again.
    func giveBack(_ token: String) {
        taken.remove(token)
    }
}
