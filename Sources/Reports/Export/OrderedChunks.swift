import Foundation

/// A pass over the answers cut into numbered chunks that two connections format at once, handed to the
/// output in order. The first connection writes; it formats chunks too, and waits only for a chunk the
/// second connection has started. Claims run at most `lead` chunks ahead of the output, so no more than
/// a few formatted chunks are held in memory. Spent outputs come back for reuse (`format` gets one).
final class OrderedChunks<Output>: @unchecked Sendable {
    let count: Int
    private let lead: Int
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToWrite = 0
    private var finished: [Int: Output] = [:]
    private var spare: [Output] = []
    private var failure: (any Error)?
    private var stopped = false

    init(count: Int, lead: Int = 4) {
        self.count = count
        self.lead = lead
    }

    /// On the first connection: every chunk's output in order to `write`, formatting chunks as needed.
    func writeInOrder(format: (_ chunk: Int, _ reuse: Output?) throws -> Output, write: (Output) throws -> Void) throws {
        defer { stop() }
        while true {
            condition.lock()
            if let failure {
                condition.unlock()
                throw failure
            }
            if nextToWrite == count {
                condition.unlock()
                return
            }
            if let ready = finished.removeValue(forKey: nextToWrite) {
                nextToWrite += 1
                condition.broadcast()
                condition.unlock()
                try write(ready)
                give(back: ready)
                continue
            }
            guard nextToClaim < count, nextToClaim < nextToWrite + lead else {
                condition.wait()
                condition.unlock()
                continue
            }
            let chunk = nextToClaim
            nextToClaim += 1
            let reuse = spare.popLast()
            condition.unlock()
            let output = try format(chunk, reuse)
            condition.withLock { finished[chunk] = output }
        }
    }

    /// On the second connection: formats chunks until none are left or the first connection stops.
    func help(format: (_ chunk: Int, _ reuse: Output?) throws -> Output) {
        while true {
            condition.lock()
            while !stopped, failure == nil, nextToClaim < count, nextToClaim >= nextToWrite + lead { condition.wait() }
            guard !stopped, failure == nil, nextToClaim < count else {
                condition.unlock()
                return
            }
            let chunk = nextToClaim
            nextToClaim += 1
            let reuse = spare.popLast()
            condition.unlock()
            do {
                let output = try format(chunk, reuse)
                condition.withLock {
                    finished[chunk] = output
                    condition.broadcast()
                }
            } catch {
                condition.withLock {
                    failure = error
                    condition.broadcast()
                }
                return
            }
        }
    }

    private func give(back output: Output) {
        condition.withLock { spare.append(output) }
    }

    private func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }
}
