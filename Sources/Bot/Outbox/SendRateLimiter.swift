import Foundation

/// Paces outgoing Bot API calls under Telegram's limits: per chat and overall.
///
/// Each chat is a token bucket of `perChatBurst` calls refilling one per `perChatInterval`,
/// kept as a single "theoretical arrival time" (the generic cell rate algorithm): the bucket
/// is full once that time has passed, and then the chat is forgotten. Overall, at most
/// `globalPerSecond` calls go in any window of `globalWindow` seconds: a little over one second,
/// because a call reaches Telegram a round trip after it is counted here, and round trips vary
/// by milliseconds; counted over exactly one second, calls sent at the limit arrived a few
/// milliseconds too close together now and then and were refused with 429. The limiter reads no
/// clock: every method takes the time, so it is tested with a fake one.
public struct SendRateLimiter: Sendable {
    private struct ChatState: Sendable {
        /// When this chat's bucket is full again, counting every call recorded.
        var fullAt: Date
        /// Telegram's 429 for this chat: nothing goes before this.
        var pausedUntil: Date
    }

    private let perChatInterval: TimeInterval
    /// How far ahead of a full bucket a call may go: the room for a burst.
    private let burstAllowance: TimeInterval
    private let globalPerSecond: Int
    private let globalWindow: TimeInterval
    private var chats: [Int64: ChatState] = [:]
    /// The times of the last `globalPerSecond` calls, oldest first.
    private var recentSends: [Date] = []
    private var globalPausedUntil = Date.distantPast
    private var nextPruneAt = Date.distantPast

    /// 2% over a second: the overall rate is 29.4 calls/s instead of 30.
    public static let defaultGlobalWindow: TimeInterval = 1.02

    public init(perChatInterval: TimeInterval = 1, perChatBurst: Int = 3, globalPerSecond: Int = 30,
                globalWindow: TimeInterval = defaultGlobalWindow) {
        precondition(perChatInterval >= 0 && perChatBurst >= 1 && globalPerSecond >= 1 && globalWindow >= 1,
                     "SendRateLimiter needs a non-negative interval, a burst of at least 1, at least 1 call per second and a window of at least 1 s")
        self.perChatInterval = perChatInterval
        self.burstAllowance = perChatInterval * TimeInterval(perChatBurst - 1)
        self.globalPerSecond = globalPerSecond
        self.globalWindow = globalWindow
    }

    /// The earliest time a call to `chatId` may go, given what was sent (never earlier than `now`).
    public func earliestSend(to chatId: Int64, now: Date) -> Date {
        var earliest = max(now, globalPausedUntil)
        if recentSends.count >= globalPerSecond {
            earliest = max(earliest, recentSends[recentSends.count - globalPerSecond].addingTimeInterval(globalWindow))
        }
        if let chat = chats[chatId] {
            earliest = max(earliest, chat.fullAt.addingTimeInterval(-burstAllowance), chat.pausedUntil)
        }
        return earliest
    }

    /// Records a call sent to `chatId` at `now`.
    public mutating func recordSend(to chatId: Int64, at now: Date) {
        pruneIfDue(now: now)
        var chat = chats[chatId] ?? ChatState(fullAt: now, pausedUntil: .distantPast)
        chat.fullAt = max(chat.fullAt, now).addingTimeInterval(perChatInterval)
        chats[chatId] = chat

        // Calls are recorded in time order in practice; a late one is slotted in so the window stays sorted.
        let slot = recentSends.lastIndex { $0 <= now }.map { $0 + 1 } ?? 0
        recentSends.insert(now, at: slot)
        if recentSends.count > globalPerSecond {
            recentSends.removeFirst(recentSends.count - globalPerSecond)
        }
    }

    /// Telegram said 429 with retry_after for one chat, or for everything (`chatId` nil): nothing goes there before `until`.
    public mutating func pause(chatId: Int64?, until: Date) {
        guard let chatId else {
            globalPausedUntil = max(globalPausedUntil, until)
            return
        }
        var chat = chats[chatId] ?? ChatState(fullAt: .distantPast, pausedUntil: .distantPast)
        chat.pausedUntil = max(chat.pausedUntil, until)
        chats[chatId] = chat
    }

    /// How many chats the limiter holds state for (a test's view of its memory).
    var trackedChats: Int { chats.count }

    /// Forgets chats whose bucket is full and whose pause is over: they behave exactly like
    /// chats never seen. Runs at most once per refill period, so its cost is spread thin,
    /// and the map holds only chats written to within about two refill periods.
    private mutating func pruneIfDue(now: Date) {
        guard now >= nextPruneAt else { return }
        chats = chats.filter { _, chat in chat.fullAt > now || chat.pausedUntil > now }
        nextPruneAt = now.addingTimeInterval(max(perChatInterval + burstAllowance, 1))
    }
}
