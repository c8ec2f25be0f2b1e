/// A press on an inline keyboard button.
public struct CallbackQuery: Codable, Sendable, Equatable {
    public let id: String
    public let from: User
    /// The message with the button; absent when the message is too old for Telegram to include.
    public let message: Message?
    public let data: String?

    public init(id: String, from: User, message: Message? = nil, data: String? = nil) {
        self.id = id
        self.from = from
        self.message = message
        self.data = data
    }
}
