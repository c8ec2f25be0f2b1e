import Foundation
import GRDB
import Logging
import Store
import Telegram

/// One outbox worker: sends committed outbox rows, oldest first and in order within each chat, and
/// deletes each once Telegram has accepted it. Several workers share one `OutboxWorkList`, which
/// keeps one call in flight per chat and bounds the messages in flight, so a crash can at worst
/// repeat those messages. It runs on real time, not the bot's injectable clock: Telegram's rate
/// limits, retry_after and back-off are measured in real seconds.
final class OutboxSender {
    private let client: BotAPIClient
    private let database: AppDatabase
    private let work: OutboxWorkList
    private let stopSignal: StopSignal
    private let logger: Logger
    private let pseudonym: LogPseudonym
    private let crashPoints: CrashPoints
    private let flushGrace: TimeInterval
    private var storageBackoff = Backoff(base: 0.5, cap: 30)
    private let limiter: SharedRateLimiter
    /// Rows one look hands over: enough for every worker to keep busy until the next commit
    /// (a few milliseconds in a burst), few enough that a look stays cheap.
    private static let lookLimit = 64
    /// A check-in answer queues 2-3 calls to one chat; more wait for a later look.
    private static let lookRowsPerChat = 4

    init(client: BotAPIClient, database: AppDatabase, work: OutboxWorkList, stopSignal: StopSignal, logger: Logger,
         pseudonym: LogPseudonym, crashPoints: CrashPoints, flushGrace: TimeInterval, limiter: SharedRateLimiter) {
        self.client = client
        self.database = database
        self.work = work
        self.stopSignal = stopSignal
        self.logger = logger
        self.pseudonym = pseudonym
        self.crashPoints = crashPoints
        self.flushGrace = flushGrace
        self.limiter = limiter
    }

    /// Runs until stopped; after a stop it keeps sending what is ready for up to `flushGrace` seconds.
    func run() {
        var flushDeadline: Date?
        // Sent safe calls whose rows still wait to be deleted are written before the worker ends.
        defer { if work.acknowledgementsDue != nil { recordSent(id: nil) } }
        while true {
            if stopSignal.isStopped {
                let deadline = flushDeadline ?? Date().addingTimeInterval(flushGrace)
                flushDeadline = deadline
                if Date() >= deadline { return }
            }
            switch work.next(now: Date()) {
            case .send(let row):
                let outcome = send(row)
                work.settle(row, outcome)
                if outcome == .abandoned { return }
            case .look(let number):
                look(number: number)
            case .wait(var until, let events):
                // Deletions of sent safe calls wait a little for a commit to ride on, then go alone.
                if let due = work.acknowledgementsDue {
                    if due <= Date() || stopSignal.isStopped {
                        recordSent(id: nil)
                        continue
                    }
                    until = min(until, due)
                }
                if stopSignal.isStopped {
                    if work.isDrained { return }
                    Thread.sleep(forTimeInterval: max(0.001, min(until.timeIntervalSinceNow, 0.05)))
                } else {
                    work.sleep(until: until, events: events)
                }
            }
        }
    }

    /// Reads the ready rows for every worker. Outside a transaction: each query sees the latest
    /// commit, which is all the workers need, and skips a BEGIN/COMMIT pair per look.
    private func look(number: Int) {
        do {
            let now = Date()
            let known = work.heldRows()
            let (ready, wakeUp) = try database.writer.unsafeRead { db in
                (try OutboxMessage.ready(now: now, limit: Self.lookLimit, perChat: Self.lookRowsPerChat, known: known, in: db),
                 try OutboxMessage.nextWakeUp(after: now, in: db))
            }
            storageBackoff.reset()
            work.finishLook(number: number, rows: ready.rows, full: ready.leftOut, wakeUp: wakeUp, now: Date())
        } catch {
            logger.error("cannot read the outbox", metadata: ["error.type": "\(type(of: error))"])
            work.abandonLook(retryAt: Date().addingTimeInterval(storageBackoff.nextDelay()))
        }
    }

