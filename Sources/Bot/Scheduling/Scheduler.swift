import Dialogs
import Foundation
import GRDB
import Store
import Telegram

/// Everything the bot does by itself, decided from the database and the time it is given: no clock
/// of its own and no sleeping, so a test moves time by calling `tick` with another `now`.
///
/// Each tick runs in one write transaction with the outbox rows it writes, and everything it did is
/// remembered in the same transaction (a delivered invitation, the reminder offset sent, a prompt
/// marked handled), so a crash or restart neither repeats nor loses a job; after downtime the next
/// tick catches up by the same rules.
public struct Scheduler: Sendable {
    /// A debrief is not started for a meeting whose debrief time passed longer ago than this (after a long downtime).
    static let debriefWindow: TimeInterval = 14 * 86400

    let settings: ScheduleSettings
    let driver: ConversationDriver
    let calendar: LocalCalendar

    public init(settings: ScheduleSettings, driver: ConversationDriver) {
        self.settings = settings
        self.driver = driver
        calendar = LocalCalendar(timeZone: driver.timeZone)
    }

    /// Whether `now` is inside the quiet hours.
    public func isQuiet(at now: Date) -> Bool {
        settings.quietHours?.contains(now, in: calendar) ?? false
    }

    /// When a message held back now would go out: `now` itself outside the quiet hours.
    public func releaseTime(after now: Date) -> Date {
        guard let quiet = settings.quietHours, quiet.contains(now, in: calendar) else { return now }
        return quiet.nextEnd(after: now, in: calendar)
    }

    /// Does whatever is due at `now`, inside the caller's write transaction.
    @discardableResult
    public func tick(now: Date, in db: Database) throws -> SchedulerReport {
        var report = SchedulerReport()
        report.invitationsQueued += try queueCheckins(now: now, in: db)
        report.invitationsQueued += try queueMonitoring(now: now, in: db)
        try queueDebriefs(now: now, report: &report, in: db)
        report.missedCheckinsFound = try findMissedCheckins(now: now, in: db)
        let quiet = isQuiet(at: now)
        try startPending(now: now, quiet: quiet, report: &report, in: db)
        if !quiet {
            report.remindersSent = try sendReminders(now: now, in: db)
            report.cancellationsSent = try sendCancellations(now: now, in: db)
            report.mentorPromptsSent = try MentorPrompts.sendPending(library: driver.library, calendar: calendar, now: now, in: db)
        }
        return report
    }

    // MARK: Rounds

    /// A leader is due for a check-in `checkinEveryDays` local days after their last invitation to it
    /// (from any source, so a /checkin of their own or a /round resets it), or after they joined, at
    /// `checkinTime`. After downtime one invitation is queued, and the next counts from it.
    func queueCheckins(now: Date, in db: Database) throws -> Int {
        guard driver.library.current(DialogIds.checkin) != nil, settings.checkinEveryDays > 0 else { return 0 }
        // Due means: checkinTime on the local day `checkinEveryDays` after the reference has come.
        // The latest local day whose checkinTime has come is L; a reference on a day up to
        // L - checkinEveryDays is due, which is one comparison per leader instead of calendar math.
        let todaysTime = calendar.date(at: settings.checkinTime, onDayOf: now)
        let latestDay = todaysTime <= now ? now : calendar.addingDays(-1, to: now)
        let dueBefore = calendar.startOfDay(calendar.addingDays(1 - settings.checkinEveryDays, to: latestDay))
        var queued = 0
        for leader in try RoundCandidate.all(.leader, dialogId: DialogIds.checkin, in: db) {
            let personId = leader.personId
            let reference = leader.latestInvitedAt ?? leader.consentedAt
            guard reference < dueBefore else { continue }
            if try Invitations.queue(DialogIds.checkin, for: personId, source: .round, now: now, in: db) != .alreadyInvited {
                queued += 1
            }
        }
        return queued
    }

