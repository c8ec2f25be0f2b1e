import Bot
import Dialogs
import Foundation
import GRDB
import Store
import Testing

/// Check-in and monitoring rounds, quiet hours, catch-up after downtime and no interruption,
/// with the scheduler called directly over a real SQLite file and a given `now`.
@Suite struct SchedulingRoundTests {
    @Test func checkInsGoOutEveryTwoWeeksAtElevenOverSeveralPeriods() throws {
        let bench = try SchedulerBench()
        let leader = try bench.person(10, role: .leader, consentedAt: Bishkek.at("2026-03-01 16:20"))
        let leaderId = try #require(leader.id)
        // Someone who is not a leader, someone closed by a coordinator and someone who never consented get nothing.
        try bench.person(11, role: .mentor, consentedAt: Bishkek.at("2026-03-01 10:00"))
        var closed = try bench.person(12, role: .leader, consentedAt: Bishkek.at("2026-03-01 10:00"))
        closed.deactivatedAt = Bishkek.at("2026-03-02 10:00")
        try bench.database.writer.write { db in
            try closed.update(db)
            var unconsented = Person(telegramUserId: 13, alias: nil, role: .leader, createdAt: Bishkek.at("2026-03-01 10:00"))
            try unconsented.insert(db)
        }

        var starts: [String] = []
        try bench.tick(from: Bishkek.at("2026-03-01 17:00"), to: Bishkek.at("2026-05-01 17:00"), every: 7200) { now in
            let sent = try bench.drain()
            if !sent.messages(to: 10).isEmpty {
                starts.append(Bishkek.format(now))
                // Answered the same afternoon, so the next one is not held back by a dialog in progress.
                try bench.completeCheckin(leaderId, at: now.addingTimeInterval(3 * 3600))
            }
            #expect(sent.messages(to: 11).isEmpty && sent.messages(to: 12).isEmpty && sent.messages(to: 13).isEmpty)
        }
        #expect(starts == ["2026-03-15 11:00", "2026-03-29 11:00", "2026-04-12 11:00", "2026-04-26 11:00"])
        let invitations = try bench.invitations(leaderId)
        #expect(invitations.count == 4)
        #expect(invitations.allSatisfy { $0.source == .round && $0.dialogId == DialogIds.checkin && $0.conversationId != nil })
    }

    @Test func monitoringGoesOutOnceAMonthOnTheConfiguredDay() throws {
        var settings = ScheduleSettings()
        settings.monitoringDay = 31
        settings.monitoringTime = TimeOfDay(hour: 10, minute: 30)
        let bench = try SchedulerBench(settings: settings)
        let monitor = try bench.person(20, role: .monitor, consentedAt: Bishkek.at("2026-01-15 12:00"))
        let monitorId = try #require(monitor.id)

        var starts: [String] = []
        try bench.tick(from: Bishkek.at("2026-01-15 12:30"), to: Bishkek.at("2026-05-01 12:30"), every: 7200) { now in
            if !(try bench.drain().messages(to: 20).isEmpty) {
                starts.append(Bishkek.format(now))
                try bench.answer(monitorId, [.cancel], at: now)
            }
        }
        // Day 31 falls on the last day of shorter months.
        #expect(starts == ["2026-01-31 10:30", "2026-02-28 10:30", "2026-03-31 10:30", "2026-04-30 10:30"])
    }

    @Test func nothingStartsDuringQuietHoursAndItGoesOutWhenTheyEnd() throws {
        var settings = ScheduleSettings()
        settings.checkinTime = TimeOfDay(hour: 22, minute: 0)
        let bench = try SchedulerBench(settings: settings)
        try bench.person(30, role: .leader, consentedAt: Bishkek.at("2026-03-01 12:00"))

        try bench.tick(at: Bishkek.at("2026-03-15 21:59"))
        #expect(try bench.drain().isEmpty)
        let queued = try bench.tick(at: Bishkek.at("2026-03-15 22:00"))
        #expect(queued.invitationsQueued == 1 && queued.dialogsStarted == 0)
        for time in ["2026-03-15 23:30", "2026-03-16 03:00", "2026-03-16 08:59"] {
            try bench.tick(at: Bishkek.at(time))
            #expect(try bench.drain().isEmpty, "something went out at \(time)")
        }
        let morning = try bench.tick(at: Bishkek.at("2026-03-16 09:00"))
        #expect(morning.dialogsStarted == 1)
        #expect(!(try bench.drain().messages(to: 30).isEmpty))
        #expect(bench.scheduler.releaseTime(after: Bishkek.at("2026-03-16 23:00")) == Bishkek.at("2026-03-17 09:00"))
        #expect(bench.scheduler.releaseTime(after: Bishkek.at("2026-03-16 12:00")) == Bishkek.at("2026-03-16 12:00"))
    }

    @Test func quietHoursOffSendsAtNight() throws {
        var settings = ScheduleSettings()
        settings.quietHours = nil
        settings.checkinTime = TimeOfDay(hour: 3, minute: 0)
        let bench = try SchedulerBench(settings: settings)
        try bench.person(31, role: .leader, consentedAt: Bishkek.at("2026-03-01 12:00"))
        try bench.tick(at: Bishkek.at("2026-03-15 03:00"))
        #expect(!(try bench.drain().messages(to: 31).isEmpty))
    }

