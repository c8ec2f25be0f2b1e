import Bot
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// A whole life in the bot through the real binary and the shipped dialogs: enrolment, onboarding,
/// a check-in, /mydata, /forget. Then the captured log and the raw data files are searched for
/// anything private.
@Suite(.serialized) struct FullRunTests {
    @Test func nothingPrivateReachesTheLogAndForgetLeavesNoTrace() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let userId: Int64 = 4_440_917_263
        let alias = "ПсевдонимЛуна"
        let answer = "Выступила на заседании СКК про доступ к ПрЭП"
        let code = try KeneshProcess.invite(data: folder, role: "leader")
        let bot = try KeneshProcess(runIn: folder, double: double, dialogs: ShippedDialogs.folder)
        let database = try AppDatabase(folder: folder.dataURL)
        let chat = TestChat(userId: userId, double: double, database: database)

        chat.send("/start \(code)")
        chat.press("ru")
        chat.press("agree")
        chat.send(alias)
        #expect(chat.person?.alias == alias)
        chat.send("/checkin")
        chat.press("decisions")
        chat.send(answer)
        chat.press("3")
        chat.press("4")
        chat.press("no")
        chat.send("Подготовить выступление")
        chat.press("_send")
        #expect(try database.writer.read { db in try Response.fetchCount(db) } == 1)
        chat.send("/mydata")
        #expect(double.requests(method: "sendDocument").count == 1)
        chat.send("/forget")
        chat.press("yes")
        let scrubbed = double.waitUntil { _ in
            (try? database.writer.read { db in try BotState.scrubAfterOutboxId(in: db) }) == .some(nil)
        }
        #expect(scrubbed)
        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(bot.process.terminationStatus == 0)

        let log = bot.log
        #expect(log.contains("person erased"))
        for (name, secret) in [("token", double.token), ("invite code", code), ("alias", alias), ("answer", answer),
                               ("user id", String(userId)), ("next step", "Подготовить выступление")] {
            #expect(!log.contains(secret), "the log contains the \(name)")
        }
        let bytes = try folder.dataBytes()
        for (name, secret) in [("alias", alias), ("answer", answer), ("user id", String(userId))] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "the \(name) is still in the data folder")
        }
    }
}
