import Dialogs
import Foundation
import GRDB
import Store
import Telegram

/// Coordinators' /meeting, /meetings and /round, and everyone's answers to meeting reminders.
/// Replies go in the presser's or coordinator's language; what they typed is escaped.
struct MeetingCommands: Sendable {
    let scheduler: Scheduler

    var settings: ScheduleSettings { scheduler.settings }
    var calendar: LocalCalendar { scheduler.calendar }

    /// Longest title and place accepted by /meeting add.
    static let maxTextLength = 200

    /// Runs /meeting, /meetings or /round for a coordinator (the command table has checked the role).
    func run(_ name: BotCommandName, argument: String, by coordinator: Person, at now: Date, in db: Database) throws {
        switch name {
        case .meeting: try meeting(argument, by: coordinator, at: now, in: db)
        case .meetings: try list(by: coordinator, at: now, in: db)
        case .round: try round(argument, by: coordinator, at: now, in: db)
        default: break
        }
    }

    // MARK: /meeting

    /// `/meeting add YYYY-MM-DD HH:MM Title [| kind [| place]]` or `/meeting cancel ID`.
    func meeting(_ argument: String, by coordinator: Person, at now: Date, in db: Database) throws {
        let words = argument.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        switch words.first?.lowercased() {
        case "add": try add(words.count > 1 ? words[1] : "", by: coordinator, at: now, in: db)
        case "cancel": try cancel(words.count > 1 ? words[1] : "", by: coordinator, at: now, in: db)
        default: try reply(SchedulingTexts.meetingUsage, to: coordinator, at: now, in: db)
        }
    }

    private func add(_ text: String, by coordinator: Person, at now: Date, in db: Database) throws {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, let time = TimeOfDay(parsing: parts[1]), let startsAt = calendar.instant(day: parts[0], time: time) else {
            try reply(parts.count >= 2 ? SchedulingTexts.badDateTime : SchedulingTexts.meetingUsage, to: coordinator, at: now, in: db)
            return
        }
        guard startsAt > now else {
            try reply(SchedulingTexts.inThePast, to: coordinator, at: now, in: db)
            return
        }
        let fields = (parts.count > 2 ? parts[2] : "").split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let title = fields.first ?? ""
        guard !title.isEmpty else {
            try reply(SchedulingTexts.noTitle, to: coordinator, at: now, in: db)
            return
        }
        guard title.count <= Self.maxTextLength else {
            try reply(SchedulingTexts.titleTooLong, to: coordinator, at: now, in: db)
            return
        }
        var kind = Meeting.Kind.plenary
        if fields.count > 1, !fields[1].isEmpty {
            guard let parsed = Self.kind(fields[1]) else {
                try reply(SchedulingTexts.unknownKind(fields[1]), to: coordinator, at: now, in: db)
                return
            }
            kind = parsed
        }
        let place = fields.count > 2 ? fields[2...].joined(separator: " | ").trimmingCharacters(in: .whitespaces) : ""
        guard place.count <= Self.maxTextLength else {
            try reply(SchedulingTexts.placeTooLong, to: coordinator, at: now, in: db)
            return
        }
        var meeting = Meeting(title: title, kind: kind, place: place.isEmpty ? nil : place, startsAt: startsAt,
                              durationMinutes: max(1, Int(settings.meetingLength / 60)), createdAt: now)
        try meeting.insert(db)
        try AuditEntry.record(actor: AuditEntry.actor(for: coordinator), action: "meeting.add",
                              detail: "meeting:\(meeting.id ?? 0) \(kind.rawValue)", at: now, in: db)
        try OutboxItem.say(SchedulingTexts.added(meeting, offsets: settings.reminderOffsets, language: coordinator.language,
                                                 calendar: calendar),
                           to: coordinator.telegramUserId, at: now, in: db)
    }

    /// plenary, working_group / "working group", oversight, and the Russian words.
    static func kind(_ word: String) -> Meeting.Kind? {
        let normalized = word.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").joined(separator: " ")
        switch normalized {
        case "plenary", "пленарное", "пленарное заседание", "пленарка": return .plenary
        case "working group", "wg", "рабочая группа", "жумушчу топ": return .workingGroup
        case "oversight", "oversight committee", "надзор", "комитет по надзору", "надзорный комитет", "көзөмөл": return .oversight
        default: return nil
        }
    }

    private func cancel(_ text: String, by coordinator: Person, at now: Date, in db: Database) throws {
        let number = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#№"))
        guard let id = Int64(number), var meeting = try Meeting.fetchOne(db, key: id), meeting.cancelledAt == nil,
              meeting.endsAt > now else {
            try reply(text.isEmpty ? SchedulingTexts.meetingUsage : SchedulingTexts.noSuchMeeting(text), to: coordinator, at: now, in: db)
            return
        }
        meeting.cancelledAt = now
        try meeting.update(db)
        try AuditEntry.record(actor: AuditEntry.actor(for: coordinator), action: "meeting.cancel", detail: "meeting:\(id)", at: now, in: db)
        let told = try MeetingReminder.count(meetingId: id, in: db)
        try OutboxItem.say(SchedulingTexts.cancelled(meeting, told: told, language: coordinator.language),
                           to: coordinator.telegramUserId, at: now, in: db)
    }

