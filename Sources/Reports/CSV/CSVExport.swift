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
        try writeArchive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, to: destination, second: nil)
    }

    /// With `second`, a connection on the same snapshot computes the indicators and formats answers too.
    static func writeArchive(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                             dialogs: [String]?, to destination: FileHandle, second: SecondReader?) throws -> String {
        let indicators = SharedWork { db in
            try ReportBuilder.indicators(in: db, period: period, options: options, pseudonym: pseudonym)
        }
        second?.start { db in indicators.computeIfWaiting(db) }
        let responses = try ExportResponses(in: db, period: period, dialogs: try validated(dialogs, in: db, options: options),
                                            pseudonym: pseudonym)
        guard !responses.isEmpty else { throw ReportError.emptyPeriod(PeriodText.name(period, options.language)) }
        let folder = try ScratchFiles.makeFolder(for: db)
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeZip(in: db, options: options, responses: responses, indicators: indicators, second: second, folder: folder,
                     to: destination)
        return archiveName(period)
    }

    /// The archive in memory.
    public static func archive(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                               dialogs: [String]? = nil) throws -> (fileName: String, data: Data) {
        try archive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, second: nil)
    }

    /// The archive in memory if it is smaller than `limit` bytes, else nil, for the bot to send as a
    /// document (Telegram takes up to 50 MB). The archive is measured on disk first, so one too
    /// large to send is never read into memory.
    public static func archive(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                               dialogs: [String]? = nil, smallerThan limit: Int) throws -> (fileName: String, data: Data)? {
        try writingArchive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, second: nil) { name, file in
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? Int.max
            guard size < limit else { return nil }
            return (name, try Data(contentsOf: file))
        }
    }

    static func archive(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                        dialogs: [String]?, second: SecondReader?) throws -> (fileName: String, data: Data) {
        try writingArchive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, second: second) { name, file in
            (name, try Data(contentsOf: file))
        }
    }

    /// Writes the archive to a scratch file, hands its name and file to `read`, then deletes the file.
    private static func writingArchive<Result>(in db: Database, period: ReportPeriod, options: ReportOptions,
                                               pseudonym: ParticipantPseudonym, dialogs: [String]?, second: SecondReader?,
                                               read: (_ name: String, _ file: URL) throws -> Result) throws -> Result {
        let folder = try ScratchFiles.makeFolder(for: db)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("export.zip")
        let handle = try ScratchFiles.create(file)
        let name: String
        do {
            defer { try? handle.close() }
            name = try writeArchive(in: db, period: period, options: options, pseudonym: pseudonym, dialogs: dialogs, to: handle,
                                    second: second)
        }
        return try read(name, file)
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
        let formatter = try CSVChunkFormatter(db, dialogIds: [], seed: [], timeZone: options.timeZone)
        var reuse: CSVChunk?
        for positions in AnswerRows.chunks(responses) {
            let chunk = try formatter.format(responses, positions, reusing: reuse)
            out.append(contentsOf: chunk.long.bytes)
            reuse = chunk
        }
        try out.flush()
    }

    public static func archiveName(_ period: ReportPeriod) -> String {
        let safe = period.label.replacingOccurrences(of: "..", with: "_").filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return "kenesh-\(safe.isEmpty ? "all" : safe).zip"
    }

    /// One pass over the answers, in chunks formatted on both connections: the long file streams straight
    /// into the archive when it can, the wide files go through spools, then the aggregates.
    private static func writeZip(in db: Database, options: ReportOptions, responses: ExportResponses, indicators: SharedWork<Indicators>,
                                 second: SecondReader?, folder: URL, to destination: FileHandle) throws {
        let zip = StoredZipWriter(handle: destination, modified: options.now, timeZone: options.timeZone)
        let dialogIds = responses.dialogIds
        let spools = dialogIds.map { WideSpool(dialogId: $0) }
        let chunks = AnswerRows.chunks(responses)
        let ordered = OrderedChunks<CSVChunk>(count: chunks.count)
        let seed = CSVChunkFormatter.seed(catalog: options.catalog, dialogIds: dialogIds)
        second?.start { db in
            guard let formatter = try? CSVChunkFormatter(db, dialogIds: dialogIds, seed: seed, timeZone: options.timeZone) else { return }
            ordered.help { chunk, reuse in try formatter.format(responses, chunks[chunk], reusing: reuse) }
        }
        let longFile = zip.canStream ? nil : try CSVFile(folder: folder, name: "answers.csv", headers: longHeaders)
        if zip.canStream {
            try zip.beginEntry("answers.csv")
            zip.out.append(contentsOf: CSVField.byteOrderMark)
            zip.out.encode { CSVField.appendRow(longHeaders, to: &$0) }
        }
        let longOut = longFile?.writer ?? zip.out
        let formatter = try CSVChunkFormatter(db, dialogIds: dialogIds, seed: seed, timeZone: options.timeZone)
        try ordered.writeInOrder(format: { chunk, reuse in try formatter.format(responses, chunks[chunk], reusing: reuse) }) { chunk in
            longOut.append(contentsOf: chunk.long.bytes, crc: chunk.longCRC)
            for (index, spool) in spools.enumerated() { spool.add(chunk.takeSpool(index), rounds: chunk.rounds[index]) }
        }
        if let longFile {
            let done = try longFile.finish()
            try zip.addFile(done.name, file: done.url, size: done.size, crc: done.crc)
        } else {
            try zip.endEntry()
        }
        try writeWideFiles(in: db, options: options, spools: spools, seed: seed, second: second, folder: folder, zip: zip)
        let aggregates = try CSVFile(folder: folder, name: "indicators.csv", headers: IndicatorsCSV.headers)
        IndicatorsCSV.write(try indicators.value(db), language: options.language, to: aggregates.writer)
        let done = try aggregates.finish()
        try zip.addFile(done.name, file: done.url, size: done.size, crc: done.crc)
        try zip.finish()
    }

    /// The wide files, in dialog order, from the spools: pieces of rows formatted on both cores (each
    /// checksummed where it was formatted), written in order.
    private static func writeWideFiles(in db: Database, options: ReportOptions, spools: [WideSpool], seed: [String], second: SecondReader?,
                                       folder: URL, zip: StoredZipWriter) throws {
        var names = OptionNames(catalog: options.catalog)
        let layouts = try spools.map { spool in
            let versions = [options.catalog?.dialog(id: spool.dialogId)].compactMap { $0 } + (try names.olderVersions(spool.dialogId, in: db))
            return spool.layout(versions: versions)
        }
        let roundsPerStep = spools.map(\.roundsPerStep)
        let units = spools.enumerated().flatMap { dialog, spool in spool.pieces.indices.map { WideUnit(dialog: dialog, piece: $0) } }
        let ordered = OrderedChunks<WidePiece>(count: units.count)
        @Sendable func format(_ unit: Int, _ reuse: WidePiece?, _ rows: WideRows) throws -> WidePiece {
            let piece = reuse ?? WidePiece()
            piece.rows.removeAll()
            let records = spools[units[unit].dialog].pieces[units[unit].piece]
            rows.format(dialog: units[unit].dialog, records: records.bytes, to: piece.rows)
            piece.crc = CRC32.checksum(piece.rows.bytes)
            return piece
        }
        second?.start { _ in
            let rows = WideRows(layouts: layouts, roundsPerStep: roundsPerStep, seed: seed)
            ordered.help { unit, reuse in try format(unit, reuse, rows) }
        }
        let rows = WideRows(layouts: layouts, roundsPerStep: roundsPerStep, seed: seed)
        var current = -1
        var file: CSVFile?
        var out = zip.out
        func end() throws {
            if let file {
                let done = try file.finish()
                try zip.addFile(done.name, file: done.url, size: done.size, crc: done.crc)
            } else {
                try zip.endEntry()
            }
        }
        var written = 0
        try ordered.writeInOrder(format: { unit, reuse in try format(unit, reuse, rows) }) { piece in
            let dialog = units[written].dialog
            written += 1
            if dialog != current {
                if current >= 0 { try end() }
                current = dialog
                let name = "\(spools[dialog].dialogId).csv"
                if zip.canStream {
                    try zip.beginEntry(name)
                    zip.out.append(contentsOf: CSVField.byteOrderMark)
                    zip.out.encode { CSVField.appendRow(layouts[dialog].headers, to: &$0) }
                    out = zip.out
                } else {
                    file = try CSVFile(folder: folder, name: name, headers: layouts[dialog].headers)
                    out = file!.writer
                }
            }
            out.append(contentsOf: piece.rows.bytes, crc: piece.crc)
        }
        if current >= 0 { try end() }
    }

    private struct WideUnit {
        let dialog: Int
        let piece: Int
    }

    /// One piece of a wide file: the rows of one chunk's spool records, and the rows' CRC-32.
    private final class WidePiece {
        let rows = ByteBuffer(capacity: 1 << 21)
        var crc: UInt32 = 0
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
