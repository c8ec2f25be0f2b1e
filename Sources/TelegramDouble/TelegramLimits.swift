import Foundation

/// Telegram's message limits, enforced strictly: per chat a bucket of 3 refilling at 1 per
/// second, and no more than 30 messages in any one-second window across all chats.
struct TelegramLimits {
    static let limitedMethods: Set<String> = ["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument"]

    private var chatReadyAt: [Int64: Date] = [:]
    private var recent: [Date] = []
    private(set) var refusals = 0

    /// nil when the call may go; otherwise the retry_after to answer with (and the call counts as refused).
    mutating func admit(_ method: String, chatId: Int64, at now: Date) -> Int? {
        guard Self.limitedMethods.contains(method) else { return nil }
        recent.removeAll { now.timeIntervalSince($0) >= 1 }
        // A chat's bucket is full when `chatReadyAt` is 2 s or more in the past (3 tokens at 1/s).
        let readyAt = chatReadyAt[chatId] ?? .distantPast
        let chatFull = max(readyAt, now.addingTimeInterval(-2))
        guard recent.count < 30, chatFull <= now else {
            refusals += 1
            return 1
        }
        chatReadyAt[chatId] = chatFull.addingTimeInterval(1)
        recent.append(now)
        return nil
    }
}
