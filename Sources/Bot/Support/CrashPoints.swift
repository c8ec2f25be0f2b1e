import Foundation

/// Test-only fault injection: `KENESH_CRASH_AT=before-commit:3` makes the process SIGKILL itself
/// the third time it reaches that point, so tests can prove what survives a crash there.
/// Unset (always, in production), it does nothing.
public final class CrashPoints: @unchecked Sendable {
    public enum Point: String, Sendable {
        /// Inside the update's transaction, after all its writes, before COMMIT.
        case beforeCommit = "before-commit"
        /// After the commit, before the next getUpdates and before the outbox is sent.
        case afterCommit = "after-commit"
        /// After Telegram accepted an outbox message, before the row is marked sent.
        case afterSend = "after-send"
    }

    private let target: (point: Point, count: Int)?
    private let lock = NSLock()
    private var hits = 0

    public init(target: (point: Point, count: Int)?) {
        self.target = target
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CrashPoints {
        guard let spec = environment["KENESH_CRASH_AT"] else { return CrashPoints(target: nil) }
        let parts = spec.split(separator: ":")
        guard let name = parts.first, let point = Point(rawValue: String(name)) else { return CrashPoints(target: nil) }
        let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        return CrashPoints(target: (point, count))
    }

    public func hit(_ point: Point) {
        guard let target, target.point == point else { return }
        lock.lock()
        hits += 1
        let reached = hits == target.count
        lock.unlock()
        if reached { kill(getpid(), SIGKILL) }
    }
}
