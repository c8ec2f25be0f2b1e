import Foundation
import GRDB
import Logging
import Store
import Telegram

/// Long-polls getUpdates and commits each update before asking for the next offset.
final class Poller {
    /// How a run of the poller ended.
    enum Ending: Equatable {
        case stopped
        /// Telegram refused the token: retrying cannot help.
        case unauthorized
    }

    private let client: BotAPIClient
    private let database: AppDatabase
    private let processor: UpdateProcessor
    private let driver: ConversationDriver
    private let scheduler: Scheduler?
    private let stopSignal: StopSignal
    private let onCommitted: () -> Void
    private let pollTimeout: Int
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private var backoff = Backoff(base: 1, cap: 30)
    /// A full or read-only disk is local and cheap to re-check, so storage retries stay frequent.
    private var storageBackoff = Backoff(base: 0.5, cap: 5)
    private var storageFailing = false
    private var nextHousekeeping = Date.distantPast
    private var nextPollNote = Date.distantPast
    /// The offset this poller last committed, so a burst does not re-read it before every poll;
    /// nil whenever it must come from the store (at start, after a failure or a one-by-one pass).
    private var committedOffset: Int64??

    init(client: BotAPIClient, database: AppDatabase, processor: UpdateProcessor, driver: ConversationDriver,
         stopSignal: StopSignal,
         pollTimeout: Int, clock: @escaping @Sendable () -> Date, logger: Logger, scheduler: Scheduler? = nil,
         onCommitted: @escaping () -> Void) {
        self.client = client
        self.database = database
        self.processor = processor
        self.driver = driver
        self.scheduler = scheduler
        self.stopSignal = stopSignal
        self.pollTimeout = pollTimeout
        self.clock = clock
        self.logger = logger
        self.onCommitted = onCommitted
    }

    func run() -> Ending {
        guard prepare() else { return stopSignal.isStopped ? .stopped : .unauthorized }
        while !stopSignal.isStopped {
            switch pollOnce() {
            case .continue: continue
            case .end(let ending): return ending
            }
        }
        return .stopped
    }

    private enum Step { case `continue`, end(Ending) }

    /// Removes any webhook (keeping pending updates) and learns the bot's username, retrying until it works.
    private func prepare() -> Bool {
        while !stopSignal.isStopped {
            do {
                try client.deleteWebhook(dropPendingUpdates: false)
                let me = try client.getMe()
                if let username = me.username {
                    try? database.writer.write { db in try BotState.setBotUsername(username, in: db) }
                }
                logger.info("connected to the Bot API")
                backoff.reset()
                return true
            } catch .unauthorized {
                logger.critical("Telegram refused the bot token (401 Unauthorized): check --token-file or KENESH_TOKEN; stopping")
                return false
            } catch {
                wait(after: error, doing: "starting up")
            }
        }
        return false
    }

    private func pollOnce() -> Step {
        let offset: Int64?
        if let known = committedOffset {
            offset = known
        } else {
            do {
                offset = try database.writer.read { db in try BotState.offset(in: db) }
                committedOffset = .some(offset)
            } catch {
                reportStorage(error)
                return .continue
            }
        }

        let updates: [Update]
        do {
            updates = try client.getUpdates(offset: offset, timeout: pollTimeout)
        } catch .transport(.cancelled) {
            return .end(.stopped)
        } catch .unauthorized {
            logger.critical("Telegram refused the bot token (401 Unauthorized): check --token-file or KENESH_TOKEN; stopping")
            return .end(.unauthorized)
        } catch .conflict {
            logger.warning("another process is polling with this bot token, or a webhook is set (409 Conflict); retrying")
            wait(after: .conflict(description: ""), doing: "polling")
            return .continue
        } catch {
            wait(after: error, doing: "polling")
            return .continue
        }
        backoff.reset()

        let batch = updates.sorted(by: { $0.updateId < $1.updateId })
        if !batch.isEmpty {
            switch commit(batch) {
            case .committed:
                // The processor moves the offset forward only, to one past the batch's last update.
                let next = batch[batch.count - 1].updateId + 1
                committedOffset = .some(max(offset ?? next, next))
                onCommitted()
            case .storageFailing:
                committedOffset = nil
                return .continue
            case .needsOneByOne:
                committedOffset = nil
                // One update could not be handled: take them one at a time so only that one is skipped.
                for update in batch {
                    guard commit(update) else { return .continue }
                    onCommitted()
                    if stopSignal.isStopped { return .end(.stopped) }
                }
            }
            if stopSignal.isStopped { return .end(.stopped) }
            // Group commit: when a batch came back short, updates are trickling in one by one (a
            // burst of people answering as fast as the bot replies); a few milliseconds' wait lets
            // the next batch gather several, each batch paying one getUpdates call and one fsync.
            if batch.count < Self.batchLimit { stopSignal.sleep(Self.gatherWindow) }
        }
        recordPoll()
        // Housekeeping has minute-scale deadlines: under a burst it must not run after every batch.
        if Date() >= nextHousekeeping {
            nextHousekeeping = Date().addingTimeInterval(Self.housekeepingInterval)
            sweepDeadlines()
            runScheduler()
            scrubIfDue()
        }
        return .continue
    }

