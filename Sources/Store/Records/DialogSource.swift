import Foundation
import GRDB

/// The text of every dialog version the bot has run, so a conversation started on an older
/// version can finish on it after the file changed and the bot restarted.
public enum DialogSource {
    public static func remember(dialogId: String, version: String, fileName: String, source: String, now: Date,
                                in db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO dialogSource (dialogId, version, fileName, source, firstSeenAt) VALUES (?, ?, ?, ?, ?)
            """, arguments: [dialogId, version, fileName, source, now])
    }

    public static func source(dialogId: String, version: String, in db: Database) throws -> (fileName: String, source: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT fileName, source FROM dialogSource WHERE dialogId = ? AND version = ?",
                                         arguments: [dialogId, version]) else { return nil }
        return (row["fileName"], row["source"])
    }
}
