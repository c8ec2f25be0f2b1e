import Foundation

/// Reads a ZIP of stored entries through its central directory, checking sizes and CRCs: a second,
/// independent reading of what StoredZip writes (the tests also run /usr/bin/unzip when it is there).
enum ZipReader {
    static func entries(_ zip: Data) throws -> [(name: String, data: Data)] {
        let bytes = [UInt8](zip)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22, let end = (0...(bytes.count - 22)).reversed().first(where: { u32($0) == 0x0605_4B50 }) else {
            throw CSVReader.Problem("no end of central directory")
        }
        var position = u32(end + 16)
        var result: [(String, Data)] = []
        for _ in 0..<u16(end + 10) {
            guard u32(position) == 0x0201_4B50 else { throw CSVReader.Problem("bad central directory entry") }
            let crc = UInt32(u32(position + 16)), size = u32(position + 20), nameLength = u16(position + 28)
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let local = u32(position + 42)
            guard u32(local) == 0x0403_4B50, u16(local + 8) == 0 else { throw CSVReader.Problem("\(name): not a stored entry") }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            let data = Data(bytes[start..<(start + size)])
            guard checksum(data) == crc else { throw CSVReader.Problem("\(name): CRC mismatch") }
            result.append((name, data))
            position += 46 + nameLength + u16(position + 30) + u16(position + 32)
        }
        return result
    }

    /// Bitwise CRC-32, deliberately unlike the table-driven one under test.
    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
