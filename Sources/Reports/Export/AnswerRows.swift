import GRDB

/// The pass over the answers of the exported responses, reading each column in place.
///
/// The default is storage order, much the fastest way through the table: the bot writes a response's
/// answers together, in the transaction that writes the response, so they are adjacent and in order.
/// Code that needs a response's answers together checks that responses come in ascending order (which
/// proves adjacency) and, if they ever do not, runs again `ordered` through the responseId index.
enum AnswerRows {
    /// Columns of `rows` for `body`.
    enum Column {
        static let responseId: Int32 = 0
        static let stepId: Int32 = 1
        static let repeatIndex: Int32 = 2
        static let value: Int32 = 3
        static let label: Int32 = 4
        static let answeredAt: Int32 = 5
    }

    /// Raised by grouping code when a response's answers turn out not to be adjacent.
    struct NotAdjacent: Error {}

    static func forEach(in db: Database, responses: ExportResponses, ordered: Bool = false,
                        _ body: (_ responseId: Int64, _ response: ExportResponses.Info, _ rows: RawRows) throws -> Void) throws {
        var none: IndicatorData?
        try forEach(in: db, responses: responses, indicators: &none, ordered: ordered, body)
    }

    /// Calls `body` for each answer of `responses`; `indicators`, when given, takes the answers it reads
    /// from the same pass (its responses may differ: debriefs count by meeting date).
    static func forEach(in db: Database, responses: ExportResponses, indicators: inout IndicatorData?, ordered: Bool = false,
                        _ body: (_ responseId: Int64, _ response: ExportResponses.Info, _ rows: RawRows) throws -> Void) throws {
        var bounds = [responses.ids.first, responses.ids.last].compactMap { $0 }
        if let range = indicators?.responseRange { bounds += [range.lowerBound, range.upperBound] }
        guard let first = bounds.min(), let last = bounds.max() else { return }
        let span = try AnswerSpan.condition(in: db, responses: first, last, wholeTable: responses.wholeTable)
        let rows = try RawRows(db, sql: """
            SELECT responseId, stepId, repeatIndex, value, label, answeredAt FROM answer
            WHERE \(span.sql)\(ordered ? " ORDER BY responseId, id" : "")
            """, arguments: span.arguments)
        var lookedUp: (id: Int64, response: ExportResponses.Info?) = (-1, nil)
        while try rows.next() {
            let responseId = rows.int64(Column.responseId)
            if responseId != lookedUp.id { lookedUp = (responseId, responses.byId[responseId]) }
            indicators?.take(responseId: responseId, step: rows.bytes(Column.stepId),
                             round: rows.isNull(Column.repeatIndex) ? -1 : Int(rows.int64(Column.repeatIndex)),
                             value: rows.bytes(Column.value))
            guard let response = lookedUp.response else { continue }
            try body(responseId, response, rows)
        }
    }
}
