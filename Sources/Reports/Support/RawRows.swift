import GRDB
import GRDBSQLite

/// Steps through a query's rows and reads columns in place, through the SQLite C API that GRDB exposes
/// (`Statement.sqliteStatement`): no `String`, `Data` or `Row` per value. Exports and indicators read a
/// million answers; GRDB's row decoding alone would take most of the time allowed for the whole report.
/// Values read here are only valid until the next call to `next()`.
final class RawRows {
    private let statement: Statement
    private let handle: SQLiteStatement

    /// Without `arguments`, the query waits for them (`restart`).
    init(_ db: Database, sql: String, arguments: StatementArguments? = []) throws {
        statement = try db.makeStatement(sql: sql)
        if let arguments { try statement.setArguments(arguments) }
        handle = statement.sqliteStatement
    }

    deinit {
        sqlite3_reset(handle)
    }

    /// Runs the query again from the start, with new arguments.
    func restart(arguments: StatementArguments) throws {
        try statement.setArguments(arguments)
    }

    /// Moves to the next row; false when there are no more.
    func next() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                sql: statement.sql)
        }
    }

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// One `sqlite3_column_value` and the `sqlite3_value_*` calls on it, rather than two `sqlite3_column_*`
    /// calls: each of those takes the connection's mutex and runs sqlite3ApiExit, a million times per export.
    /// The same conversions, on the connection's own thread.
    func optionalInt64(_ column: Int32) -> Int64? {
        let value = sqlite3_column_value(handle, column)
        return sqlite3_value_type(value) == SQLITE_NULL ? nil : sqlite3_value_int64(value)
    }

    /// The column's UTF-8 text (empty for NULL), valid until the next step.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let value = sqlite3_column_value(handle, column)
        guard let text = sqlite3_value_text(value) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
    }

    func string(_ column: Int32) -> String {
        String(decoding: bytes(column), as: UTF8.self)
    }

    /// A stored date column as milliseconds since 1970.
    func milliseconds(_ column: Int32) -> Int64? {
        let text = bytes(column)
        return text.isEmpty ? nil : StoredTime.milliseconds(UnsafeRawBufferPointer(text))
    }
}
