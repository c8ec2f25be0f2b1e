import Dialogs
import Foundation

/// What `/summary`, `/report` and `/export` were asked for: section names (for `/summary`) and at most one
/// period, in any order, e.g. `/summary ccm 2026-Q4`. Without a period: the last 30 days.
public struct ReportRequest: Sendable, Equatable {
    public var sections: [ReportSection]
    public var period: ReportPeriod

    public static let defaultPeriod = "last30"

    /// `arguments` is the text after the command. A word with a digit is read as a period, any other as a
    /// section; sections are only accepted when `allowsSections`.
    public static func parse(_ arguments: String, allowsSections: Bool, now: Date, timeZone: TimeZone = .bishkek) throws -> ReportRequest {
        var sections: [ReportSection] = []
        var periods: [String] = []
        for word in arguments.split(whereSeparator: \.isWhitespace).map(String.init) {
            if word.contains(where: \.isNumber) || word.lowercased() == "all" {
                periods.append(word)
            } else if allowsSections {
                let section = try ReportSection.parse(word)
                if !sections.contains(section) { sections.append(section) }
            } else {
                throw ReportError.unknownPeriod(word)
            }
        }
        guard periods.count <= 1 else { throw ReportError.unknownPeriod(periods.joined(separator: " ")) }
        let period = try ReportPeriod.parse(periods.first ?? defaultPeriod, now: now, timeZone: timeZone)
        return ReportRequest(sections: sections.isEmpty ? ReportSection.allCases : sections, period: period)
    }
}
