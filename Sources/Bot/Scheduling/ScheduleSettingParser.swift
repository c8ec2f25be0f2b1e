import Foundation

/// Reads the schedule settings as they are typed on the command line; a malformed value throws a
/// message saying what is expected.
public enum ScheduleSettingParser {
    /// "21:00-09:00", or "off".
    public static func quietHours(_ text: String) throws(ScheduleSettingError) -> QuietHours? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if ["off", "none", "no"].contains(trimmed.lowercased()) { return nil }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = TimeOfDay(parsing: String(parts[0])), let end = TimeOfDay(parsing: String(parts[1])) else {
            throw ScheduleSettingError("expected HH:MM-HH:MM (such as 21:00-09:00) or off, got \(text)")
        }
        guard start != end else { throw ScheduleSettingError("the start and end must differ (or say off), got \(text)") }
        return QuietHours(start: start, end: end)
    }

    public static func timeOfDay(_ text: String) throws(ScheduleSettingError) -> TimeOfDay {
        guard let time = TimeOfDay(parsing: text) else { throw ScheduleSettingError("expected a local time HH:MM such as 11:00, got \(text)") }
        return time
    }

    public static func integer(_ text: String, in range: ClosedRange<Int>, what: String) throws(ScheduleSettingError) -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ScheduleSettingError("expected \(what) from \(range.lowerBound) to \(range.upperBound), got \(text)")
        }
        return value
    }

    /// "90m", "2h", "3d", "1h30m"; at least `minimum`, at most `maximum`.
    public static func duration(_ text: String, minimum: TimeInterval, maximum: TimeInterval) throws(ScheduleSettingError) -> TimeInterval {
        guard let seconds = parseDuration(text), seconds >= minimum, seconds <= maximum else {
            throw ScheduleSettingError("expected a duration such as 90m, 2h or 3d (from \(DurationText.compact(minimum)) to \(DurationText.compact(maximum))), got \(text)")
        }
        return seconds
    }

    /// "72h,24h,2h" (any order), or "off" for no reminders.
    public static func durationList(_ text: String) throws(ScheduleSettingError) -> [TimeInterval] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if ["off", "none"].contains(trimmed.lowercased()) { return [] }
        var list: [TimeInterval] = []
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let seconds = parseDuration(String(item)), seconds >= 60, seconds <= 60 * 86400 else {
                throw ScheduleSettingError("expected durations before the meeting separated by commas, such as 72h,24h,2h (or off), got \(text)")
            }
            list.append(seconds)
        }
        return Array(Set(list)).sorted(by: >)
    }

    static func parseDuration(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        var total: TimeInterval = 0
        var digits = ""
        for character in trimmed {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            guard let amount = Int(digits), digits.count <= 6 else { return nil }
            switch character {
            case "d": total += TimeInterval(amount) * 86400
            case "h": total += TimeInterval(amount) * 3600
            case "m": total += TimeInterval(amount) * 60
            default: return nil
            }
            digits = ""
        }
        return digits.isEmpty ? total : nil
    }
}
