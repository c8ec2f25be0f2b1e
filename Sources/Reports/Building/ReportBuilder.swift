import Dialogs
import Foundation
import GRDB
import Store

/// Computes every indicator for a period from the store. Only reads, so it runs beside the working bot
/// (call it inside one read transaction for a consistent snapshot).
public enum ReportBuilder {
    /// `pseudonym` names leaders in the per-leader confidence series (JSON only); nil reads the store's key
    /// if it has one and leaves the series empty if not.
    public static func indicators(in db: Database, period: ReportPeriod, options: ReportOptions = ReportOptions(),
                                  pseudonym: ParticipantPseudonym? = nil) throws -> Indicators {
        let pseudonym = try pseudonym ?? ParticipantPseudonym.existing(in: db)
        var context = try BuildContext(db: db, period: period, catalog: options.catalog, timeZone: options.timeZone,
                                       now: options.now, pseudonym: pseudonym)
        let mentoring = try MentoringBuilder.build(&context)
        let monitoring = try MonitoringBuilder.build(&context)
        let ccm = try CCMBuilder.build(&context)
        return Indicators(period: period, timeZone: options.timeZone.identifier, generatedAt: options.now,
                          smallNumberThreshold: options.smallNumbers.threshold,
                          mentoring: mentoring, monitoring: monitoring, ccm: ccm,
                          keyIndicators: KeyIndicatorList.make(mentoring, monitoring, ccm),
                          notes: context.names.notes)
    }

    /// Like `indicators`, but a period with nothing recorded for `sections` is an error, not an empty report.
    public static func nonEmptyIndicators(in db: Database, period: ReportPeriod, sections: [ReportSection] = ReportSection.allCases,
                                          options: ReportOptions = ReportOptions(),
                                          pseudonym: ParticipantPseudonym? = nil) throws -> Indicators {
        let result = try indicators(in: db, period: period, options: options, pseudonym: pseudonym)
        if result.isEmpty(sections) { throw ReportError.emptyPeriod(PeriodText.name(period, options.language)) }
        return result
    }
}

extension ReportPeriod {
    /// The label with its days, as a person reads it: `2026-Q4 (2026-10-01 – 2026-12-31)`.
    public var displayName: String {
        if isAllTime { return label }
        return dayRange == label ? label : "\(label) (\(dayRange))"
    }
}

extension ParticipantPseudonym {
    /// The store's key if it has one; reading never creates it, so this works in a read-only transaction.
    static func existing(in db: Database) throws -> ParticipantPseudonym? {
        try String.fetchOne(db, sql: "SELECT value FROM botState WHERE key = 'logKey'").map(ParticipantPseudonym.init(secret:))
    }
}
