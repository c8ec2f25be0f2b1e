import GRDB
import GRDBSQLite

/// Inserts and updates through statements the connection prepares once, for the records written
/// on every update and every reply. GRDB's generic `insert`/`update` rebuild and re-prepare their
/// SQL each time, which cost more than the rest of an update's handling; and its
/// `StatementArguments`, built from the values and checked against the statement on every call,
/// cost a third as much as running the statement, so the values are bound directly.
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
        try db.cachedStatement(sql: Self.cachedSQL.insert).run(binding: persistedValues, in: db)
        id = db.lastInsertedRowID
    }

    /// Rewrites the row; false when it no longer exists.
    @discardableResult
    public func updateCached(_ db: Database) throws -> Bool {
        guard let id else { return false }
        try db.cachedStatement(sql: Self.cachedSQL.update).run(binding: persistedValues + [id], in: db)
        return db.changesCount > 0
    }
}

extension Statement {
    /// Binds `values` to the parameters in order and runs the statement to its end. `CachedSQL`
    /// writes the parameters from the same column list as `persistedValues`; a count that differs
    /// is refused, and a test writes and reads back every record type.
    func run(binding values: [(any DatabaseValueConvertible)?], in db: Database) throws {
        let statement = sqliteStatement
        guard values.count == Int(sqlite3_bind_parameter_count(statement)) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "wrong number of statement arguments: \(values.count)", sql: sql)
        }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = CInt(offset + 1)
            let bound: CInt
            switch value?.databaseValue.storage ?? .null {
            case .null:
                bound = sqlite3_bind_null(statement, index)
            case .int64(let number):
                bound = sqlite3_bind_int64(statement, index, number)
            case .double(let number):
                bound = sqlite3_bind_double(statement, index, number)
            case .string(let text):
                // NUL-terminated, as GRDB binds text: a string is stored the same whichever path wrote it.
                bound = sqlite3_bind_text(statement, index, text, -1, sqliteTransient)
            case .blob(let data):
                bound = data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(emptyText), CInt(bytes.count), sqliteTransient)
                }
            }
            guard bound == SQLITE_OK else {
                sqlite3_clear_bindings(statement)
                throw DatabaseError(resultCode: ResultCode(rawValue: bound), message: "cannot bind value \(index)", sql: sql)
            }
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
        sqlite3_reset(statement)
        // Copies of the values stay bound otherwise, until the statement's next use.
        sqlite3_clear_bindings(statement)
    }
}

/// SQLite copies a value bound with this destructor, so Swift's buffer need not outlive the call.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
/// A valid address for a zero-length blob (a null pointer would bind NULL): a literal lives as long as the program.
private let emptyLiteral: StaticString = ""
private var emptyText: UnsafePointer<CChar> {
    UnsafeRawPointer(emptyLiteral.utf8Start).assumingMemoryBound(to: CChar.self)
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
