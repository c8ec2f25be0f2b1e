import Foundation

/// Local days and times of day in the bot's time zone, over UTC instants. Day arithmetic is by
/// calendar day, so a daylight-saving change (in zones that have one) keeps the local time.
struct LocalCalendar: Sendable {
    let calendar: Calendar

    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    var timeZone: TimeZone { calendar.timeZone }

    func minuteOfDay(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// `time` on the local day of `date` (the first valid moment after it if a clock change skips it).
    func date(at time: TimeOfDay, onDayOf date: Date) -> Date {
        let day = calendar.startOfDay(for: date)
        return calendar.date(bySettingHour: time.hour, minute: time.minute, second: 0, of: day, matchingPolicy: .nextTime)
            ?? day.addingTimeInterval(TimeInterval(time.minuteOfDay * 60))
    }

    func startOfDay(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    func addingDays(_ days: Int, to date: Date) -> Date {
        calendar.date(byAdding: .day, value: days, to: date) ?? date.addingTimeInterval(TimeInterval(days) * 86400)
    }

    /// The latest monthly slot (day `day` of a month, clamped to its length, at `time`) not after `now`.
    func latestMonthlySlot(day: Int, time: TimeOfDay, notAfter now: Date) -> Date {
        let thisMonth = monthlySlot(day: day, time: time, inMonthOf: now)
        if thisMonth <= now { return thisMonth }
        let lastMonth = calendar.date(byAdding: .month, value: -1, to: now) ?? now.addingTimeInterval(-31 * 86400)
        return monthlySlot(day: day, time: time, inMonthOf: lastMonth)
    }

    private func monthlySlot(day: Int, time: TimeOfDay, inMonthOf date: Date) -> Date {
        var parts = calendar.dateComponents([.year, .month], from: date)
        let firstOfMonth = calendar.date(from: parts) ?? date
        let length = calendar.range(of: .day, in: .month, for: firstOfMonth)?.count ?? 28
        parts.day = min(max(day, 1), length)
        let dayDate = calendar.date(from: parts) ?? firstOfMonth
        return self.date(at: time, onDayOf: dayDate)
    }

    /// Parses "2026-12-03" or "03.12.2026" with "10:00" as a local instant.
    func instant(day text: String, time: TimeOfDay) -> Date? {
        let numbers: [Int]
        let year: Int, month: Int, day: Int
        if text.contains("-") {
            numbers = text.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard numbers.count == 3, text.split(separator: "-")[0].count == 4 else { return nil }
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else if text.contains(".") {
            numbers = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard numbers.count == 3, text.split(separator: ".")[2].count == 4 else { return nil }
            (year, month, day) = (numbers[2], numbers[1], numbers[0])
        } else {
            return nil
        }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        let parts = DateComponents(year: year, month: month, day: day, hour: time.hour, minute: time.minute)
        guard (2000...2100).contains(year), calendar.date(from: parts) != nil,
              let date = calendar.date(from: parts),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        return date
    }

    /// "03.12.2026 10:00".
    func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date)
    }

    /// "03.12.2026".
    func formatDay(_ date: Date) -> String {
        String(format(date).prefix(10))
    }

    /// "09:00", or "09:00 (04.12)" when it is not on the local day of `reference`.
    func formatTime(_ date: Date, relativeTo reference: Date) -> String {
        let full = format(date)
        let time = String(full.suffix(5))
        if calendar.isDate(date, inSameDayAs: reference) { return time }
        return "\(time) (\(full.prefix(5)))"
    }
}
