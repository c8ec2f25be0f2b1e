import Bot
import Dialogs
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// The shipped dialogs run through the real bot, client and store, against the Bot API double.
@Suite(.serialized) struct DialogConversationTests {
    let folder: TemporaryFolder
    let database: AppDatabase
    let double: BotAPIDouble

    init() throws {
        folder = try TemporaryFolder()
        database = try AppDatabase(folder: folder.dataURL)
        double = try BotAPIDouble()
    }

    private func invite(_ role: Role, alias: String? = nil) throws -> String {
        try database.writer.write { db in
            try Invite.create(role: role, alias: alias, city: nil, mentorAlias: nil, now: Date(), in: db).code
        }
    }

    /// A person who finished onboarding already.
    private func consented(_ userId: Int64, role: Role) throws -> TestChat {
        try database.writer.write { db in
            var person = Person(telegramUserId: userId, alias: "Алия", role: role, createdAt: Date())
            person.consentedAt = Date()
            try person.insert(db)
        }
        return TestChat(userId: userId, double: double, database: database)
    }

    private func responses() throws -> [Response] {
        try database.writer.read { db in try Response.order(Column("id")).fetchAll(db) }
    }

    private func answers(of response: Response) throws -> [String: String] {
        try database.writer.read { db in
            let records = try AnswerRecord.filter(Column("responseId") == response.id).fetchAll(db)
            return Dictionary(records.map { ($0.stepId, $0.value) }, uniquingKeysWith: { $1 })
        }
    }

    @Test func onboardingSetsLanguageAliasAndConsent() throws {
        let code = try invite(.leader)
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        let chat = TestChat(userId: 41, double: double, database: database)
        chat.send("/start \(code)")
        let languageQuestion = try #require(chat.lastQuestion)
        #expect(languageQuestion.buttons.map(\.optionId) == ["ru", "ky", "en"])

        chat.press("ky")
        // The answered question loses its buttons and shows the answer.
        let edit = try #require(chat.edits(of: languageQuestion.messageId).last)
        #expect(edit.method == "editMessageText")
        #expect(edit.params["text"]?.contains("Кыргызча") == true)
        #expect(edit.params["reply_markup"] == nil)

        // Until consent is given, other commands point back to it.
        chat.send("/checkin")
        #expect(chat.texts.last?.contains("Адегенде") == true)

        let consent = try #require(chat.lastQuestion)
        #expect(consent.text.contains("Макулсузбу"))
        chat.press("agree")
        chat.send("Нур")
        let person = try #require(chat.person)
        #expect(person.language == "ky")
        #expect(person.alias == "Нур")
        #expect(person.consentedAt != nil)
        #expect(chat.texts.last?.contains("Рахмат, Нур") == true)
        // Onboarding's answers live in the profile only.
        #expect(try responses().isEmpty)
        bot.stop()
    }

    @Test func decliningConsentErasesThePersonAndTheLinkWorksAgain() throws {
        let code = try invite(.monitor, alias: "Бегимай")
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        let chat = TestChat(userId: 42, double: double, database: database)
        chat.send("/start \(code)")
        chat.press("ru")
        chat.press("decline")
        #expect(chat.person == nil)
        #expect(chat.texts.last?.contains("ничего не сохраняем") == true)
        chat.send("/start \(code)")
        #expect(chat.person?.alias == "Бегимай")
        bot.stop()
    }

    @Test func aCheckInRunsToTheEndAndIsStoredWithItsVersion() throws {
        let chat = try consented(43, role: .leader)
        let library = ShippedDialogs.library()
        let bot = RunningBot(database: database, double: double, library: library)
        chat.send("/checkin")
        chat.press("speaking")
        chat.send("Выступила на рабочей группе 🎤 <b>впервые</b>")
        // A scale wants a button or a number in range.
        chat.send("abc")
        #expect(chat.texts.last?.contains("1") == true)
        chat.send("9")
        chat.press("4")
        chat.send("5")
        chat.press("yes")

        // Multi choice: presses toggle a tick on the same message; Done confirms.
        let multi = try #require(chat.lastQuestion)
        chat.press("donors")
        chat.press("events")
        chat.press("donors")
        let toggles = chat.edits(of: multi.messageId).filter { $0.method == "editMessageReplyMarkup" }
        #expect(toggles.count == 3)
        #expect(toggles.first?.params["reply_markup"]?.contains("✓") == true)
        let done = try #require(chat.lastQuestion?.buttons.last)
        chat.pressRaw(data: done.data, messageId: multi.messageId)

        chat.sendSticker()
        #expect(chat.texts.last?.isEmpty == false)
        chat.send("/skip")
        chat.send("Подготовить выступление к заседанию СКК в декабре")
        let review = try #require(chat.lastQuestion)
        #expect(review.text.contains("&lt;b&gt;впервые&lt;/b&gt;"), "typed text must be escaped for HTML")
        let send = try #require(review.buttons.first)
        chat.pressRaw(data: send.data, messageId: review.messageId)

        let stored = try #require(try responses().first)
        #expect(stored.status == .complete)
        #expect(stored.dialogId == DialogIds.checkin)
        #expect(stored.dialogVersion == library.current(DialogIds.checkin)?.version)
        let values = try answers(of: stored)
        #expect(values["topic"] == "speaking")
        #expect(values["progress"] == "4")
        #expect(values["confidence"] == "5")
        #expect(values["need_support"] == "yes")
        #expect(values["support_with"] == "events")
        #expect(values["did"] == "Выступила на рабочей группе 🎤 <b>впервые</b>")
        #expect(values["support_note"] == "", "a skipped question is stored as skipped")
        #expect(chat.callbackAnswers.allSatisfy { $0.isEmpty }, "a valid press got a 'closed' notice")
        bot.stop()
    }

