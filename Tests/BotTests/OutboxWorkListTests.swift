import Foundation
import Store
import Testing
@testable import Bot

/// The rules the outbox workers share, step by step, without threads: which row a worker may take
/// while others are in flight, and what an old look may no longer offer.
@Suite struct OutboxWorkListTests {
    let now = Date()

    private func row(_ id: Int64, chat: Int64, method: String = "sendMessage") -> OutboxMessage {
        var row = OutboxMessage(chatId: chat, method: method, payload: Data(), createdAt: now)
        row.id = id
        return row
    }

    private func list(messageLimit: Int = 1) -> OutboxWorkList {
        OutboxWorkList(limiter: SharedRateLimiter(SendRateLimiter(perChatInterval: 0, perChatBurst: 1, globalPerSecond: 1000)),
                       messageLimit: messageLimit)
    }

    /// Begins a look and finishes it with `rows`.
    private func look(_ work: OutboxWorkList, _ rows: [OutboxMessage]) throws {
        guard case .look(let number) = work.next(now: now) else {
            Issue.record("expected a look")
            return
        }
        work.finishLook(number: number, rows: rows, full: false, wakeUp: nil, now: now)
    }

    private func taken(_ step: OutboxWorkList.Step) -> Int64? {
        if case .send(let row) = step { return row.id }
        return nil
    }

    @Test func oneMessageInFlightWithSafeCallsAlongsideAndEachChatInOrder() throws {
        let work = list()
        try look(work, [row(1, chat: 10), row(2, chat: 10), row(3, chat: 20), row(4, chat: 30, method: "answerCallbackQuery")])
        #expect(taken(work.next(now: now)) == 1)
        // Row 2 waits for its chat's row 1; row 3 is a second message; the button answer may go.
        #expect(taken(work.next(now: now)) == 4)
        #expect(taken(work.next(now: now)) == nil)
        work.settle(row(1, chat: 10), .done)
        #expect(taken(work.next(now: now)) == 2)
    }

    @Test func aSettledRowIsNotOfferedAgainByALookThatBeganBefore() throws {
        let work = list()
        try look(work, [row(1, chat: 10)])
        #expect(taken(work.next(now: now)) == 1)
        work.noteCommit()
        // A look begins while row 1 is in flight, and reads it as still pending.
        guard case .look(let number) = work.next(now: now) else { throw Failure("expected a look") }
        work.settle(row(1, chat: 10), .done)
        work.finishLook(number: number, rows: [row(1, chat: 10), row(2, chat: 10)], full: false, wakeUp: nil, now: now)
        #expect(taken(work.next(now: now)) == 2)
    }

    @Test func aPutOffRowHoldsItsChatAgainstAnOldLook() throws {
        let work = list()
        try look(work, [row(1, chat: 10), row(2, chat: 10), row(3, chat: 20)])
        #expect(taken(work.next(now: now)) == 1)
        work.noteCommit()
        // A look begins while row 1 is in flight; Telegram then answers 429 and row 1 is put off.
        guard case .look(let number) = work.next(now: now) else { throw Failure("expected a look") }
        work.settle(row(1, chat: 10), .retryLater)
        work.finishLook(number: number, rows: [row(1, chat: 10), row(2, chat: 10), row(3, chat: 20)], full: false, wakeUp: nil, now: now)
        // Row 2 must not overtake the put-off row 1; chat 20 goes.
        #expect(taken(work.next(now: now)) == 3)
        #expect(taken(work.next(now: now)) == nil)
    }

    @Test func aCommitDropsTheListSoAnErasedRowIsNotSent() throws {
        let work = list()
        try look(work, [row(1, chat: 10), row(2, chat: 10), row(3, chat: 10)])
        #expect(taken(work.next(now: now)) == 1)
        // /forget erases rows 2 and 3 while row 1 is in flight.
        work.noteCommit()
        work.settle(row(1, chat: 10), .done)
        guard case .look(let number) = work.next(now: now) else { throw Failure("the old list was used after a commit") }
        work.finishLook(number: number, rows: [], full: false, wakeUp: nil, now: now)
        #expect(taken(work.next(now: now)) == nil)
    }

    @Test func aLookOvertakenByACommitIsReadAgain() throws {
        let work = list()
        guard case .look(let number) = work.next(now: now) else { throw Failure("expected a look") }
        work.noteCommit()
        work.finishLook(number: number, rows: [row(2, chat: 10)], full: false, wakeUp: nil, now: now)
        guard case .look(let again) = work.next(now: now) else { throw Failure("an overtaken look's rows were used") }
        work.finishLook(number: again, rows: [], full: false, wakeUp: nil, now: now)
        #expect(taken(work.next(now: now)) == nil)
    }

    @Test func aCallCutShortByTheShutdownKeepsItsChat() throws {
        let work = list(messageLimit: 2)
        try look(work, [row(1, chat: 10), row(2, chat: 10)])
        #expect(taken(work.next(now: now)) == 1)
        work.settle(row(1, chat: 10), .abandoned)
        #expect(taken(work.next(now: now)) == nil)
    }

    @Test func aRescheduledRowIsReadAfreshWithItsNewAttemptCount() throws {
        let work = list()
        try look(work, [row(1, chat: 10), row(2, chat: 20)])
        #expect(work.heldRows().keys.sorted() == [1, 2])
        #expect(taken(work.next(now: now)) == 1)
        work.settle(row(1, chat: 10), .retryLater)
        #expect(work.heldRows().keys.sorted() == [2])
    }

    @Test func aSentSafeCallFreesItsChatAndWaitsToBeDeletedWithTheNextCommit() throws {
        let work = list()
        try look(work, [row(1, chat: 10, method: "editMessageText"), row(2, chat: 10)])
        #expect(taken(work.next(now: now)) == 1)
        work.settle(row(1, chat: 10, method: "editMessageText"), .sentUnacknowledged)
        // The chat's message may follow at once; the edit's row is still in the store.
        #expect(taken(work.next(now: now)) == 2)
        work.settle(row(2, chat: 10), .done)
        #expect(work.acknowledgementsDue != nil)
        work.noteCommit()
        guard case .look(let number) = work.next(now: now) else { throw Failure("expected a look") }
        work.finishLook(number: number, rows: [row(1, chat: 10, method: "editMessageText")], full: false, wakeUp: nil, now: now)
        #expect(taken(work.next(now: now)) == nil, "a sent safe call was offered again before its row was deleted")
        // A failed commit puts the deletion back; a written one ends it.
        let first = work.takeAcknowledgements()
        #expect(first == [1])
        #expect(work.acknowledgementsDue == nil)
        work.notAcknowledged(first)
        let again = work.takeAcknowledgements()
        #expect(again == [1])
        work.acknowledged(again)
        #expect(work.acknowledgementsDue == nil)
    }
}

private struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
