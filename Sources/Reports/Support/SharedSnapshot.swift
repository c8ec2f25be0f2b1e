import Foundation
import GRDB

/// Two read transactions on one snapshot of the store, so a report can use a second core and still be
/// one consistent read while the bot keeps writing.
///
/// GRDB opens a read transaction on the state committed when `asyncConcurrentRead` is called from the
/// writer's queue; two such calls in a row see the same state unless another process committed between
/// them. `PRAGMA data_version` on the writer connection, read before and after, tells whether one did:
/// then the report runs on the first connection alone.
enum SharedSnapshot {
    /// Runs `body` in a read transaction, with a `SecondReader` on the same snapshot when one could be had.
    static func read<T: Sendable>(_ pool: DatabasePool,
                                  _ body: @escaping @Sendable (Database, SecondReader?) throws -> T) throws -> T {
        let second = SecondReader()
        let result = Locked<Result<T, any Error>?>(nil)
        let finished = DispatchGroup()
        try pool.writeWithoutTransaction { db in
            let before = try Int.fetchOne(db, sql: "PRAGMA data_version")
            finished.enter()
            pool.asyncConcurrentRead { connection in
                defer { finished.leave() }
                defer { second.close() }
                result.value = Result {
                    let db = try connection.get()
                    return try body(db, second.isShared() ? second : nil)
                }
            }
            finished.enter()
            pool.asyncConcurrentRead { connection in
                defer { finished.leave() }
                guard let db = try? connection.get() else { return second.close() }
                second.serve(db)
            }
            // Both reads wait for this decision: a failure here must still make one, or they would
            // wait for ever. Without the second reading, the report runs on the first connection.
            let after = try? Int.fetchOne(db, sql: "PRAGMA data_version")
            second.decide(shared: after != nil && after == before)
        }
        finished.wait()
        guard let outcome = result.value else { throw ReadDidNotRun() }
        return try outcome.get()
    }

    /// GRDB always calls a concurrent read back, with a connection or an error; this is for if it ever did not.
    struct ReadDidNotRun: Error {}
}

/// The second connection of a `SharedSnapshot`: it runs the jobs it is given, in order, in its read
/// transaction, until the first connection is done. No one may wait for a job as a whole: the second
/// connection may be gone (closed, or never opened), so a job only takes over work the first connection
/// would otherwise do itself (`SharedWork`, `OrderedChunks`).
final class SecondReader: @unchecked Sendable {
    private let condition = NSCondition()
    private var shared: Bool?
    private var jobs: [@Sendable (Database) -> Void] = []
    private var closed = false

    /// Queues a job for the second connection.
    func start(_ job: @escaping @Sendable (Database) -> Void) {
        condition.withLock {
            guard !closed else { return }
            jobs.append(job)
            condition.broadcast()
        }
    }

    fileprivate func decide(shared: Bool) {
        condition.withLock {
            self.shared = shared
            condition.broadcast()
        }
    }

    fileprivate func isShared() -> Bool {
        condition.withLock {
            while shared == nil { condition.wait() }
            return shared == true && !closed
        }
    }

    /// On the second connection: runs jobs as they come, until the first connection is done.
    fileprivate func serve(_ db: Database) {
        while true {
            let job: (@Sendable (Database) -> Void)? = condition.withLock {
                while jobs.isEmpty, !closed, shared != false { condition.wait() }
                guard shared == true, !closed, !jobs.isEmpty else { return nil }
                return jobs.removeFirst()
            }
            guard let job else { return }
            job(db)
        }
    }

    fileprivate func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
