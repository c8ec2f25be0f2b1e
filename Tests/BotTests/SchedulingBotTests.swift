import Bot
import Dialogs
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// The scheduler's commands and buttons through the real bot, client and store, on a test clock.
@Suite(.serialized) struct SchedulingBotTests {
    let folder: TemporaryFolder
    let database: AppDatabase
    let double: BotAPIDouble

    init() throws {
        folder = try TemporaryFolder()
        database = try AppDatabase(folder: folder.dataURL)
        double = try BotAPIDouble()
    }

    @discardableResult
    private func consented(_ userId: Int64, role: Role, alias: String, language: String = "ru", mentorId: Int64? = nil) throws -> Person {
        try database.writer.write { db in
            var person = Person(telegramUserId: userId, alias: alias, role: role, language: language, mentorId: mentorId,
                                createdAt: Bishkek.at("2026-03-01 12:00"))
            // After this month's monitoring slot (the 1st, 11:00), so no round is due by itself.
            person.consentedAt = Bishkek.at("2026-03-01 12:00")
            try person.insert(db)
            return person
        }
    }

    private func chat(_ userId: Int64) -> TestChat {
        TestChat(userId: userId, double: double, database: database)
    }

    /// The callback data of the buttons on the latest message to `chat` that has any.
    private func lastButtons(_ chat: TestChat) -> [String] {
        chat.lastQuestion?.buttons.map(\.data) ?? []
    }

    @Test func aRoundDuringQuietHoursSaysWhenItGoesOutAndGoesOutThen() throws {
        let clock = TestClock(Bishkek.at("2026-03-02 22:15"))
        let coordinator = chat(1)
        try consented(1, role: .coordinator, alias: "Коорд")
        try consented(2, role: .leader, alias: "Лидер1")
        try consented(3, role: .leader, alias: "Лидер2", language: "en")
        try consented(4, role: .monitor, alias: "Монитор")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library(), clock: { clock.now },
                             schedule: ScheduleSettings())

        coordinator.send("/round")
        #expect(coordinator.texts.last?.contains("/round checkin") == true)
        coordinator.send("/round checkin")
        let answer = try #require(coordinator.texts.last)
        #expect(answer.contains("Приглашено: 2"))
        #expect(answer.contains("09:00 (03.03)"))
        #expect(double.sentTexts(to: 2).isEmpty && double.sentTexts(to: 3).isEmpty)

