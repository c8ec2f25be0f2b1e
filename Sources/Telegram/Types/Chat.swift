/// A chat the bot takes part in.
public struct Chat: Codable, Sendable, Equatable {
    /// Telegram adds chat kinds over time; an unknown one decodes as `.other` rather than failing the update.
    public enum Kind: Sendable, Equatable, Codable {
        case privateChat, group, supergroup, channel, other(String)

        public init(from decoder: any Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            switch raw {
            case "private": self = .privateChat
            case "group": self = .group
            case "supergroup": self = .supergroup
            case "channel": self = .channel
            default: self = .other(raw)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public var rawValue: String {
            switch self {
            case .privateChat: "private"
            case .group: "group"
            case .supergroup: "supergroup"
            case .channel: "channel"
            case .other(let raw): raw
            }
        }
    }

    public let id: Int64
    public let type: Kind

    public init(id: Int64, type: Kind) {
        self.id = id
        self.type = type
    }

    public var isPrivate: Bool { type == .privateChat }
}
