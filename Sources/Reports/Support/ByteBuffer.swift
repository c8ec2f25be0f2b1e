/// A growable byte buffer for one chunk of an export, written in place: a row reserves room for its
/// longest possible form, writes through a pointer, and commits what it used. Exports format a million
/// rows; checking capacity per byte, as arrays do, is a good part of that work.
final class ByteBuffer: ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func removeAll() {
        count = 0
    }

    /// Room for `maximum` more bytes; `write` returns how many it wrote.
    @inline(__always)
    func write(upTo maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(count + maximum) }
        count += write(base + count)
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(count + 1) }
        base[count] = byte
        count += 1
    }

    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}

/// Writing through a pointer: the pieces rows are made of.
enum PointerWrite {
    @inline(__always)
    static func bytes(_ source: UnsafeBufferPointer<UInt8>, _ out: inout UnsafeMutablePointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        out.update(from: start, count: source.count)
        out += source.count
    }

    @inline(__always)
    static func text(_ text: StaticString, _ out: inout UnsafeMutablePointer<UInt8>) {
        out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        out += text.utf8CodeUnitCount
    }

    @inline(__always)
    static func byte(_ byte: UInt8, _ out: inout UnsafeMutablePointer<UInt8>) {
        out.pointee = byte
        out += 1
    }

    /// A whole number in decimal (at most 20 bytes).
    @inline(__always)
    static func decimal(_ number: Int64, _ out: inout UnsafeMutablePointer<UInt8>) {
        if number < 0 { byte(UInt8(ascii: "-"), &out) }
        var rest = number.magnitude
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20, rest >= scale {
            digits += 1
            if scale > UInt64.max / 10 { break }
            scale *= 10
        }
        var index = digits
        repeat {
            index -= 1
            out[index] = UInt8(48 + rest % 10)
            rest /= 10
        } while index > 0
        out += digits
    }
}