        clock.advance(by: 10.75 * 3600) // 09:00 the next morning
        #expect(double.waitForSchedulerRounds(database: database))
        #expect(!double.sentTexts(to: 2).isEmpty)
        #expect(double.sentTexts(to: 3).first?.contains("participant diary") == true, "in the leader's language")
        #expect(double.sentTexts(to: 4).isEmpty)
        let invitations = try database.writer.read { db in try DialogInvitation.order(Column("personId")).fetchAll(db) }
        #expect(invitations.map(\.source) == [.round, .round])
        #expect(invitations.allSatisfy { $0.invitedAt >= Bishkek.at("2026-03-03 09:00") }, "recorded when the dialog started")
        let audit = try database.writer.read { db in try AuditEntry.filter(Column("action") == "round").fetchAll(db) }
        #expect(audit.map(\.detail) == [DialogIds.checkin])
        bot.stop()
    }

    @Test func aCheckInTypedByTheLeaderIsRecordedAsACommandInvitation() throws {
        let clock = TestClock(Bishkek.at("2026-03-02 12:00"))
        try consented(5, role: .leader, alias: "Сама")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library(), clock: { clock.now },
                             schedule: ScheduleSettings())
        chat(5).send("/checkin")
        let invitation = try #require(try database.writer.read { db in try DialogInvitation.fetchOne(db) })
        #expect(invitation.source == .command)
        #expect(invitation.dialogId == DialogIds.checkin)
        #expect(invitation.conversationId != nil)
        bot.stop()
    }

    @Test func meetingAddRemindRSVPListAndDebrief() throws {
        let clock = TestClock(Bishkek.at("2026-03-02 12:00"))
        let coordinator = chat(1)
        let leader = chat(2)
        try consented(1, role: .coordinator, alias: "Коорд", language: "en")
        try consented(2, role: .leader, alias: "Лидер")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library(), clock: { clock.now },
                             schedule: ScheduleSettings())

        coordinator.send("/meeting add 2026-03-02 12:00 Too late")
        #expect(coordinator.texts.last == "That time has already passed.")
        coordinator.send("/meeting add 2026-13-40 10:00 Nonsense")
        #expect(coordinator.texts.last?.contains("YYYY-MM-DD HH:MM") == true)
        coordinator.send("/meeting add 2026-03-04 10:00 Title | party")
        #expect(coordinator.texts.last?.contains("party") == true)
        // Two days ahead: the 72h reminder is already overdue and goes at once, with three buttons.
        coordinator.send("/meeting add 2026-03-04 10:00 Заседание <b>СКК</b> | working group | Дом правительства")
        // The reply, then (the 72h reminder being overdue already) the coordinator's own reminder.
        let added = try #require(coordinator.texts.first { $0.contains("Meeting #1 added") })
        #expect(added.contains("&lt;b&gt;СКК&lt;/b&gt;"))
        #expect(added.contains("72 h, 24 h, 2 h"))
        let meeting = try #require(try database.writer.read { db in try Meeting.fetchOne(db) })
        #expect(meeting.kind == "working_group")
        #expect(meeting.place == "Дом правительства")
        #expect(meeting.startsAt == Bishkek.at("2026-03-04 10:00"))
        #expect(meeting.durationMinutes == 120)

        #expect(double.waitForSchedulerRounds(database: database))
        let reminder = try #require(leader.lastQuestion)
        #expect(reminder.text.contains("Напоминание") && reminder.text.contains("04.03.2026 10:00"))
        #expect(reminder.buttons.map(\.label) == ["Приду", "Не смогу", "Пока не знаю"])
        #expect(coordinator.lastQuestion?.buttons.map(\.label) == ["I will attend", "I can't", "Not sure yet"])

        // The answer is stored and the buttons show it.
        leader.pressRaw(data: reminder.buttons[2].data, messageId: 500)
        leader.pressRaw(data: reminder.buttons[0].data, messageId: 500)
        let edit = try #require(leader.edits(of: 500).last)
        #expect(edit.params["reply_markup"]?.contains("✓ Приду") == true)
        #expect(try database.writer.read { db in try RSVP.answer(meetingId: 1, personId: 2, in: db) } == .yes)
        coordinator.pressRaw(data: try #require(coordinator.lastQuestion?.buttons[1].data), messageId: 501)
        coordinator.send("/meetings")
        let list = try #require(coordinator.texts.last)
        #expect(list.contains("#1") || list.contains("№1"))
        #expect(list.contains("I will attend: 1 · I can't: 1 · Not sure yet: 0"))

        // After the meeting (10:00 + 120 min + 2 h) the leader who will attend gets the debrief.
        clock.advance(by: (46 + 4) * 3600)
        #expect(double.waitForSchedulerRounds(database: database))
        let debriefIntro = leader.texts.first { $0.hasPrefix("Прошло:") }
        #expect(debriefIntro?.contains("СКК") == true)
        #expect(leader.lastQuestion?.text.contains("участвовали") == true)
        leader.press("yes")
        leader.press("member")
        leader.press("yes")
        leader.press("rights")
        leader.press("_done")
        leader.send("Решили включить мониторинг в отчёт")
        leader.press("no")
        leader.press("_send")
        let response = try #require(try database.writer.read { db in
            try Response.filter(Column("dialogId") == DialogIds.debrief).fetchOne(db)
        })
        #expect(response.status == .complete)
        #expect(try database.writer.read { db in try MeetingLink.meetingId(ofResponse: response.id!, in: db) } == 1)
        let actions = try database.writer.read { db in try AuditEntry.order(Column("id")).fetchAll(db).map(\.action) }
        #expect(actions.contains("meeting.add") && actions.contains("meetings"))
        bot.stop()
    }

    @Test func cancellingAMeetingTellsThoseReminded() throws {
        let clock = TestClock(Bishkek.at("2026-03-02 12:00"))
        let coordinator = chat(1)
        let leader = chat(2)
        try consented(1, role: .coordinator, alias: "Коорд")
        try consented(2, role: .leader, alias: "Лидер")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library(), clock: { clock.now },
                             schedule: ScheduleSettings())
        coordinator.send("/meeting add 03.03.2026 15:00 Рабочая группа по ВИЧ | рабочая группа")
        #expect(double.waitForSchedulerRounds(database: database))
        #expect(leader.texts.count == 1)
        coordinator.send("/meeting cancel 7")
        #expect(coordinator.texts.last?.contains("Нет предстоящего заседания") == true)
        coordinator.send("/meeting cancel 1")
        #expect(coordinator.texts.contains { $0.contains("Заседание №1 отменено") && $0.contains(": 2.") })
        #expect(double.waitForSchedulerRounds(database: database))
        #expect(leader.texts.count == 2)
        #expect(leader.texts.last?.hasPrefix("❌") == true)
        // A press on the old reminder changes nothing.
        let rsvp = try #require(leader.lastQuestion?.buttons.first?.data)
        leader.pressRaw(data: rsvp, messageId: 9)
        #expect(leader.callbackAnswers.last == BotTexts.buttonExpired.ru)
        coordinator.send("/meetings")
        #expect(coordinator.texts.last?.contains("Предстоящих заседаний нет") == true)
        bot.stop()
    }

    @Test func aMentorIsPromptedWithinAMinuteAndThePressIsStored() throws {
        let clock = TestClock(Bishkek.at("2026-03-02 12:00"))
        let mentorChat = chat(7)
        let leaderChat = chat(8)
        let mentor = try consented(7, role: .mentor, alias: "Ментор")
        try consented(8, role: .leader, alias: "Жылдыз", mentorId: mentor.id)
        try consented(9, role: .leader, alias: "Чужая")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library(), clock: { clock.now },
                             schedule: ScheduleSettings())

        leaderChat.send("/checkin")
        leaderChat.press("donors")
        leaderChat.send("Встретилась с донором")
        leaderChat.press("3")
        leaderChat.press("2")
        leaderChat.press("yes")
        leaderChat.press("donor_reports")
        leaderChat.press("_done")
        leaderChat.send("Как писать отчёт?")
        leaderChat.send("Спросить ментора")
        leaderChat.press("_send")
        #expect(double.waitForSchedulerRounds(database: database))
        let prompt = try #require(mentorChat.lastQuestion)
        #expect(prompt.text.contains("<b>Жылдыз</b>"))
        #expect(prompt.text.contains("Переговоры и встречи с донорами"))
        #expect(prompt.text.contains("Отчёты донорам"))
        #expect(prompt.text.contains("Как писать отчёт?"))
        #expect(double.sentTexts(to: 9).isEmpty)

        // Another person's press on the mentor's button is refused and changes nothing.
        let button = try #require(prompt.buttons.first)
        chat(9).pressRaw(data: button.data, messageId: 77)
        #expect(try database.writer.read { db in try SupportRequest.fetchOne(db)?.acknowledgedAt } == nil)

        clock.advance(by: 600)
        mentorChat.pressRaw(data: button.data, messageId: 77)
        let request = try #require(try database.writer.read { db in try SupportRequest.fetchOne(db) })
        #expect(request.acknowledgedAt == clock.now)
        #expect(request.mentorId == mentor.id)
        let edit = try #require(mentorChat.edits(of: 77).last)
        #expect(edit.params["reply_markup"]?.contains("✓") == true)
        // A second press keeps the first time.
        clock.advance(by: 600)
        mentorChat.pressRaw(data: button.data, messageId: 77)
        #expect(try database.writer.read { db in try SupportRequest.fetchOne(db)?.acknowledgedAt } == request.acknowledgedAt)
        bot.stop()
    }
}