    @Test func staleAndForgedPressesChangeNothing() throws {
        let chat = try consented(44, role: .leader)
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        chat.send("/checkin")
        let topic = try #require(chat.lastQuestion)
        chat.press("decisions")
        let before = try database.writer.read { db in try Conversation.fetchOne(db)?.state }

        let old = try #require(topic.buttons.first { $0.optionId == "events" })
        chat.pressRaw(data: old.data, messageId: topic.messageId)
        chat.pressRaw(data: "k1|999999|topic|events", messageId: topic.messageId)
        chat.pressRaw(data: "k1s|1|city-monitoring", messageId: topic.messageId)
        chat.pressRaw(data: "not ours at all", messageId: topic.messageId)

        #expect(try database.writer.read { db in try Conversation.fetchOne(db)?.state } == before)
        let notices = chat.callbackAnswers.suffix(4)
        #expect(notices.count == 4)
        #expect(notices.allSatisfy { $0 == BotTexts.buttonExpired.ru })
        bot.stop()
    }

    @Test func cancelKeepsAPartialResponseAndRolesAreChecked() throws {
        let chat = try consented(45, role: .leader)
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        chat.send("/monitoring")
        #expect(chat.texts.last == BotTexts.notAvailable.ru)
        chat.send("/checkin")
        chat.press("events")
        chat.send("/checkin")
        #expect(chat.texts.last == BotTexts.alreadyInThisDialog.ru)
        chat.send("/nonsense")
        #expect(chat.texts.last == BotTexts.unknownCommandInDialog.ru)
        chat.send("/cancel")
        let stored = try #require(try responses().first)
        #expect(stored.status == .partial)
        #expect(try answers(of: stored)["topic"] == "events")
        chat.send("/cancel")
        #expect(chat.texts.last == BotTexts.nothingInProgress.ru)
        bot.stop()
    }

    @Test func aConversationKeepsItsVersionWhenTheFileChangesAcrossARestart() throws {
        let dialogs = folder.url.appendingPathComponent("dialogs")
        try FileManager.default.copyItem(at: ShippedDialogs.folder, to: dialogs)
        let chat = try consented(46, role: .leader)
        let original = ShippedDialogs.library(from: dialogs)
        let oldVersion = try #require(original.current(DialogIds.checkin)?.version)

        var bot = RunningBot(database: database, double: double, library: original)
        chat.send("/checkin")
        chat.press("donors")
        bot.stop()

        // Staff edit the file while the conversation is half-way.
        let file = dialogs.appendingPathComponent("mentorship-checkin.yaml")
        let edited = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "Что вы сделали по теме", with: "Расскажите, что вы сделали по теме")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let changed = ShippedDialogs.library(from: dialogs)
        #expect(changed.current(DialogIds.checkin)?.version != oldVersion)

        bot = RunningBot(database: database, double: double, library: changed)
        chat.send("Провела встречу")
        chat.send("/cancel")
        let stored = try #require(try responses().first)
        #expect(stored.dialogVersion == oldVersion)
        #expect(try answers(of: stored)["did"] == "Провела встречу")
        bot.stop()
    }

    @Test func anUnfinishedDialogIsNudgedOnceThenClosedAsPartial() throws {
        let chat = try consented(47, role: .leader)
        let clock = TestClock()
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library(), clock: { clock.now })
        chat.send("/checkin")
        chat.press("monitoring")
        let sentBefore = chat.texts.count

        clock.advance(by: 4 * 86400)
        #expect(double.waitUntil { _ in chat.texts.count > sentBefore }, "no reminder at half the expiry")
        let drained = double.waitUntil { _ in
            (try? self.database.writer.read { db in try OutboxMessage.fetchCount(db) }) == 0
        }
        #expect(drained)
        let afterReminder = chat.texts.count
        clock.advance(by: 3600)
        usleep(2_500_000)
        #expect(chat.texts.count == afterReminder, "the reminder was sent twice")
        #expect(try responses().isEmpty)

        clock.advance(by: 3 * 86400)
        let closed = double.waitUntil { _ in (try? self.responses().first?.status) == .partial }
        #expect(closed)
        bot.stop()
    }

    @Test func aReminderToFinishWaitsForTheEndOfQuietHours() throws {
        let chat = try consented(48, role: .leader)
        // Noon in Bishkek; the reminder falls due at half the 7-day expiry, at midnight local time.
        let clock = TestClock(Date(timeIntervalSince1970: 1_795_586_400))
        let quiet = ScheduleSettings(quietHours: QuietHours(start: TimeOfDay(hour: 21, minute: 0), end: TimeOfDay(hour: 9, minute: 0)))
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library(), clock: { clock.now },
                             schedule: quiet)
        chat.send("/checkin")
        chat.press("events")
        let sentBefore = chat.texts.count

        clock.advance(by: 3.5 * 86400 + 60)
        usleep(2_500_000)
        #expect(chat.texts.count == sentBefore, "a reminder went out at night")
        clock.advance(by: 9 * 3600)
        #expect(double.waitUntil { _ in chat.texts.count > sentBefore }, "the reminder never came in the morning")
        bot.stop()
    }
}
