import Foundation
import Telegram

/// Shared by the bot's threads: asks them to stop, and lets them sleep until asked or woken.
public final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var stopActions: [@Sendable () -> Void] = []
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
        let actions = stopActions
        stopActions = []
        condition.broadcast()
        condition.unlock()
        pollCancellation.cancel()
        actions.forEach { $0() }
    }

    /// Sleeps up to `seconds`, returning early on stop() (unless `ignoringStop`).
    public func sleep(_ seconds: TimeInterval, ignoringStop: Bool = false) {
        let deadline = Date().addingTimeInterval(max(0, seconds))
        condition.lock()
        defer { condition.unlock() }
        while ignoringStop || !stopped {
            if !condition.wait(until: deadline) { return }
        }
    }

    /// Runs `action` once when stop() is called (at once if it already was).
    public func onStop(_ action: @escaping @Sendable () -> Void) {
        condition.lock()
        guard !stopped else {
            condition.unlock()
            action()
            return
        }
        stopActions.append(action)
        condition.unlock()
    }
}
