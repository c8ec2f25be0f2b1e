/// An entry in the bot's command menu.
public struct BotCommand: Codable, Sendable, Equatable {
    public let command: String
    public let description: String

    public init(command: String, description: String) {
        self.command = command
        self.description = description
    }
}

/// Whose command menu setMyCommands changes.
public enum BotCommandScope: Codable, Sendable, Equatable {
    case `default`
    case allPrivateChats
    case chat(Int64)

    private enum CodingKeys: String, CodingKey { case type, chatId }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .default: try container.encode("default", forKey: .type)
        case .allPrivateChats: try container.encode("all_private_chats", forKey: .type)
        case .chat(let id):
            try container.encode("chat", forKey: .type)
            try container.encode(id, forKey: .chatId)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "chat": self = .chat(try container.decode(Int64.self, forKey: .chatId))
        case "all_private_chats": self = .allPrivateChats
        default: self = .default
        }
    }
}
