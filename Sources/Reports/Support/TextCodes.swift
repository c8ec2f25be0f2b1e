import Foundation

/// Gives each distinct text a small number, made into a `String` once.
struct TextCodes {
    private var codes: [UInt64: [Int]] = [:]
    private var texts: [String] = []
    private var bytes: [[UInt8]] = []

    mutating func code(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in value { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        if let candidates = codes[hash] {
            for code in candidates where Self.same(bytes[code], value) { return code }
        }
        let code = texts.count
        bytes.append(Array(value))
        texts.append(String(decoding: value, as: UTF8.self))
        codes[hash, default: []].append(code)
        return code
    }

    func text(_ code: Int) -> String { texts[code] }

    func existingCode(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { value in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in value { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return codes[hash]?.first { Self.same(bytes[$0], value) }
        }
    }

    private static func same(_ known: [UInt8], _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == value.count else { return false }
        guard let base = value.baseAddress else { return true }
        return known.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, value.count) } == 0
    }

    mutating func string(_ value: UnsafeBufferPointer<UInt8>) -> String {
        // Two statements: in `text(code(value))` the call would read `self` before `code` changes it.
        let code = code(value)
        return text(code)
    }
}
