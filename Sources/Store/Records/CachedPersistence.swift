import GRDB

/// Inserts and updates through statements the connection prepares once, for the records written
/// on every update and every reply. GRDB's generic `insert`/`update` rebuild and re-prepare their
/// SQL each time, which cost more than the rest of an update's handling.
public protocol CachedPersistence: MutablePersistableRecord {
    static var cachedSQL: CachedSQL { get }
    /// The values of `cachedSQL.columns`, in that order.
    var persistedValues: [(any DatabaseValueConvertible)?] { get }
    var id: Int64? { get set }
}

/// The insert and update statements of a table, written once per record type.
public struct CachedSQL: Sendable {
    let insert: String
    let update: String

    /// `columns` are every column the record writes, except `id`.
    init(table: String, columns: [String]) {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
        update = "UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
    }
}

extension CachedPersistence {
    /// Inserts the row and sets `id`.
    public mutating func insertCached(_ db: Database) throws {
        try db.cachedStatement(sql: Self.cachedSQL.insert).execute(arguments: StatementArguments(persistedValues))
        id = db.lastInsertedRowID
    }

    /// Rewrites the row; false when it no longer exists.
    @discardableResult
    public func updateCached(_ db: Database) throws -> Bool {
        guard let id else { return false }
        try db.cachedStatement(sql: Self.cachedSQL.update).execute(arguments: StatementArguments(persistedValues + [id]))
        return db.changesCount > 0
    }
}

extension Person: CachedPersistence {
    public static let cachedSQL = CachedSQL(table: "person", columns: [
        "telegramUserId", "alias", "role", "language", "city", "mentorId", "active", "createdAt", "lastSeenAt", "consentedAt",
        "deactivatedAt",
    ])
    public var persistedValues: [(any DatabaseValueConvertible)?] {
        [telegramUserId, alias, role, language, city, mentorId, active, createdAt.stored, lastSeenAt.stored, consentedAt.stored,
         deactivatedAt.stored]
    }
}

extension Conversation: CachedPersistence {
    public static let cachedSQL = CachedSQL(table: "conversation", columns: [
        "personId", "dialogId", "dialogVersion", "state", "status", "startedAt", "updatedAt", "finishedAt", "nextDeadline",
    ])
    public var persistedValues: [(any DatabaseValueConvertible)?] {
        [personId, dialogId, dialogVersion, state, status, startedAt.stored, updatedAt.stored, finishedAt.stored, nextDeadline.stored]
    }
}

extension OutboxMessage: CachedPersistence {
    public static let cachedSQL = CachedSQL(table: "outbox", columns: [
        "chatId", "method", "payload", "status", "attempts", "notBefore", "createdAt", "lastError",
    ])
    public var persistedValues: [(any DatabaseValueConvertible)?] {
        [chatId, method, payload, status, attempts, notBefore.stored, createdAt.stored, lastError]
    }
}

extension Response: CachedPersistence {
    public static let cachedSQL = CachedSQL(table: "response", columns: [
        "personId", "conversationId", "dialogId", "dialogVersion", "status", "startedAt", "finishedAt",
    ])
    public var persistedValues: [(any DatabaseValueConvertible)?] {
        [personId, conversationId, dialogId, dialogVersion, status, startedAt.stored, finishedAt.stored]
    }
}

extension AnswerRecord: CachedPersistence {
    public static let cachedSQL = CachedSQL(table: "answer", columns: [
        "responseId", "personId", "dialogId", "dialogVersion", "stepId", "repeatIndex", "value", "label", "answeredAt",
    ])
    public var persistedValues: [(any DatabaseValueConvertible)?] {
        [responseId, personId, dialogId, dialogVersion, stepId, repeatIndex, value, label, answeredAt.stored]
    }
}
