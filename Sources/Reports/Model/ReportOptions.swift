import Dialogs
import Foundation

/// How a report is made: names from the dialog files, local time, the reader's language, the
/// small-number threshold and the clock. The defaults suit the bot.
public struct ReportOptions: Sendable {
    /// The dialog files, for option names in every language; nil falls back to stored versions and labels.
    public var catalog: DialogCatalog?
    public var timeZone: TimeZone
    public var language: Language
    public var smallNumbers: SmallNumbers
    public var now: Date

    public init(catalog: DialogCatalog? = nil, timeZone: TimeZone = .bishkek, language: Language = .ru,
                smallNumbers: SmallNumbers = SmallNumbers(), now: Date = Date()) {
        self.catalog = catalog
        self.timeZone = timeZone
        self.language = language
        self.smallNumbers = smallNumbers
        self.now = now
    }
}