    // MARK: /meetings

    private func list(by coordinator: Person, at now: Date, in db: Database) throws {
        try AuditEntry.record(actor: AuditEntry.actor(for: coordinator), action: "meetings", detail: nil, at: now, in: db)
        let meetings = try Meeting.upcoming(at: now, in: db)
        guard !meetings.isEmpty else {
            try reply(SchedulingTexts.noMeetings, to: coordinator, at: now, in: db)
            return
        }
        var lines = [SchedulingTexts.upcomingHeader.text(for: coordinator.language)]
        for meeting in meetings {
            let counts = try RSVP.counts(meetingId: meeting.id ?? 0, in: db)
            lines.append(SchedulingTexts.listLine(meeting, counts: counts, language: coordinator.language, calendar: calendar))
        }
        try OutboxItem.say(lines.joined(separator: "\n"), to: coordinator.telegramUserId, at: now, in: db)
    }

    // MARK: /round

    /// `/round checkin` or `/round monitoring`: invites everyone concerned now (the scheduler starts
    /// the dialogs right after this update, or after the quiet hours) and says how many.
    func round(_ argument: String, by coordinator: Person, at now: Date, in db: Database) throws {
        let target: (dialogId: String, role: Role)
        switch argument.trimmingCharacters(in: .whitespaces).lowercased() {
        case "checkin", "check-in": target = (DialogIds.checkin, .leader)
        case "monitoring": target = (DialogIds.monitoring, .monitor)
        default:
            try reply(SchedulingTexts.roundUsage, to: coordinator, at: now, in: db)
            return
        }
        guard scheduler.driver.library.current(target.dialogId) != nil else {
            try reply(BotTexts.dialogUnavailable, to: coordinator, at: now, in: db)
            return
        }
        let people = try Person.reachable(target.role, in: db)
        guard !people.isEmpty else {
            try reply(SchedulingTexts.nobodyToInvite, to: coordinator, at: now, in: db)
            return
        }
        var busy = 0
        for person in people {
            guard let personId = person.id else { continue }
            let result = try Invitations.queue(target.dialogId, for: personId, source: .round, now: now, in: db)
            if result == .queued, let active = try Conversation.active(personId: personId, in: db), active.dialogId != target.dialogId {
                busy += 1
            }
        }
        try AuditEntry.record(actor: AuditEntry.actor(for: coordinator), action: "round", detail: target.dialogId, at: now, in: db)
        let release = scheduler.releaseTime(after: now)
        let releaseText = release > now ? calendar.formatTime(release, relativeTo: now) : nil
        try OutboxItem.say(SchedulingTexts.roundStarted(invited: people.count, busy: busy, releaseAt: releaseText,
                                                        language: coordinator.language),
                           to: coordinator.telegramUserId, at: now, in: db)
    }

    // MARK: Reminder answers

    /// One row of three buttons; the chosen answer carries a tick.
    static func rsvpButtons(meetingId: Int64, chosen: RSVP.Answer?, language: String) -> [[(String, CallbackData)]] {
        [RSVP.Answer.allCases.map { answer in
            let label = SchedulingTexts.rsvpLabels[answer]!.text(for: language)
            return (answer == chosen ? "✓ " + label : label, CallbackData.rsvp(meetingId: meetingId, answer: answer.rawValue))
        }]
    }

    /// Stores a press on a reminder's buttons and ticks the chosen one. False (a stale button) when
    /// the meeting is gone, cancelled or over, or the presser is not someone reminded of meetings.
    func rsvp(_ answerText: String, meetingId: Int64, pressedBy person: Person, message: Message?, at now: Date,
              in db: Database) throws -> Bool {
        guard let answer = RSVP.Answer(rawValue: answerText), let personId = person.id,
              person.role == .leader || person.role == .coordinator,
              let meeting = try Meeting.fetchOne(db, key: meetingId), meeting.cancelledAt == nil, meeting.endsAt > now
        else { return false }
        try RSVP.set(answer, meetingId: meetingId, personId: personId, at: now, in: db)
        if let message {
            let keyboard = InlineKeyboardMarkup(inlineKeyboard: Self.rsvpButtons(meetingId: meetingId, chosen: answer, language: person.language)
                .map { row in row.map { InlineKeyboardButton(text: $0.0, callbackData: $0.1.encoded) } })
            try OutboxItem.editMessageReplyMarkup(EditMessageReplyMarkup(chatId: message.chat.id, messageId: message.messageId,
                                                                         replyMarkup: keyboard))
                .enqueue(at: now, in: db)
        }
        return true
    }

    private func reply(_ phrase: Phrase, to person: Person, at now: Date, in db: Database) throws {
        try OutboxItem.say(phrase.text(for: person.language), to: person.telegramUserId, at: now, in: db)
    }
}
