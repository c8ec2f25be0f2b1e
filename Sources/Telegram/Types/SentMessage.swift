/// What the bot needs back from a message it sent or edited: its id, to edit it later. Decoding
/// only this, not the whole echoed message, keeps each send cheap.
public struct SentMessage: Decodable, Sendable, Equatable {
    public let messageId: Int

    public init(messageId: Int) {
        self.messageId = messageId
    }
}
