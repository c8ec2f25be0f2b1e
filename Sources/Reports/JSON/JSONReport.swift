import Foundation
import GRDB

/// `kenesh report --format json`: every indicator (exact: not suppressed) and every response and answer
/// behind them, as flat lists joined by response id, streamed so a million answers never sit in memory:
/// `{"format", "formatVersion", "responses": [...], "answers": [...], "indicators": {...}}`.
/// Like the answer-level CSV, this is raw data for staff: pseudonymous ids, free text as typed.
public enum JSONReport {
    public static let formatVersion = 1

    public static func write(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                             to handle: FileHandle) throws {
        let out = ByteWriter(handle: handle)
        try write(in: db, period: period, options: options, pseudonym: pseudonym, to: out, second: nil)
        try out.flush()
    }

    /// The same in memory, for tests and small periods.
    public static func data(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym) throws -> Data {
        let out = ByteWriter()
        try write(in: db, period: period, options: options, pseudonym: pseudonym, to: out, second: nil)
        try out.flush()
        return Data(out.memory)
    }

    /// With `second`, a connection on the same snapshot computes the indicators and formats answers too.
    static func write(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                      to out: ByteWriter, second: SecondReader?) throws {
        let indicators = SharedWork { db in
            let indicators = try ReportBuilder.indicators(in: db, period: period, options: options, pseudonym: pseudonym)
            return (indicators: indicators, json: try IndicatorsJSON.encode(indicators))
        }
        second?.start { db in indicators.computeIfWaiting(db) }
        let responses = try ExportResponses(in: db, period: period, dialogs: nil, pseudonym: pseudonym)
        if responses.isEmpty, try indicators.value(db).indicators.isEmpty() {
            throw ReportError.emptyPeriod(PeriodText.name(period, options.language))
        }
        let chunks = AnswerRows.chunks(responses)
        let ordered = OrderedChunks<ByteBuffer>(count: chunks.count)
        second?.start { db in
            guard let answers = try? JSONAnswerRows(db, timeZone: options.timeZone) else { return }
            ordered.help { chunk, reuse in try answers.format(responses, chunks[chunk], reusing: reuse) }
        }
        var clock = LocalClock(timeZone: options.timeZone)
        // The indicators come last, so the second connection has the time to compute them.
        out.append("{\"format\":\"kenesh-report\",\"formatVersion\":\(formatVersion),\"responses\":[")
        for (index, id) in responses.ids.enumerated() {
            let response = responses.infos[index]
            out.encode { bytes in
                if index > 0 { bytes.append(0x2C) }
                bytes.append(0x7B)
                JSONText.appendKey("id", to: &bytes)
                JSONText.appendNumber(id, to: &bytes)
                field("dialog", response.dialog, &bytes)
                field("dialogVersion", response.version, &bytes)
                field("status", response.status, &bytes)
                field("participant", response.participant, &bytes)
                field("city", response.city.isEmpty ? nil : response.city, &bytes)
                timestamp("startedAt", response.startedAt, &clock, &bytes)
                timestamp("finishedAt", response.finishedAt, &clock, &bytes)
                bytes.append(0x2C)
                JSONText.appendKey("meetingId", to: &bytes)
                JSONText.appendNumber(response.meetingId, to: &bytes)
                bytes.append(0x7D)
            }
        }
        out.append("],\"answers\":[")
        let answers = try JSONAnswerRows(db, timeZone: options.timeZone)
        var first = true
        try ordered.writeInOrder(format: { chunk, reuse in try answers.format(responses, chunks[chunk], reusing: reuse) }) { buffer in
            var bytes = buffer.bytes
            // Each answer starts with a comma; the list's first must not.
            if first, !bytes.isEmpty {
                bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst())
                first = false
            }
            out.append(contentsOf: bytes)
        }
        out.append("],\"indicators\":")
        out.write(try indicators.value(db).json)
        out.append("}\n")
    }

    /// `,"key":"value"` (or null).
    private static func field<Sink: ByteSink>(_ key: StaticString, _ value: String?, _ bytes: inout Sink) {
        bytes.append(0x2C)
        JSONText.appendKey(key, to: &bytes)
        JSONText.appendOptional(value, to: &bytes)
    }

    /// `,"key":"2026-11-03T14:22:05+06:00"`.
    private static func timestamp<Sink: ByteSink>(_ key: StaticString, _ milliseconds: Int64, _ clock: inout LocalClock, _ bytes: inout Sink) {
        bytes.append(0x2C)
        JSONText.appendKey(key, to: &bytes)
        bytes.append(0x22)
        clock.appendTimestamp(milliseconds: milliseconds, to: &bytes)
        bytes.append(0x22)
    }
}
