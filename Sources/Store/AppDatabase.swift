import Foundation
import GRDB

/// The one SQLite database in the data folder: opens it, hardens it, and migrates it.
/// Several processes (the running bot, `kenesh invite`, `kenesh status`...) may open it at once.
public final class AppDatabase: Sendable {
    public static let fileName = "kenesh.sqlite"

    /// Serialises writes across threads of this process; SQLite's own locks (with a busy timeout) handle other processes.
    public let writer: DatabasePool
    public let folder: URL

    /// Opens (creating if needed) the database in `folder`, which is created with mode 0700.
    public init(folder: URL) throws {
        self.folder = folder
        try Self.prepareFolder(folder)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Deleted rows (a /forget, a sent message) are overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Every acknowledged update must survive a power cut, not only a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let path = folder.appendingPathComponent(Self.fileName).path
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        writer = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(writer)
    }

    private static func prepareFolder(_ folder: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError.notAFolder(folder.path) }
            return
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
    }

    /// A write whose commit skips the fsync, for bookkeeping that may be redone (a message marked
    /// sent, the time of the last poll): it survives a process crash, and only a power cut right
    /// after could lose it. A durable commit costs milliseconds, which would cap these at a few
    /// hundred a second.
    public func writeQuickly<T>(_ updates: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute()
            defer { try? db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute() }
            var result: T?
            try db.inTransaction {
                result = try updates(db)
                return .commit
            }
            return result!
        }
    }

    /// Rewrites the WAL into the main file and truncates it, so deleted bytes leave the WAL too.
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }
}

/// Problems opening the store, in words a person can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notAFolder(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path) is a file, not a folder: --data needs a folder"
        }
    }
}
