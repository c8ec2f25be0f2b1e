import Dialogs
import Foundation
import GRDB
import Reports
import Store
import Telegram

/// Coordinators' /summary, /export and /report, and mentors' /mentees. They are computed inside the
/// update's transaction (one consistent read), and the access is written to the audit log in the
/// same commit.
struct ReportCommands: Sendable {
    let library: DialogLibrary
    let timeZone: TimeZone

    static let usage = Phrase(
        ru: "Например: /summary, /summary monitoring 2026-Q4, /export 2026-11, /report 2026. Периоды: 2026-11, 2026-Q4, 2026, last30, all.",
        ky: "Мисалы: /summary, /summary monitoring 2026-Q4, /export 2026-11, /report 2026. Мезгилдер: 2026-11, 2026-Q4, 2026, last30, all.",
        en: "For example: /summary, /summary monitoring 2026-Q4, /export 2026-11, /report 2026. Periods: 2026-11, 2026-Q4, 2026, last30, all."
    )
    static let tooLarge = Phrase(
        ru: "Выгрузка больше 50 МБ, Telegram её не примет. Выберите период короче или используйте kenesh report на сервере.",
        ky: "Жүктөө 50 МБдан чоң, Telegram аны кабыл албайт. Кыскараак мезгил тандаңыз же серверде kenesh report колдонуңуз.",
        en: "The export is over 50 MB, which Telegram will not take. Choose a shorter period or use kenesh report on the server."
    )

    /// `/summary [mentorship|monitoring|ccm] [period]`: all three for the last 30 days by default.
    func summary(_ argument: String, by person: Person, now: Date, in db: Database) throws {
        try answering(person, now: now, in: db) { options in
            let request = try ReportRequest.parse(argument, allowsSections: true, now: now, timeZone: timeZone)
            let (sections, period) = (request.sections, request.period)
            let indicators = try ReportBuilder.nonEmptyIndicators(in: db, period: period, sections: sections, options: options)
            try audit(person, "summary \(sections.map(\.rawValue).joined(separator: "+")) \(period.label)", now: now, in: db)
            try OutboxItem.say(SummaryText.render(indicators, sections: sections, language: options.language),
                               to: person.telegramUserId, at: now, in: db)
        }
    }

    /// `/report [period]`: the self-contained HTML page, as a file.
    func report(_ argument: String, by person: Person, now: Date, in db: Database) throws {
        try answering(person, now: now, in: db) { options in
            let period = try ReportPeriod.parse(argument.isEmpty ? "last30" : argument, now: now, timeZone: timeZone)
            let indicators = try ReportBuilder.nonEmptyIndicators(in: db, period: period, options: options)
            try audit(person, "html \(period.label)", now: now, in: db)
            let page = HTMLReport.render(indicators, language: options.language)
            try OutboxItem.sendDocument(DocumentUpload(chatId: person.telegramUserId, fileName: "kenesh-report-\(period.label).html",
                                                       data: Data(page.utf8), mimeType: "text/html"))
                .enqueue(at: now, in: db)
        }
    }

    /// `/export [period]`: the CSV files (zipped when more than one), as a file.
    func export(_ argument: String, by person: Person, now: Date, in db: Database) throws {
        try answering(person, now: now, in: db) { options in
            let period = try ReportPeriod.parse(argument.isEmpty ? "all" : argument, now: now, timeZone: timeZone)
            // The archive refuses an empty period by itself.
            guard let archive = try CSVExport.archive(in: db, period: period, options: options,
                                                      pseudonym: ParticipantPseudonym.forStore(db), smallerThan: 50_000_000)
            else {
                try OutboxItem.say(Self.tooLarge.text(for: person.language), to: person.telegramUserId, at: now, in: db)
                return
            }
            try audit(person, "csv \(period.label)", now: now, in: db)
            let mimeType = archive.fileName.hasSuffix(".zip") ? "application/zip" : "text/csv"
            try OutboxItem.sendDocument(DocumentUpload(chatId: person.telegramUserId, fileName: archive.fileName,
                                                       data: archive.data, mimeType: mimeType))
                .enqueue(at: now, in: db)
        }
    }

    /// `/mentees`: each of this mentor's mentees, and nobody else's.
    func mentees(of mentor: Person, now: Date, in db: Database) throws {
        guard let mentorId = mentor.id else { return }
        try answering(mentor, now: now, in: db) { options in
            let text = try MenteeOverview.render(mentorId: mentorId, in: db, language: options.language, now: now,
                                                 timeZone: timeZone, catalog: library.catalog)
            try audit(mentor, "mentees", now: now, in: db)
            try OutboxItem.say(text, to: mentor.telegramUserId, at: now, in: db)
        }
    }

    /// Runs a report command; a bad period, an empty one or a missing dialog is answered in the
    /// person's language instead of failing the update.
    private func answering(_ person: Person, now: Date, in db: Database, _ body: (ReportOptions) throws -> Void) throws {
        let language = Language(rawValue: person.language) ?? .ru
        let options = ReportOptions(catalog: library.catalog, timeZone: timeZone, language: language, now: now)
        do {
            try body(options)
        } catch let error as ReportError {
            try OutboxItem.say(HTML.escape(error.message(in: language)) + "\n" + Self.usage.text(for: person.language),
                               to: person.telegramUserId, at: now, in: db)
        }
    }

    private func audit(_ person: Person, _ detail: String, now: Date, in db: Database) throws {
        try AuditEntry.record(actor: AuditEntry.actor(for: person), action: "report", detail: detail, at: now, in: db)
    }
}
