import Foundation

/// When the bot comes to people by itself: rounds, meeting reminders and debriefs, and the quiet hours.
/// Times of day are local (the bot's time zone); everything stored is UTC.
public struct ScheduleSettings: Sendable, Equatable {
    /// No proactive message inside these hours; nil means off.
    public var quietHours: QuietHours?
    /// Each leader is invited to the check-in this many days after their last invitation to it.
    public var checkinEveryDays: Int
    /// Local time of day the check-in invitations go out.
    public var checkinTime: TimeOfDay
    /// Day of the month (1-31; a shorter month uses its last day) the monitoring invitations go out.
    public var monitoringDay: Int
    public var monitoringTime: TimeOfDay
    /// How long before a meeting's start each reminder goes, in any order (kept furthest first).
    public var meetingReminders: [TimeInterval]
    /// The length of a meeting added with /meeting add.
    public var meetingLength: TimeInterval
    /// How long after a meeting's end those who said they would attend get the debrief.
    public var debriefDelay: TimeInterval

    public init(quietHours: QuietHours? = QuietHours(start: TimeOfDay(hour: 21, minute: 0), end: TimeOfDay(hour: 9, minute: 0)),
                checkinEveryDays: Int = 14, checkinTime: TimeOfDay = TimeOfDay(hour: 11, minute: 0),
                monitoringDay: Int = 1, monitoringTime: TimeOfDay = TimeOfDay(hour: 11, minute: 0),
                meetingReminders: [TimeInterval] = [72 * 3600, 24 * 3600, 2 * 3600],
                meetingLength: TimeInterval = 120 * 60, debriefDelay: TimeInterval = 2 * 3600) {
        self.quietHours = quietHours
        self.checkinEveryDays = checkinEveryDays
        self.checkinTime = checkinTime
        self.monitoringDay = monitoringDay
        self.monitoringTime = monitoringTime
        self.meetingReminders = meetingReminders.sorted(by: >)
        self.meetingLength = meetingLength
        self.debriefDelay = debriefDelay
    }

    /// Reminder offsets, furthest first; the index into this list is what `meetingReminder` stores.
    var reminderOffsets: [TimeInterval] { meetingReminders.sorted(by: >) }
}
