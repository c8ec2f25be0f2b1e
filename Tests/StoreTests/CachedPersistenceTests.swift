import Foundation
import GRDB
import Testing
@testable import Store

/// The hot records bind their values straight onto cached statements: each must read back
/// exactly as written, after an insert and after an update, and a refused write must leave the
/// cached statement fit for the next one.
@Suite struct CachedPersistenceTests {
    /// Whole milliseconds: the store keeps dates to the millisecond.
    let now = Date(timeIntervalSince1970: 1_790_000_000.125)

    @Test func everyHotRecordReadsBackAsWrittenAfterInsertAndUpdate() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            var person = Person(telegramUserId: 42, alias: "Айгуль \"A\"", role: .mentor, language: "ky", city: nil,
                                createdAt: now, lastSeenAt: now.addingTimeInterval(5))
            try person.insertCached(db)
            let personId = try #require(person.id)
            #expect(try Person.fetchOne(db, key: personId) == person)
            person.city = ""
            person.active = false
            person.consentedAt = now.addingTimeInterval(60)
            person.alias = nil
            #expect(try person.updateCached(db))
            #expect(try Person.fetchOne(db, key: personId) == person)
            // An empty string stays an empty string, not NULL.
            #expect(try String.fetchOne(db, sql: "SELECT city FROM person WHERE id = ?", arguments: [personId]) == "")

            var conversation = Conversation(personId: personId, dialogId: "check-in", dialogVersion: "v1",
                                            state: Data(#"{"step":"a\u0000b"}"#.utf8), startedAt: now, nextDeadline: nil)
            try conversation.insertCached(db)
            #expect(try Conversation.fetchOne(db, key: conversation.id) == conversation)
            conversation.status = .completed
            conversation.state = Data()
            conversation.finishedAt = now.addingTimeInterval(120)
            conversation.nextDeadline = now.addingTimeInterval(3600)
            #expect(try conversation.updateCached(db))
            #expect(try Conversation.fetchOne(db, key: conversation.id) == conversation)

            var response = Response(personId: personId, conversationId: conversation.id, dialogId: "check-in",
                                    dialogVersion: "v1", status: .complete, startedAt: now, finishedAt: now.addingTimeInterval(1))
            try response.insertCached(db)
            #expect(try Response.fetchOne(db, key: response.id) == response)

            var answer = AnswerRecord(responseId: try #require(response.id), personId: personId, dialogId: "check-in",
                                      dialogVersion: "v1", stepId: "topic", repeatIndex: 2, value: "", label: "Выступление", answeredAt: now)
            try answer.insertCached(db)
            #expect(try AnswerRecord.fetchOne(db, key: answer.id) == answer)

            var outbox = OutboxMessage(chatId: -1_001_234_567_890, method: "sendMessage", payload: Data([0, 1, 255]), createdAt: now)
            try outbox.insertCached(db)
            #expect(try OutboxMessage.fetchOne(db, key: outbox.id) == outbox)
            outbox.attempts = 3
            outbox.notBefore = now.addingTimeInterval(30)
            outbox.lastError = "429"
            #expect(try outbox.updateCached(db))
            #expect(try OutboxMessage.fetchOne(db, key: outbox.id) == outbox)
        }
    }

    @Test func aRefusedInsertThrowsAndTheNextOneStillWorks() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            var first = Person(telegramUserId: 7, alias: "A", role: .leader, createdAt: now)
            try first.insertCached(db)
            var duplicate = Person(telegramUserId: 7, alias: "B", role: .leader, createdAt: now)
            #expect(throws: DatabaseError.self) { try duplicate.insertCached(db) }
            var second = Person(telegramUserId: 8, alias: "C", role: .leader, createdAt: now)
            try second.insertCached(db)
            #expect(try Person.fetchCount(db) == 2)
            #expect(try Person.fetchOne(db, key: second.id) == second)
        }
    }

    @Test func anUpdateOfAMissingRowSaysSo() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            var person = Person(telegramUserId: 9, alias: nil, role: .monitor, createdAt: now)
            try person.insertCached(db)
            try Person.deleteAll(db)
            #expect(try person.updateCached(db) == false)
        }
    }
}