    @Test func afterDowntimeOneInvitationIsSentAndTheNextCountsFromIt() throws {
        let bench = try SchedulerBench()
        let leader = try bench.person(40, role: .leader, consentedAt: Bishkek.at("2026-01-01 12:00"))
        let monitor = try bench.person(41, role: .monitor, consentedAt: Bishkek.at("2026-01-01 12:00"))
        // The bot was down from New Year until 10 March: three check-ins and two monitoring slots were missed.
        let back = Bishkek.at("2026-03-10 14:00")
        let report = try bench.tick(at: back)
        #expect(report.invitationsQueued == 2 && report.dialogsStarted == 2)
        let sent = try bench.drain()
        #expect(sent.messages(to: 40).count >= 1)
        #expect(sent.messages(to: 41).count >= 1)
        try bench.answer(try #require(leader.id), [.cancel], at: back)
        try bench.answer(try #require(monitor.id), [.cancel], at: back)
        for hour in 1...48 {
            try bench.tick(at: back.addingTimeInterval(TimeInterval(hour) * 3600))
        }
        #expect(try bench.drain().isEmpty, "a missed round was sent twice")
        #expect(try bench.invitations().count == 2)
        // The next check-in counts from the catch-up: 14 days later at 11:00.
        try bench.tick(at: Bishkek.at("2026-03-24 10:59"))
        #expect(try bench.drain().isEmpty)
        try bench.tick(at: Bishkek.at("2026-03-24 11:00"))
        #expect(!(try bench.drain().messages(to: 40).isEmpty))
    }

    @Test func aScheduledDialogWaitsForTheOneInProgress() throws {
        let bench = try SchedulerBench()
        let leader = try bench.person(50, role: .leader, consentedAt: Bishkek.at("2026-03-01 12:00"))
        let leaderId = try #require(leader.id)
        // The leader is half-way through a debrief when the check-in falls due.
        var meeting = try bench.meeting(startsAt: Bishkek.at("2026-03-10 10:00"), createdAt: Bishkek.at("2026-03-01 12:00"))
        meeting.debriefsQueuedAt = Bishkek.at("2026-03-10 14:00")
        try bench.database.writer.write { db in
            try meeting.update(db)
            var person = leader
            _ = try bench.driver.start(DialogIds.debrief, for: &person, now: Bishkek.at("2026-03-14 18:00"), in: db)
        }
        try bench.answer(leaderId, [.button(stepId: "attended", optionId: "yes")], at: Bishkek.at("2026-03-14 18:01"))
        let debrief = try #require(try bench.activeConversation(of: leaderId))
        try bench.drain()

        for time in ["2026-03-15 11:00", "2026-03-15 15:00", "2026-03-16 11:00"] {
            try bench.tick(at: Bishkek.at(time))
            #expect(try bench.drain().isEmpty, "the check-in interrupted the debrief at \(time)")
            #expect(try bench.activeConversation(of: leaderId)?.id == debrief.id)
        }
        // The debrief ends; the check-in starts on the next tick, and is recorded then.
        try bench.answer(leaderId, [.cancel], at: Bishkek.at("2026-03-16 12:00"))
        try bench.drain()
        let report = try bench.tick(at: Bishkek.at("2026-03-16 12:00"))
        #expect(report.dialogsStarted == 1)
        #expect(try bench.activeConversation(of: leaderId)?.dialogId == DialogIds.checkin)
        let invitation = try #require(try bench.invitations(leaderId).last)
        #expect(invitation.invitedAt == Bishkek.at("2026-03-16 12:00"))
        #expect(invitation.source == .round)
    }

    @Test func anExpiredDialogLetsTheWaitingOneStart() throws {
        let bench = try SchedulerBench()
        let leader = try bench.person(51, role: .leader, consentedAt: Bishkek.at("2026-03-01 12:00"))
        let leaderId = try #require(leader.id)
        try bench.database.writer.write { db in
            var person = leader
            _ = try bench.driver.start(DialogIds.debrief, for: &person, now: Bishkek.at("2026-03-14 18:00"), in: db)
        }
        try bench.tick(at: Bishkek.at("2026-03-15 11:00"))
        #expect(try bench.activeConversation(of: leaderId)?.dialogId == DialogIds.debrief)
        // The debrief expires after 7 days; the poller sweeps it, then the scheduler starts the check-in.
        let later = Bishkek.at("2026-03-21 19:00")
        try bench.database.writer.write { db in try bench.driver.sweepDeadlines(now: later, in: db) }
        try bench.tick(at: later)
        #expect(try bench.activeConversation(of: leaderId)?.dialogId == DialogIds.checkin)
    }

    @Test func anInvitationForTheDialogInProgressIsRecordedAgainstIt() throws {
        let bench = try SchedulerBench()
        let leader = try bench.person(52, role: .leader, consentedAt: Bishkek.at("2026-03-01 12:00"))
        let leaderId = try #require(leader.id)
        // A round invitation queued during the quiet hours meets a check-in the leader started by hand meanwhile.
        try bench.database.writer.write { db in
            var pending = PendingInvitation(personId: leaderId, dialogId: DialogIds.checkin, source: .round,
                                            queuedAt: Bishkek.at("2026-03-15 22:00"))
            try pending.insert(db)
            var person = leader
            _ = try bench.driver.start(DialogIds.checkin, for: &person, now: Bishkek.at("2026-03-15 23:00"), in: db)
        }
        let conversation = try #require(try bench.activeConversation(of: leaderId))
        try bench.drain()
        let report = try bench.tick(at: Bishkek.at("2026-03-16 09:00"))
        #expect(report.invitationsLinked == 1 && report.dialogsStarted == 0)
        #expect(try bench.drain().isEmpty, "the dialog in progress was started again")
        let invitation = try #require(try bench.invitations(leaderId).first)
        #expect(invitation.conversationId == conversation.id)
        #expect(invitation.source == .round)
    }
}
