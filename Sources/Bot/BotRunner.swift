import Dialogs
import Foundation
import Logging
import Reports
import Store
import Telegram

/// Settings of a running bot.
public struct BotSettings: Sendable {
    public var api: BotAPIConfiguration
    /// getUpdates long-poll timeout, seconds.
    public var pollTimeout: Int
    /// After a stop request, how long the outbox may keep sending what is ready.
    public var flushGrace: TimeInterval
    /// The zone people live in: "today" in a date answer, and (later) schedules.
    public var timeZone: TimeZone
    /// How outgoing calls are paced; Telegram's own limits by default.
    public var pacing: SendRateLimiter
    /// Rounds, meeting reminders and debriefs, mentor prompts, quiet hours.
    public var schedule: ScheduleSettings
    /// How many messages may be in flight at once, each to a different person. One keeps DESIGN.md's
    /// promise that a crash repeats at most one message; N lets a crash repeat up to N, never two to
    /// the same person, and sends N times as many messages per round trip to Telegram. Calls whose
    /// repeat nobody would see (button answers, edits) also go on `safeCallWorkers` more workers.
    public var sendWorkers: Int

    /// Outbox workers beyond `sendWorkers`: any worker sends any call, but only `sendWorkers` of them
    /// may hold a message at once, so these keep button answers and edits going alongside. A button
    /// answer needs 1.5 such calls for each message; at a 50 ms round trip, with one message in
    /// flight, one extra worker took the burst benchmark's median wait from 5.1 s to 2.8-3.1 s, and
    /// two to 2.6 s, near what one message in flight allows.
    public static let safeCallWorkers = 2

    public static let sendWorkerRange = 1...16

    public init(api: BotAPIConfiguration, pollTimeout: Int = 30, flushGrace: TimeInterval = 7,
                timeZone: TimeZone = TimeZone(identifier: "Asia/Bishkek") ?? .current,
                pacing: SendRateLimiter = SendRateLimiter(), schedule: ScheduleSettings = ScheduleSettings(),
                sendWorkers: Int = 1) {
        self.api = api
        self.pollTimeout = pollTimeout
        self.flushGrace = flushGrace
        self.timeZone = timeZone
        self.pacing = pacing
        self.schedule = schedule
        self.sendWorkers = min(max(sendWorkers, Self.sendWorkerRange.lowerBound), Self.sendWorkerRange.upperBound)
    }
}

/// Runs the bot: a polling thread that commits updates and a sending thread that drains the
/// outbox. libcurl blocks its thread, so each lives on its own thread, not on Swift's task pool.
public final class BotRunner: Sendable {
    /// How the bot stopped.
    public enum Outcome: Sendable, Equatable {
        case stopped
        case unauthorized
        case couldNotStart(String)
    }

    private let database: AppDatabase
    private let settings: BotSettings
    private let library: DialogLibrary
    private let logger: Logger
    private let clock: @Sendable () -> Date
    private let stopSignal = StopSignal()
    private let senderCancellation = CancellationFlag()

    public init(database: AppDatabase, settings: BotSettings, library: DialogLibrary, logger: Logger,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.settings = settings
        self.library = library
        self.logger = logger
        self.clock = clock
    }

    /// Asks the bot to stop: the update in hand is finished, ready outbox rows are sent for a few
    /// seconds more, then `run()` returns.
    public func stop() {
        guard !stopSignal.isStopped else { return }
        logger.info("stopping")
        stopSignal.stop()
        let grace = settings.flushGrace + 1
        let cancellation = senderCancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { cancellation.cancel() }
    }

    /// Blocks until the bot stops.
    public func run() -> Outcome {
        // An export interrupted by a crash leaves raw answers in the data folder's scratch space.
        ScratchFiles.clearLeftovers(inDataFolder: database.folder)
        let pseudonym: LogPseudonym
        do {
            pseudonym = LogPseudonym(hexKey: try database.writer.write { db in
                try library.rememberSources(now: clock(), in: db)
                return try BotState.logKey(in: db)
            })
        } catch {
            return .couldNotStart("cannot open the database for writing (\(type(of: error)))")
        }
        if library.current(DialogIds.onboarding) == nil {
            logger.warning("no onboarding dialog in the dialogs folder: people will not be asked for consent")
        }
        logger.info("dialogs loaded", metadata: ["dialogs": "\(library.dialogIds.joined(separator: ","))"])
        let crashPoints = CrashPoints.fromEnvironment()
        let driver = ConversationDriver(library: library, timeZone: settings.timeZone)
        let processor = UpdateProcessor(router: UpdateRouter(logger: logger, pseudonym: pseudonym, driver: driver,
                                                             schedule: settings.schedule),
                                        crashPoints: crashPoints)
        let pollingClient: BotAPIClient
        let sendingClients: [BotAPIClient]
        do {
            pollingClient = try BotAPIClient(configuration: settings.api, cancellation: stopSignal.pollCancellation, logger: logger)
            sendingClients = try (0..<(settings.sendWorkers + BotSettings.safeCallWorkers)).map { _ in
                try BotAPIClient(configuration: settings.api, cancellation: senderCancellation, logger: logger)
            }
        } catch {
            return .couldNotStart("\(error)")
        }

        // The workers share one list of ready rows, one call in flight per chat, and one limiter.
        let limiter = SharedRateLimiter(settings.pacing)
        let work = OutboxWorkList(limiter: limiter, messageLimit: settings.sendWorkers)
        stopSignal.onStop { work.noteStop() }
        let poller = Poller(client: pollingClient, database: database, processor: processor, driver: driver,
                            stopSignal: stopSignal, pollTimeout: settings.pollTimeout, clock: clock, logger: logger,
                            scheduler: Scheduler(settings: settings.schedule, driver: driver),
                            onCommitted: { work.noteCommit() })
        let senders = sendingClients.map { client in
            OutboxSender(client: client, database: database, work: work, stopSignal: stopSignal, logger: logger,
                         pseudonym: pseudonym, crashPoints: crashPoints, flushGrace: settings.flushGrace, limiter: limiter)
        }

        let pollerEnding = ThreadResult<Poller.Ending>()
        let pollerHandoff = ThreadHandoff(poller)
        let pollerThread = Thread { [stopSignal] in
            let ending = pollerHandoff.value.run()
            pollerEnding.set(ending)
            stopSignal.stop()
        }
        let senderThreads = senders.enumerated().map { index, sender in
            let handoff = ThreadHandoff(sender)
            let done = ThreadResult<Void>()
            let thread = Thread {
                handoff.value.run()
                done.set(())
            }
            thread.name = "kenesh.outbox.\(index)"
            return (thread, done)
        }
        pollerThread.name = "kenesh.poller"
        logger.info("bot started")
        pollerThread.start()
        senderThreads.forEach { $0.0.start() }
        let ending = pollerEnding.wait()
        senderThreads.forEach { $0.1.wait() }
        logger.info("bot stopped")
        return ending == .unauthorized ? .unauthorized : .stopped
    }
}

/// A value handed from a thread to whoever waits for it.
final class ThreadResult<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func set(_ newValue: Value) {
        condition.lock()
        value = newValue
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}

/// Moves a value that is used by exactly one thread to that thread. The value is never touched
/// again by the thread that made it, which is what makes the unchecked Sendable sound.
struct ThreadHandoff<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
