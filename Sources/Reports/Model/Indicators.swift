import Foundation

/// Everything a report shows, computed once from the store; JSON-encodable, and the same for every language.
/// Counts here are exact: small-number suppression is applied when a format meant for sharing renders them.
public struct Indicators: Codable, Sendable, Equatable {
    public var period: ReportPeriod
    public var timeZone: String
    public var generatedAt: Date
    /// Counts from 1 to this minus one are shown as "<N" in city breakdowns of shared formats.
    public var smallNumberThreshold: Int
    public var mentoring: MentoringIndicators
    public var monitoring: MonitoringIndicators
    public var ccm: CCMIndicators
    /// The headline figures, named as in the programme's M&E framework where one fits.
    public var keyIndicators: [KeyIndicator]
    /// What the reader should know about the data: dialogs or options no longer in the dialog files, and so on.
    public var notes: [Wording]

    /// Whether nothing at all was recorded for these sections in the period.
    public func isEmpty(_ sections: [ReportSection] = ReportSection.allCases) -> Bool {
        sections.allSatisfy { section in
            switch section {
            case .mentorship:
                mentoring.checkInsCompleted + mentoring.checkInsPartial + mentoring.checkInsInvited + mentoring.support.requested == 0
            case .monitoring:
                monitoring.reports + monitoring.partialReports == 0
            case .ccm:
                ccm.meetingsHeld + ccm.meetingsCancelled + ccm.meetingsUpcoming + ccm.debriefs == 0
            }
        }
    }
}

/// One headline figure with its M&E name and where that name comes from.
public struct KeyIndicator: Codable, Sendable, Equatable {
    public enum Unit: String, Codable, Sendable {
        case count, percent, hours
    }

    public var id: String
    public var section: ReportSection
    public var name: Wording
    /// nil when it cannot be computed (a rate without a denominator).
    public var value: Double?
    public var unit: Unit
    /// The framework line this follows, e.g. "NSWP M&E 2016-2020, 2.2"; nil for a programme-specific figure.
    public var source: String?
}
