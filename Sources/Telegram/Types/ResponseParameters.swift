/// Extra facts Telegram attaches to some errors.
public struct ResponseParameters: Codable, Sendable, Equatable {
    public let retryAfter: Int?
    public let migrateToChatId: Int64?
}
