/// Appends `answers.csv` rows straight from the answer columns, with the response's own fields
/// escaped once per response rather than once per answer.
struct LongRows {
    private var clock: LocalClock
    private var prefix: [UInt8] = []

    init(clock: LocalClock) {
        self.clock = clock
    }

    /// Starts the rows of a response: its own fields, escaped once.
    mutating func begin(_ responseId: Int64, _ response: ExportResponses.Info) {
        prefix.removeAll(keepingCapacity: true)
        for field in [String(responseId), response.dialog, response.version, response.status, response.participant, response.city] {
            CSVField.append(field, to: &prefix)
            prefix.append(0x2C)
        }
    }

    /// One answer of the response begun last.
    mutating func append(_ rows: RawRows, to out: ByteBuffer) {
        let step = rows.bytes(AnswerRows.Column.stepId)
        let value = rows.bytes(AnswerRows.Column.value)
        let label = rows.bytes(AnswerRows.Column.label)
        let round = rows.optionalInt64(AnswerRows.Column.repeatIndex)
        let answeredAt = rows.milliseconds(AnswerRows.Column.answeredAt)
        let longest = prefix.count + 64 + CSVField.maximumLength(step.count) + CSVField.maximumLength(value.count)
            + CSVField.maximumLength(label.count)
        out.write(upTo: longest) { start in
            var p = start
            prefix.withUnsafeBufferPointer { PointerWrite.bytes($0, &p) }
            CSVField.write(step, to: &p)
            PointerWrite.byte(0x2C, &p)
            if let round { PointerWrite.decimal(round + 1, &p) }
            PointerWrite.byte(0x2C, &p)
            CSVField.write(value, to: &p)
            PointerWrite.byte(0x2C, &p)
            CSVField.write(label, to: &p)
            PointerWrite.byte(0x2C, &p)
            if let answeredAt { clock.writeTimestamp(milliseconds: answeredAt, to: &p) }
            PointerWrite.byte(0x0D, &p)
            PointerWrite.byte(0x0A, &p)
            return p - start
        }
    }
}
