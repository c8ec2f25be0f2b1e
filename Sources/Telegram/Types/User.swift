/// A Telegram user or bot. Kenesh reads only `id` and `isBot`; the names are
/// decoded because they arrive, but never stored or logged.
public struct User: Codable, Sendable, Equatable {
    public let id: Int64
    public let isBot: Bool
    public let firstName: String?
    public let username: String?
    public let languageCode: String?

    public init(id: Int64, isBot: Bool = false, firstName: String? = nil, username: String? = nil, languageCode: String? = nil) {
        self.id = id
        self.isBot = isBot
        self.firstName = firstName
        self.username = username
        self.languageCode = languageCode
    }
}
