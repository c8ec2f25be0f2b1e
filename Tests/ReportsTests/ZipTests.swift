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