    /// A monitor is due once per monthly slot (day `monitoringDay` at `monitoringTime`): when they have
    /// had no monitoring invitation since the latest slot and joined before it.
    func queueMonitoring(now: Date, in db: Database) throws -> Int {
        guard driver.library.current(DialogIds.monitoring) != nil else { return 0 }
        let slot = calendar.latestMonthlySlot(day: settings.monitoringDay, time: settings.monitoringTime, notAfter: now)
        var queued = 0
        for monitor in try RoundCandidate.all(.monitor, dialogId: DialogIds.monitoring, in: db) {
            let personId = monitor.personId
            guard monitor.consentedAt < slot else { continue }
            if let latest = monitor.latestInvitedAt, latest >= slot { continue }
            if try Invitations.queue(DialogIds.monitoring, for: personId, source: .round, now: now, in: db) != .alreadyInvited {
                queued += 1
            }
        }
        return queued
    }

    /// Starts waiting invitations for people with no dialog in progress, oldest first, one per person.
    /// Someone already in the same dialog has the invitation recorded against it instead. Nothing
    /// starts during the quiet hours.
    func startPending(now: Date, quiet: Bool, report: inout SchedulerReport, in db: Database) throws {
        var busy = Set<Int64>()
        for pending in try PendingInvitation.all(in: db) where !busy.contains(pending.personId) {
            guard var person = try Person.fetchOne(db, key: pending.personId) else { continue }
            if person.deactivatedAt != nil {
                // Closed by a coordinator: they are not asked any more.
                _ = try pending.delete(db)
                continue
            }
            guard person.isReachable, driver.library.current(pending.dialogId) != nil else { continue }
            if let active = try Conversation.active(personId: pending.personId, in: db) {
                busy.insert(pending.personId)
                if active.dialogId == pending.dialogId, pending.meetingId == nil, let activeId = active.id {
                    if try DialogInvitation.exists(conversationId: activeId, in: db) {
                        _ = try pending.delete(db)
                    } else {
                        try Invitations.deliver(pending, conversationId: activeId, now: now, in: db)
                        report.invitationsLinked += 1
                    }
                }
                continue
            }
            guard !quiet else { continue }
            busy.insert(pending.personId)
            if let meetingId = pending.meetingId, let meeting = try Meeting.fetchOne(db, key: meetingId) {
                try OutboxItem.say(SchedulingTexts.debriefIntro(meeting, language: person.language, calendar: calendar),
                                   to: person.telegramUserId, at: now, in: db)
            }
            let conversationId = try driver.startConversation(pending.dialogId, for: &person, meetingId: pending.meetingId,
                                                              now: now, in: db)
            try Invitations.deliver(pending, conversationId: conversationId, now: now, in: db)
            report.dialogsStarted += 1
        }
    }

    // MARK: Meetings

    /// For each meeting about to start, each leader and coordinator gets the latest reminder that is
    /// due and not yet sent: several overdue offsets make one message; none once the meeting started.
    func sendReminders(now: Date, in db: Database) throws -> Int {
        let offsets = settings.reminderOffsets
        guard let furthest = offsets.first else { return 0 }
        let meetings = try Meeting.starting(after: now, before: now.addingTimeInterval(furthest), in: db)
        guard !meetings.isEmpty else { return 0 }
        let people = try Person.reachable(.leader, in: db) + Person.reachable(.coordinator, in: db)
        var sent = 0
        for meeting in meetings {
            guard let meetingId = meeting.id,
                  let due = offsets.indices.last(where: { meeting.startsAt.addingTimeInterval(-offsets[$0]) <= now }) else { continue }
            let already = try MeetingReminder.sent(meetingId: meetingId, in: db)
            for person in people {
                guard let personId = person.id else { continue }
                if let earlier = already[personId], earlier.offsetIndex >= due { continue }
                let answer = try RSVP.answer(meetingId: meetingId, personId: personId, in: db)
                try OutboxItem.ask(SchedulingTexts.reminder(meeting, language: person.language, calendar: calendar),
                                   buttons: MeetingCommands.rsvpButtons(meetingId: meetingId, chosen: answer, language: person.language),
                                   to: person.telegramUserId, at: now, in: db)
                var reminder = already[personId] ?? MeetingReminder(meetingId: meetingId, personId: personId, offsetIndex: due,
                                                                     remindedAt: now)
                reminder.offsetIndex = due
                reminder.remindedAt = now
                try reminder.save(db)
                sent += 1
            }
        }
        return sent
    }

