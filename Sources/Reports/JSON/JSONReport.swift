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
        try write(in: db, period: period, options: options, pseudonym: pseudonym, to: out)
        try out.flush()
    }

    /// The same in memory, for tests and small periods.
    public static func data(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym) throws -> Data {
        let out = ByteWriter()
        try write(in: db, period: period, options: options, pseudonym: pseudonym, to: out)
        try out.flush()
        return Data(out.memory)
    }

    static func write(in db: Database, period: ReportPeriod, options: ReportOptions, pseudonym: ParticipantPseudonym,
                      to out: ByteWriter) throws {
        let responses = try ExportResponses(in: db, period: period, dialogs: nil, pseudonym: pseudonym)
        var data: IndicatorData? = try IndicatorData(db: db, filter: PeriodFilter(period: period))
        if responses.isEmpty, data?.responses.isEmpty != false,
           try ReportBuilder.indicators(in: db, period: period, options: options, pseudonym: pseudonym).isEmpty() {
            throw ReportError.emptyPeriod(PeriodText.name(period, options.language))
        }
        var clock = LocalClock(timeZone: options.timeZone)
        // The indicators come last: they are computed from the same pass over the answers.
        out.append("{\"format\":\"kenesh-report\",\"formatVersion\":\(formatVersion),\"responses\":[")
        for (index, id) in responses.ids.enumerated() {
            guard let response = responses.byId[id] else { continue }
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
        var first = true
        try AnswerRows.forEach(in: db, responses: responses, indicators: &data) { id, _, rows in
            out.encode { bytes in
                if !first { bytes.append(0x2C) }
                first = false
                bytes.append(0x7B)
                JSONText.appendKey("response", to: &bytes)
                JSONText.appendNumber(id, to: &bytes)
                bytes.append(0x2C)
                JSONText.appendKey("step", to: &bytes)
                JSONText.appendString(rows.bytes(AnswerRows.Column.stepId), to: &bytes)
                bytes.append(0x2C)
                JSONText.appendKey("repeat", to: &bytes)
                JSONText.appendNumber(rows.optionalInt64(AnswerRows.Column.repeatIndex).map { $0 + 1 }, to: &bytes)
                bytes.append(0x2C)
                JSONText.appendKey("value", to: &bytes)
                JSONText.appendString(rows.bytes(AnswerRows.Column.value), to: &bytes)
                bytes.append(0x2C)
                JSONText.appendKey("label", to: &bytes)
                if rows.isNull(AnswerRows.Column.label) {
                    bytes.append("null" as StaticString)
                } else {
                    JSONText.appendString(rows.bytes(AnswerRows.Column.label), to: &bytes)
                }
                if let answeredAt = rows.milliseconds(AnswerRows.Column.answeredAt) {
                    timestamp("answeredAt", answeredAt, &clock, &bytes)
                }
                bytes.append(0x7D)
            }
        }
        let indicators = try ReportBuilder.indicators(in: db, period: period, options: options, pseudonym: pseudonym, data: data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        out.append("],\"indicators\":")
        out.write(try encoder.encode(indicators))
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
