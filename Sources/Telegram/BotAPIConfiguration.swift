import Foundation

/// Where the Bot API is and how long to wait for it.
public struct BotAPIConfiguration: Sendable {
    /// Telegram's own server; tests point this at a local double.
    public static let telegramURL = "https://api.telegram.org"

    public var baseURL: String
    public var token: String
    public var connectTimeout: TimeInterval
    /// For every call except the long poll.
    public var requestTimeout: TimeInterval
    /// Added to the long-poll timeout so curl never gives up before Telegram answers.
    public var longPollGrace: TimeInterval

    public init(baseURL: String = telegramURL, token: String, connectTimeout: TimeInterval = 10,
                requestTimeout: TimeInterval = 30, longPollGrace: TimeInterval = 15) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.longPollGrace = longPollGrace
    }
}
