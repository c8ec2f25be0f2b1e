import Foundation

/// Everything the double remembers; only touched while holding `BotAPIDouble`'s lock.
struct BotAPIState {
    /// A text message the bot sent successfully.
    struct SentMessage {
        let chatId: Int64
        let messageId: Int
        let text: String
    }

    var isStopped = false
    var botUsername = "kenesh_test_bot"
    var maxLongPoll: TimeInterval = 2
    var roundTrip: TimeInterval = 0
    var requests: [BotAPIDouble.RecordedRequest] = []
    var lastOffset: Int?
    var faultPlan = FaultPlan()
    var updates = UpdateQueue()
    var sentMessages: [SentMessage] = []
    var limits: TelegramLimits?
    var onRequest: (@Sendable (BotAPIDouble.RecordedRequest) -> Void)?
    private var lastMessageIds: [Int64: Int] = [:]
    private var fileCount = 0
    private var callbackQueryCount = 0

    /// Message ids count up per chat from 1, shared by the user's and the bot's messages, as in private chats.
    mutating func nextMessageId(in chatId: Int64) -> Int {
        let id = (lastMessageIds[chatId] ?? 0) + 1
        lastMessageIds[chatId] = id
        return id
    }

    mutating func nextFileNumber() -> Int {
        fileCount += 1
        return fileCount
    }

    mutating func nextCallbackQueryId() -> String {
        callbackQueryCount += 1
        return String(4_242_000_000_000_000_000 + callbackQueryCount)
    }

    /// The text of the bot's message with that id in that chat, if it sent one.
    func sentText(chatId: Int64, messageId: Int) -> String? {
        sentMessages.last { $0.chatId == chatId && $0.messageId == messageId }?.text
    }
}
