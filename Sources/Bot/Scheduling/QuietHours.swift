import Foundation

/// Local hours in which the bot sends nothing by itself; may span midnight (21:00-09:00).
public struct QuietHours: Sendable, Equatable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }

    func contains(_ date: Date, in calendar: LocalCalendar) -> Bool {
        let minute = calendar.minuteOfDay(date)
        if start < end { return minute >= start.minuteOfDay && minute < end.minuteOfDay }
        return minute >= start.minuteOfDay || minute < end.minuteOfDay
    }

    /// The next moment after `date` when the quiet hours end.
    func nextEnd(after date: Date, in calendar: LocalCalendar) -> Date {
        let today = calendar.date(at: end, onDayOf: date)
        return today > date ? today : calendar.date(at: end, onDayOf: calendar.addingDays(1, to: date))
    }
}
