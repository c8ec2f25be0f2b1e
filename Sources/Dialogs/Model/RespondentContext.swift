import Foundation

/// What the engine may know about the person answering: only what placeholders and conditions need.
public struct RespondentContext: Sendable {
    public var alias: String?
    public var city: String?
    public var language: Language
    /// Used to work out "today" for date answers.
    public var timeZone: TimeZone

    public init(alias: String? = nil, city: String? = nil, language: Language = .ru, timeZone: TimeZone = .bishkek) {
        self.alias = alias
        self.city = city
        self.language = language
        self.timeZone = timeZone
    }
}

extension TimeZone {
    /// Asia/Bishkek (UTC+6, no daylight saving), with a fixed-offset fallback when tzdata is missing.
    public static let bishkek: TimeZone = TimeZone(identifier: "Asia/Bishkek")
        ?? TimeZone(secondsFromGMT: 6 * 3600)
        ?? TimeZone(secondsFromGMT: 0) ?? TimeZone.current
}
