import Foundation
import Testing
@testable import Reports

@Suite struct ZipTests {
    @Test func crcMatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        let long = (0..<10_007).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(CRC32.checksum(long) == ZipReader.checksum(Data(long)))
        var split = CRC32()
        split.update(Array(long[..<3]))
        split.update(Array(long[3...]))
        #expect(split.value == CRC32.checksum(long))
    }

    /// Chunks checksummed on their own and combined give the CRC of the whole, for random splits with
    /// empty chunks, long chunks and the empty input.
    @Test func combinedChunkCRCsEqualTheCRCOfTheConcatenation() {
        var random = SystemRandomNumberGenerator()
        #expect(CRC32.combine(0, 0, length: 0) == 0)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<5_000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            var crc = CRC32()
            var start = 0
            while start < bytes.count || Bool.random(using: &random) {
                let end = min(bytes.count, start + [0, 0, 1, 7, 64, 1_000, 4_999].randomElement(using: &random)!)
                let chunk = Array(bytes[start..<end])
                crc.append(crc: CRC32.checksum(chunk), length: chunk.count)
                start = end
                if start == bytes.count, Bool.random(using: &random) { break }
            }
            #expect(crc.value == CRC32.checksum(bytes))
        }
    }

    /// A checksumming writer mixing ordinary appends with chunks whose CRC is given, across buffer drains
    /// and for chunks larger than its buffer, checksums what it wrote.
    @Test func writerCombinesGivenChunkCRCs() throws {
        var random = SystemRandomNumberGenerator()
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("out.bin")
        let handle = try ScratchFiles.create(url)
        let writer = ByteWriter(handle: handle, checksums: true)
        var written: [UInt8] = []
        for step in 0..<40 {
            let size = [0, 1, 13, 70_000, 400_000, (1 << 20) + 5].randomElement(using: &random)!
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ step) }
            if Bool.random(using: &random) {
                bytes.withUnsafeBufferPointer { writer.append(contentsOf: $0, crc: CRC32.checksum(bytes)) }
            } else {
                writer.append(contentsOf: bytes)
            }
            written += bytes
        }
        try writer.flush()
        try handle.close()
        #expect(writer.byteCount == Int64(written.count))
        #expect(writer.crc.value == CRC32.checksum(written))
        #expect(try Data(contentsOf: url) == Data(written))
    }

    /// A streamed entry (header completed afterwards), copied files, a Cyrillic name and an empty file.
    @Test func archiveOpensWithUnzip() throws {
        let folder = try TemporaryFolder()
        let zipURL = folder.url.appendingPathComponent("out.zip")
        let handle = try ScratchFiles.create(zipURL)
        let zip = StoredZipWriter(handle: handle, modified: local("2026-11-21 15:04"), timeZone: .bishkek)
        #expect(zip.canStream)
        try zip.beginEntry("streamed.csv")
        zip.out.append("a,b\r\n" + String(repeating: "1,2\r\n", count: 100_000))
        try zip.endEntry()
        for (name, text) in [("ж.csv", "кириллица\r\n"), ("empty.csv", "")] {
            let url = folder.url.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            try zip.addFile(name, file: url, size: Int64(text.utf8.count), crc: CRC32.checksum(Array(text.utf8)))
        }
        try zip.finish()
        try handle.close()

        let read = try ZipReader.entries(try Data(contentsOf: zipURL))
        #expect(read.map(\.name) == ["streamed.csv", "ж.csv", "empty.csv"])
        #expect(read[0].data.count == 5 + 500_000)
        #expect(String(decoding: read[1].data, as: UTF8.self) == "кириллица\r\n")
        try expectUnzipAccepts(zipURL)
    }

    @Test func aPipeGetsCopiedEntriesOnly() throws {
        let pipe = Pipe()
        let zip = StoredZipWriter(handle: pipe.fileHandleForWriting, modified: local("2026-11-21 15:04"), timeZone: .bishkek)
        #expect(!zip.canStream)
    }

    private func expectUnzipAccepts(_ zip: URL) throws {
        let unzip = URL(fileURLWithPath: "/usr/bin/unzip")
        guard FileManager.default.isExecutableFile(atPath: unzip.path) else { return }
        let process = Process()
        process.executableURL = unzip
        process.arguments = ["-tq", zip.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
