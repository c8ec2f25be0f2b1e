import Foundation
import Telegram

/// Shared by the bot's threads: asks them to stop, and lets them sleep until asked or woken.
public final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var wakeCount = 0
    /// Aborts a long poll in flight the moment a stop is requested.
    public let pollCancellation = CancellationFlag()

    public init() {}

    public var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        pollCancellation.cancel()
    }

    /// Wakes sleepers early (new outbox rows were committed).
    public func wake() {
        condition.lock()
        wakeCount += 1
        condition.broadcast()
        condition.unlock()
    }

    /// How many times wake() was called so far; pass it to `sleep(_:unlessWokenSince:)`.
    public var wakeups: Int {
        condition.lock()
        defer { condition.unlock() }
        return wakeCount
    }

    /// Sleeps up to `seconds`, returning early on stop() (unless `ignoringStop`) or wake().
    public func sleep(_ seconds: TimeInterval, ignoringStop: Bool = false) {
        sleep(seconds, ignoringStop: ignoringStop, unlessWokenSince: nil)
    }

    /// Like `sleep(_:)`, and does not sleep at all if wake() was called since `wakeups` read `seen`.
    public func sleep(_ seconds: TimeInterval, ignoringStop: Bool = false, unlessWokenSince seen: Int?) {
        let deadline = Date().addingTimeInterval(max(0, seconds))
        condition.lock()
        defer { condition.unlock() }
        let seen = seen ?? wakeCount
        while wakeCount == seen && (ignoringStop || !stopped) {
            if !condition.wait(until: deadline) { return }
        }
    }
}
