import Dialogs

/// One dialog's wide file, made in two steps. Which repeat rounds occur (service_1 … service_4) is known
/// only once every answer has been read, and the columns come first in the file; so while the pass over the
/// answers runs, each response is spooled in memory as (step, round, value, label) cells, and at the
/// end the CSV is written with columns in dialog order. Cheaper than reading the answer table again to find
/// the rounds, which takes as long as the export itself. The spool is kept piece by piece (one per chunk
/// of the pass), so both cores can format the rows (`WideRows`) while the output takes them in order.
final class WideSpool: @unchecked Sendable {
    /// One response's spool record, written into a chunk's buffer:
    /// length, cell count, fixed columns (length, CSV), then per cell step, round, value and label (`add`).
    struct Record {
        let dialog: Int
        private let buffer: ByteBuffer
        private let start: Int
        private var cells: UInt32 = 0

        /// Starts a response's record; `fixed` writes its fixed columns, already CSV, at most `maximum` bytes.
        init(dialog: Int, into buffer: ByteBuffer, fixedUpTo maximum: Int, fixed: (inout UnsafeMutablePointer<UInt8>) -> Void) {
            self.dialog = dialog
            self.buffer = buffer
            start = buffer.count
            buffer.write(upTo: 12 + maximum) { begin in
                var p = begin + 12
                fixed(&p)
                var head = begin
                Self.store(0, &head)
                Self.store(0, &head)
                Self.store(UInt32(p - begin - 12), &head)
                return p - begin
            }
        }

        /// One cell, written in one reservation (a million of them per export): the step as its seeded code
        /// (two bytes; 0xFFFF and the text for a step not seeded), round + 1 in a byte, value and label each
        /// after a two-byte length (0xFFFF and four bytes when longer).
        mutating func add(step: UnsafeBufferPointer<UInt8>, code: Int, seeded: Int, round: Int, value: UnsafeBufferPointer<UInt8>,
                          label: UnsafeBufferPointer<UInt8>) {
            buffer.write(upTo: 27 + step.count + value.count + label.count) { start in
                var p = start
                if code < seeded, code < 0xFFFF {
                    Self.store16(UInt16(code), &p)
                } else {
                    Self.store16(0xFFFF, &p)
                    Self.length(step.count, &p)
                    PointerWrite.bytes(step, &p)
                }
                if round + 1 < 0xFF, round >= -1 {
                    PointerWrite.byte(UInt8(round + 1), &p)
                } else {
                    PointerWrite.byte(0xFF, &p)
                    Self.store(UInt32(bitPattern: Int32(truncatingIfNeeded: round)), &p)
                }
                Self.length(value.count, &p)
                PointerWrite.bytes(value, &p)
                Self.length(label.count, &p)
                PointerWrite.bytes(label, &p)
                return p - start
            }
            cells += 1
        }

        @inline(__always)
        private static func length(_ count: Int, _ out: inout UnsafeMutablePointer<UInt8>) {
            if count < 0xFFFF {
                store16(UInt16(count), &out)
            } else {
                store16(0xFFFF, &out)
                store(UInt32(count), &out)
            }
        }

        @inline(__always)
        private static func store16(_ value: UInt16, _ out: inout UnsafeMutablePointer<UInt8>) {
            UnsafeMutableRawPointer(out).storeBytes(of: value.littleEndian, as: UInt16.self)
            out += 2
        }

        @inline(__always)
        private static func store(_ value: UInt32, _ out: inout UnsafeMutablePointer<UInt8>) {
            UnsafeMutableRawPointer(out).storeBytes(of: value.littleEndian, as: UInt32.self)
            out += 4
        }

        /// Fills in the length and the cell count.
        func end() {
            Self.patch(UInt32(buffer.count - start - 4), buffer, at: start)
            Self.patch(cells, buffer, at: start + 4)
        }

        private static func patch(_ value: UInt32, _ buffer: ByteBuffer, at offset: Int) {
            UnsafeMutableRawPointer(buffer.base + offset).storeBytes(of: value.littleEndian, as: UInt32.self)
        }
    }

    let dialogId: String
    /// Highest round seen per step id (-1: outside groups).
    private var maxRound: [String: Int] = [:]
    /// Each chunk's records, in chunk order: the chunks' own buffers, kept in memory (a few tens of MB for a
    /// million answers) rather than written to a scratch file and read back, which cost the kernel two copies.
    private(set) var pieces: [ByteBuffer] = []

    init(dialogId: String) {
        self.dialogId = dialogId
    }

    /// Adds a chunk's records (in response order) and the rounds it saw; the spool keeps `records`.
    func add(_ records: ByteBuffer, rounds: [String: Int]) {
        pieces.append(records)
        for (step, round) in rounds where round > maxRound[step] ?? -2 { maxRound[step] = round }
    }

