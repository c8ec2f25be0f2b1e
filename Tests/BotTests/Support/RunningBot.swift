import Bot
import Dialogs
import Foundation
import Logging
import Store
import Telegram
import TelegramDouble

/// A BotRunner on its own thread in this process, against the double, for tests that need to
/// look inside (the database) while the bot runs.
final class RunningBot {
    let runner: BotRunner
    private let finished = DispatchSemaphore(value: 0)
    private var stopped = false

    /// `pacing` defaults to a fast pace so dialog tests need not wait a second per message;
    /// tests of pacing itself pass Telegram's limits.
    init(database: AppDatabase, double: BotAPIDouble, library: DialogLibrary = DialogLibrary(catalog: DialogCatalog()),
         clock: @escaping @Sendable () -> Date = { Date() },
         pacing: SendRateLimiter = SendRateLimiter(perChatInterval: 0.01, perChatBurst: 3, globalPerSecond: 1000),
         schedule: ScheduleSettings = ScheduleSettings(quietHours: nil)) {
        runner = BotRunner(
            database: database,
            settings: BotSettings(api: BotAPIConfiguration(baseURL: double.baseURL, token: double.token, requestTimeout: 5,
                                                           longPollGrace: 2),
                                  pollTimeout: 1, flushGrace: 2, pacing: pacing, schedule: schedule),
            library: library,
            logger: Logger(label: "test"),
            clock: clock
        )
        let runner = runner
        let finished = finished
        Thread {
            _ = runner.run()
            finished.signal()
        }.start()
    }

    /// Stops the bot and waits for it; false if it did not stop within `timeout`.
    @discardableResult
    func stop(timeout: TimeInterval = 10) -> Bool {
        guard !stopped else { return true }
        stopped = true
        runner.stop()
        return finished.wait(timeout: .now() + timeout) == .success
    }

    deinit {
        stop()
    }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date()) {
        current = start
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}
