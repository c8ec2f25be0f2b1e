import Foundation
import GRDB
import Logging
import Store
import Telegram

/// Sends committed outbox rows, oldest first and in order within each chat, and deletes each
/// once Telegram has accepted it. A crash can at worst repeat the one call that was in flight.
final class OutboxSender {
    private let client: BotAPIClient
    private let database: AppDatabase
    private let stopSignal: StopSignal
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let pseudonym: LogPseudonym
    private let crashPoints: CrashPoints
    private let flushGrace: TimeInterval
    private let decoder = JSONDecoder()
    private var storageBackoff = Backoff(base: 0.5, cap: 30)

    init(client: BotAPIClient, database: AppDatabase, stopSignal: StopSignal, clock: @escaping @Sendable () -> Date,
         logger: Logger, pseudonym: LogPseudonym, crashPoints: CrashPoints, flushGrace: TimeInterval) {
        self.client = client
        self.database = database
        self.stopSignal = stopSignal
        self.clock = clock
        self.logger = logger
        self.pseudonym = pseudonym
        self.crashPoints = crashPoints
        self.flushGrace = flushGrace
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
            let row: OutboxMessage?
            let wakeUp: Date?
            do {
                let now = clock()
                (row, wakeUp) = try database.writer.read { db in
                    (try OutboxMessage.nextReady(now: now, in: db), try OutboxMessage.nextWakeUp(in: db))
                }
                storageBackoff.reset()
            } catch {
                logger.error("cannot read the outbox", metadata: ["error.type": "\(type(of: error))"])
                if stopSignal.isStopped { return }
                stopSignal.sleep(storageBackoff.nextDelay())
                continue
            }
            guard let row else {
                if stopSignal.isStopped { return }
                // Rows written by other processes (the CLI) are found by this periodic look.
                let idle = wakeUp.map { max(0.01, min(1, $0.timeIntervalSince(clock()))) } ?? 1
                stopSignal.sleep(idle)
                continue
            }
            if !send(row) { return }
        }
    }

    /// Sends one row and records the outcome; false when sending was cancelled for shutdown.
    private func send(_ row: OutboxMessage) -> Bool {
        guard let id = row.id else { return true }
        guard let item = try? decoder.decode(OutboxItem.self, from: row.payload) else {
            record(id: id) { db in try OutboxMessage.markFailed(id: id, error: "unreadable outbox payload", in: db) }
            return true
        }
        do {
            try item.perform(with: client)
            crashPoints.hit(.afterSend)
            record(id: id) { db in try OutboxMessage.markSent(id: id, in: db) }
        } catch .transport(.cancelled) {
            return false
        } catch {
            handle(error, item: item, row: row, id: id)
        }
        return true
    }

    private func handle(_ error: BotAPIError, item: OutboxItem, row: OutboxMessage, id: Int64) {
        let now = clock()
        let chatTag = pseudonym.tag(row.chatId)
        if error.isMessageNotModified {
            record(id: id) { db in try OutboxMessage.markSent(id: id, in: db) }
            return
        }
        switch error {
        case .tooManyRequests(let retryAfter, _):
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
