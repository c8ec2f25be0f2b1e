import Bot
import Dialogs
import Foundation
import GRDB
import Store
import Testing

/// CCM meeting reminders, cancellations and debriefs, with the scheduler called directly.
@Suite struct SchedulingMeetingTests {
    /// Check-ins far apart, so only the meeting messages show in these tests.
    static var settings: ScheduleSettings {
        var settings = ScheduleSettings()
        settings.checkinEveryDays = 365
        return settings
    }

    /// The reminder messages (with RSVP buttons) a chat got.
    private func reminders(_ items: [OutboxItem], to chatId: Int64) -> [String] {
        items.messages(to: chatId).filter { $0.buttons.contains { $0.hasPrefix("k1m|") } }.map(\.text)
    }

    @Test func remindersGoThreeDaysOneDayAndTwoHoursBeforeToLeadersAndCoordinators() throws {
        let bench = try SchedulerBench(settings: Self.settings)
        try bench.person(1, role: .leader)
        try bench.person(2, role: .coordinator, language: "en")
        try bench.person(3, role: .monitor)
        try bench.person(4, role: .mentor)
        try bench.meeting("Заседание <СКК>", startsAt: Bishkek.at("2026-03-20 15:00"), createdAt: Bishkek.at("2026-03-01 10:00"))

        var sentAt: [String] = []
        try bench.tick(from: Bishkek.at("2026-03-16 09:00"), to: Bishkek.at("2026-03-21 09:00"), every: 1800) { now in
            let items = try bench.drain()
            let leader = reminders(items, to: 1)
            #expect(leader.count == reminders(items, to: 2).count)
            #expect(reminders(items, to: 3).isEmpty && reminders(items, to: 4).isEmpty)
            if !leader.isEmpty { sentAt.append(Bishkek.format(now)) }
            for text in leader {
                #expect(text.contains("«Заседание &lt;СКК&gt;»"), "the title must be escaped")
                #expect(text.contains("20.03.2026 15:00"), "the time must be local")
            }
        }
        #expect(sentAt == ["2026-03-17 15:00", "2026-03-19 15:00", "2026-03-20 13:00"])
    }

    @Test func aMeetingAddedAtShortNoticeGetsOneReminderAtOnce() throws {
        let bench = try SchedulerBench(settings: Self.settings)
        try bench.person(1, role: .leader)
        try bench.person(2, role: .coordinator)
        let now = Bishkek.at("2026-03-20 12:00")
        try bench.meeting(startsAt: now.addingTimeInterval(3600), createdAt: now)
        let report = try bench.tick(at: now)
        #expect(report.remindersSent == 2)
        let items = try bench.drain()
        #expect(reminders(items, to: 1).count == 1)
        #expect(reminders(items, to: 2).count == 1)
        try bench.tick(from: now.addingTimeInterval(60), to: now.addingTimeInterval(7200), every: 300) { _ in
            let items = try bench.drain()
            #expect(items.isEmpty, "an overdue reminder went out twice")
        }
    }

    @Test func afterDowntimeOverdueRemindersCollapseToOneAndEndedMeetingsGetNone() throws {
        let bench = try SchedulerBench(settings: Self.settings)
        try bench.person(1, role: .leader)
        let created = Bishkek.at("2026-03-01 10:00")
        try bench.meeting("Рабочая группа", startsAt: Bishkek.at("2026-03-20 10:00"), createdAt: created)
        try bench.meeting("Прошедшее", startsAt: Bishkek.at("2026-03-18 10:00"), createdAt: created)
        // Down from before the first reminders until 19 March, 12:00: the 72h and 24h reminders of the
        // first meeting are overdue (one goes), the second meeting is over (nothing goes).
        try bench.tick(at: Bishkek.at("2026-03-19 12:00"))
        let items = try bench.drain()
        let sent = reminders(items, to: 1)
        #expect(sent.count == 1)
        #expect(sent.first?.contains("Рабочая группа") == true)
        // The 2-hour reminder falls at 08:00, inside the quiet hours: it waits until 09:00, before the start.
        try bench.tick(from: Bishkek.at("2026-03-19 12:30"), to: Bishkek.at("2026-03-20 08:30"), every: 1800) { _ in
            let items = try bench.drain()
            #expect(items.isEmpty)
        }
        try bench.tick(at: Bishkek.at("2026-03-20 09:00"))
        #expect(reminders(try bench.drain(), to: 1).count == 1)
        try bench.tick(from: Bishkek.at("2026-03-20 09:30"), to: Bishkek.at("2026-03-20 12:00"), every: 1800) { _ in
            let items = try bench.drain()
            #expect(items.isEmpty)
        }
    }

    @Test func aReminderHeldByQuietHoursIsDroppedIfTheMeetingHasStartedByMorning() throws {
        let bench = try SchedulerBench(settings: Self.settings)
        try bench.person(1, role: .leader)
        try bench.meeting(startsAt: Bishkek.at("2026-03-20 08:30"), createdAt: Bishkek.at("2026-03-19 22:00"))
        try bench.tick(from: Bishkek.at("2026-03-19 22:00"), to: Bishkek.at("2026-03-20 12:00"), every: 1800) { _ in
            let items = try bench.drain()
            #expect(items.isEmpty)
        }
    }

