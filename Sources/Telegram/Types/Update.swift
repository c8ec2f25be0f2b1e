/// One incoming update from getUpdates.
public struct Update: Decodable, Sendable, Equatable {
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

    private enum CodingKeys: String, CodingKey {
        case updateId, message, editedMessage, callbackQuery
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        updateId = try container.decode(Int64.self, forKey: .updateId)
        if let message = try? container.decodeIfPresent(Message.self, forKey: .message) {
            kind = .message(message)
        } else if let edited = try? container.decodeIfPresent(Message.self, forKey: .editedMessage) {
            kind = .editedMessage(edited)
        } else if let query = try? container.decodeIfPresent(CallbackQuery.self, forKey: .callbackQuery) {
            kind = .callbackQuery(query)
        } else {
            kind = .unsupported
        }
    }

    /// The update kinds Kenesh asks for in `allowed_updates`.
    public static let handledKinds = ["message", "edited_message", "callback_query"]
}
