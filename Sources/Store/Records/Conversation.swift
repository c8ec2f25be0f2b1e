import Foundation
import GRDB

/// A dialog in progress (or ended) with one person. `state` is the engine's state as JSON.
public struct Conversation: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, DatabaseValueConvertibleByRawValue {
        case active, completed, cancelled, expired
    }

    public var id: Int64?
    public var personId: Int64
    public var dialogId: String
    public var dialogVersion: String
    public var state: Data
    public var status: Status
    public var startedAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?
    /// When the bot must next poke the engine (reminder, then expiry).
    public var nextDeadline: Date?

    public init(personId: Int64, dialogId: String, dialogVersion: String, state: Data, startedAt: Date, nextDeadline: Date?) {
        self.personId = personId
        self.dialogId = dialogId
        self.dialogVersion = dialogVersion
        self.state = state
        self.status = .active
        self.startedAt = startedAt
        self.updatedAt = startedAt
        self.nextDeadline = nextDeadline
    }
}

extension Conversation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "conversation"

    // Written out rather than derived from Codable: a conversation is read and saved on every answer.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        personId = try row.decode(forColumn: "personId")
        dialogId = try row.decode(forColumn: "dialogId")
        dialogVersion = try row.decode(forColumn: "dialogVersion")
        state = try row.decode(forColumn: "state")
        status = try row.decode(forColumn: "status")
        startedAt = try row.decode(forColumn: "startedAt")
        updatedAt = try row.decode(forColumn: "updatedAt")
        finishedAt = try row.decode(forColumn: "finishedAt")
        nextDeadline = try row.decode(forColumn: "nextDeadline")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["personId"] = personId
        container["dialogId"] = dialogId
        container["dialogVersion"] = dialogVersion
        container["state"] = state
        container["status"] = status
        container["startedAt"] = startedAt
        container["updatedAt"] = updatedAt
        container["finishedAt"] = finishedAt
        container["nextDeadline"] = nextDeadline
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public static func active(personId: Int64, in db: Database) throws -> Conversation? {
        try Conversation.fetchOne(db.cachedStatement(sql: "SELECT * FROM conversation WHERE personId = ? AND status = 'active'"),
                                  arguments: [personId])
    }

    /// Active conversations whose reminder or expiry time has come.
    public static func due(at now: Date, in db: Database) throws -> [Conversation] {
        try Conversation
            .filter(Column("status") == Status.active.rawValue && Column("nextDeadline") != nil && Column("nextDeadline") <= now)
            .order(Column("nextDeadline"))
            .fetchAll(db)
    }
}

/// The Telegram message that carries a question, so it can be edited after the answer.
public enum QuestionMessage {
    /// Records where a question went; does nothing if the conversation is gone (erased by /forget meanwhile).
    public static func record(conversationId: Int64, stepId: String, messageId: Int, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO questionMessage (conversationId, stepId, messageId)
            SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM conversation WHERE id = ?)
            ON CONFLICT(conversationId, stepId) DO UPDATE SET messageId = excluded.messageId
            """).execute(arguments: [conversationId, stepId, messageId, conversationId])
    }

    public static func messageId(conversationId: Int64, stepId: String, in db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT messageId FROM questionMessage WHERE conversationId = ? AND stepId = ?"),
                         arguments: [conversationId, stepId])
    }
}
