import Foundation
import GRDB
import GRDBSQLite

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

/// Private scratch space for exports, in a `scratch` folder beside the database: inside the data
/// folder (mode 700), where the bot clears what a crash left at its next start, rather than /tmp,
/// where a crash would leave a full export of raw answers that nothing ever cleans.
public enum ScratchFiles {
    static let folderName = "scratch"

    static func makeFolder(for db: Database) throws -> URL {
        let base = root(for: db) ?? FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// The scratch folder of the database `db` is on; nil for a database with no file.
    static func root(for db: Database) -> URL? {
        guard let name = sqlite3_db_filename(db.sqliteConnection, "main"), name.pointee != 0 else { return nil }
        return URL(fileURLWithPath: String(cString: name)).deletingLastPathComponent().appendingPathComponent(folderName)
    }

    /// Removes what exports interrupted by a crash left in `dataFolder`'s scratch folder; anything
    /// younger than `age` may be an export still being written by another process, and is kept.
    public static func clearLeftovers(inDataFolder dataFolder: URL, olderThan age: TimeInterval = 600, now: Date = Date()) {
        let root = dataFolder.appendingPathComponent(folderName)
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(at: root, includingPropertiesForKeys: [.contentModificationDateKey]) else { return }
        for entry in entries {
            let modified = (try? entry.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            if now.timeIntervalSince(modified) >= age { try? manager.removeItem(at: entry) }
        }
    }

    /// Creates `file` readable by its owner only and opens it for writing.
    static func create(_ file: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
        }
        return try FileHandle(forWritingTo: file)
    }
}
