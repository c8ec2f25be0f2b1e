import Foundation

/// Exponential back-off with full jitter, capped: 1 s, 2 s, 4 s... up to `cap`.
public struct Backoff: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval
    private(set) var failures = 0

    public init(base: TimeInterval = 1, cap: TimeInterval = 60) {
        self.base = base
        self.cap = cap
    }

    /// The wait before the next try, after one more failure.
    public mutating func nextDelay() -> TimeInterval {
        failures += 1
        let ceiling = min(cap, base * pow(2, Double(min(failures - 1, 20))))
        return TimeInterval.random(in: (ceiling / 2)...ceiling)
    }

    public mutating func reset() {
        failures = 0
    }
}
