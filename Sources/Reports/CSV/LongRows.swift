/// Appends `answers.csv` rows straight from the answer columns, with the response's own fields
/// escaped once per response rather than once per answer.
struct LongRows {
    private var clock: LocalClock
    /// The current response's fields, already CSV (a buffer of its own: written in place per response).
    private let prefix = ByteBuffer(capacity: 1 << 10)

    init(clock: LocalClock) {
        self.clock = clock
    }

    /// Starts the rows of a response: its own fields, escaped once.
    mutating func begin(_ responseId: Int64, _ response: ExportResponses.Info) {
        prefix.removeAll()
        let fields = [response.dialog, response.version, response.status, response.participant, response.city]
        prefix.write(upTo: 21 + fields.reduce(6) { $0 + CSVField.maximumLength($1.utf8.count) }) { start in
            var p = start
            // A number needs neither quotes nor the formula guard: its digits are the field.
            PointerWrite.decimal(responseId, &p)
            PointerWrite.byte(0x2C, &p)
            for field in fields {
                var field = field
                field.withUTF8 { CSVField.write($0, to: &p) }
                PointerWrite.byte(0x2C, &p)
            }
            return p - start
        }
    }

    /// One answer of the response begun last, from its columns (read once by the caller, which spools
    /// them too: each SQLite column call takes its mutex).
    @inline(__always)
    mutating func append(step: UnsafeBufferPointer<UInt8>, round: Int64?, value: UnsafeBufferPointer<UInt8>,
                         label: UnsafeBufferPointer<UInt8>, answeredAt: Int64?, to out: ByteBuffer) {
        let longest = prefix.count + 64 + CSVField.maximumLength(step.count) + CSVField.maximumLength(value.count)
            + CSVField.maximumLength(label.count)
        out.write(upTo: longest) { start in
            var p = start
            PointerWrite.bytes(prefix.bytes, &p)
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
