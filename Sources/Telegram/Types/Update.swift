/// One incoming update from getUpdates.
public struct Update: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case message(Message)
        case editedMessage(Message)
        case callbackQuery(CallbackQuery)
        /// Something the bot does not handle, or JSON it could not read. It still has an id,
        /// so it is acknowledged and skipped instead of blocking the queue forever.
        case unsupported
    }

    public let updateId: Int64
    public let kind: Kind

    public init(updateId: Int64, kind: Kind) {
        self.updateId = updateId
        self.kind = kind
    }

    /// The update kinds Kenesh asks for in `allowed_updates`.
    public static let handledKinds = ["message", "edited_message", "callback_query"]
}
