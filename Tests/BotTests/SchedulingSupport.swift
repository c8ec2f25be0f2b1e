import Bot
import Dialogs
import Foundation
import GRDB
import Logging
import Store
import Telegram
import TelegramDouble
import Testing

/// Local times in Bishkek (UTC+6, no daylight saving) for readable test schedules.
enum Bishkek {
    static let zone = TimeZone(identifier: "Asia/Bishkek")!

    /// "2026-03-02 11:00" local.
    static func at(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        guard let date = formatter.date(from: text) else { fatalError("bad test time \(text)") }
        return date
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// A store in a temporary folder with the shipped dialogs and a scheduler called by hand: what
/// a tick decided is read back from the outbox, the way the sender would find it.
final class SchedulerBench {
    let folder: TemporaryFolder
    let database: AppDatabase
    let library: DialogLibrary
    let driver: ConversationDriver
    var settings: ScheduleSettings

    init(settings: ScheduleSettings = ScheduleSettings()) throws {
        folder = try TemporaryFolder()
        database = try AppDatabase(folder: folder.dataURL)
        library = ShippedDialogs.library()
        driver = ConversationDriver(library: library, timeZone: Bishkek.zone)
        self.settings = settings
    }

    var scheduler: Scheduler { Scheduler(settings: settings, driver: driver) }

    /// One poll loop's worth: dialog deadlines (nudges, expiry), then the scheduler.
    @discardableResult
    func tick(at now: Date) throws -> SchedulerReport {
        let scheduler = scheduler
        let driver = driver
        return try database.writer.write { db in
            try driver.sweepDeadlines(now: now, in: db)
            return try scheduler.tick(now: now, in: db)
        }
    }

    /// Ticks every `step` from `start` up to `end`, as the poller would.
    func tick(from start: Date, to end: Date, every step: TimeInterval, each: (Date) throws -> Void = { _ in }) throws {
        var now = start
        while now <= end {
            try tick(at: now)
            try each(now)
            now = now.addingTimeInterval(step)
        }
    }

    @discardableResult
    func person(_ userId: Int64, role: Role, alias: String? = nil, language: String = "ru", mentorId: Int64? = nil,
                consentedAt: Date = Bishkek.at("2026-01-01 12:00")) throws -> Person {
        try database.writer.write { db in
            var person = Person(telegramUserId: userId, alias: alias ?? "P\(userId)", role: role, language: language,
                                mentorId: mentorId, createdAt: consentedAt)
            person.consentedAt = consentedAt
            try person.insert(db)
            return person
        }
    }

    @discardableResult
    func meeting(_ title: String = "Заседание СКК", startsAt: Date, createdAt: Date, minutes: Int = 120) throws -> Meeting {
        try database.writer.write { db in
            var meeting = Meeting(title: title, kind: .plenary, place: "Бишкек", startsAt: startsAt, durationMinutes: minutes,
                                  createdAt: createdAt)
            try meeting.insert(db)
            return meeting
        }
    }

    /// Every outbox item waiting, in order, then the outbox is emptied as if the sender had sent it all.
    @discardableResult
    func drain() throws -> [OutboxItem] {
        try database.writer.write { db in
            let rows = try OutboxMessage.order(Column("id")).fetchAll(db)
            try OutboxMessage.deleteAll(db)
            return try rows.map { try JSONDecoder().decode(OutboxItem.self, from: $0.payload) }
        }
    }

    func invitations(_ personId: Int64? = nil) throws -> [DialogInvitation] {
        try database.writer.read { db in
            var request = DialogInvitation.order(Column("invitedAt"), Column("id"))
            if let personId { request = request.filter(Column("personId") == personId) }
            return try request.fetchAll(db)
        }
    }

    func activeConversation(of personId: Int64) throws -> Conversation? {
        try database.writer.read { db in try Conversation.active(personId: personId, in: db) }
    }

    /// Feeds inputs to the person's conversation in progress, each at `now`; the dialog's own replies
    /// are dropped from the outbox, so what a test reads there afterwards is the scheduler's.
    func answer(_ personId: Int64, _ inputs: [EngineInput], at now: Date) throws {
        try database.writer.write { db in
            for input in inputs {
                guard var person = try Person.fetchOne(db, key: personId),
                      let active = try Conversation.active(personId: personId, in: db) else { break }
                try driver.feed(input, to: active, person: &person, now: now, in: db)
            }
            try OutboxMessage.deleteAll(db)
        }
    }

    /// Answers a check-in to the end; with `needSupport`, asks for support with events and a note.
    func completeCheckin(_ personId: Int64, needSupport: Bool = false, at now: Date) throws {
        var inputs: [EngineInput] = [
            .button(stepId: "topic", optionId: "speaking"), .text("Выступила"), .button(stepId: "progress", optionId: "4"),
            .button(stepId: "confidence", optionId: "4"), .button(stepId: "need_support", optionId: needSupport ? "yes" : "no"),
        ]
        if needSupport {
            inputs += [.button(stepId: "support_with", optionId: "events"), .button(stepId: "support_with", optionId: "_done"),
                       .text("Нужна помощь с <залом>")]
        }
        inputs += [.text("Следующий шаг"), .button(stepId: "review", optionId: "_send")]
        try answer(personId, inputs, at: now)
    }
}

extension OutboxItem {
    /// The chat and text of a message (a question or a plain one); nil for other calls.
    var message: (chatId: Int64, text: String, buttons: [String])? {
        switch self {
        case .sendMessage(let m), .askQuestion(let m, _, _):
            var buttons: [String] = []
            if case .inline(let keyboard)? = m.replyMarkup {
                buttons = keyboard.inlineKeyboard.flatMap { $0 }.compactMap(\.callbackData)
            }
            return (m.chatId, m.text, buttons)
        default:
            return nil
        }
    }
}

extension [OutboxItem] {
    func messages(to chatId: Int64) -> [(text: String, buttons: [String])] {
        compactMap(\.message).filter { $0.chatId == chatId }.map { ($0.text, $0.buttons) }
    }
}

extension BotAPIDouble {
    /// Waits until the bot has been through at least two more poll loops (each runs the scheduler)
    /// and has sent everything it queued.
    func waitForSchedulerRounds(database: AppDatabase, timeout: TimeInterval = 10) -> Bool {
        let start = requests(method: "getUpdates").count
        return waitUntil(timeout: timeout) { double in
            guard double.requests(method: "getUpdates").count >= start + 2 else { return false }
            return (try? database.writer.read { db in try OutboxMessage.filter(Column("status") == "pending").fetchCount(db) }) == 0
        }
    }
}
