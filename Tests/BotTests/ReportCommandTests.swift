import Bot
import Dialogs
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// /summary, /export, /report and /mentees through the real bot, client and store.
@Suite(.serialized) struct ReportCommandTests {
    @Test func coordinatorsGetReportsMentorsTheirMenteesAndEveryAccessIsAudited() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        let (mentorId, _) = try database.writer.write { db -> (Int64, Int64) in
            var mentor = Person(telegramUserId: 81, alias: "Наставница", role: .mentor, createdAt: Date())
            mentor.consentedAt = Date()
            try mentor.insert(db)
            var leader = Person(telegramUserId: 82, alias: "Жылдыз", role: .leader, mentorId: mentor.id, createdAt: Date())
            leader.consentedAt = Date()
            try leader.insert(db)
            var coordinator = Person(telegramUserId: 83, alias: "Координатор", role: .coordinator, createdAt: Date())
            coordinator.consentedAt = Date()
            try coordinator.insert(db)
            return (mentor.id!, leader.id!)
        }
        _ = mentorId
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        let leader = TestChat(userId: 82, double: double, database: database)
        var script = CheckInScript(chat: leader, topic: "speaking", did: "Выступила")
        while !script.isDone { script.advance() }

        let coordinator = TestChat(userId: 83, double: double, database: database)
        coordinator.send("/summary")
        #expect(coordinator.texts.last?.contains("1") == true)
        coordinator.send("/summary mentorship 2026-13")
        #expect(coordinator.texts.last?.contains("2026-13") == true, "a bad period is named back")
        coordinator.send("/report")
        coordinator.send("/export")
        let documents = double.requests(method: "sendDocument").filter { $0.params["chat_id"] == "83" }
        #expect(documents.count == 2)
        let html = try #require(documents.first?.files["document"])
        #expect(html.filename.hasSuffix(".html"))
        #expect(String(decoding: html.data, as: UTF8.self).contains("<svg"))
        #expect(documents.last?.files["document"]?.data.isEmpty == false)

        let mentor = TestChat(userId: 81, double: double, database: database)
        mentor.send("/mentees")
        #expect(mentor.texts.last?.contains("Жылдыз") == true)
        leader.send("/summary")
        #expect(leader.texts.last == BotTexts.notAvailable.ru)
        bot.stop()

        let audited = try database.writer.read { db in try AuditEntry.recent(limit: 10, in: db).map(\.detail) }
        #expect(audited.contains { $0?.hasPrefix("summary") == true })
        #expect(audited.contains { $0?.hasPrefix("html") == true })
        #expect(audited.contains { $0?.hasPrefix("csv") == true })
        #expect(audited.contains("mentees"))
    }
}
