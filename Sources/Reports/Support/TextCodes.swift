import Foundation

/// Gives each distinct text a small number, made into a `String` once. Exports look up a step id or an
/// option id per answer, a million times, among a few dozen texts: an open-addressing table over one
/// byte arena, with a hash of eight bytes at a time, does it without allocating or hashing per byte.
struct TextCodes {
    /// Code + 1 per slot (0: empty); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 64)
    private var hashes: [UInt64] = []
    /// Where each code's bytes lie in `arena`.
    private var spans: [Range<Int>] = []
    private var arena: [UInt8] = []
    private var texts: [String] = []

    mutating func code(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(value)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return add(value, hash: hash, at: slot) }
            let code = stored - 1
            if hashes[code] == hash, same(code, value) { return code }
            slot = (slot + 1) & mask
        }
    }

    func text(_ code: Int) -> String { texts[code] }

    /// How many texts have codes (0..<count).
    var count: Int { texts.count }

    /// Codes for `texts` in order, so tables seeded alike agree on them.
    mutating func seed(_ texts: [String]) {
        for text in texts {
            var text = text
            _ = text.withUTF8 { code($0) }
        }
    }

    func existingCode(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { value in
            let hash = Self.hash(value)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = Int(slots[slot])
                if stored == 0 { return nil }
                if hashes[stored - 1] == hash, same(stored - 1, value) { return stored - 1 }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func string(_ value: UnsafeBufferPointer<UInt8>) -> String {
        // Two statements: in `text(code(value))` the call would read `self` before `code` changes it.
        let code = code(value)
        return text(code)
    }

    private mutating func add(_ value: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) -> Int {
        let code = texts.count
        spans.append(arena.count..<(arena.count + value.count))
        arena.append(contentsOf: value)
        hashes.append(hash)
        texts.append(String(decoding: value, as: UTF8.self))
        slots[slot] = Int32(code + 1)
        if texts.count * 2 > slots.count { rehash() }
        return code
    }

    private mutating func rehash() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code + 1)
        }
    }

    private func same(_ code: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[code]
        guard span.count == value.count else { return false }
        guard let base = value.baseAddress, !span.isEmpty else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + span.lowerBound, base, span.count) } == 0
    }

    /// Eight bytes at a time, multiplied and folded; the length is mixed in so prefixes differ.
    private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(value.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = value.baseAddress else { return hash }
        var index = 0
        while index + 8 <= value.count {
            hash = mix(hash ^ UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        if index < value.count {
            var tail: UInt64 = 0
            for offset in index..<value.count { tail = tail << 8 | UInt64(base[offset]) }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        return z &* 0x94D0_49BB_1331_11EB
    }
}
