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

    /// The most `write` can take for `count` bytes: quotes, an apostrophe, and every byte a doubled quote.
    static func maximumLength(_ count: Int) -> Int { 3 + 2 * count }

    /// One field through a pointer, as `append(bytes:to:)` writes it.
    @inline(__always)
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout UnsafeMutablePointer<UInt8>) {
        let guarded = needsFormulaGuard(bytes)
        guard guarded || needsQuotes(bytes) else { return PointerWrite.bytes(bytes, &out) }
        PointerWrite.byte(0x22, &out)
        if guarded { PointerWrite.byte(0x27, &out) }
        var runStart = 0
        for index in 0..<bytes.count where bytes[index] == 0x22 {
            PointerWrite.bytes(UnsafeBufferPointer(rebasing: bytes[runStart...index]), &out)
            PointerWrite.byte(0x22, &out)
            runStart = index + 1
        }
        PointerWrite.bytes(UnsafeBufferPointer(rebasing: bytes[runStart...]), &out)
        PointerWrite.byte(0x22, &out)
    }

    /// Whether any byte is a quote, comma, CR or LF; eight bytes at a time while none is.
    @inline(__always)
    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x2C))
                    || hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D)) { break }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x2C || byte == 0x0A || byte == 0x0D { return true }
            index += 1
        }
        return false
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
