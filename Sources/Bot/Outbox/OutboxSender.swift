import Foundation
import GRDB
import Logging
import Store
import Telegram

/// Sends committed outbox rows, oldest first and in order within each chat, and deletes each
/// once Telegram has accepted it. A crash can at worst repeat the one call that was in flight.
/// It runs on real time, not the bot's injectable clock: Telegram's rate limits, retry_after and
/// back-off are measured in real seconds.
final class OutboxSender {
    private let client: BotAPIClient
    private let database: AppDatabase
    private let stopSignal: StopSignal
    private let logger: Logger
    private let pseudonym: LogPseudonym
    private let crashPoints: CrashPoints
    private let flushGrace: TimeInterval
    private var storageBackoff = Backoff(base: 0.5, cap: 30)
    private let limiter: SharedRateLimiter
    private let shard: (index: Int, count: Int)
    /// Where this worker's recent questions went (the store keeps them too): the edit that follows
    /// an answer goes to the same chat, so to this worker, and need not read the store. Conversation
    /// ids are AUTOINCREMENT, never reused, so an entry cannot point into another person's chat.
    private var recentQuestions: [QuestionKey: Int] = [:]
    private static let recentQuestionsLimit = 4096

    private struct QuestionKey: Hashable {
        let conversationId: Int64
        let stepId: String
    }

    init(client: BotAPIClient, database: AppDatabase, stopSignal: StopSignal, logger: Logger, pseudonym: LogPseudonym, crashPoints: CrashPoints, flushGrace: TimeInterval,
         limiter: SharedRateLimiter, shard: (index: Int, count: Int) = (0, 1)) {
        self.client = client
        self.database = database
        self.stopSignal = stopSignal
        self.logger = logger
        self.pseudonym = pseudonym
        self.crashPoints = crashPoints
        self.flushGrace = flushGrace
        self.limiter = limiter
        self.shard = shard
    }

    /// Runs until stopped; after a stop it keeps sending what is ready for up to `flushGrace` seconds.
    func run() {
        var flushDeadline: Date?
        while true {
            if stopSignal.isStopped {
                let deadline = flushDeadline ?? Date().addingTimeInterval(flushGrace)
                flushDeadline = deadline
                if Date() >= deadline { return }
            }
            let heads: [OutboxMessage]
            let wakeUp: Date?
            do {
                let now = Date()
                // Outside a transaction: each query sees the latest commit, which is all the sender
                // needs, and skips a BEGIN/COMMIT pair per look.
                (heads, wakeUp) = try database.writer.unsafeRead { db in
                    (try OutboxMessage.readyHeads(now: now, limit: 64, shard: shard, in: db), try OutboxMessage.nextWakeUp(shard: shard, in: db))
                }
                storageBackoff.reset()
            } catch {
                logger.error("cannot read the outbox", metadata: ["error.type": "\(type(of: error))"])
                if stopSignal.isStopped { return }
                stopSignal.sleep(storageBackoff.nextDelay())
                continue
            }
            let now = Date()
            // Each head is a different chat, so all that may go are sent before the next look.
            let ready = heads.filter { !paced($0) || limiter.earliestSend(to: $0.chatId, now: now) <= now }
            guard !ready.isEmpty else {
                if heads.isEmpty && stopSignal.isStopped { return }
                // Every ready chat is being paced, or nothing is ready: rows written by other
                // processes (the CLI) are also found by this periodic look.
                let pacedUntil = heads.map { limiter.earliestSend(to: $0.chatId, now: now) }.min()
                let next = [pacedUntil, wakeUp].compactMap { $0 }.min()
                let idle = next.map { max(0.005, min(1, $0.timeIntervalSince(now))) } ?? 1
                if stopSignal.isStopped {
                    Thread.sleep(forTimeInterval: min(idle, 0.05))
                } else {
                    stopSignal.sleep(idle)
                }
                continue
            }
            var pacedUntil: Date?
            let wakeupsBeforeSending = stopSignal.wakeups
            for row in ready {
                // The slot is taken before the call, not after its answer: with several workers,
                // a check now and a record a round trip later would let them overshoot together.
                if paced(row), let free = limiter.claim(row.chatId, now: Date()) {
                    pacedUntil = min(pacedUntil ?? free, free)
                    continue
                }
                if !send(row) { return }
                if stopSignal.isStopped, let flushDeadline, Date() >= flushDeadline { return }
            }
            // Some chats had to wait for a slot: looking again before one is free would only
            // re-read the outbox (thousands of rows during a round) for nothing. Rows committed
            // while this worker was sending (a button press to acknowledge) cut the wait short.
            if let pacedUntil, !stopSignal.isStopped {
                let idle = max(0.001, min(1, pacedUntil.timeIntervalSinceNow))
                stopSignal.sleep(idle, unlessWokenSince: wakeupsBeforeSending)
            }
        }
    }

