import Foundation
import GRDB
import Reports
import Store

/// A small store whose November 2026 indicators were worked out by hand (see the comments and
/// IndicatorTests). Times are Bishkek local; a few rows sit just outside the month in local time
/// while inside it in UTC, or the other way round.
final class FixtureStore {
    let folder: TemporaryFolder
    let database: AppDatabase
    let november: ReportPeriod
    /// "Now" for every report: after the month, so its meetings have been held.
    let now = local("2026-12-05 09:00")

    private(set) var people: [String: Int64] = [:]
    private(set) var meetings: [String: Int64] = [:]

    init() throws {
        folder = try TemporaryFolder()
        database = try AppDatabase(folder: folder.url)
        november = try ReportPeriod.parse("2026-11", now: local("2026-12-05 09:00"), timeZone: .bishkek)
        try database.writer.write { db in try fill(db) }
    }

    var options: ReportOptions {
        ReportOptions(catalog: shippedCatalog, timeZone: .bishkek, language: .ru, now: now)
    }

    func indicators(_ period: ReportPeriod? = nil) throws -> Indicators {
        try database.writer.read { db in try ReportBuilder.indicators(in: db, period: period ?? november, options: options) }
    }

    private func fill(_ db: Database) throws {
        _ = try BotState.logKey(in: db)
        let created = local("2026-09-01 09:00")
        func person(_ alias: String, _ role: Role, city: String?, mentor: String? = nil, active: Bool = true) throws {
            var record = Person(telegramUserId: Int64(1000 + people.count), alias: alias, role: role, city: city,
                                mentorId: mentor.flatMap { people[$0] }, active: active, createdAt: created)
            try record.insert(db)
            people[alias] = record.id
        }
        try person("Coord", .coordinator, city: "Бишкек")
        try person("Mentor1", .mentor, city: "Бишкек")
        try person("Aigul", .leader, city: "Бишкек", mentor: "Mentor1")
        try person("Bermet", .leader, city: "Ош", mentor: "Mentor1")
        try person("Cholpon", .leader, city: "Бишкек", active: false)
        try person("Nurs1", .monitor, city: "Бишкек")
        try person("Nurs2", .monitor, city: "Ош")
        try person("Nurs3", .monitor, city: "Каракол")

        // Check-ins. In November (local): R1, R2, R3, R6, R8 complete; R4 partial.
        try response("R1", "mentorship-checkin", "Aigul", at: "2026-11-03 10:00", [
            a("topic", "speaking", "Выступления"), a("confidence", "2", "2"), a("need_support", "yes", "Да"),
            a("support_with", "speaking,_other", "Выступления, Другое: бюджет"), a("next_step", "=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")"),
        ], db)
        try response("R2", "mentorship-checkin", "Aigul", at: "2026-11-20 12:00", [
            a("topic", "decisions", "Встречи"), a("did", "Выступила, \"смело\"\nи коротко", "Выступила, \"смело\"\nи коротко"),
            a("confidence", "4", "4"), a("need_support", "no", "Нет"),
        ], db)
        try response("R3", "mentorship-checkin", "Bermet", at: "2026-11-10 09:00", [
            a("topic", "speaking", "Выступления"), a("confidence", "5", "5 — полная уверенность"), a("need_support", "no", "Нет"),
        ], db)
        try response("R4", "mentorship-checkin", "Bermet", at: "2026-11-15 09:00", status: .partial, [
            a("topic", "_other", "Другое: бюджет"),
        ], db)
        // 2026-10-31 23:30 local is 17:30 UTC the same day: October, outside the month.
        try response("R5", "mentorship-checkin", "Aigul", at: "2026-10-31 23:30", [a("topic", "donors", "Доноры"), a("confidence", "1", "1")], db)
        // 23:59 on the 30th local is 17:59 UTC: inside the month.
        try response("R6", "mentorship-checkin", "Bermet", at: "2026-11-30 23:59", [a("topic", "events", "Мероприятия"), a("confidence", "3", "3")], db)
        // 00:30 on 1 December local is still 30 November in UTC: outside the month.
        try response("R7", "mentorship-checkin", "Cholpon", at: "2026-12-01 00:30", [a("topic", "speaking", "Выступления"), a("confidence", "5", "5")], db)
        // A topic the dialog no longer offers: named from its stored label.
        try response("R8", "mentorship-checkin", "Aigul", at: "2026-11-25 10:00", [a("topic", "fundraising", "Сбор средств")], db)

        // Invitations: in November I1 I2 I3 I4 I5 I7; answered I1 (R1), I2 (R2), I3 (R3), I5 (R6), I7 (R7, after the month).
        // I4 is not: R4 is partial and R6 comes after the next invitation.
        for (alias, at) in [("Aigul", "2026-11-01 09:00"), ("Aigul", "2026-11-15 09:00"), ("Bermet", "2026-11-05 09:00"),
                            ("Bermet", "2026-11-12 09:00"), ("Bermet", "2026-11-25 09:00"), ("Aigul", "2026-10-20 09:00"),
                            ("Cholpon", "2026-11-28 09:00")] {
            try db.execute(sql: "INSERT INTO dialogInvitation (personId, dialogId, source, invitedAt) VALUES (?, 'mentorship-checkin', 'round', ?)",
                           arguments: [people[alias], local(at)])
        }
        // Support: November S1 (2 h), S2 (24 h), S3 (open), S4 (5 h); S5 in October.
        for (alias, created, acknowledged) in [("Aigul", "2026-11-03 10:00", "2026-11-03 12:00"), ("Bermet", "2026-11-10 08:00", "2026-11-11 08:00"),
                                               ("Aigul", "2026-11-20 12:00", nil), ("Bermet", "2026-11-12 08:00", "2026-11-12 13:00"),
                                               ("Aigul", "2026-10-15 08:00", nil)] as [(String, String, String?)] {
            try db.execute(sql: """
                INSERT INTO supportRequest (personId, mentorId, responseId, createdAt, acknowledgedAt) VALUES (?, ?, ?, ?, ?)
                """, arguments: [people[alias], people["Mentor1"], responses["R1"], local(created), acknowledged.map(local)])
        }

        // Monitoring: November complete M1 M2 M3 M4 M7, partial M5; M6 is October.
        try response("M1", "city-monitoring", "Nurs1", at: "2026-11-04 18:00", [
            a("city", "Бишкек", "Бишкек"),
            a("service", "hiv_testing", "Тестирование на ВИЧ", 0), a("availability", "available", "Доступна", 0), a("quality", "4", "4", 0),
            a("service", "legal", "Юридическая помощь", 1), a("availability", "not_available", "Недоступна", 1),
            a("barriers", "police,stigma", "Страх полиции, Стигма"), a("had_violations", "yes", "Да"),
            a("v_what", "detention", "Задержание", 0), a("v_by", "police", "Полиция", 0), a("v_help", "referred", "Направили", 0),
            a("v_what", "extortion", "Вымогательство", 1), a("v_by", "police", "Полиция", 1), a("v_help", "helped", "Помощь", 1),
            a("participation", "token", "Частично"),
        ], db)
        try response("M2", "city-monitoring", "Nurs1", at: "2026-11-11 18:00", [
            a("city", "бишкек ", "бишкек "),
            a("service", "hiv_testing", "Тестирование на ВИЧ", 0), a("availability", "partly", "Частично", 0), a("quality", "2", "2", 0),
            a("barriers", "police", "Страх полиции"), a("had_violations", "yes", "Да"),
            a("v_what", "physical", "Физическое насилие", 0), a("v_by", "clients", "Клиенты", 0), a("v_help", "no", "Нет", 0),
            a("participation", "no", "Нет"),
        ], db)
        try response("M3", "city-monitoring", "Nurs2", at: "2026-11-12 18:00", [
            a("city", "Ош", "Ош"),
            a("service", "condoms", "Презервативы", 0), a("availability", "available", "Доступна", 0), a("quality", "5", "5", 0),
            a("barriers", "none", "Барьеров не выявлено"), a("had_violations", "yes", "Да"),
            a("v_what", "detention", "Задержание", 0), a("v_by", "police", "Полиция", 0), a("v_help", "referred", "Направили", 0),
            a("participation", "meaningful", "Да"),
        ], db)
        try response("M4", "city-monitoring", "Nurs3", at: "2026-11-13 18:00", [
            a("city", "Каракол", "Каракол"),
            a("service", "sti", "ИППП", 0), a("availability", "unknown", "Не удалось узнать", 0),
            a("barriers", "documents,_other", "Паспорт, Другое: очереди"), a("had_violations", "no", "Нет"),
            a("participation", "unknown", "Не знаю"),
        ], db)
        try response("M5", "city-monitoring", "Nurs2", at: "2026-11-14 18:00", status: .partial, [
            a("city", "Ош", "Ош"), a("barriers", "police", "Страх полиции"),
        ], db)
        try response("M6", "city-monitoring", "Nurs3", at: "2026-10-14 18:00", [
            a("city", "Каракол", "Каракол"), a("barriers", "police", "Страх полиции"), a("had_violations", "yes", "Да"),
            a("v_what", "detention", "Задержание", 0), a("v_by", "police", "Полиция", 0), a("v_help", "referred", "Направили", 0),
        ], db)
        try response("M7", "city-monitoring", "Nurs1", at: "2026-11-21 18:00", [
            a("city", "Бишкек", "Бишкек"),
            a("barriers", "police,cost", "Страх полиции, Оплата"), a("had_violations", "yes", "Да"),
            a("v_what", "threats", "Угрозы", 0), a("v_by", "health_workers", "Медики", 0), a("v_help", "declined", "Отказался", 0),
            a("v_what", "detention", "Задержание", 1), a("v_by", "_other", "Другое: охрана", 1), a("v_help", "unknown", "Не знаю", 1),
            a("participation", "token", "Частично"),
        ], db)

        // CCM: G1 G2 G4 held in November, G3 cancelled, G5 in December.
        try meeting("G1", "plenary", "2026-11-05 10:00", db)
        try meeting("G2", "working_group", "2026-11-12 10:00", db)
        try meeting("G3", "oversight", "2026-11-19 10:00", cancelled: true, db)
        try meeting("G4", "working_group", "2026-11-26 10:00", db)
        try meeting("G5", "plenary", "2026-12-10 10:00", db)
        for (meeting, alias, answer) in [("G1", "Aigul", "yes"), ("G1", "Bermet", "yes"), ("G1", "Coord", "yes"),
                                         ("G2", "Bermet", "yes"), ("G4", "Aigul", "no"), ("G4", "Bermet", "yes")] {
            try db.execute(sql: "INSERT INTO rsvp (meetingId, personId, answer, answeredAt) VALUES (?, ?, ?, ?)",
                           arguments: [meetings[meeting], people[alias], answer, local("2026-11-01 09:00")])
        }
        // D1 G1 yes (spoke); D2 G1 no, linked through its conversation only; D3 G2 yes; D4 unlinked yes; D5 G4 partial.
        try response("D1", "ccm-debrief", "Aigul", at: "2026-11-05 15:00", meeting: "G1", [
            a("attended", "yes", "Да"), a("capacity", "member", "Член СКК"), a("spoke", "yes", "Да"),
            a("issues", "services,rights", "Услуги, Права"), a("decided", "Решили", "Решили"), a("follow_up", "yes", "Да"),
        ], db)
        try response("D2", "ccm-debrief", "Bermet", at: "2026-11-06 15:00", conversationMeeting: "G1", [
            a("attended", "no", "Нет"), a("missed_reason", "no_time", "Нет времени"),
        ], db)
        try response("D3", "ccm-debrief", "Bermet", at: "2026-11-12 16:00", meeting: "G2", [
            a("attended", "yes", "Да"), a("capacity", "wg_member", "Член рабочей группы"), a("spoke", "no", "Нет"),
            a("issues", "rights,clm_data", "Права, Данные МСС"), a("decided", "—", "—"), a("follow_up", "no", "Нет"),
        ], db)
        try response("D4", "ccm-debrief", "Aigul", at: "2026-11-22 16:00", [
            a("attended", "yes", "Да"), a("capacity", "observer", "Наблюдатель"), a("spoke", "yes", "Да"),
            a("issues", "none", "Не поднимались"), a("decided", "—", "—"), a("follow_up", "no", "Нет"),
        ], db)
        try response("D5", "ccm-debrief", "Aigul", at: "2026-11-26 16:00", status: .partial, meeting: "G4", [a("attended", "yes", "Да")], db)

        // A dialog that is no longer in the files.
        try response("X1", "old-survey", "Aigul", at: "2026-11-07 10:00", [a("q1", "a", "Ответ А")], db)
    }

