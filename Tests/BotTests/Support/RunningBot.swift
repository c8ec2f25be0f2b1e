import Bot
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

    init(database: AppDatabase, double: BotAPIDouble) {
        runner = BotRunner(
            database: database,
            settings: BotSettings(api: BotAPIConfiguration(baseURL: double.baseURL, token: double.token, requestTimeout: 5),
                                  pollTimeout: 1, flushGrace: 2),
            logger: Logger(label: "test")
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
        runner.stop()
        return finished.wait(timeout: .now() + timeout) == .success
    }

    deinit {
        stop()
    }
}
