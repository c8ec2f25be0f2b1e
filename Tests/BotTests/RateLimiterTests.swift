import Foundation
import Testing
@testable import Bot

/// Telegram's send limits, checked with a fake clock: nothing here sleeps.
@Suite struct RateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// Sends each message at the earliest time the limiter allows, in the order given, as a
    /// sender draining a queue would, and returns the seconds after `start` each one went.
    private func drain(_ chats: [Int64], with limiter: inout SendRateLimiter, from now: Date) -> [TimeInterval] {
        chats.map { chat in
            let at = limiter.earliestSend(to: chat, now: now)
            limiter.recordSend(to: chat, at: at)
            return at.timeIntervalSince(start)
        }
    }

    @Test func aBurstOfThreeToOneChatGoesAtOnceAndTheFourthWaitsASecond() {
        var limiter = SendRateLimiter()
        let times = drain([7, 7, 7, 7, 7], with: &limiter, from: start)
        #expect(times == [0, 0, 0, 1, 2])
    }

    @Test func aQuietChatRefillsItsBurst() {
        var limiter = SendRateLimiter()
        _ = drain([7, 7, 7], with: &limiter, from: start)
        #expect(limiter.earliestSend(to: 7, now: start.addingTimeInterval(0.5)) == start.addingTimeInterval(1))
        // After three quiet seconds the bucket is full again: another burst of three.
        let later = start.addingTimeInterval(3)
        let times = drain([7, 7, 7, 7], with: &limiter, from: later)
        #expect(times == [3, 3, 3, 4])
    }

    @Test func theEarliestTimeIsNeverInThePast() {
        var limiter = SendRateLimiter()
        limiter.recordSend(to: 7, at: start)
        let now = start.addingTimeInterval(60)
        #expect(limiter.earliestSend(to: 7, now: now) == now)
        #expect(limiter.earliestSend(to: 8, now: now) == now)
    }

    @Test func oneChatsWaitHoldsNoOtherChatBack() {
        var limiter = SendRateLimiter()
        _ = drain([7, 7, 7], with: &limiter, from: start)
        #expect(limiter.earliestSend(to: 8, now: start) == start)
    }

    @Test func aHundredChatsAtOnceGoThirtyPerWindow() {
        var limiter = SendRateLimiter()
        let times = drain(Array(1...100), with: &limiter, from: start)
        let window = SendRateLimiter.defaultGlobalWindow
        for (index, count) in [30, 30, 30, 10].enumerated() {
            #expect(times.filter { abs($0 - Double(index) * window) < 1e-6 }.count == count)
        }
        #expect(times == times.sorted())
    }

    @Test func theOverallWindowIsASecondWhenAskedFor() {
        var limiter = SendRateLimiter(globalWindow: 1)
        let times = drain(Array(1...31), with: &limiter, from: start)
        #expect(times.last == 1)
    }

    @Test func noOneSecondWindowEverHoldsMoreThanThirty() {
        var limiter = SendRateLimiter()
        // Many chats, some written to repeatedly, with the clock creeping forward between calls.
        var now = start
        var sent: [Date] = []
        for index in 0..<600 {
            let chat = Int64(index % 45)
            let at = limiter.earliestSend(to: chat, now: now)
            limiter.recordSend(to: chat, at: at)
            sent.append(at)
            now = at.addingTimeInterval(0.001)
        }
        for (index, time) in sent.enumerated() {
            let inWindow = sent[index...].prefix { $0 < time.addingTimeInterval(1) }.count
            #expect(inWindow <= 30)
        }
    }

    @Test func aPausedChatWaitsUntilThePauseEnds() {
        var limiter = SendRateLimiter()
        limiter.recordSend(to: 7, at: start)
        let until = start.addingTimeInterval(12)
        limiter.pause(chatId: 7, until: until)
        #expect(limiter.earliestSend(to: 7, now: start) == until)
        #expect(limiter.earliestSend(to: 7, now: start.addingTimeInterval(11.9)) == until)
        #expect(limiter.earliestSend(to: 7, now: until) == until)
        #expect(limiter.earliestSend(to: 8, now: start) == start)
        // A shorter pause that arrives later does not cut the longer one short.
        limiter.pause(chatId: 7, until: start.addingTimeInterval(2))
        #expect(limiter.earliestSend(to: 7, now: start) == until)
    }

    @Test func aChatNeverWrittenToCanBePaused() {
        var limiter = SendRateLimiter()
        let until = start.addingTimeInterval(5)
        limiter.pause(chatId: 9, until: until)
        #expect(limiter.earliestSend(to: 9, now: start) == until)
    }

    @Test func aGlobalPauseHoldsEveryChat() {
        var limiter = SendRateLimiter()
        let until = start.addingTimeInterval(30)
        limiter.pause(chatId: nil, until: until)
        for chat: Int64 in [1, 2, 3] {
            #expect(limiter.earliestSend(to: chat, now: start) == until)
        }
        #expect(limiter.earliestSend(to: 1, now: start.addingTimeInterval(31)) == start.addingTimeInterval(31))
    }

    @Test func theLimitsCanBeChanged() {
        var slowChats = SendRateLimiter(perChatInterval: 3, perChatBurst: 1)
        #expect(drain([7, 7, 7, 8], with: &slowChats, from: start) == [0, 3, 6, 0])
        var fewOverall = SendRateLimiter(globalPerSecond: 2, globalWindow: 1)
        #expect(drain([1, 2, 3, 4, 5], with: &fewOverall, from: start) == [0, 0, 1, 1, 2])
    }

    @Test func memoryStaysSmallWithThousandsOfChats() {
        var limiter = SendRateLimiter()
        var now = start
        var mostTracked = 0
        for chat in Int64(1)...10_000 {
            now = limiter.earliestSend(to: chat, now: now)
            limiter.recordSend(to: chat, at: now)
            mostTracked = max(mostTracked, limiter.trackedChats)
        }
        // 30 chats a second, each remembered for about two refill periods of 3 s.
        #expect(mostTracked <= 200)
        let later = now.addingTimeInterval(10)
        limiter.recordSend(to: 1, at: later)
        #expect(limiter.trackedChats == 1)
        // What was forgotten behaves like a chat never seen.
        #expect(limiter.earliestSend(to: 2, now: later) == later)
    }

    /// Workers race for the overall limit's last slots: claiming checks and records in one step,
    /// so exactly the limit gets through however the threads interleave.
    @Test func workersClaimingAtOnceNeverExceedTheOverallLimit() {
        let shared = SharedRateLimiter(SendRateLimiter(globalPerSecond: 30, globalWindow: 1))
        let now = start
        let granted = NSLock()
        nonisolated(unsafe) var grants = 0
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for chat in 0..<20 {
                if shared.claim(Int64(worker * 100 + chat), now: now) == nil {
                    granted.lock()
                    grants += 1
                    granted.unlock()
                }
            }
        }
        #expect(grants == 30)
        // The next slot frees one second after the first went.
        #expect(shared.claim(999, now: now) == now.addingTimeInterval(1))
        #expect(shared.claim(999, now: now.addingTimeInterval(1)) == nil)
    }
}