    /// Sends one row and records the outcome.
    private func send(_ row: OutboxMessage) -> OutboxWorkList.Outcome {
        guard let id = row.id else { return .done }
        guard let item = try? OutboxPayload.decode(row.payload) else {
            record(id: id) { db in try OutboxMessage.markFailed(id: id, error: "unreadable outbox payload", in: db) }
            return .done
        }
        do {
            let sent = try item.perform(with: client) { edit in
                if let messageId = work.questionMessage(.init(conversationId: edit.conversationId, stepId: edit.stepId)) {
                    return messageId
                }
                return try? database.writer.unsafeRead { db in
                    try QuestionMessage.messageId(conversationId: edit.conversationId, stepId: edit.stepId, in: db)
                }
            }
            crashPoints.hit(.afterSend)
            let question: (key: OutboxWorkList.QuestionKey, messageId: Int)? = {
                guard case .askQuestion(_, let conversationId, let stepId) = item, let sent else { return nil }
                return (OutboxWorkList.QuestionKey(conversationId: conversationId, stepId: stepId), sent.messageId)
            }()
            // A safe call's row is deleted with the next commit a worker makes (usually the next
            // message's), not in a transaction of its own: repeated after a crash, nobody sees it.
            if question == nil && OutboxWorkList.isSafeToRepeat(row.method) { return .sentUnacknowledged }
            recordSent(id: id) { db in
                if let question {
                    try QuestionMessage.record(conversationId: question.key.conversationId, stepId: question.key.stepId,
                                               messageId: question.messageId, in: db)
                }
            }
            if let question { work.rememberQuestion(question.key, messageId: question.messageId) }
        } catch .transport(.cancelled) {
            return .abandoned
        } catch {
            return handle(error, item: item, row: row, id: id)
        }
        return .done
    }

    private func handle(_ error: BotAPIError, item: OutboxItem, row: OutboxMessage, id: Int64) -> OutboxWorkList.Outcome {
        let now = Date()
        let chatTag = pseudonym.tag(row.chatId)
        if error.isMessageNotModified {
            record(id: id) { db in try OutboxMessage.markSent(id: id, in: db) }
            return .done
        }
        switch error {
        case .tooManyRequests(let retryAfter, _):
            limiter.pause(chatId: row.chatId, until: now.addingTimeInterval(TimeInterval(retryAfter)))
            record(id: id) { db in
                try OutboxMessage.reschedule(id: id, notBefore: now.addingTimeInterval(TimeInterval(retryAfter)),
                                             error: "429 retry after \(retryAfter) s", in: db)
            }
            return .retryLater
        case .forbidden(let description):
            logger.notice("the person blocked the bot or cannot be written to; marked inactive",
                          metadata: ["person.tag": "\(chatTag)", "bot.method": "\(item.method)"])
            record(id: id) { db in
                try OutboxMessage.markFailed(id: id, error: "403: \(description)", in: db)
                try Person.markInactive(telegramUserId: row.chatId, in: db)
            }
            return .done
        case .badRequest(let description), .other(_, let description):
            logger.warning("Telegram refused a message; it is dropped",
                           metadata: ["person.tag": "\(chatTag)", "bot.method": "\(item.method)", "bot.error": "\(description)"])
            record(id: id) { db in try OutboxMessage.markFailed(id: id, error: description, in: db) }
            return .done
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
            return .retryLater
        }
    }

    /// Marks a row sent (and the safe calls sent before it) without an fsync
    /// (`AppDatabase.writeQuickly`): a process crash keeps the mark, and only a power cut right
    /// after could make this one message go out twice. Retries while storage fails.
    private func recordSent(id: Int64?, also change: @escaping (Database) throws -> Void = { _ in }) {
        while true {
            let acknowledgements = work.takeAcknowledgements()
            if id == nil && acknowledgements.isEmpty { return }
            do {
                try database.writeQuickly { db in
                    if let id { try OutboxMessage.markSent(id: id, in: db) }
                    for sent in acknowledgements { try OutboxMessage.markSent(id: sent, in: db) }
                    try change(db)
                }
                work.acknowledged(acknowledgements)
                return
            } catch {
                work.notAcknowledged(acknowledgements)
                logger.error("cannot update the outbox", metadata: ["error.type": "\(type(of: error))"])
                if stopSignal.isStopped { return }
                stopSignal.sleep(storageBackoff.nextDelay())
            }
        }
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