    /// Sends one row and records the outcome; false when sending was cancelled for shutdown.
    private func send(_ row: OutboxMessage) -> Bool {
        guard let id = row.id else { return true }
        guard let item = try? OutboxPayload.decode(row.payload) else {
            record(id: id) { db in try OutboxMessage.markFailed(id: id, error: "unreadable outbox payload", in: db) }
            return true
        }
        do {
            let sent = try item.perform(with: client) { edit in
                if let messageId = recentQuestions[QuestionKey(conversationId: edit.conversationId, stepId: edit.stepId)] {
                    return messageId
                }
                return try? database.writer.unsafeRead { db in
                    try QuestionMessage.messageId(conversationId: edit.conversationId, stepId: edit.stepId, in: db)
                }
            }
            crashPoints.hit(.afterSend)
            let question: (key: QuestionKey, messageId: Int)? = {
                guard case .askQuestion(_, let conversationId, let stepId) = item, let sent else { return nil }
                return (QuestionKey(conversationId: conversationId, stepId: stepId), sent.messageId)
            }()
            recordSent(id: id) { db in
                if let question {
                    try QuestionMessage.record(conversationId: question.key.conversationId, stepId: question.key.stepId,
                                               messageId: question.messageId, in: db)
                }
            }
            if let question {
                if recentQuestions.count >= Self.recentQuestionsLimit { recentQuestions.removeAll(keepingCapacity: true) }
                recentQuestions[question.key] = question.messageId
            }
        } catch .transport(.cancelled) {
            return false
        } catch {
            handle(error, item: item, row: row, id: id)
        }
        return true
    }

    private func handle(_ error: BotAPIError, item: OutboxItem, row: OutboxMessage, id: Int64) {
        let now = Date()
        let chatTag = pseudonym.tag(row.chatId)
        if error.isMessageNotModified {
            record(id: id) { db in try OutboxMessage.markSent(id: id, in: db) }
            return
        }
        switch error {
        case .tooManyRequests(let retryAfter, _):
            limiter.pause(chatId: row.chatId, until: now.addingTimeInterval(TimeInterval(retryAfter)))
            record(id: id) { db in
                try OutboxMessage.reschedule(id: id, notBefore: now.addingTimeInterval(TimeInterval(retryAfter)),
                                             error: "429 retry after \(retryAfter) s", in: db)
            }
        case .forbidden(let description):
            logger.notice("the person blocked the bot or cannot be written to; marked inactive",
                          metadata: ["person.tag": "\(chatTag)", "bot.method": "\(item.method)"])
            record(id: id) { db in
                try OutboxMessage.markFailed(id: id, error: "403: \(description)", in: db)
                try Person.markInactive(telegramUserId: row.chatId, in: db)
            }
        case .badRequest(let description), .other(_, let description):
            logger.warning("Telegram refused a message; it is dropped",
                           metadata: ["person.tag": "\(chatTag)", "bot.method": "\(item.method)", "bot.error": "\(description)"])
            record(id: id) { db in try OutboxMessage.markFailed(id: id, error: description, in: db) }
        case .unauthorized, .conflict, .serverError, .transport, .invalidResponse:
            var backoff = Backoff(base: 1, cap: 60)
            var delay: TimeInterval = 0
            for _ in 0...min(row.attempts, 10) { delay = backoff.nextDelay() }
            logger.warning("could not send; will retry", metadata: [
                "bot.method": "\(item.method)", "bot.error": "\(error)", "retry.in": "\(String(format: "%.1f", delay))s",
            ])
            record(id: id) { db in
                try OutboxMessage.reschedule(id: id, notBefore: now.addingTimeInterval(delay), error: "\(error)", in: db)
            }
        }
    }

    /// Marks a row sent without an fsync (`AppDatabase.writeQuickly`): a process crash keeps the
    /// mark, and only a power cut right after could make this one message go out twice.
    /// Retries while storage fails.
    private func recordSent(id: Int64, also change: @escaping (Database) throws -> Void = { _ in }) {
        while true {
            do {
                try database.writeQuickly { db in
                    try OutboxMessage.markSent(id: id, in: db)
                    try change(db)
                }
                return
            } catch {
                logger.error("cannot update the outbox", metadata: ["error.type": "\(type(of: error))"])
                if stopSignal.isStopped { return }
                stopSignal.sleep(storageBackoff.nextDelay())
            }
        }
    }

    /// Answers to button presses are not chat messages: they are never held back, so the
    /// spinner on a person's button stops at once.
    private func paced(_ row: OutboxMessage) -> Bool {
        row.method != "answerCallbackQuery"
    }

    /// Writes the outcome of a send, retrying while storage fails: the message is already out,
    /// so its row must not be left pending if that can be helped.
    private func record(id: Int64, _ change: (Database) throws -> Void) {
        while true {
            do {
                try database.writer.write { db in try change(db) }
                return
            } catch {
                logger.error("cannot update the outbox", metadata: ["error.type": "\(type(of: error))"])
                if stopSignal.isStopped { return }
                stopSignal.sleep(storageBackoff.nextDelay(), ignoringStop: false)
            }
        }
    }
}
