import GRDB

/// Where in the answer table the answers of some responses lie, so a pass over them visits only that
/// stretch of rows. Found through the responseId index, whose entries carry the row ids.
enum AnswerSpan {
    /// SQL for `WHERE`: the answers of responses `first...last`, by row id when that narrows the pass.
    static func condition(in db: Database, responses first: Int64, _ last: Int64,
                          wholeTable: Bool) throws -> (sql: String, arguments: StatementArguments) {
        let byResponse = "responseId BETWEEN ? AND ?"
        guard !wholeTable, let row = try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id) FROM answer WHERE \(byResponse)",
                                                      arguments: [first, last]),
              let low = row[0] as Int64?, let high = row[1] as Int64?
        else { return (byResponse, [first, last]) }
        return ("id BETWEEN ? AND ? AND \(byResponse)", [low, high, first, last])
    }
}
