import Dialogs
import Foundation
import GRDB

/// One chunk of the CSV export: its rows of `answers.csv`, and its records for each wide file's spool.
final class CSVChunk {
    let long = ByteBuffer(capacity: 1 << 22)
    /// The CRC-32 of `long`, computed on the thread that formatted it so the writer need not.
    fileprivate(set) var longCRC: UInt32 = 0
    private(set) var spools: [ByteBuffer]
    /// Per dialog (as in `spools`): the highest repeat round seen per step id (-1 outside groups).
    fileprivate(set) var rounds: [[String: Int]]

    /// The records of dialog `index`, handed over (to its `WideSpool`); the chunk gets a fresh buffer.
    func takeSpool(_ index: Int) -> ByteBuffer {
        let records = spools[index]
        spools[index] = ByteBuffer(capacity: 1 << 20)
        return records
    }

    init(dialogCount: Int) {
        spools = (0..<dialogCount).map { _ in ByteBuffer(capacity: 1 << 20) }
        rounds = Array(repeating: [:], count: dialogCount)
    }
}

/// Formats chunks of the CSV export on one connection: long rows, and spool records for the wide files
/// (`WideSpool` reads them back once the columns are known).
final class CSVChunkFormatter {
    private let rows: AnswerRows
    private var long: LongRows
    private var clock: LocalClock
    /// The dialogs with wide files, in file order: a few, so a scan beats hashing a string per response.
    private let dialogs: [String]
    private var steps = TextCodes()
    /// Codes below this are the same in every formatter and `WideRows` given the same seed.
    private let seeded: Int
    /// The highest round a wide file gives columns to; dialogs ask far fewer.
    static let widestRound: Int64 = 9_999

    /// `seed`: step ids to number first (`seed(catalog:dialogIds:)`), so spool records carry two-byte codes.
    init(_ db: Database, dialogIds: [String], seed: [String], timeZone: TimeZone) throws {
        rows = try AnswerRows(db)
        long = LongRows(clock: LocalClock(timeZone: timeZone))
        clock = LocalClock(timeZone: timeZone)
        dialogs = dialogIds
        steps.seed(seed)
        seeded = steps.count
    }

    /// The step ids of the dialogs' current definitions (inner steps of repeat groups too), in order.
    static func seed(catalog: DialogCatalog?, dialogIds: [String]) -> [String] {
        guard let catalog else { return [] }
        var ids: [String] = []
        for dialogId in dialogIds {
            guard let dialog = catalog.dialog(id: dialogId) else { continue }
            for step in dialog.steps {
                ids.append(step.id)
                ids.append(contentsOf: step.innerSteps.map(\.id))
            }
        }
        return ids
    }

    func format(_ responses: ExportResponses, _ positions: Range<Int>, reusing reuse: CSVChunk?) throws -> CSVChunk {
        let chunk = reuse ?? CSVChunk(dialogCount: dialogs.count)
        chunk.long.removeAll()
        for spool in chunk.spools { spool.removeAll() }
        // Per dialog, per step code: the highest round + 2 (0: not seen).
        var rounds = [[Int]](repeating: [], count: dialogs.count)
        var record: WideSpool.Record?
        var current = -1
        var long = self.long
        defer { self.long = long }
        try rows.forEach(responses, positions) { position, rows in
            if position != current {
                current = position
                record?.end()
                let response = responses.infos[position]
                long.begin(responses.ids[position], response)
                let id = responses.ids[position]
                record = dialogs.firstIndex(of: response.dialog).map { dialog in
                    WideSpool.Record(dialog: dialog, into: chunk.spools[dialog], fixedUpTo: Self.fixedMaximum(response)) { p in
                        writeFixed(id, response, &p)
                    }
                }
            }
            let stepBytes = rows.bytes(AnswerRows.Column.stepId)
            let value = rows.bytes(AnswerRows.Column.value)
            let label = rows.bytes(AnswerRows.Column.label)
            let repeatIndex = rows.optionalInt64(AnswerRows.Column.repeatIndex)
            long.append(step: stepBytes, round: repeatIndex, value: value, label: label,
                        answeredAt: rows.milliseconds(AnswerRows.Column.answeredAt), to: chunk.long)
            guard let dialog = record?.dialog else { return }
            let step = steps.code(stepBytes)
            // The bot stores rounds from 0; a negative or absurd one (a damaged store) would index
            // outside the wide table, so it is read as no round: the long CSV keeps the raw value.
            let round = repeatIndex.flatMap { (0...Self.widestRound).contains($0) ? Int($0) : nil } ?? -1
            if rounds[dialog].count <= step { rounds[dialog] += Array(repeating: 0, count: step + 1 - rounds[dialog].count) }
            if round + 2 > rounds[dialog][step] { rounds[dialog][step] = round + 2 }
            record?.add(step: stepBytes, code: step, seeded: seeded, round: round, value: value, label: label)
        }
        record?.end()
        chunk.longCRC = CRC32.checksum(chunk.long.bytes)
        chunk.rounds = rounds.map { byCode in
            var byStep: [String: Int] = [:]
            for (code, round) in byCode.enumerated() where round > 0 { byStep[steps.text(code)] = round - 2 }
            return byStep
        }
        return chunk
    }

    /// The wide file's fixed columns of a response, already CSV, written in place (no strings per response).
    private func writeFixed(_ id: Int64, _ response: ExportResponses.Info, _ p: inout UnsafeMutablePointer<UInt8>) {
        func text(_ field: String) {
            PointerWrite.byte(0x2C, &p)
            var field = field
            field.withUTF8 { CSVField.write($0, to: &p) }
        }
        Self.writeNumber(id, &p)
        text(response.version)
        text(response.status)
        text(response.participant)
        text(response.city)
        PointerWrite.byte(0x2C, &p)
        clock.writeTimestamp(milliseconds: response.startedAt, to: &p)
        PointerWrite.byte(0x2C, &p)
        clock.writeTimestamp(milliseconds: response.finishedAt, to: &p)
        PointerWrite.byte(0x2C, &p)
        if let meeting = response.meetingId { Self.writeNumber(meeting, &p) }
    }

    private static func fixedMaximum(_ response: ExportResponses.Info) -> Int {
        3 * 21 + 2 * LocalClock.timestampLength + 8 + CSVField.maximumLength(response.version.utf8.count)
            + CSVField.maximumLength(response.status.utf8.count) + CSVField.maximumLength(response.participant.utf8.count)
            + CSVField.maximumLength(response.city.utf8.count)
    }

    /// A number as CSV: digits (and a sign), which need neither quotes nor the formula guard.
    @inline(__always)
    private static func writeNumber(_ number: Int64, _ p: inout UnsafeMutablePointer<UInt8>) {
        PointerWrite.decimal(number, &p)
    }
}
