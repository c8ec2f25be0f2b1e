import Foundation

/// One CSV being written to disk: BOM and header first, checksummed as it goes.
final class CSVFile {
    /// A finished file.
    struct Done {
        let name: String
        let url: URL
        let size: Int64
        let crc: UInt32
    }

    let name: String
    let url: URL
    let writer: ByteWriter
    private let handle: FileHandle

    init(folder: URL, name: String, headers: [String]) throws {
        self.name = name
        url = folder.appendingPathComponent(name)
        handle = try ScratchFiles.create(url)
        writer = ByteWriter(handle: handle, checksums: true)
        writer.append(contentsOf: CSVField.byteOrderMark)
        writer.encode { CSVField.appendRow(headers, to: &$0) }
    }

    func finish() throws -> Done {
        try writer.flush()
        try handle.close()
        return Done(name: name, url: url, size: writer.byteCount, crc: writer.crc.value)
    }
}

/// Private scratch space for exports: a folder only this user can read.
enum ScratchFiles {
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenesh-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Creates `file` readable by its owner only and opens it for writing.
    static func create(_ file: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
        }
        return try FileHandle(forWritingTo: file)
    }
}
