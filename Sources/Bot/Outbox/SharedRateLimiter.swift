import Foundation

/// One `SendRateLimiter` shared by the outbox workers, so the overall limit holds across them.
/// A chat has at most one call in flight (`OutboxWorkList`), so its own pacing is never contended.
public final class SharedRateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var limiter: SendRateLimiter

    public init(_ limiter: SendRateLimiter) {
        self.limiter = limiter
    }

    /// Takes the slot for a call to `chatId` at `now` if the limits allow one, and returns nil;
    /// otherwise takes nothing and returns when a slot may be free. Checking and recording in one
    /// step keeps several workers from all passing the check for the same last slot.
    func claim(_ chatId: Int64, now: Date) -> Date? {
        lock.lock()
        defer { lock.unlock() }
        let earliest = limiter.earliestSend(to: chatId, now: now)
        guard earliest <= now else { return earliest }
        limiter.recordSend(to: chatId, at: now)
        return nil
    }

    func pause(chatId: Int64?, until: Date) {
        lock.lock()
        limiter.pause(chatId: chatId, until: until)
        lock.unlock()
    }
}
