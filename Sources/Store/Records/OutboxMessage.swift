import Foundation
import GRDB

/// A Bot API call the bot has decided to make, written in the same transaction as the
/// decision and deleted once Telegram has accepted it.
public struct OutboxMessage: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, DatabaseValueConvertibleByRawValue {
        case pending
        /// Telegram refused it for good (a 400 or 403); the payload is wiped.
        case failed
    }

    public var id: Int64?
    public var chatId: Int64
    /// The Bot API method, e.g. "sendMessage".
    public var method: String
    /// The call's parameters as JSON, as the bot module encodes them.
    public var payload: Data
    public var status: Status
    public var attempts: Int
    public var notBefore: Date?
    public var createdAt: Date
    /// What went wrong last, without any message text.
    public var lastError: String?

    public init(chatId: Int64, method: String, payload: Data, createdAt: Date) {
        self.chatId = chatId
        self.method = method
        self.payload = payload
        self.status = .pending
        self.attempts = 0
        self.createdAt = createdAt
    }
}

extension OutboxMessage: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outbox"

    // Written out rather than derived from Codable: every message the bot sends passes through here.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        chatId = try row.decode(forColumn: "chatId")
        method = try row.decode(forColumn: "method")
        payload = try row.decode(forColumn: "payload")
        status = try row.decode(forColumn: "status")
        attempts = try row.decode(forColumn: "attempts")
        notBefore = try row.decode(forColumn: "notBefore")
        createdAt = try row.decode(forColumn: "createdAt")
        lastError = try row.decode(forColumn: "lastError")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["chatId"] = chatId
        container["method"] = method
        container["payload"] = payload
        container["status"] = status
        container["attempts"] = attempts
        container["notBefore"] = notBefore
        container["createdAt"] = createdAt
        container["lastError"] = lastError
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The oldest pending rows, up to `limit` and at most `perChat` of one chat, of the chats none
    /// of whose rows waits on a 429 or a back-off: only a chat's first row is ever put off, and its
    /// later rows wait behind it, so each chat's order holds whichever worker sends them. The cap
    /// keeps one chat's long queue from filling the list and holding every other chat back.
    /// `known` rows (by id) were read before and are used as they are: a pending row's payload
    /// never changes, and only its own sender reschedules it. `leftOut`: rows were passed over.
    public static func ready(now: Date, limit: Int, perChat: Int, known: [Int64: OutboxMessage] = [:],
                             in db: Database) throws -> (rows: [OutboxMessage], leftOut: Bool) {
        // In id order along the pending rows' index; the put-off chats come from a partial index of
        // the few rows with a time to wait (migration v7).
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, chatId, method, payload, status, attempts, notBefore, createdAt, lastError FROM outbox INDEXED BY outbox_pending
            WHERE status = 'pending'
              AND chatId NOT IN (SELECT chatId FROM outbox INDEXED BY outbox_put_off
                                 WHERE notBefore IS NOT NULL AND status = 'pending' AND notBefore > ?)
            ORDER BY id
            """), arguments: [now.stored])
        var rows: [OutboxMessage] = []
        var perChatCount: [Int64: Int] = [:]
        var leftOut = false
        while let row = try cursor.next() {
            guard rows.count < limit else { return (rows, true) }
            // By position (the SELECT's order), not by name: a look steps through up to `limit` rows.
            let chatId: Int64 = try row.decode(atIndex: 1)
            let count = perChatCount[chatId, default: 0]
            guard count < perChat else {
                leftOut = true
                continue
            }
            perChatCount[chatId] = count + 1
            let id: Int64 = try row.decode(atIndex: 0)
            rows.append(try known[id] ?? OutboxMessage(row: row))
        }
        return (rows, leftOut)
    }

    /// The earliest time after `now` a pending row becomes ready, if any is waiting on a back-off.
    public static func nextWakeUp(after now: Date, in db: Database) throws -> Date? {
        try Date.fetchOne(db.cachedStatement(sql: """
            SELECT MIN(notBefore) FROM outbox INDEXED BY outbox_put_off WHERE notBefore IS NOT NULL AND status = 'pending' AND notBefore > ?
            """), arguments: [now.stored])
    }

    public static func markSent(id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM outbox WHERE id = ?").execute(arguments: [id])
    }

    public static func reschedule(id: Int64, notBefore: Date, error: String, in db: Database) throws {
        try db.execute(sql: "UPDATE outbox SET attempts = attempts + 1, notBefore = ?, lastError = ? WHERE id = ?",
                       arguments: [notBefore, error, id])
    }

    /// Keeps a refused call for `kenesh status`, but neither its text nor whom it was for.
    public static func markFailed(id: Int64, error: String, in db: Database) throws {
        try db.execute(sql: """
            UPDATE outbox SET status = 'failed', attempts = attempts + 1, payload = x'', chatId = 0, lastError = ? WHERE id = ?
            """, arguments: [error, id])
    }

    /// Whether any row up to `id` is still waiting to be sent.
    public static func hasPending(upTo id: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM outbox WHERE status = 'pending' AND id <= ?)", arguments: [id]) ?? false
    }

    public static func count(_ status: Status, in db: Database) throws -> Int {
        try OutboxMessage.filter(Column("status") == status.rawValue).fetchCount(db)
    }
}
