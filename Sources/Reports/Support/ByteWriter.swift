import Foundation

/// Buffered output for exports that can be far larger than memory should hold: bytes go to a file
/// (or stdout) a megabyte at a time, counted, and checksummed (CRC-32) when they go into a ZIP.
/// Appends cannot throw (encoders call them per field); a failed write is kept and thrown by `flush`.
final class ByteWriter: ByteSink {
    private let handle: FileHandle?
    private let checksums: Bool
    private let capacity = 1 << 20
    /// Appends at least this large are written straight from the caller's bytes.
    private let directSize = 1 << 18
    private let storage: UnsafeMutablePointer<UInt8>
    private var used = 0
    /// Bytes at the start of `storage` already in `crc` (appended with their own checksum).
    private var checked = 0
    private var failure: (any Error)?
    private(set) var memory: [UInt8] = []
    private(set) var crc = CRC32()
    private(set) var byteCount: Int64 = 0

    /// Writes to `handle`; the caller closes it.
    init(handle: FileHandle, checksums: Bool = false) {
        self.handle = handle
        self.checksums = checksums
        storage = .allocate(capacity: capacity)
    }

    /// Keeps everything in memory (`memory` after `flush`), for tests and small outputs.
    init() {
        handle = nil
        checksums = false
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if used == capacity { drain() }
        storage[used] = byte
        used += 1
    }

    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        // A formatted chunk (hundreds of kilobytes) goes out as it is rather than copied through the buffer.
        if bytes.count >= directSize {
            drain()
            emit(UnsafeRawBufferPointer(bytes))
            return
        }
        if used + bytes.count > capacity { drain() }
        (storage + used).update(from: base, count: bytes.count)
        used += bytes.count
    }

    /// Appends bytes whose CRC-32 was computed elsewhere (on the thread that formatted them), so the
    /// writer does not checksum them again: the CRCs are combined.
    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>, crc chunkCRC: UInt32) {
        guard checksums else { return append(contentsOf: bytes) }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        crc.update(UnsafeRawBufferPointer(start: storage + checked, count: used - checked))
        checked = used
        if bytes.count >= directSize {
            drain()
            write(UnsafeRawBufferPointer(bytes))
        } else {
            if used + bytes.count > capacity { drain() }
            (storage + used).update(from: base, count: bytes.count)
            used += bytes.count
            checked = used
        }
        crc.append(crc: chunkCRC, length: bytes.count)
    }

    func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Runs an encoder that takes any `ByteSink` on this writer.
    func encode(_ body: (inout ByteWriter) -> Void) {
        var sink = self
        body(&sink)
    }

    func write(_ data: Data) {
        data.withUnsafeBytes { append(contentsOf: $0.bindMemory(to: UInt8.self)) }
    }

    /// Starts a new checksum from here (for the next ZIP entry); call after `flush`.
    func resetChecksum() {
        crc = CRC32()
        checked = used
    }

    /// Writes out what is buffered; throws the first write error, if any.
    func flush() throws {
        drain()
        if let failure { throw failure }
    }

    private func drain() {
        guard used > 0 else { return }
        if checksums, failure == nil { crc.update(UnsafeRawBufferPointer(start: storage + checked, count: used - checked)) }
        write(UnsafeRawBufferPointer(start: storage, count: used))
        used = 0
        checked = 0
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) {
        if checksums, failure == nil { crc.update(bytes) }
        write(bytes)
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        byteCount += Int64(bytes.count)
        guard let handle else { return memory.append(contentsOf: bytes) }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            failure = error
        }
    }
}
