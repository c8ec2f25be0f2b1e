import Foundation
import Bot
import GRDB
import Store
import TelegramDouble
import Testing

/// Enrolment through the real binary: invites made by the CLI while the bot runs.
@Suite(.serialized) struct EnrolmentTests {
    @Test func invitesMadeWhileTheBotRunsWorkAtOnce() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let bot = try KeneshProcess(runIn: folder, double: double)
        #expect(double.waitUntil { !$0.requests(method: "getUpdates").isEmpty }, "the bot never polled")

        let code = try KeneshProcess.invite(data: folder, role: "leader", alias: "Роза")
        #expect(InviteCode.isWellFormed(code))

        double.enqueueMessage(from: 770001, text: "/start \(code)")
        #expect(double.waitUntil { $0.sentTexts(to: 770001).count == 1 })
        #expect(double.sentTexts(to: 770001).first?.hasPrefix("Добро пожаловать") == true)

        double.enqueueMessage(from: 770002, text: "/start \(code)")
        double.enqueueMessage(from: 770003, text: "/start NoSuchCode")
        double.enqueueMessage(from: 770004, text: "Здравствуйте, мой номер +996555123456")
        double.enqueueMessage(from: 770005, text: "/start")
        double.enqueueMessage(from: 770001, text: "/start \(code)")
        #expect(double.waitUntil { d in [770002, 770003, 770004, 770005].allSatisfy { !d.sentTexts(to: $0).isEmpty } && d.sentTexts(to: 770001).count == 2 })
        #expect(double.sentTexts(to: 770002) == [try #require(double.sentTexts(to: 770002).first)])
        #expect(double.sentTexts(to: 770002).first?.contains("уже использовано") == true)
        #expect(double.sentTexts(to: 770003).first?.contains("Такого приглашения нет") == true)
        #expect(double.sentTexts(to: 770004).first?.contains("закрытый бот") == true)
        #expect(double.sentTexts(to: 770005).first?.contains("закрытый бот") == true)
        #expect(double.sentTexts(to: 770001).last?.contains("уже подключены") == true)

        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(bot.process.terminationStatus == 0)

        let database = try AppDatabase(folder: folder.dataURL)
        let people = try database.writer.read { db in try Person.fetchAll(db) }
        #expect(people.map(\.telegramUserId) == [770001])
        #expect(people.first?.alias == "Роза")
        #expect(try database.writer.read { db in try OutboxMessage.fetchCount(db) } == 0)

        // Strangers leave nothing behind: not their id, not what they wrote.
        try database.checkpoint()
        let bytes = try folder.dataBytes()
        for stranger in ["770002", "770003", "770004", "770005"] {
            #expect(bytes.range(of: Data(stranger.utf8)) == nil, "stranger \(stranger) is on disk")
        }
        #expect(bytes.range(of: Data("+996555123456".utf8)) == nil)

        // Nothing private reaches the log.
        let log = bot.log
        #expect(!log.isEmpty)
        for secret in [double.token, code, "Роза", "+996555123456", "Здравствуйте", "770001", "770004"] {
            #expect(!log.contains(secret), "the log contains something private")
        }
    }

    @Test func inGroupsTheBotSaysWhereItWorksLeavesAndStoresNothing() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let code = try KeneshProcess.invite(data: folder, role: "leader")
        let bot = try KeneshProcess(runIn: folder, double: double)
        let last = double.enqueueMessage(from: 770020011, chatId: -100500, chatType: "supergroup", text: "/start \(code)")
        #expect(double.waitUntil { ($0.lastOffset ?? 0) > last })
        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(double.sentTexts(to: -100500) == [BotTexts.privateOnly.ru])
        #expect(double.requests(method: "leaveChat").map { $0.params["chat_id"] } == ["-100500"])
        #expect(double.requests(method: "sendMessage").count == 1)
        let database = try AppDatabase(folder: folder.dataURL)
        #expect(try database.writer.read { db in try Person.fetchCount(db) } == 0)
        try database.checkpoint()
        #expect(try folder.dataBytes().range(of: Data("770020011".utf8)) == nil)
    }
}
