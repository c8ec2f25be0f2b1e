import Dialogs
import Foundation
import GRDB
import Store

/// What the bot commands and `kenesh report` call: makes a report from the store in one consistent
/// read (the bot keeps writing meanwhile). Each request is first recorded in the audit log (who, format
/// and period, nothing else), before any data is read, so an export cut off half-way is on record too.
/// A period with nothing recorded is a `ReportError`, never an empty report.
public struct Reporter: Sendable {
    /// A report format, as `--format` names it.
    public enum Format: String, Sendable, CaseIterable {
        case text, csv, json, html
    }

    public let database: AppDatabase
    public var options: ReportOptions

    public init(database: AppDatabase, options: ReportOptions = ReportOptions()) {
        self.database = database
        self.options = options
    }

    /// `/summary [section] [period]`: Telegram HTML in `options.language`.
    public func summary(sections: [ReportSection] = ReportSection.allCases, period: ReportPeriod, actor: String,
                        markup: SummaryText.Markup = .telegramHTML) throws -> String {
        try audit(actor: actor, what: markup == .plain ? "text" : "summary", period: period)
        let indicators = try database.writer.read { db in
            try ReportBuilder.nonEmptyIndicators(in: db, period: period, sections: sections, options: options)
        }
        return SummaryText.render(indicators, sections: sections, language: options.language, markup: markup)
    }

    /// `/report [period]`: the self-contained HTML page.
    public func html(period: ReportPeriod, actor: String) throws -> String {
        try audit(actor: actor, what: Format.html.rawValue, period: period)
        let indicators = try database.writer.read { db in
            try ReportBuilder.nonEmptyIndicators(in: db, period: period, options: options)
        }
        return HTMLReport.render(indicators, language: options.language)
    }

    /// `/export [period]`: the ZIP of CSV files in memory, with the name to send it under.
    public func exportArchive(period: ReportPeriod, dialogs: [String]? = nil, actor: String) throws -> (fileName: String, data: Data) {
        let pseudonym = try auditAndKey(actor: actor, what: Format.csv.rawValue, period: period)
        let options = options
        return try SharedSnapshot.read(database.writer) { db, second in
            try CSVExport.archive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, second: second)
        }
    }

    /// The ZIP of CSV files streamed to `handle`; returns the suggested file name.
    @discardableResult
    public func writeExportArchive(period: ReportPeriod, dialogs: [String]? = nil, actor: String, to handle: FileHandle) throws -> String {
        let pseudonym = try auditAndKey(actor: actor, what: Format.csv.rawValue, period: period)
        let options = options
        return try SharedSnapshot.read(database.writer) { db, second in
            try CSVExport.writeArchive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, to: handle,
                                       second: second)
        }
    }

    /// Only the tidy answers file, streamed (`kenesh report --format csv` to stdout).
    public func writeAnswersCSV(period: ReportPeriod, dialogs: [String]? = nil, actor: String, to handle: FileHandle) throws {
        let pseudonym = try auditAndKey(actor: actor, what: Format.csv.rawValue, period: period)
        try database.writer.read { db in
            try CSVExport.writeAnswers(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, to: handle)
        }
    }

    /// Every indicator and every response behind them, streamed as JSON to `handle`.
    public func writeJSON(period: ReportPeriod, actor: String, to handle: FileHandle) throws {
        let pseudonym = try auditAndKey(actor: actor, what: Format.json.rawValue, period: period)
        let options = options
        try SharedSnapshot.read(database.writer) { db, second in
            let out = ByteWriter(handle: handle)
            try JSONReport.write(in: db, period: period, options: options, pseudonym: pseudonym, to: out, second: second)
            try out.flush()
        }
    }

    /// `/mentees` for the mentor with this person id.
    public func mentees(mentorId: Int64, actor: String) throws -> String {
        try database.writer.write { db in
            try AuditEntry.record(actor: actor, action: "report", detail: "mentees", at: options.now, in: db)
        }
        return try database.writer.read { db in
            try MenteeOverview.render(mentorId: mentorId, in: db, language: options.language, now: options.now,
                                      timeZone: options.timeZone, catalog: options.catalog)
        }
    }

    private func audit(actor: String, what: String, period: ReportPeriod) throws {
        try database.writer.write { db in
            try AuditEntry.record(actor: actor, action: "report", detail: "\(what) \(period.label)", at: options.now, in: db)
        }
    }

    /// The audit row and the export key (made once per data folder) in one short write.
    private func auditAndKey(actor: String, what: String, period: ReportPeriod) throws -> ParticipantPseudonym {
        try database.writer.write { db in
            try AuditEntry.record(actor: actor, action: "report", detail: "\(what) \(period.label)", at: options.now, in: db)
            return try ParticipantPseudonym.forStore(db)
        }
    }
}
