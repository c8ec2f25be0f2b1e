import Synchronization

/// A one-way switch that aborts transfers in progress (a 30 s long poll must not delay shutdown).
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func cancel() { cancelled.store(true, ordering: .sequentiallyConsistent) }

    public var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }
}
