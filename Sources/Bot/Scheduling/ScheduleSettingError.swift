import Foundation

/// A schedule setting that is present but malformed; says what is expected.
public struct ScheduleSettingError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Durations as people read them in settings and replies.
enum DurationText {
    /// "72h", "90m", "1h30m"; whole days beyond three as "5d".
    static func compact(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes > 72 * 60, minutes % 1440 == 0 { return "\(minutes / 1440)d" }
        if minutes % 60 == 0 { return "\(minutes / 60)h" }
        if minutes > 60 { return "\(minutes / 60)h\(minutes % 60)m" }
        return "\(minutes)m"
    }
}
