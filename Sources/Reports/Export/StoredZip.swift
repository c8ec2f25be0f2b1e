import Foundation

/// Writes a ZIP archive of "stored" (uncompressed) entries: local headers, the data, the central directory.
/// Written by hand rather than with a ZIP library because it is about a hundred lines and needs no
/// dependency; CSV compresses well, but the point of the archive is one download holding several files.
/// An entry can be streamed straight into the archive when the output can seek (its header is completed
/// afterwards); otherwise it is copied from a finished file. Entries are limited to 4 GiB (no ZIP64).
final class StoredZipWriter {
    struct TooLarge: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is larger than 4 GiB, which a plain ZIP cannot hold: export a shorter period" }
    }

    private struct Entry {
        let name: [UInt8]
        let offset: Int64
        var size: Int64 = 0
        var crc: UInt32 = 0
    }

    private let handle: FileHandle
    /// Where the archive starts in `handle`, when it can seek at all.
    private let base: UInt64?
    let out: ByteWriter
    private var entries: [Entry] = []
    private var open: Entry?
    private let dosTime: UInt16
    private let dosDate: UInt16

    init(handle: FileHandle, modified: Date, timeZone: TimeZone) {
        self.handle = handle
        base = try? handle.offset()
        out = ByteWriter(handle: handle, checksums: true)
        (dosTime, dosDate) = Self.dosTimestamp(modified, timeZone)
    }

    /// Whether entries can be streamed with `beginEntry` / `endEntry`.
    var canStream: Bool { base != nil }

    /// Starts an entry whose data is then written to `out`; its size and CRC are filled in by `endEntry`.
    func beginEntry(_ name: String) throws {
        try out.flush()
        let entry = Entry(name: Array(name.utf8), offset: out.byteCount)
        out.append(contentsOf: localHeader(entry))
        try out.flush()
        out.resetChecksum()
        open = entry
    }

    func endEntry() throws {
        guard var entry = open, let base else { return }
        try out.flush()
        entry.crc = out.crc.value
        entry.size = out.byteCount - entry.offset - Int64(30 + entry.name.count)
        guard entry.size < Int64(UInt32.max) else { throw TooLarge(name: String(decoding: entry.name, as: UTF8.self)) }
        var sizes: [UInt8] = []
        Self.append32(entry.crc, &sizes)
        Self.append32(UInt32(entry.size), &sizes)
        Self.append32(UInt32(entry.size), &sizes)
        try handle.seek(toOffset: base + UInt64(entry.offset) + 14)
        try handle.write(contentsOf: sizes)
        try handle.seekToEnd()
        entries.append(entry)
        open = nil
    }

    /// Adds a finished file whose size and CRC are known.
    func addFile(_ name: String, file: URL, size: Int64, crc: UInt32) throws {
        guard size < Int64(UInt32.max) else { throw TooLarge(name: name) }
        try out.flush()
        var entry = Entry(name: Array(name.utf8), offset: out.byteCount)
        entry.size = size
        entry.crc = crc
        out.append(contentsOf: localHeader(entry))
        let reader = try FileHandle(forReadingFrom: file)
        defer { try? reader.close() }
        while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            out.write(chunk)
        }
        entries.append(entry)
    }

    /// Writes the central directory; the archive is complete after this.
    func finish() throws {
        try out.flush()
        let directoryStart = out.byteCount
        guard directoryStart < Int64(UInt32.max) else { throw TooLarge(name: "the archive") }
        var directory: [UInt8] = []
        for entry in entries {
            Self.append32(0x0201_4B50, &directory)
            Self.append16(20, &directory)                   // made by: version 2.0
            appendCommon(entry, &directory)
            Self.append16(0, &directory)                    // comment length
            Self.append16(0, &directory)                    // disk number
            Self.append16(0, &directory)                    // internal attributes
            Self.append32(0, &directory)                    // external attributes
            Self.append32(UInt32(entry.offset), &directory)
            directory += entry.name
        }
        let directorySize = directory.count
        Self.append32(0x0605_4B50, &directory)
        Self.append16(0, &directory)
        Self.append16(0, &directory)
        Self.append16(UInt16(entries.count), &directory)
        Self.append16(UInt16(entries.count), &directory)
        Self.append32(UInt32(directorySize), &directory)
        Self.append32(UInt32(directoryStart), &directory)
        Self.append16(0, &directory)
        out.append(contentsOf: directory)
        try out.flush()
    }

    private func localHeader(_ entry: Entry) -> [UInt8] {
        var header: [UInt8] = []
        Self.append32(0x0403_4B50, &header)
        appendCommon(entry, &header)
        return header + entry.name
    }

    /// The fields local headers and directory entries share, from "version needed" to "extra length".
    private func appendCommon(_ entry: Entry, _ out: inout [UInt8]) {
        Self.append16(10, &out)         // version needed: 1.0, stored
        Self.append16(0x0800, &out)     // flags: names are UTF-8
        Self.append16(0, &out)          // method: stored
        Self.append16(dosTime, &out)
        Self.append16(dosDate, &out)
        Self.append32(entry.crc, &out)
        Self.append32(UInt32(entry.size), &out)
        Self.append32(UInt32(entry.size), &out)
        Self.append16(UInt16(entry.name.count), &out)
        Self.append16(0, &out)          // extra length
    }

    private static func dosTimestamp(_ date: Date, _ timeZone: TimeZone) -> (time: UInt16, date: UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = max(0, (parts.year ?? 1980) - 1980)
        let time = (parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2
        return (UInt16(time), UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1)))
    }

    private static func append16(_ value: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    private static func append32(_ value: UInt32, _ out: inout [UInt8]) {
        for shift in [0, 8, 16, 24] { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