    private(set) var responses: [String: Int64] = [:]

    private func response(_ name: String, _ dialogId: String, _ alias: String, at finished: String, status: Response.Status = .complete,
                          meeting: String? = nil, conversationMeeting: String? = nil, _ answers: [Given], _ db: Database) throws {
        let personId = people[alias]!
        let finishedAt = local(finished)
        var conversationId: Int64?
        if let conversationMeeting {
            try db.execute(sql: """
                INSERT INTO conversation (personId, dialogId, dialogVersion, state, status, startedAt, updatedAt, finishedAt, meetingId)
                VALUES (?, ?, 'v1', x'', 'completed', ?, ?, ?, ?)
                """, arguments: [personId, dialogId, finishedAt, finishedAt, finishedAt, meetings[conversationMeeting]])
            conversationId = db.lastInsertedRowID
        }
        var record = Response(personId: personId, conversationId: conversationId, dialogId: dialogId, dialogVersion: "v1", status: status,
                              startedAt: finishedAt.addingTimeInterval(-600), finishedAt: finishedAt)
        try record.insert(db)
        let responseId = record.id!
        responses[name] = responseId
        if let meeting { try db.execute(sql: "UPDATE response SET meetingId = ? WHERE id = ?", arguments: [meetings[meeting], responseId]) }
        for (index, answer) in answers.enumerated() {
            var row = AnswerRecord(responseId: responseId, personId: personId, dialogId: dialogId, dialogVersion: "v1",
                                   stepId: answer.step, repeatIndex: answer.round, value: answer.value, label: answer.label,
                                   answeredAt: finishedAt.addingTimeInterval(Double(index - answers.count) * 10))
            try row.insert(db)
        }
    }

    private func meeting(_ name: String, _ kind: String, _ starts: String, cancelled: Bool = false, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO meeting (title, kind, startsAt, durationMinutes, createdAt, cancelledAt) VALUES (?, ?, ?, 120, ?, ?)
            """, arguments: [name, kind, local(starts), local("2026-10-01 09:00"), cancelled ? local("2026-11-18 09:00") : nil])
        meetings[name] = db.lastInsertedRowID
    }
}

/// One answer as the fixture writes it.
struct Given {
    let step: String
    let value: String
    let label: String
    let round: Int?
}

func a(_ step: String, _ value: String, _ label: String, _ round: Int? = nil) -> Given {
    Given(step: step, value: value, label: label, round: round)
}
