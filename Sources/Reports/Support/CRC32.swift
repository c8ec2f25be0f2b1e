/// CRC-32 (IEEE 802.3, as ZIP uses it), sixteen bytes per step ("slicing-by-16"; the 16 KB of tables stay
/// in the L1 cache): exports of a million answers are checksummed as they are formatted, and a
/// table-per-byte loop would be the slowest part.
struct CRC32 {
    /// Sixteen 256-entry tables, one after the other.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 16 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            table[byte] = crc
        }
        for slice in 1..<16 {
            for byte in 0..<256 {
                let previous = table[(slice - 1) * 256 + byte]
                table[slice * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return table
    }()

    private var state: UInt32 = 0xFFFF_FFFF

    var value: UInt32 { state ^ 0xFFFF_FFFF }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update(UnsafeRawBufferPointer($0)) }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var crc = state
        let count = bytes.count
        var index = 0
        Self.table.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            while index + 16 <= count {
                let w0 = crc ^ UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                let w1 = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self))
                let w2 = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index + 8, as: UInt32.self))
                let w3 = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index + 12, as: UInt32.self))
                let a = t[15 * 256 + Int(w0 & 0xFF)] ^ t[14 * 256 + Int((w0 >> 8) & 0xFF)]
                    ^ t[13 * 256 + Int((w0 >> 16) & 0xFF)] ^ t[12 * 256 + Int(w0 >> 24)]
                let b = t[11 * 256 + Int(w1 & 0xFF)] ^ t[10 * 256 + Int((w1 >> 8) & 0xFF)]
                    ^ t[9 * 256 + Int((w1 >> 16) & 0xFF)] ^ t[8 * 256 + Int(w1 >> 24)]
                let c = t[7 * 256 + Int(w2 & 0xFF)] ^ t[6 * 256 + Int((w2 >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((w2 >> 16) & 0xFF)] ^ t[4 * 256 + Int(w2 >> 24)]
                let d = t[3 * 256 + Int(w3 & 0xFF)] ^ t[2 * 256 + Int((w3 >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((w3 >> 16) & 0xFF)] ^ t[Int(w3 >> 24)]
                crc = a ^ b ^ c ^ d
                index += 16
            }
            while index + 8 <= count {
                let low = crc ^ UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                let high = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self))
                crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = (crc >> 8) ^ t[Int((crc ^ UInt32(base.load(fromByteOffset: index, as: UInt8.self))) & 0xFF)]
                index += 1
            }
        }
        state = crc
    }

    /// Appends bytes checksummed elsewhere: afterwards this is the CRC of what it covered followed by
    /// those `length` bytes, whose CRC is `crc`. Chunks formatted on other threads are checksummed there.
    mutating func append(crc: UInt32, length: Int) {
        state = Self.combine(value, crc, length: length) ^ 0xFFFF_FFFF
    }

    /// The CRC of `first` followed by `second` bytes of CRC `secondCRC` (zlib's crc32_combine: the first CRC
    /// times x^(8·length) modulo the polynomial, plus the second).
    static func combine(_ first: UInt32, _ secondCRC: UInt32, length: Int) -> UInt32 {
        multiplyModP(powerOfX(bytes: length), first) ^ secondCRC
    }

    /// x^(2^k) modulo the polynomial, k = 0..<32 (bit-reflected, as the CRC is).
    private static let powersOfX: [UInt32] = {
        var powers = [UInt32](repeating: 0, count: 32)
        var p: UInt32 = 1 << 30 // x^1
        for k in 0..<32 {
            powers[k] = p
            p = multiplyModP(p, p)
        }
        return powers
    }()

    /// a·b modulo the polynomial (reflected: bit 31 is x^0).
    private static func multiplyModP(_ a: UInt32, _ b: UInt32) -> UInt32 {
        var b = b
        var m: UInt32 = 1 << 31
        var product: UInt32 = 0
        while m != 0 {
            if a & m != 0 {
                product ^= b
                if a & (m &- 1) == 0 { break }
            }
            m >>= 1
            b = b & 1 == 1 ? (b >> 1) ^ 0xEDB8_8320 : b >> 1
        }
        return product
    }

    /// x^(8·bytes) modulo the polynomial.
    private static func powerOfX(bytes: Int) -> UInt32 {
        var p: UInt32 = 1 << 31 // x^0
        var n = UInt64(bytes)
        var k = 3
        while n != 0 {
            if n & 1 == 1 { p = multiplyModP(powersOfX[k & 31], p) }
            n >>= 1
            k += 1
        }
        return p
    }

    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(UnsafeRawBufferPointer(bytes))
        return crc.value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
