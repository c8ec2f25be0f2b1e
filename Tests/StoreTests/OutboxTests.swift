import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct OutboxTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    private func enqueue(_ chatId: Int64, _ tag: String, in db: Database) throws -> Int64 {
        var row = OutboxMessage(chatId: chatId, method: "sendMessage", payload: Data(tag.utf8), createdAt: now)
        try row.insert(db)
        return try #require(row.id)
    }

    @Test func eachChatKeepsItsOrderAndAWaitingRowHoldsItsChatBack() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            let a1 = try enqueue(1, "a1", in: db)
            let a2 = try enqueue(1, "a2", in: db)
            let b1 = try enqueue(2, "b1", in: db)
            #expect(try OutboxMessage.ready(now: now, limit: 10, perChat: 10, in: db).rows.map(\.id) == [a1, a2, b1])
            #expect(try OutboxMessage.ready(now: now, limit: 2, perChat: 10, in: db).rows.map(\.id) == [a1, a2])
            try OutboxMessage.reschedule(id: a1, notBefore: now.addingTimeInterval(5), error: "429", in: db)
            // a2 must not overtake a1; chat 2 is free to go.
            #expect(try OutboxMessage.ready(now: now, limit: 10, perChat: 10, in: db).rows.map(\.id) == [b1])
            try OutboxMessage.markSent(id: b1, in: db)
            #expect(try OutboxMessage.ready(now: now, limit: 1, perChat: 10, in: db).rows.first == nil)
            #expect(try OutboxMessage.nextWakeUp(after: now, in: db) == now.addingTimeInterval(5))
            #expect(try OutboxMessage.nextWakeUp(after: now.addingTimeInterval(5), in: db) == nil)
            #expect(try OutboxMessage.ready(now: now.addingTimeInterval(5), limit: 10, perChat: 10, in: db).rows.map(\.id) == [a1, a2])
            try OutboxMessage.markSent(id: a1, in: db)
            #expect(try OutboxMessage.ready(now: now, limit: 1, perChat: 10, in: db).rows.first?.id == a2)
        }
    }

    @Test func aFailedRowLosesItsTextAndStopsBlocking() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            let first = try enqueue(1, "secret words", in: db)
            let second = try enqueue(1, "next", in: db)
            try OutboxMessage.markFailed(id: first, error: "Bad Request: chat not found", in: db)
            #expect(try OutboxMessage.fetchOne(db, key: first)?.payload.isEmpty == true)
            #expect(try OutboxMessage.ready(now: now, limit: 1, perChat: 10, in: db).rows.first?.id == second)
            #expect(try OutboxMessage.count(.failed, in: db) == 1)
            #expect(try OutboxMessage.count(.pending, in: db) == 1)
        }
    }

    @Test func rowsReadBeforeAreNotDecodedAgain() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            let first = try enqueue(1, "first", in: db)
            let second = try enqueue(2, "second", in: db)
            var held = try #require(try OutboxMessage.fetchOne(db, key: first))
            held.payload = Data("as held".utf8)
            let rows = try OutboxMessage.ready(now: now, limit: 10, perChat: 10, known: [first: held], in: db).rows
            #expect(rows.map(\.id) == [first, second])
            #expect(rows.map(\.payload) == [Data("as held".utf8), Data("second".utf8)])
        }
    }

    @Test func oneChatsLongQueueDoesNotFillTheList() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            let flood = try (1...10).map { try enqueue(1, "flood \($0)", in: db) }
            let other = try enqueue(2, "other", in: db)
            let ready = try OutboxMessage.ready(now: now, limit: 5, perChat: 3, in: db)
            #expect(ready.rows.map(\.id) == Array(flood.prefix(3)) + [other])
            #expect(ready.leftOut)
            #expect(try OutboxMessage.ready(now: now, limit: 20, perChat: 20, in: db).leftOut == false)
        }
    }
}
