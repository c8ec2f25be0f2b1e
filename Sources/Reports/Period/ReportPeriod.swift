import Dialogs
import Foundation

/// The stretch of local time a report covers: whole days in the programme's time zone, or all time.
public struct ReportPeriod: Sendable, Equatable, Codable {
    /// How the period was asked for, normalised: `2026-11`, `2026-Q4`, `2026`, `last30`,
    /// `2026-01-01..2026-03-31`, `all`. Goes into audit rows and file names.
    public let label: String
    /// First and last day included, in local time; `nil` for an open end.
    public let firstDay: CalendarDay?
    public let lastDay: CalendarDay?
    /// The same as instants: `start` included, `end` excluded.
    public let start: Date?
    public let end: Date?

    public static let allTime = ReportPeriod(label: "all", firstDay: nil, lastDay: nil, start: nil, end: nil)

    init(label: String, firstDay: CalendarDay?, lastDay: CalendarDay?, timeZone: TimeZone) {
        self.init(label: label, firstDay: firstDay, lastDay: lastDay,
                  start: firstDay?.start(in: timeZone), end: lastDay?.adding(days: 1).start(in: timeZone))
    }

    private init(label: String, firstDay: CalendarDay?, lastDay: CalendarDay?, start: Date?, end: Date?) {
        self.label = label
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.start = start
        self.end = end
    }

    public var isAllTime: Bool { firstDay == nil && lastDay == nil }

    public func contains(_ instant: Date) -> Bool {
        (start.map { instant >= $0 } ?? true) && (end.map { instant < $0 } ?? true)
    }

    /// `2026-10-01 – 2026-12-31`, or the open side left empty; used next to the label for people.
    public var dayRange: String {
        switch (firstDay, lastDay) {
        case (nil, nil): ""
        case (let first?, let last?) where first == last: first.iso
        default: "\(firstDay?.iso ?? "…") – \(lastDay?.iso ?? "…")"
        }
    }

    /// Parses what a coordinator types: `2026-11`, `2026-Q4`, `2026`, `2026-11-05`, `last30` (the last 30 days,
    /// today included), `2026-01-01..2026-03-31`, or `all`.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone = .bishkek) throws -> ReportPeriod {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered == "all" { return .allTime }
        if lowered.hasPrefix("last"), let days = Int(lowered.dropFirst(4)), !lowered.dropFirst(4).hasPrefix("+") {
            guard (1...3660).contains(days) else { throw ReportError.unknownPeriod(trimmed) }
            let today = CalendarDay(now, in: timeZone)
            return ReportPeriod(label: "last\(days)", firstDay: today.adding(days: 1 - days), lastDay: today, timeZone: timeZone)
        }
        if let range = lowered.range(of: "..") {
            let from = String(lowered[..<range.lowerBound]), to = String(lowered[range.upperBound...])
            return try between(from: from.isEmpty ? nil : from, to: to.isEmpty ? nil : to, timeZone: timeZone)
        }
        if let day = CalendarDay(iso: lowered) {
            return ReportPeriod(label: day.iso, firstDay: day, lastDay: day, timeZone: timeZone)
        }
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first.flatMap(yearNumber) else { throw ReportError.unknownPeriod(trimmed) }
        switch parts.count {
        case 1:
            return ReportPeriod(label: String(year), firstDay: CalendarDay(year: year, month: 1, day: 1),
                                lastDay: CalendarDay(year: year, month: 12, day: 31), timeZone: timeZone)
        case 2 where parts[1].count == 2 && parts[1].first == "q":
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { throw ReportError.unknownPeriod(trimmed) }
            let firstMonth = quarter * 3 - 2
            return ReportPeriod(label: "\(year)-Q\(quarter)", firstDay: CalendarDay(year: year, month: firstMonth, day: 1),
                                lastDay: lastDayOf(month: firstMonth + 2, year: year), timeZone: timeZone)
        case 2 where parts[1].count == 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { throw ReportError.unknownPeriod(trimmed) }
            return ReportPeriod(label: String(format: "%04d-%02d", year, month), firstDay: CalendarDay(year: year, month: month, day: 1),
                                lastDay: lastDayOf(month: month, year: year), timeZone: timeZone)
        default:
            throw ReportError.unknownPeriod(trimmed)
        }
    }

    /// From `--from` / `--to` (yyyy-MM-dd, both days included); either may be missing, both missing is all time.
    public static func between(from: String?, to: String?, timeZone: TimeZone = .bishkek) throws -> ReportPeriod {
        let first = try from.map(day(from:))
        let last = try to.map(day(from:))
        if let first, let last, last < first { throw ReportError.fromAfterTo(from: first.iso, to: last.iso) }
        if first == nil, last == nil { return .allTime }
        let label = "\(first?.iso ?? "")..\(last?.iso ?? "")"
        return ReportPeriod(label: label, firstDay: first, lastDay: last, timeZone: timeZone)
    }

    private static func day(from text: String) throws -> CalendarDay {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let day = CalendarDay(iso: trimmed), yearNumber(Substring(String(day.year))) != nil else {
            throw ReportError.invalidDate(trimmed)
        }
        return day
    }

    private static func yearNumber(_ text: Substring) -> Int? {
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text),
              (2000...2100).contains(year) else { return nil }
        return year
    }

    private static func lastDayOf(month: Int, year: Int) -> CalendarDay? {
        CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))
    }
}
