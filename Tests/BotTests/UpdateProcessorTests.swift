import Bot
import Dialogs
import Foundation
import GRDB
import Logging
import Store
import Telegram
import Testing

/// The processor's transaction, without network: a second delivery of an update changes nothing.
@Suite struct UpdateProcessorTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    private func processor() -> UpdateProcessor {
        let driver = ConversationDriver(library: DialogLibrary(catalog: DialogCatalog()))
        return UpdateProcessor(router: UpdateRouter(logger: Logger(label: "test"), pseudonym: LogPseudonym(hexKey: "00"), driver: driver),
                               crashPoints: CrashPoints(target: nil))
    }

    private func start(_ code: String, from userId: Int64, id: Int64) -> Update {
        let message = Message(messageId: 1, chat: Chat(id: userId, type: .privateChat), from: User(id: userId), text: "/start \(code)")
        return Update(updateId: id, kind: .message(message))
    }

    @Test func aRedeliveredUpdateIsANoOp() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let code = try database.writer.write { db in
            try Invite.create(role: .leader, alias: nil, city: nil, mentorAlias: nil, now: now, in: db).code
        }
        let update = start(code, from: 5, id: 100)
        try processor().process(update, now: now, database: database)
        let rowsAfterFirst = try database.writer.read { db in try OutboxMessage.fetchCount(db) }
        #expect(rowsAfterFirst > 0)
        try processor().process(update, now: now, database: database)
        try database.writer.read { (db: Database) throws in
            #expect(try Person.fetchCount(db) == 1)
            #expect(try OutboxMessage.fetchCount(db) == rowsAfterFirst)
            #expect(try BotState.offset(in: db) == 101)
        }
    }

    @Test func anOldUpdateNeverMovesTheOffsetBack() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        try processor().process(start("x", from: 6, id: 200), now: now, database: database)
        try processor().process(start("y", from: 6, id: 150), now: now, database: database)
        #expect(try database.writer.read { db in try BotState.offset(in: db) } == 201)
    }

    @Test func groupsAndBotsLeaveNoTrace() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let group = Message(messageId: 1, chat: Chat(id: -5, type: .group), from: User(id: 7), text: "/start abc")
        let bot = Message(messageId: 2, chat: Chat(id: 8, type: .privateChat), from: User(id: 8, isBot: true), text: "hi")
        try processor().process(Update(updateId: 1, kind: .message(group)), now: now, database: database)
        try processor().process(Update(updateId: 2, kind: .message(bot)), now: now, database: database)
        try processor().process(Update(updateId: 3, kind: .unsupported), now: now, database: database)
        try database.writer.read { (db: Database) throws in
            // Only the group hears where the bot works (and sees it leave); the bot and the unknown update get nothing.
            #expect(try OutboxMessage.fetchAll(db).map(\.chatId) == [-5, -5])
            #expect(try Person.fetchCount(db) == 0)
            #expect(try BotState.offset(in: db) == 4)
        }
    }
}
