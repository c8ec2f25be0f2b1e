/// JSON string literals written straight into a byte buffer (RFC 8259 escaping; UTF-8 passed through).
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString<Sink: ByteSink>(_ text: String, to out: inout Sink) {
        var text = text
        text.withUTF8 { appendString($0, to: &out) }
    }

    /// Copies runs of plain bytes in one go; only quotes, backslashes and control characters are escaped.
    static func appendString<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
        out.append(0x22)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none needs escaping: most answers need none at all.
            if index + 8 <= bytes.count, !wordNeedsEscaping(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(0x5C)
                switch byte {
                case 0x22, 0x5C: out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default: out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
                runStart = index + 1
            }
            index += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        out.append(0x22)
    }

    /// The most `write` can take for `count` bytes: quotes, and six bytes (`\u001f`) for each.
    static func maximumLength(_ count: Int) -> Int { 2 + 6 * count }

    /// A string literal through a pointer, as `appendString` writes it.
    @inline(__always)
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout UnsafeMutablePointer<UInt8>) {
        PointerWrite.byte(0x22, &out)
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count, !wordNeedsEscaping(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                PointerWrite.bytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index]), &out)
                PointerWrite.byte(0x5C, &out)
                switch byte {
                case 0x22, 0x5C: PointerWrite.byte(byte, &out)
                case 0x0A: PointerWrite.byte(UInt8(ascii: "n"), &out)
                case 0x0D: PointerWrite.byte(UInt8(ascii: "r"), &out)
                case 0x09: PointerWrite.byte(UInt8(ascii: "t"), &out)
                default:
                    PointerWrite.text("u00", &out)
                    PointerWrite.byte(hex[Int(byte >> 4)], &out)
                    PointerWrite.byte(hex[Int(byte & 0x0F)], &out)
                }
                runStart = index + 1
            }
            index += 1
        }
        PointerWrite.bytes(UnsafeBufferPointer(rebasing: bytes[runStart..<count]), &out)
        PointerWrite.byte(0x22, &out)
    }

    /// SWAR: does any byte of `word` lie below 0x20, or equal `"` or `\`?
    @inline(__always)
    private static func wordNeedsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
        return belowSpace || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    static func appendOptional<Sink: ByteSink>(_ text: String?, to out: inout Sink) {
        if let text { appendString(text, to: &out) } else { out.append("null" as StaticString) }
    }

    static func appendKey<Sink: ByteSink>(_ key: StaticString, to out: inout Sink) {
        out.append(0x22)
        out.append(key)
        out.append(0x22)
        out.append(0x3A)
    }

    static func appendNumber<Sink: ByteSink>(_ number: Int64?, to out: inout Sink) {
        if let number { out.appendDecimal(number) } else { out.append("null" as StaticString) }
    }
}