    static let housekeepingInterval: TimeInterval = 1
    /// getUpdates' default (and largest) batch.
    static let batchLimit = 100
    /// At most this much is added to a reply's latency, and only right after a batch.
    static let gatherWindow: TimeInterval = 0.005
    /// `kenesh status` calls a poll older than 5 minutes stale; the bot notes its polls this often,
    /// busy or idle. Under a burst, a note after every batch cost a transaction per batch.
    static let pollNoteInterval: TimeInterval = 10

    /// Notes the successful poll for `kenesh status`, and prunes old processed-update marks,
    /// without an fsync (it is redone at the next note).
    private func recordPoll() {
        let now = clock()
        guard Date() >= nextPollNote else { return }
        nextPollNote = Date().addingTimeInterval(Self.pollNoteInterval)
        do {
            try database.writeQuickly { db in
                try BotState.setLastPollAt(now, in: db)
                try ProcessedUpdate.pruneOlderThan(now.addingTimeInterval(-ProcessedUpdate.retention), in: db)
            }
        } catch {
            reportStorage(error)
        }
    }

    /// After an erasure, once its last messages are out, rewrites the WAL into the database and
    /// truncates it: secure_delete has zeroed the rows, and this removes older copies of the pages.
    private func scrubIfDue() {
        do {
            let due = try database.writer.read { db -> Bool in
                guard let after = try BotState.scrubAfterOutboxId(in: db) else { return false }
                return try !OutboxMessage.hasPending(upTo: after, in: db)
            }
            guard due else { return }
            try database.checkpoint()
            // The mark holds no personal data, so writing it after the checkpoint leaves nothing behind.
            try database.writer.write { db in try BotState.setScrubAfterOutboxId(nil, in: db) }
            logger.info("erased data scrubbed from the write-ahead log")
        } catch {
            logger.error("could not scrub erased data yet; will retry", metadata: ["error.type": "\(type(of: error))"])
        }
    }

    /// Sends due reminders and closes expired conversations; a failure is logged and tried again next poll.
    private func sweepDeadlines() {
        let now = clock()
        // Reminders to finish a dialog are proactive: they wait for the end of the quiet hours.
        if let scheduler, scheduler.isQuiet(at: now) { return }
        do {
            try database.writer.write { db in try driver.sweepDeadlines(now: now, in: db) }
            onCommitted()
        } catch {
            logger.error("could not process dialog deadlines", metadata: ["error.type": "\(type(of: error))"])
        }
    }

    /// Does whatever the scheduler finds due (rounds, reminders, debriefs, mentor prompts) in one
    /// transaction; a failure is logged and the same work is found due again next poll.
    private func runScheduler() {
        guard let scheduler else { return }
        do {
            let report = try database.writer.write { db in try scheduler.tick(now: clock(), in: db) }
            guard !report.isEmpty else { return }
            onCommitted()
            logger.info("scheduled work done", metadata: [
                "invitations.queued": "\(report.invitationsQueued)", "dialogs.started": "\(report.dialogsStarted)",
                "invitations.linked": "\(report.invitationsLinked)", "reminders.sent": "\(report.remindersSent)",
                "cancellations.sent": "\(report.cancellationsSent)", "mentor_prompts.sent": "\(report.mentorPromptsSent)",
                "missed_checkins.found": "\(report.missedCheckinsFound)",
            ])
            if report.staleDebriefsSkipped > 0 {
                logger.notice("debriefs not sent: the meetings ended too long ago (the bot was down)",
                              metadata: ["meetings": "\(report.staleDebriefsSkipped)"])
            }
        } catch {
            logger.error("could not run scheduled work", metadata: ["error.type": "\(type(of: error))"])
        }
    }

    private enum BatchResult { case committed, storageFailing, needsOneByOne }

    /// Commits a batch in one transaction.
    private func commit(_ batch: [Update]) -> BatchResult {
        do {
            try processor.process(batch: batch, now: clock(), database: database)
            if storageFailing {
                storageFailing = false
                storageBackoff.reset()
                logger.notice("the database is writable again; taking updates")
            }
            return .committed
        } catch let error as DatabaseError {
            reportStorage(error)
            return .storageFailing
        } catch {
            return .needsOneByOne
        }
    }

    /// Commits one update; false when storage is failing and polling must pause without moving the offset.
    private func commit(_ update: Update) -> Bool {
        do {
            try processor.process(update, now: clock(), database: database)
            if storageFailing {
                storageFailing = false
                storageBackoff.reset()
                logger.notice("the database is writable again; taking updates")
            }
            return true
        } catch let error as DatabaseError {
            reportStorage(error)
            return false
        } catch {
            logger.error("could not handle an update; it is skipped", metadata: ["update.id": "\(update.updateId)", "error.type": "\(type(of: error))"])
            do {
                try processor.skip(update, now: clock(), database: database)
                return true
            } catch {
                reportStorage(error)
                return false
            }
        }
    }

    private func reportStorage(_ error: any Error) {
        if !storageFailing {
            storageFailing = true
            let code = (error as? DatabaseError).map { "\($0.resultCode)" } ?? "\(type(of: error))"
            logger.error("cannot write to the database (disk full or read-only?); not taking updates until it can",
                         metadata: ["db.error": "\(code)"])
        }
        stopSignal.sleep(storageBackoff.nextDelay())
    }

    private func wait(after error: BotAPIError, doing activity: String) {
        let delay = backoff.nextDelay()
        logger.warning("Bot API unavailable; retrying", metadata: [
            "bot.activity": "\(activity)", "bot.error": "\(error)", "retry.in": "\(String(format: "%.1f", delay))s",
        ])
        stopSignal.sleep(delay)
    }
}
