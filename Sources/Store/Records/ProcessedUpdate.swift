import Foundation
import GRDB

/// The ids of updates whose effects are committed, so a second delivery changes nothing.
public enum ProcessedUpdate {
    /// Telegram keeps an unconfirmed update for 24 hours; ids older than this can never come back.
    public static let retention: TimeInterval = 7 * 24 * 3600

    public static func contains(_ updateId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM processedUpdate WHERE updateId = ?)"),
                          arguments: [updateId]) ?? false
    }

    /// Records the update as processed; false when it already was.
    public static func recordIfNew(_ updateId: Int64, at now: Date, in db: Database) throws -> Bool {
        try record(updateId, at: now, in: db)
        return db.changesCount > 0
    }

    public static func record(_ updateId: Int64, at now: Date, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO processedUpdate (updateId, processedAt) VALUES (?, ?)")
            .execute(arguments: [updateId, now.stored])
    }

    public static func count(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM processedUpdate") ?? 0
    }

    public static func pruneOlderThan(_ cutoff: Date, in db: Database) throws {
        try db.execute(sql: "DELETE FROM processedUpdate WHERE processedAt < ?", arguments: [cutoff])
    }
}
