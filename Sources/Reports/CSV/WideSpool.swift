import Dialogs
import Foundation

/// One dialog's wide file, made in two steps. Which repeat rounds occur (service_1 … service_4) is known
/// only once every answer has been read, and the columns come first in the file; so while the pass over the
/// answers runs, each response is spooled to a scratch file as (step, round, value, label) cells, and at the
/// end the CSV is written with columns in dialog order. Cheaper than reading the answer table again to find
/// the rounds, which takes as long as the export itself.
final class WideSpool {
    /// One response's spool record, written into a chunk's buffer:
    /// length, cell count, fixed columns (length, CSV), then per cell step, round, value and label.
    struct Record {
        let dialog: Int
        private let buffer: ByteBuffer
        private let start: Int
        private var cells: UInt32 = 0

        init(dialog: Int, fixed: [UInt8], into buffer: ByteBuffer) {
            self.dialog = dialog
            self.buffer = buffer
            start = buffer.count
            Self.put(0, buffer)
            Self.put(0, buffer)
            Self.put(UInt32(fixed.count), buffer)
            buffer.append(contentsOf: fixed)
        }

        mutating func add(step: UnsafeBufferPointer<UInt8>, round: Int, value: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>) {
            Self.put(UInt32(step.count), buffer)
            buffer.append(contentsOf: step)
            Self.put(UInt32(bitPattern: Int32(round)), buffer)
            Self.put(UInt32(value.count), buffer)
            buffer.append(contentsOf: value)
            Self.put(UInt32(label.count), buffer)
            buffer.append(contentsOf: label)
            cells += 1
        }

        /// Fills in the length and the cell count.
        func end() {
            Self.patch(UInt32(buffer.count - start - 4), buffer, at: start)
            Self.patch(cells, buffer, at: start + 4)
        }

        private static func put(_ value: UInt32, _ buffer: ByteBuffer) {
            buffer.write(upTo: 4) { out in
                UnsafeMutableRawPointer(out).storeBytes(of: value.littleEndian, as: UInt32.self)
                return 4
            }
        }

        private static func patch(_ value: UInt32, _ buffer: ByteBuffer, at offset: Int) {
            UnsafeMutableRawPointer(buffer.base + offset).storeBytes(of: value.littleEndian, as: UInt32.self)
        }
    }

    let dialogId: String
    private let spool: ByteWriter
    private let spoolHandle: FileHandle
    private let spoolURL: URL
    /// Highest round seen per step id (-1: outside groups).
    private var maxRound: [String: Int] = [:]

    init(dialogId: String, folder: URL) throws {
        self.dialogId = dialogId
        spoolURL = folder.appendingPathComponent("\(dialogId).spool")
        spoolHandle = try ScratchFiles.create(spoolURL)
        spool = ByteWriter(handle: spoolHandle)
    }

    /// Adds a chunk's records (in response order) and the rounds it saw.
    func add(_ records: ByteBuffer, rounds: [String: Int]) {
        spool.append(contentsOf: records.bytes)
        for (step, round) in rounds where round > maxRound[step] ?? -2 { maxRound[step] = round }
    }

    /// The header row of the CSV (columns from `versions` of the dialog and the steps seen).
    func layout(versions: [Dialog]) -> WideLayout {
        WideLayout(dialogId: dialogId, versions: versions, stored: maxRound.mapValues { $0 < 0 ? nil : $0 })
    }

    /// Writes the CSV rows (no header) to `out` and removes the spool.
    func writeRows(_ layout: WideLayout, to out: ByteWriter) throws {
        try spool.flush()
        try spoolHandle.close()
        defer { try? FileManager.default.removeItem(at: spoolURL) }
        var steps = TextCodes()
        // Per step code and round (+1): the columns, looked up in the layout once.
        let roundsPerStep = (maxRound.values.max() ?? -1) + 2
        var places: [Place] = []
        var columns = [Range<Int>?](repeating: nil, count: layout.columnCount)
        let fixedCount = WideLayout.fixedHeaders.count
        let row = ByteBuffer(capacity: 1 << 16)
        try SpoolReader(url: spoolURL).forEach { bytes in
            var offset = 0
            let cellCount = Int(Self.get(bytes, &offset))
            let fixedLength = Int(Self.get(bytes, &offset))
            let fixed = offset..<(offset + fixedLength)
            offset += fixedLength
            for index in fixedCount..<columns.count { columns[index] = nil }
            for _ in 0..<cellCount {
                let stepLength = Int(Self.get(bytes, &offset))
                let step = steps.code(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + stepLength)]))
                offset += stepLength
                let round = Int(Int32(bitPattern: Self.get(bytes, &offset)))
                let valueLength = Int(Self.get(bytes, &offset))
                let value = offset..<(offset + valueLength)
                offset += valueLength
                let labelLength = Int(Self.get(bytes, &offset))
                let label = offset..<(offset + labelLength)
                offset += labelLength
                let slot = step * roundsPerStep + round + 1
                if places.count <= slot { places += Array(repeating: .unknown, count: (step + 1) * roundsPerStep - places.count) }
                if places[slot] == .unknown { places[slot] = Place(layout.place(stepId: steps.text(step), repeatIndex: round < 0 ? nil : round)) }
                let place = places[slot]
                guard place.value >= 0 else { continue }
                columns[Int(place.value)] = value
                if place.label >= 0 { columns[Int(place.label)] = label }
            }
            row.removeAll()
            row.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[fixed]))
            for index in fixedCount..<columns.count {
                let cell = columns[index].map { UnsafeBufferPointer(rebasing: bytes[$0]) } ?? UnsafeBufferPointer(start: nil, count: 0)
                row.write(upTo: 1 + CSVField.maximumLength(cell.count)) { start in
                    var p = start
                    PointerWrite.byte(0x2C, &p)
                    CSVField.write(cell, to: &p)
                    return p - start
                }
            }
            row.append(contentsOf: CSVField.lineEnd)
            out.append(contentsOf: row.bytes)
        }
    }

    /// A step's columns in the layout: -1 for none, -2 while not yet looked up.
    private struct Place: Equatable {
        static let unknown = Place(value: -2, label: -2)
        var value: Int32
        var label: Int32

        init(value: Int32, label: Int32) {
            self.value = value
            self.label = label
        }

        init(_ place: (value: Int, label: Int?)?) {
            value = Int32(place?.value ?? -1)
            label = Int32(place?.label ?? -1)
        }
    }

    private static func get(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        let value = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt32.self)
        offset += 4
        return UInt32(littleEndian: value)
    }
}

/// Reads length-prefixed records back from a spool file, a few megabytes at a time, each in place.
private struct SpoolReader {
    let url: URL

    func forEach(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        var start = 0
        func fill(_ needed: Int) throws -> Bool {
            while buffer.count - start < needed {
                guard let chunk = try handle.read(upToCount: 1 << 22), !chunk.isEmpty else { return false }
                buffer.removeSubrange(0..<start)
                start = 0
                buffer.append(contentsOf: chunk)
            }
            return true
        }
        while try fill(4) {
            let length = Int(buffer[start]) | Int(buffer[start + 1]) << 8 | Int(buffer[start + 2]) << 16 | Int(buffer[start + 3]) << 24
            start += 4
            guard try fill(length) else { break }
            try buffer.withUnsafeBufferPointer { all in
                try body(UnsafeBufferPointer(rebasing: all[start..<(start + length)]))
            }
            start += length
        }
    }
}
