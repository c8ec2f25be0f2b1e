import Foundation
import GRDB

/// A value either connection of a `SharedSnapshot` may compute: the first to start computes it, the
/// other waits for it. Both see the same snapshot, so the value does not depend on which one did.
final class SharedWork<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case waiting
        case running
        case done(Result<Value, any Error>)
    }

    private let condition = NSCondition()
    private var state = State.waiting
    private let compute: @Sendable (Database) throws -> Value

    init(_ compute: @escaping @Sendable (Database) throws -> Value) {
        self.compute = compute
    }

    func value(_ db: Database) throws -> Value {
        condition.lock()
        while true {
            switch state {
            case .done(let result):
                condition.unlock()
                return try result.get()
            case .running:
                condition.wait()
            case .waiting:
                state = .running
                condition.unlock()
                let result = Result { try compute(db) }
                condition.withLock {
                    state = .done(result)
                    condition.broadcast()
                }
                return try result.get()
            }
        }
    }

    /// Computes the value if no one has started to; for the second connection, which no one waits for.
    func computeIfWaiting(_ db: Database) {
        let mine = condition.withLock {
            guard case .waiting = state else { return false }
            state = .running
            return true
        }
        guard mine else { return }
        let result = Result { try compute(db) }
        condition.withLock {
            state = .done(result)
            condition.broadcast()
        }
    }
}