    /// The header row of the CSV (columns from `versions` of the dialog and the steps seen).
    func layout(versions: [Dialog]) -> WideLayout {
        WideLayout(dialogId: dialogId, versions: versions, stored: maxRound.mapValues { $0 < 0 ? nil : $0 })
    }

    /// Rounds per step code in `WideRows`' lookup table: the highest round + 2.
    var roundsPerStep: Int { (maxRound.values.max() ?? -1) + 2 }
}

/// Formats wide rows from spool records, once the layouts are known; one per thread (it caches where
/// each step's cells go).
final class WideRows {
    private let layouts: [WideLayout]
    private let roundsPerStep: [Int]
    private var steps: [TextCodes]
    /// Per dialog, per step code and round (+1): the columns, looked up in the layout once.
    private var places: [[Place]]
    private var columns: [Range<Int>?] = []

    /// `seed`: the step ids the chunk formatters seeded their codes with (`CSVChunkFormatter`).
    init(layouts: [WideLayout], roundsPerStep: [Int], seed: [String]) {
        self.layouts = layouts
        self.roundsPerStep = roundsPerStep
        var seeded = TextCodes()
        seeded.seed(seed)
        steps = layouts.map { _ in seeded }
        places = layouts.map { _ in [] }
    }

    /// Appends the CSV rows of `records` (whole length-prefixed spool records of `dialog`) to `out`.
    func format(dialog: Int, records bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        let layout = layouts[dialog]
        let roundsPerStep = roundsPerStep[dialog]
        if columns.count < layout.columnCount { columns = Array(repeating: nil, count: layout.columnCount) }
        let fixedCount = WideLayout.fixedHeaders.count
        var offset = 0
        while offset < bytes.count {
            let length = Int(Self.get(bytes, &offset))
            let recordEnd = offset + length
            let cellCount = Int(Self.get(bytes, &offset))
            let fixedLength = Int(Self.get(bytes, &offset))
            let fixed = offset..<(offset + fixedLength)
            offset += fixedLength
            for index in fixedCount..<layout.columnCount { columns[index] = nil }
            for _ in 0..<cellCount {
                var step = Int(Self.get16(bytes, &offset))
                if step == 0xFFFF {
                    let stepLength = Self.length(bytes, &offset)
                    step = steps[dialog].code(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + stepLength)]))
                    offset += stepLength
                }
                var round = Int(bytes[offset]) - 1
                offset += 1
                if round == 0xFE { round = Int(Int32(bitPattern: Self.get(bytes, &offset))) }
                let valueLength = Self.length(bytes, &offset)
                let value = offset..<(offset + valueLength)
                offset += valueLength
                let labelLength = Self.length(bytes, &offset)
                let label = offset..<(offset + labelLength)
                offset += labelLength
                let slot = step * roundsPerStep + round + 1
                if places[dialog].count <= slot {
                    places[dialog] += Array(repeating: .unknown, count: (step + 1) * roundsPerStep - places[dialog].count)
                }
                if places[dialog][slot] == .unknown {
                    places[dialog][slot] = Place(layout.place(stepId: steps[dialog].text(step), repeatIndex: round < 0 ? nil : round))
                }
                let place = places[dialog][slot]
                guard place.value >= 0 else { continue }
                columns[Int(place.value)] = value
                if place.label >= 0 { columns[Int(place.label)] = label }
            }
            // One reservation per row: a column's cell is a distinct part of the record, so the cells
            // together are at most `length` bytes, each taking a comma and at most 3 + 2 × its bytes.
            let columnCount = layout.columnCount
            out.write(upTo: fixedLength + 4 * (columnCount - fixedCount) + 2 * length + 2) { start in
                var p = start
                PointerWrite.bytes(UnsafeBufferPointer(rebasing: bytes[fixed]), &p)
                columns.withUnsafeBufferPointer { columns in
                    for index in fixedCount..<columnCount {
                        PointerWrite.byte(0x2C, &p)
                        if let cell = columns[index] { CSVField.write(UnsafeBufferPointer(rebasing: bytes[cell]), to: &p) }
                    }
                }
                PointerWrite.byte(0x0D, &p)
                PointerWrite.byte(0x0A, &p)
                return p - start
            }
            offset = recordEnd
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

    @inline(__always)
    private static func get16(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt16 {
        let value = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt16.self)
        offset += 2
        return UInt16(littleEndian: value)
    }

    @inline(__always)
    private static func length(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> Int {
        let short = get16(bytes, &offset)
        return short == 0xFFFF ? Int(get(bytes, &offset)) : Int(short)
    }

    @inline(__always)
    private static func get(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        let value = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt32.self)
        offset += 4
        return UInt32(littleEndian: value)
    }
}