    /// Tells everyone who was reminded of a cancelled meeting that it is off, once, while it still matters.
    func sendCancellations(now: Date, in db: Database) throws -> Int {
        var sent = 0
        for meeting in try Meeting.cancelledNotEnded(at: now, in: db) {
            guard let meetingId = meeting.id else { continue }
            let untold = try MeetingReminder.filter(Column("meetingId") == meetingId && Column("cancellationSentAt") == nil)
                .order(Column("personId")).fetchAll(db)
            for var reminder in untold {
                reminder.cancellationSentAt = now
                try reminder.update(db)
                guard let person = try Person.fetchOne(db, key: reminder.personId), person.isReachable else { continue }
                try OutboxItem.say(SchedulingTexts.cancellation(meeting, language: person.language, calendar: calendar),
                                   to: person.telegramUserId, at: now, in: db)
                sent += 1
            }
        }
        return sent
    }

    /// Some time after a meeting ends (its length plus `debriefDelay`), those who said they would
    /// attend are invited to the debrief, once per meeting. Coordinators are staff, not community
    /// representatives: they get reminders but no debrief, so the CCM indicators count the community only.
    func queueDebriefs(now: Date, report: inout SchedulerReport, in db: Database) throws {
        guard driver.library.current(DialogIds.debrief) != nil else { return }
        for var meeting in try Meeting.awaitingDebriefs(in: db) {
            guard let meetingId = meeting.id else { continue }
            let due = meeting.endsAt.addingTimeInterval(settings.debriefDelay)
            guard due <= now else { continue }
            meeting.debriefsQueuedAt = now
            try meeting.update(db)
            guard now.timeIntervalSince(due) <= Self.debriefWindow else {
                report.staleDebriefsSkipped += 1
                continue
            }
            for personId in try RSVP.attending(meetingId: meetingId, in: db) {
                guard let person = try Person.fetchOne(db, key: personId), person.isReachable, person.role != .coordinator else { continue }
                try Invitations.queue(DialogIds.debrief, for: personId, source: .meeting, meetingId: meetingId, now: now, in: db)
                report.invitationsQueued += 1
            }
        }
    }

    // MARK: Missed check-ins

    /// A leader with a mentor missed two check-ins in a row when their last two scheduled check-in
    /// invitations are over (the later conversation ended) and no check-in was completed since the
    /// first of them. The prompt is keyed by the later invitation, and a pair that shares an
    /// invitation with an earlier prompt does not fire again: one prompt per two misses.
    func findMissedCheckins(now: Date, in db: Database) throws -> Int {
        var found = 0
        let leaders = try Person.fetchAll(db, sql: """
            SELECT * FROM person WHERE role = 'leader' AND mentorId IS NOT NULL AND deactivatedAt IS NULL ORDER BY id
            """)
        for leader in leaders {
            guard let personId = leader.id else { continue }
            let invitations = try DialogInvitation.latest(2, personId: personId, dialogId: DialogIds.checkin, source: .round, in: db)
            guard invitations.count == 2, let later = invitations[0].id, let earlier = invitations[1].id,
                  try !MentorPrompt.existsMissed(forAnyOf: [later, earlier], in: db) else { continue }
            if let conversationId = invitations[0].conversationId,
               let conversation = try Conversation.fetchOne(db, key: conversationId), conversation.status == .active { continue }
            let completed = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM response WHERE personId = ? AND dialogId = ? AND status = 'complete' AND finishedAt >= ?
                """, arguments: [personId, DialogIds.checkin, invitations[1].invitedAt]) ?? 0
            guard completed == 0 else { continue }
            var prompt = MentorPrompt(kind: .missed, personId: personId, mentorId: leader.mentorId, invitationId: later, createdAt: now)
            try prompt.insert(db)
            found += 1
        }
        return found
    }
}
