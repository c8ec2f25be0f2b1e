/// Appends `answers.csv` rows straight from the answer columns, with the response's own fields
/// escaped once per response rather than once per answer.
struct LongRows {
    private var clock: LocalClock
    private var prefixOf: Int64 = -1
    private var prefix: [UInt8] = []

    init(clock: LocalClock) {
        self.clock = clock
    }

    mutating func append<Sink: ByteSink>(_ responseId: Int64, _ response: ExportResponses.Info, _ rows: RawRows, to out: inout Sink) {
        if responseId != prefixOf {
            prefixOf = responseId
            prefix.removeAll(keepingCapacity: true)
            for field in [String(responseId), response.dialog, response.version, response.status, response.participant, response.city] {
                CSVField.append(field, to: &prefix)
                prefix.append(0x2C)
            }
        }
        out.append(contentsOf: prefix)
        CSVField.append(bytes: rows.bytes(AnswerRows.Column.stepId), to: &out)
        out.append(0x2C)
        if !rows.isNull(AnswerRows.Column.repeatIndex) { CSVField.append(rows.int64(AnswerRows.Column.repeatIndex) + 1, to: &out) }
        out.append(0x2C)
        CSVField.append(bytes: rows.bytes(AnswerRows.Column.value), to: &out)
        out.append(0x2C)
        CSVField.append(bytes: rows.bytes(AnswerRows.Column.label), to: &out)
        out.append(0x2C)
        if let answeredAt = rows.milliseconds(AnswerRows.Column.answeredAt) { clock.appendTimestamp(milliseconds: answeredAt, to: &out) }
        out.append(contentsOf: CSVField.lineEnd)
    }
}
