import Dialogs
import Foundation
import GRDB

/// `/export` and `kenesh report --format csv`: CSV files (UTF-8 with a byte-order mark, so Excel reads
/// Cyrillic; CRLF line ends) in one ZIP:
///
/// - `answers.csv`: tidy, one row per answer (response id, dialog, version, status, participant, city,
///   step, repeat round, value, label, answered at in local time with its offset).
/// - `<dialog>.csv`: wide, one row per response, one column per step.
/// - `indicators.csv`: the aggregate figures, small-number protected like every shared format.
///
/// The answer-level files are raw data for programme staff: not aggregated and so not suppressed; they
/// carry free text as typed. People appear only under pseudonymous ids (`ParticipantPseudonym`) with the
/// city of their profile (a monitoring report's own city is its `city` answer).
public enum CSVExport {
    static let longHeaders = ["response_id", "dialog", "dialog_version", "status", "participant", "city", "step_id", "repeat",
                              "value", "label", "answered_at"]

    /// Writes the ZIP to `destination` and returns the file name to offer, e.g. `kenesh-2026-Q4.zip`.
    /// `dialogs` limits the export to those dialog ids; an id neither in the files nor in the store is an error,
    /// and so is a period without responses.
    @discardableResult
    public static func writeArchive(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                                    dialogs: [String]? = nil, to destination: FileHandle) throws -> String {
        let responses = try ExportResponses(in: db, period: period, dialogs: try validated(dialogs, in: db, options: options),
                                            pseudonym: pseudonym)
        guard !responses.isEmpty else { throw ReportError.emptyPeriod(PeriodText.name(period, options.language)) }
        let folder = try ScratchFiles.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try? destination.offset()
        do {
            try writeZip(in: db, period: period, options: options, pseudonym: pseudonym, responses: responses, ordered: false,
                         folder: folder, to: destination)
        } catch is AnswerRows.NotAdjacent {
            // Never seen with answers the bot wrote; read again in responseId order.
            if let start { try destination.truncate(atOffset: start) }
            try writeZip(in: db, period: period, options: options, pseudonym: pseudonym, responses: responses, ordered: true,
                         folder: folder, to: destination)
        }
        return archiveName(period)
    }

    /// The archive in memory, for the bot to send as a document. Telegram takes documents up to 50 MB:
    /// check `data.count` before sending.
    public static func archive(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                               dialogs: [String]? = nil) throws -> (fileName: String, data: Data) {
        let folder = try ScratchFiles.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("export.zip")
        let handle = try ScratchFiles.create(file)
        let name: String
        do {
            defer { try? handle.close() }
            name = try writeArchive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, to: handle)
        }
        return (name, try Data(contentsOf: file))
    }

    /// Only the tidy answers file, streamed to `handle` (for `kenesh report --format csv` on stdout).
    public static func writeAnswers(in db: Database, period: ReportPeriod, options: ReportOptions,
                                    pseudonym: ParticipantPseudonym, dialogs: [String]? = nil, to handle: FileHandle) throws {
        let responses = try ExportResponses(in: db, period: period, dialogs: try validated(dialogs, in: db, options: options),
                                            pseudonym: pseudonym)
        guard !responses.isEmpty else { throw ReportError.emptyPeriod(PeriodText.name(period, options.language)) }
        let out = ByteWriter(handle: handle)
        out.append(contentsOf: CSVField.byteOrderMark)
        out.encode { CSVField.appendRow(longHeaders, to: &$0) }
        var long = LongRows(clock: LocalClock(timeZone: options.timeZone))
        try AnswerRows.forEach(in: db, responses: responses) { id, response, rows in
            out.encode { long.append(id, response, rows, to: &$0) }
        }
        try out.flush()
    }

    public static func archiveName(_ period: ReportPeriod) -> String {
        let safe = period.label.replacingOccurrences(of: "..", with: "_").filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return "kenesh-\(safe.isEmpty ? "all" : safe).zip"
    }

    /// One pass over the answers: the long file streams straight into the archive when it can, the wide
    /// files and the aggregates go through scratch files.
    private static func writeZip(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                                 responses: ExportResponses, ordered: Bool, folder: URL, to destination: FileHandle) throws {
        let zip = StoredZipWriter(handle: destination, modified: options.now, timeZone: options.timeZone)
        var spools: [String: WideSpool] = [:]
        for dialogId in responses.dialogIds {
            spools[dialogId] = try WideSpool(dialogId: dialogId, folder: folder, clock: LocalClock(timeZone: options.timeZone))
        }
        let longFile = zip.canStream ? nil : try CSVFile(folder: folder, name: "answers.csv", headers: longHeaders)
        if zip.canStream {
            try zip.beginEntry("answers.csv")
            zip.out.append(contentsOf: CSVField.byteOrderMark)
            zip.out.encode { CSVField.appendRow(longHeaders, to: &$0) }
        }
        let longOut = longFile?.writer ?? zip.out
        var long = LongRows(clock: LocalClock(timeZone: options.timeZone))
        var current: (id: Int64, spool: WideSpool?)?
        var data: IndicatorData? = try IndicatorData(db: db, filter: PeriodFilter(period: period))
        try AnswerRows.forEach(in: db, responses: responses, indicators: &data, ordered: ordered) { id, response, rows in
            if id != current?.id {
                if let current {
                    guard id > current.id else { throw AnswerRows.NotAdjacent() }
                    current.spool?.end()
                }
                let spool = spools[response.dialog]
                spool?.begin(id, response)
                current = (id, spool)
            }
            longOut.encode { long.append(id, response, rows, to: &$0) }
            current?.spool?.add(rows)
        }
        current?.spool?.end()

        if let longFile {
            let done = try longFile.finish()
            try zip.addFile(done.name, file: done.url, size: done.size, crc: done.crc)
        } else {
            try zip.endEntry()
        }
        var names = OptionNames(catalog: options.catalog)
        for dialogId in responses.dialogIds {
            guard let spool = spools[dialogId] else { continue }
            let versions = [options.catalog?.dialog(id: dialogId)].compactMap { $0 } + (try names.olderVersions(dialogId, in: db))
            let done = try spool.writeCSV(versions: versions, folder: folder)
            try zip.addFile(done.name, file: done.url, size: done.size, crc: done.crc)
        }
        let indicators = try ReportBuilder.indicators(in: db, period: period, options: options, pseudonym: pseudonym, data: data)
        let aggregates = try CSVFile(folder: folder, name: "indicators.csv", headers: IndicatorsCSV.headers)
        IndicatorsCSV.write(indicators, language: options.language, to: aggregates.writer)
        let done = try aggregates.finish()
        try zip.addFile(done.name, file: done.url, size: done.size, crc: done.crc)
        try zip.finish()
    }

    /// The dialogs asked for, each known to the files or the store; nil for all.
    static func validated(_ requested: [String]?, in db: Database, options: ReportOptions) throws -> [String]? {
        guard let requested else { return nil }
        let stored = try String.fetchAll(db, sql: "SELECT DISTINCT dialogId FROM response ORDER BY dialogId")
        let known = Set(stored).union(options.catalog?.dialogs.map(\.id) ?? []).subtracting(["onboarding"])
        for id in requested where !known.contains(id) {
            throw ReportError.unknownDialog(id, known: known.sorted())
        }
        return requested
    }
}
