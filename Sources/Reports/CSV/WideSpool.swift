import Dialogs
import Foundation

/// One dialog's wide file, made in two steps. Which repeat rounds occur (service_1 … service_4) is known
/// only once every answer has been read, and the columns come first in the file; so while the pass over the
/// answers runs, each response is spooled to a scratch file as (step, round, value, label) cells, and at the
/// end the CSV is written with columns in dialog order. Cheaper than reading the answer table again to find
/// the rounds, which takes as long as the export itself.
final class WideSpool {
    let dialogId: String
    private let spool: ByteWriter
    private let spoolHandle: FileHandle
    private let spoolURL: URL
    private var clock: LocalClock
    private var steps = TextCodes()
    /// Highest round seen per step code (-1: outside groups).
    private var maxRound: [Int: Int] = [:]
    private var record: [UInt8] = []
    private var cells: UInt32 = 0
    private var open = false

    init(dialogId: String, folder: URL, clock: LocalClock) throws {
        self.dialogId = dialogId
        self.clock = clock
        spoolURL = folder.appendingPathComponent("\(dialogId).spool")
        spoolHandle = try ScratchFiles.create(spoolURL)
        spool = ByteWriter(handle: spoolHandle)
    }

    func begin(_ id: Int64, _ response: ExportResponses.Info) {
        record.removeAll(keepingCapacity: true)
        cells = 0
        open = true
        var fixed: [UInt8] = []
        let fields = [String(id), response.version, response.status, response.participant, response.city,
                      clock.timestamp(milliseconds: response.startedAt), clock.timestamp(milliseconds: response.finishedAt),
                      response.meetingId.map(String.init) ?? ""]
        for (index, field) in fields.enumerated() {
            if index > 0 { fixed.append(0x2C) }
            CSVField.append(field, to: &fixed)
        }
        Self.put(UInt32(fixed.count), &record)
        record += fixed
    }

    func add(_ rows: RawRows) {
        let step = steps.code(rows.bytes(AnswerRows.Column.stepId))
        let round = rows.isNull(AnswerRows.Column.repeatIndex) ? -1 : Int(rows.int64(AnswerRows.Column.repeatIndex))
        if round > maxRound[step] ?? -2 { maxRound[step] = round }
        Self.put(UInt32(step), &record)
        Self.put(UInt32(bitPattern: Int32(round)), &record)
        let value = rows.bytes(AnswerRows.Column.value)
        Self.put(UInt32(value.count), &record)
        record.append(contentsOf: value)
        let label = rows.bytes(AnswerRows.Column.label)
        Self.put(UInt32(label.count), &record)
        record.append(contentsOf: label)
        cells += 1
    }

    /// Spools the response in hand.
    func end() {
        guard open else { return }
        open = false
        var header: [UInt8] = []
        Self.put(UInt32(record.count + 4), &header)
        Self.put(cells, &header)
        spool.append(contentsOf: header)
        spool.append(contentsOf: record)
    }

    /// Writes the CSV (columns from `versions` of the dialog and the steps seen) and removes the spool.
    func writeCSV(versions: [Dialog], folder: URL) throws -> CSVFile.Done {
        try spool.flush()
        try spoolHandle.close()
        defer { try? FileManager.default.removeItem(at: spoolURL) }
        var stored: [String: Int?] = [:]
        for (code, round) in maxRound { stored[steps.text(code)] = round < 0 ? nil : round }
        let layout = WideLayout(dialogId: dialogId, versions: versions, stored: stored)
        var places: [[Int: (value: Int, label: Int?)]] = []
        let file = try CSVFile(folder: folder, name: "\(dialogId).csv", headers: layout.headers)
        var columns = [Range<Int>?](repeating: nil, count: layout.columnCount)
        let fixedCount = WideLayout.fixedHeaders.count
        try SpoolReader(url: spoolURL).forEach { body in
            body.withUnsafeBufferPointer { bytes in
                var offset = 0
                let cellCount = Int(Self.get(bytes, &offset))
                let fixedLength = Int(Self.get(bytes, &offset))
                let fixed = offset..<(offset + fixedLength)
                offset += fixedLength
                for index in fixedCount..<columns.count { columns[index] = nil }
                for _ in 0..<cellCount {
                    let step = Int(Self.get(bytes, &offset))
                    let round = Int(Int32(bitPattern: Self.get(bytes, &offset)))
                    let valueLength = Int(Self.get(bytes, &offset))
                    let value = offset..<(offset + valueLength)
                    offset += valueLength
                    let labelLength = Int(Self.get(bytes, &offset))
                    let label = offset..<(offset + labelLength)
                    offset += labelLength
                    while places.count <= step { places.append([:]) }
                    if places[step][round] == nil {
                        guard let place = layout.place(stepId: steps.text(step), repeatIndex: round < 0 ? nil : round) else { continue }
                        places[step][round] = place
                    }
                    guard let place = places[step][round] else { continue }
                    columns[place.value] = value
                    if let column = place.label { columns[column] = label }
                }
                file.writer.encode { out in
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[fixed]))
                    for index in fixedCount..<columns.count {
                        out.append(0x2C)
                        if let cell = columns[index] { CSVField.append(bytes: UnsafeBufferPointer(rebasing: bytes[cell]), to: &out) }
                    }
                    out.append(contentsOf: CSVField.lineEnd)
                }
            }
        }
        return try file.finish()
    }

    private static func put(_ value: UInt32, _ out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    private static func get(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        let value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        offset += 4
        return value
    }
}

/// Reads length-prefixed records back from a spool file, a megabyte at a time.
private struct SpoolReader {
    let url: URL

    func forEach(_ body: ([UInt8]) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        var start = 0
        var record: [UInt8] = []
        func fill(_ needed: Int) throws -> Bool {
            while buffer.count - start < needed {
                guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else { return false }
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
            record.removeAll(keepingCapacity: true)
            record.append(contentsOf: buffer[start..<(start + length)])
            start += length
            try body(record)
        }
    }
}
