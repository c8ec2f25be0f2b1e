import Foundation

/// One `SendRateLimiter` shared by the outbox workers, so the overall limit holds across them.
/// Each chat belongs to one worker, so per-chat pacing is never contended.
public final class SharedRateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var limiter: SendRateLimiter

    public init(_ limiter: SendRateLimiter) {
        self.limiter = limiter
    }

    func earliestSend(to chatId: Int64, now: Date) -> Date {
        lock.lock()
        defer { lock.unlock() }
        return limiter.earliestSend(to: chatId, now: now)
    }

    func recordSend(to chatId: Int64, at now: Date) {
        lock.lock()
        limiter.recordSend(to: chatId, at: now)
        lock.unlock()
    }

    func pause(chatId: Int64?, until: Date) {
        lock.lock()
        limiter.pause(chatId: chatId, until: until)
        lock.unlock()
    }
}
