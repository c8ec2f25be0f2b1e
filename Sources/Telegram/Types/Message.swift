import Foundation

/// A message in a chat. Only text is understood; everything else is `unsupported` content.
public struct Message: Codable, Sendable, Equatable {
    public let messageId: Int
    public let date: Int
    public let chat: Chat
    public let from: User?
    public let text: String?
    public let entities: [MessageEntity]?
    public let document: Document?

    public init(messageId: Int, date: Int = 0, chat: Chat, from: User? = nil, text: String? = nil,
                entities: [MessageEntity]? = nil, document: Document? = nil) {
        self.messageId = messageId
        self.date = date
        self.chat = chat
        self.from = from
        self.text = text
        self.entities = entities
        self.document = document
    }

    /// What the person sent, as far as the bot is concerned.
    public enum Content: Sendable, Equatable {
        case text(String)
        /// A sticker, photo, voice note, location...: the bot asks for text instead.
        case unsupported
    }

    public var content: Content {
        if let text { return .text(text) }
        return .unsupported
    }

    /// The bot command at the start of the text ("/start" for "/start@kenesh_bot abc"), lowercased, with its argument.
    public var command: (name: String, argument: String)? {
        guard let text, text.hasPrefix("/") else { return nil }
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let head = parts.first else { return nil }
        let name = head.split(separator: "@", maxSplits: 1).first.map(String.init) ?? String(head)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return (name.lowercased(), argument)
    }
}

/// A special span in a message text (a command, a link...).
public struct MessageEntity: Codable, Sendable, Equatable {
    public let type: String
    public let offset: Int
    public let length: Int

    public init(type: String, offset: Int, length: Int) {
        self.type = type
        self.offset = offset
        self.length = length
    }
}

/// A file the bot sent (the answer to sendDocument).
public struct Document: Codable, Sendable, Equatable {
    public let fileId: String
    public let fileName: String?
    public let fileSize: Int?
}
