/// What an inline button carries (Telegram allows 64 bytes). Every kind names the conversation
/// it belongs to, so a press on an old or forged button is recognised and changes nothing.
public enum CallbackData: Equatable, Sendable {
    /// An answer option: "k1|<conversation>|<step>|<option>".
    case answer(conversationId: Int64, stepId: String, optionId: String)
    /// Drop the conversation in progress and start another dialog: "k1s|<conversation>|<dialog>".
    case switchDialog(conversationId: Int64, dialogId: String)
    /// Keep the conversation in progress: "k1k|<conversation>".
    case keepDialog(conversationId: Int64)
    /// The answer to "erase everything about me?": "k1f|<person>|yes" or "k1f|<person>|no".
    case forget(personId: Int64, confirmed: Bool)
    /// A language picked after /language: "k1l|<person>|ky".
    case language(personId: Int64, code: String)
    /// An answer to a meeting reminder: "k1m|<meeting>|yes", "no" or "maybe".
    case rsvp(meetingId: Int64, answer: String)
    /// A mentor's "I'll contact them" under a support prompt: "k1a|<support request>".
    case acknowledgeSupport(requestId: Int64)

    public init?(_ raw: String) {
        let parts = raw.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        // The second field is a conversation id, or a person id for the privacy and language buttons,
        // a meeting id for RSVPs, a support request id for a mentor's acknowledgement.
        guard parts.count >= 2, let conversationId = Int64(parts[1]), conversationId > 0 else { return nil }
        switch (parts[0], parts.count) {
        case ("k1", 4) where !parts[2].isEmpty && !parts[3].isEmpty:
            self = .answer(conversationId: conversationId, stepId: parts[2], optionId: parts[3])
        case ("k1s", 3) where !parts[2].isEmpty:
            self = .switchDialog(conversationId: conversationId, dialogId: parts[2])
        case ("k1k", 2):
            self = .keepDialog(conversationId: conversationId)
        case ("k1f", 3) where parts[2] == "yes" || parts[2] == "no":
            self = .forget(personId: conversationId, confirmed: parts[2] == "yes")
        case ("k1l", 3) where !parts[2].isEmpty:
            self = .language(personId: conversationId, code: parts[2])
        case ("k1m", 3) where ["yes", "no", "maybe"].contains(parts[2]):
            self = .rsvp(meetingId: conversationId, answer: parts[2])
        case ("k1a", 2):
            self = .acknowledgeSupport(requestId: conversationId)
        default:
            return nil
        }
    }

    public var encoded: String {
        switch self {
        case .answer(let c, let s, let o): "k1|\(c)|\(s)|\(o)"
        case .switchDialog(let c, let d): "k1s|\(c)|\(d)"
        case .keepDialog(let c): "k1k|\(c)"
        case .forget(let p, let confirmed): "k1f|\(p)|\(confirmed ? "yes" : "no")"
        case .language(let p, let code): "k1l|\(p)|\(code)"
        case .rsvp(let m, let answer): "k1m|\(m)|\(answer)"
        case .acknowledgeSupport(let r): "k1a|\(r)"
        }
    }
}
