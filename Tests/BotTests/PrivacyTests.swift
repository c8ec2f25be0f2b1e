import Bot
import Dialogs
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// Roles, /mydata and /forget, through the real bot, client and store.
@Suite(.serialized) struct PrivacyTests {
    let folder: TemporaryFolder
    let database: AppDatabase
    let double: BotAPIDouble

    init() throws {
        folder = try TemporaryFolder()
        database = try AppDatabase(folder: folder.dataURL)
        double = try BotAPIDouble()
    }

    private func consented(_ userId: Int64, role: Role, alias: String) throws -> TestChat {
        try database.writer.write { db in
            var person = Person(telegramUserId: userId, alias: alias, role: role, city: "Каракол", createdAt: Date())
            person.consentedAt = Date()
            try person.insert(db)
        }
        return TestChat(userId: userId, double: double, database: database)
    }

    @Test func everyCommandIsRefusedOutsideItsRoleAndRevealsNothing() throws {
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        for (index, role) in Role.allCases.enumerated() {
            let chat = try consented(Int64(61 + index), role: role, alias: "Роль\(index)")
            for name in BotCommandName.allCases where name != .start {
                let before = double.requests.count
                chat.send("/\(name.rawValue)")
                let replies = double.requests[before...].filter { $0.method != "getUpdates" }
                let refused = replies.count == 1 && replies.first?.params["text"] == BotTexts.notAvailable.ru
                #expect(refused == !CommandTable.allows(name, for: role), "\(role) /\(name.rawValue)")
                chat.send("/cancel")
            }
        }
        bot.stop()
    }

    @Test func theCommandTableIsExactlyTheDesignedOne() {
        let everyone: Set<BotCommandName> = [.start, .help, .language, .cancel, .back, .skip, .mydata, .forget]
        let own: [Role: Set<BotCommandName>] = [
            .leader: [.checkin], .monitor: [.monitoring], .mentor: [.mentees],
            .coordinator: [.summary, .export, .report, .meeting, .meetings, .round, .invite, .people],
        ]
        for role in Role.allCases {
            for name in BotCommandName.allCases {
                #expect(CommandTable.allows(name, for: role) == (everyone.contains(name) || own[role]!.contains(name)), "\(role) /\(name.rawValue)")
            }
        }
    }

    @Test func myDataSendsEverythingKept() throws {
        let chat = try consented(71, role: .leader, alias: "Сауле")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        chat.send("/checkin")
        chat.press("events")
        chat.send("Провела тренинг для девочек")
        chat.send("/cancel")
        chat.send("/mydata")
        bot.stop()
        let upload = try #require(double.requests(method: "sendDocument").first)
        #expect(upload.params["chat_id"] == "71")
        let text = String(decoding: try #require(upload.files["document"]).data, as: UTF8.self)
        for expected in ["Сауле", "Каракол", "71", "Провела тренинг для девочек", "Организация мероприятий", "Дневник участника", "неполный"] {
            #expect(text.contains(expected), "/mydata lacks \(expected)")
        }
    }

    @Test func forgetErasesEveryTraceFromTheRawFiles() throws {
        let userId: Int64 = 5_551_234_987
        let secret = "ЖасминовыйЧай42"
        let chat = try consented(userId, role: .leader, alias: "Тайное Имя")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        chat.send("/checkin")
        chat.press("monitoring")
        chat.send(secret)
        chat.send("/cancel")
        chat.send("/checkin")
        chat.press("donors")
        chat.send("ещё \(secret)")

        chat.send("/forget")
        chat.press("no")
        #expect(chat.person != nil)
        chat.send("/forget")
        chat.press("yes")
        #expect(chat.texts.last == PrivacyCommands.forgotten.ru)
        let scrubbed = double.waitUntil { _ in
            (try? self.database.writer.read { db in try BotState.scrubAfterOutboxId(in: db) }) == .some(nil)
        }
        #expect(scrubbed, "the write-ahead log was never scrubbed")
        bot.stop()

        try database.writer.read { (db: Database) throws in
            #expect(try Person.fetchCount(db) == 0)
            #expect(try Response.fetchCount(db) == 0)
            #expect(try AnswerRecord.fetchCount(db) == 0)
            #expect(try Conversation.fetchCount(db) == 0)
        }
        let bytes = try folder.dataBytes()
        var bigEndian = userId.bigEndian
        let sixBytes = withUnsafeBytes(of: &bigEndian) { Data($0.suffix(6)) }
        for (name, needle) in [("user id", Data(String(userId).utf8)), ("user id as an integer", sixBytes),
                               ("free text", Data(secret.utf8)), ("alias", Data("Тайное Имя".utf8))] {
            #expect(bytes.range(of: needle) == nil, "the \(name) is still on disk")
        }
    }
}