    @Test func aCancellationIsToldOnceToThoseRemindedAndStopsTheReminders() throws {
        let bench = try SchedulerBench(settings: Self.settings)
        try bench.person(1, role: .leader)
        try bench.person(2, role: .coordinator)
        var meeting = try bench.meeting(startsAt: Bishkek.at("2026-03-20 15:00"), createdAt: Bishkek.at("2026-03-01 10:00"))
        try bench.tick(at: Bishkek.at("2026-03-17 15:00"))
        #expect(reminders(try bench.drain(), to: 1).count == 1)
        // Someone who joins after the reminder went out never heard of the meeting: no cancellation for them.
        try bench.person(3, role: .leader, consentedAt: Bishkek.at("2026-03-17 16:00"))

        meeting.cancelledAt = Bishkek.at("2026-03-18 22:00")
        try bench.database.writer.write { db in try meeting.update(db) }
        try bench.tick(at: Bishkek.at("2026-03-18 22:00"))
        #expect(try bench.drain().isEmpty, "the cancellation went out during the quiet hours")
        try bench.tick(at: Bishkek.at("2026-03-19 09:00"))
        let items = try bench.drain()
        #expect(items.messages(to: 1).count == 1)
        #expect(items.messages(to: 1).first?.text.contains("❌") == true)
        #expect(items.messages(to: 2).count == 1)
        #expect(items.messages(to: 3).isEmpty)
        try bench.tick(from: Bishkek.at("2026-03-19 09:30"), to: Bishkek.at("2026-03-21 09:00"), every: 1800) { _ in
            let items = try bench.drain()
            #expect(items.isEmpty, "a cancelled meeting was reminded or cancelled twice")
        }
    }

    @Test func thoseWhoWillAttendGetTheDebriefAfterTheMeetingLinkedToIt() throws {
        let bench = try SchedulerBench(settings: Self.settings)
        let yes = try bench.person(1, role: .leader, alias: "Айгуль")
        let no = try bench.person(2, role: .leader)
        let coordinator = try bench.person(3, role: .coordinator)
        let meeting = try bench.meeting("Пленарное", startsAt: Bishkek.at("2026-03-20 10:00"), createdAt: Bishkek.at("2026-03-01 10:00"),
                                        minutes: 90)
        let meetingId = try #require(meeting.id)
        try bench.database.writer.write { db in
            try RSVP.set(.yes, meetingId: meetingId, personId: yes.id!, at: Bishkek.at("2026-03-18 10:00"), in: db)
            try RSVP.set(.no, meetingId: meetingId, personId: no.id!, at: Bishkek.at("2026-03-18 10:00"), in: db)
            try RSVP.set(.yes, meetingId: meetingId, personId: coordinator.id!, at: Bishkek.at("2026-03-18 10:00"), in: db)
        }
        try bench.tick(from: Bishkek.at("2026-03-20 10:00"), to: Bishkek.at("2026-03-20 13:00"), every: 1800) { _ in
            let items = try bench.drain()
            #expect(items.messages(to: 1).isEmpty, "the debrief came before the end plus two hours")
        }
        // 10:00 + 90 minutes + 2 hours.
        try bench.tick(at: Bishkek.at("2026-03-20 13:30"))
        let items = try bench.drain()
        let intro = try #require(items.messages(to: 1).first)
        #expect(intro.text.contains("«Пленарное»"))
        #expect(items.messages(to: 2).isEmpty)
        #expect(items.messages(to: 3).isEmpty, "coordinators are staff: no debrief")
        let invitation = try #require(try bench.invitations(yes.id!).first)
        #expect(invitation.source == .meeting && invitation.meetingId == meetingId && invitation.dialogId == DialogIds.debrief)

        try bench.answer(yes.id!, [.button(stepId: "attended", optionId: "no"), .button(stepId: "missed_reason", optionId: "no_time"),
                                   .button(stepId: "review", optionId: "_send")], at: Bishkek.at("2026-03-20 14:00"))
        let (response, conversationMeeting) = try bench.database.writer.read { db -> (Response?, Int64?) in
            let response = try Response.filter(Column("dialogId") == DialogIds.debrief).fetchOne(db)
            return (response, try response?.conversationId.flatMap { try MeetingLink.meetingId(ofConversation: $0, in: db) })
        }
        let stored = try #require(response)
        #expect(stored.status == .complete)
        #expect(conversationMeeting == meetingId)
        #expect(try bench.database.writer.read { db in try MeetingLink.meetingId(ofResponse: stored.id!, in: db) } == meetingId)
        // Queued once: a restart (another tick on the same file) asks nobody again.
        try bench.tick(from: Bishkek.at("2026-03-20 14:30"), to: Bishkek.at("2026-03-22 14:30"), every: 3600) { _ in
            let items = try bench.drain()
            #expect(items.isEmpty)
        }
    }

    @Test func aDebriefLongOverdueAfterDowntimeIsNotSent() throws {
        let bench = try SchedulerBench(settings: Self.settings)
        let leader = try bench.person(1, role: .leader)
        let meeting = try bench.meeting(startsAt: Bishkek.at("2026-03-01 10:00"), createdAt: Bishkek.at("2026-02-20 10:00"))
        try bench.database.writer.write { db in
            try RSVP.set(.yes, meetingId: meeting.id!, personId: leader.id!, at: Bishkek.at("2026-02-25 10:00"), in: db)
        }
        let report = try bench.tick(at: Bishkek.at("2026-04-01 12:00"))
        #expect(report.staleDebriefsSkipped == 1)
        #expect(try bench.drain().isEmpty)
    }
}
