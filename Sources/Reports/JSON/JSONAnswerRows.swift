import Foundation
import GRDB

/// Formats the `answers` list of the JSON report, one chunk of responses at a time, on either
/// connection. Every answer is written with a leading comma; the writer drops the very first one.
final class JSONAnswerRows {
    private let rows: AnswerRows
    private var clock: LocalClock

    init(_ db: Database, timeZone: TimeZone) throws {
        rows = try AnswerRows(db)
        clock = LocalClock(timeZone: timeZone)
    }

    /// `{"response":1,"step":"topic","repeat":null,"value":"speaking","label":"…","answeredAt":"…"}` per answer.
    func format(_ responses: ExportResponses, _ positions: Range<Int>, reusing buffer: ByteBuffer?) throws -> ByteBuffer {
        let out = buffer ?? ByteBuffer(capacity: 1 << 22)
        out.removeAll()
        var clock = self.clock
        defer { self.clock = clock }
        try rows.forEach(responses, positions) { position, rows in
            let step = rows.bytes(AnswerRows.Column.stepId)
            let value = rows.bytes(AnswerRows.Column.value)
            let label = rows.bytes(AnswerRows.Column.label)
            let labelIsNull = rows.isNull(AnswerRows.Column.label)
            let round = rows.optionalInt64(AnswerRows.Column.repeatIndex)
            let answeredAt = rows.milliseconds(AnswerRows.Column.answeredAt)
            let longest = 200 + JSONText.maximumLength(step.count) + JSONText.maximumLength(value.count) + JSONText.maximumLength(label.count)
            out.write(upTo: longest) { start in
                var p = start
                PointerWrite.text(",{\"response\":", &p)
                PointerWrite.decimal(responses.ids[position], &p)
                PointerWrite.text(",\"step\":", &p)
                JSONText.write(step, to: &p)
                PointerWrite.text(",\"repeat\":", &p)
                if let round { PointerWrite.decimal(round + 1, &p) } else { PointerWrite.text("null", &p) }
                PointerWrite.text(",\"value\":", &p)
                JSONText.write(value, to: &p)
                PointerWrite.text(",\"label\":", &p)
                if labelIsNull { PointerWrite.text("null", &p) } else { JSONText.write(label, to: &p) }
                if let answeredAt {
                    PointerWrite.text(",\"answeredAt\":\"", &p)
                    clock.writeTimestamp(milliseconds: answeredAt, to: &p)
                    PointerWrite.byte(0x22, &p)
                }
                PointerWrite.byte(0x7D, &p)
                return p - start
            }
        }
        return out
    }
}
