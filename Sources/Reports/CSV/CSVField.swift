/// RFC 4180 fields, plus the usual guard against spreadsheet formulas: a field people typed that starts
/// with = + - @ (or a tab or carriage return) gets a leading apostrophe, so Excel shows it as text
/// instead of running it. Plain numbers such as "-3" are left alone.
enum CSVField {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let lineEnd: [UInt8] = [0x0D, 0x0A]

    static func append<Sink: ByteSink>(_ text: String, to out: inout Sink) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &out) }
    }

    static func append<Sink: ByteSink>(bytes: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
        let guarded = needsFormulaGuard(bytes)
        var quoted = guarded
        if !quoted {
            for byte in bytes where byte == 0x22 || byte == 0x2C || byte == 0x0A || byte == 0x0D {
                quoted = true
                break
            }
        }
        guard quoted else { return out.append(contentsOf: bytes) }
        out.append(0x22)
        if guarded { out.append(0x27) }
        var runStart = 0
        for index in 0..<bytes.count where bytes[index] == 0x22 {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
            out.append(0x22)
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        out.append(0x22)
    }

    static func append<Sink: ByteSink>(_ number: Int64, to out: inout Sink) {
        out.appendDecimal(number)
    }

    /// One whole row, fields separated by commas, ended by CRLF.
    static func appendRow<Sink: ByteSink>(_ fields: [String], to out: inout Sink) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(0x2C) }
            append(field, to: &out)
        }
        out.append(contentsOf: lineEnd)
    }

    private static func needsFormulaGuard(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isNumber(bytes)
        default: return false
        }
    }

    private static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0, dots = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","): dots += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if index > 0 { return false }
            default: return false
            }
        }
        return digits > 0 && dots <= 1
    }
}
