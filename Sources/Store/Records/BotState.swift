import Foundation
import GRDB

/// Small named values the bot keeps between runs: the polling offset, the last good poll, its username.
public enum BotState {
    enum Key: String {
        case offset, lastPollAt, botUsername, logKey, scrubAfterOutboxId
    }

    /// The `offset` for the next getUpdates: one past the last update whose effects are committed.
    public static func offset(in db: Database) throws -> Int64? {
        try value(.offset, in: db).flatMap(Int64.init)
    }

    /// Moves the offset forward (never back) to `next`.
    public static func advanceOffset(to next: Int64, in db: Database) throws {
        if let current = try offset(in: db), current >= next { return }
        try set(.offset, String(next), in: db)
    }

    public static func lastPollAt(in db: Database) throws -> Date? {
        try value(.lastPollAt, in: db).flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }

    public static func setLastPollAt(_ date: Date, in db: Database) throws {
        try set(.lastPollAt, String(date.timeIntervalSince1970), in: db)
    }

    public static func botUsername(in db: Database) throws -> String? {
        try value(.botUsername, in: db)
    }

    public static func setBotUsername(_ username: String, in db: Database) throws {
        try set(.botUsername, username, in: db)
    }

    /// A random secret, made once per data folder, for keyed hashes of ids in logs.
    public static func logKey(in db: Database) throws -> String {
        if let key = try value(.logKey, in: db) { return key }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try set(.logKey, key, in: db)
        return key
    }

    /// Set after an erasure: once every outbox row up to this id is gone, the WAL is checkpointed
    /// and truncated so the erased bytes leave the disk.
    public static func scrubAfterOutboxId(in db: Database) throws -> Int64? {
        try value(.scrubAfterOutboxId, in: db).flatMap(Int64.init)
    }

    public static func setScrubAfterOutboxId(_ id: Int64?, in db: Database) throws {
        if let id {
            try set(.scrubAfterOutboxId, String(id), in: db)
        } else {
            try db.execute(sql: "DELETE FROM botState WHERE key = ?", arguments: [Key.scrubAfterOutboxId.rawValue])
        }
    }

    private static func value(_ key: Key, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM botState WHERE key = ?"), arguments: [key.rawValue])
    }

    private static func set(_ key: Key, _ value: String, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO botState (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .execute(arguments: [key.rawValue, value])
    }
}
