import Foundation
import GRDB

/// The responses a report covers and the answers its indicators read, gathered in one pass over the
/// answer table in storage order (the fastest way through it; exports feed the same pass), so no
/// indicator needs a query of its own and no index beyond the schema's is needed. Steps and values are
/// kept as small codes: a million answers repeat a few dozen step ids and option ids.
struct IndicatorData {
    enum Dialog: Int, CaseIterable {
        case checkIn, monitoring, debrief

        var id: String {
            switch self {
            case .checkIn: ReportDialogs.checkIn
            case .monitoring: ReportDialogs.monitoring
            case .debrief: ReportDialogs.debrief
            }
        }

        /// The steps the indicators read.
        var steps: [Step] {
            switch self {
            case .checkIn: [.topic, .confidence, .supportWith]
            case .monitoring: [.city, .service, .availability, .quality, .barriers, .hadViolations, .vWhat, .vBy, .vHelp, .participation]
            case .debrief: [.attended, .spoke, .issues, .missedReason, .followUp]
            }
        }
    }

    enum Step: String, CaseIterable {
        case topic, confidence, supportWith = "support_with"
        case city, service, availability, quality, barriers, hadViolations = "had_violations", vWhat = "v_what", vBy = "v_by",
             vHelp = "v_help", participation
        case attended, spoke, issues, missedReason = "missed_reason", followUp = "follow_up"
    }

    /// A response of one of the report's dialogs.
    struct Response {
        let dialog: Dialog
        let personId: Int64
        let finishedAt: Int64
        let complete: Bool
        /// For debriefs: the meeting, from the response or the conversation that the meeting started.
        let meetingId: Int64?
    }

    /// One answer to one of the steps the indicators read, of a completed response.
    struct Answer {
        let responseId: Int64
        /// -1 outside repeat groups.
        let round: Int
        let step: Step
        /// A code for `IndicatorData.text(_:)`.
        let value: Int
    }

    private(set) var responses: [Int64: Response] = [:]
    private(set) var ids: [Dialog: [Int64]] = [:]
    /// Per dialog, in the order read.
    private var answers: [[Answer]] = Array(repeating: [], count: Dialog.allCases.count)
    private var values = TextCodes()
    private let stepMatcher = StepMatcher()
    private var lastLookup: (id: Int64, response: Response?) = (-1, nil)
    /// All time: the pass reads every answer, so finding a narrower stretch is not worth a query.
    let wholeTable: Bool

    /// Check-ins and monitoring reports finished in the period; debriefs about a meeting of the period,
    /// or finished in it when they are about no meeting. Answers come from `take` or `scan`.
    init(db: Database, filter: PeriodFilter) throws {
        wholeTable = filter.period.isAllTime
        let meetingOf = "COALESCE(r.meetingId, c.meetingId)"
        // Only debriefs need their conversation (for the meeting), so only they pay for the join.
        let rows = try RawRows(db, sql: """
            SELECT r.id, r.dialogId, r.personId, r.finishedAt, r.status, NULL
            FROM response r WHERE r.dialogId IN (?, ?) AND \(filter.sql("r.finishedAt"))
            UNION ALL
            SELECT r.id, r.dialogId, r.personId, r.finishedAt, r.status, \(meetingOf)
            FROM response r LEFT JOIN conversation c ON c.id = r.conversationId
            WHERE r.dialogId = ? AND \(meetingOf) IS NULL AND \(filter.sql("r.finishedAt"))
            UNION ALL
            SELECT r.id, r.dialogId, r.personId, r.finishedAt, r.status, \(meetingOf)
            FROM response r LEFT JOIN conversation c ON c.id = r.conversationId JOIN meeting m ON m.id = \(meetingOf)
            WHERE r.dialogId = ? AND \(filter.sql("m.startsAt"))
            """, arguments: [ReportDialogs.checkIn, ReportDialogs.monitoring] + filter.arguments
                + [ReportDialogs.debrief] + filter.arguments + [ReportDialogs.debrief] + filter.arguments)
        while try rows.next() {
            let dialogId = rows.bytes(1)
            guard let dialog = Dialog.allCases.first(where: { dialogId.elementsEqual($0.id.utf8) }) else { continue }
            let id = rows.int64(0)
            responses[id] = Response(dialog: dialog, personId: rows.int64(2), finishedAt: rows.milliseconds(3) ?? 0,
                                     complete: rows.bytes(4).elementsEqual("complete".utf8), meetingId: rows.optionalInt64(5))
            ids[dialog, default: []].append(id)
        }
    }

    /// The response ids the answers must be read for.
    var responseRange: ClosedRange<Int64>? {
        guard let first = responses.keys.min(), let last = responses.keys.max() else { return nil }
        return first...last
    }

    /// Reads the answers on its own (reports that are not also exports).
    mutating func scan(_ db: Database) throws {
        guard let range = responseRange else { return }
        let span = try AnswerSpan.condition(in: db, responses: range.lowerBound, range.upperBound, wholeTable: wholeTable)
        let rows = try RawRows(db, sql: "SELECT responseId, stepId, repeatIndex, value FROM answer WHERE \(span.sql)",
                               arguments: span.arguments)
        while try rows.next() {
            take(responseId: rows.int64(0), step: rows.bytes(1), round: rows.isNull(2) ? -1 : Int(rows.int64(2)), value: rows.bytes(3))
        }
    }

    /// Keeps one answer if the indicators read it.
    /// `round` is -1 outside repeat groups. Answers of one response come together, so the response
    /// looked up last is kept.
    mutating func take(responseId: Int64, step stepBytes: UnsafeBufferPointer<UInt8>, round: Int, value valueBytes: UnsafeBufferPointer<UInt8>) {
        if responseId != lastLookup.id { lastLookup = (responseId, responses[responseId]) }
        guard !valueBytes.isEmpty, let response = lastLookup.response, response.complete,
              let step = stepMatcher.step(stepBytes, in: response.dialog) else { return }
        answers[response.dialog.rawValue].append(Answer(responseId: responseId, round: round, step: step, value: values.code(valueBytes)))
    }

    func answers(_ dialog: Dialog) -> [Answer] {
        answers[dialog.rawValue]
    }

    /// A dialog's answers one response at a time (storage order keeps them together; sorted if not).
    func answersByResponse(_ dialog: Dialog) -> [ArraySlice<Answer>] {
        var list = answers[dialog.rawValue]
        if zip(list, list.dropFirst()).contains(where: { $0.responseId > $1.responseId }) {
            list.sort { $0.responseId < $1.responseId }
        }
        var groups: [ArraySlice<Answer>] = []
        var start = 0
        for index in list.indices.dropFirst() where list[index].responseId != list[index - 1].responseId {
            groups.append(list[start..<index])
            start = index
        }
        if start < list.count { groups.append(list[start...]) }
        return groups
    }

    func text(_ code: Int) -> String {
        values.text(code)
    }

    /// The code of a value if any answer has it.
    func code(of text: String) -> Int? {
        values.existingCode(text)
    }

    /// Completed and partial responses of one dialog.
    func responses(_ dialog: Dialog) -> [(id: Int64, response: Response)] {
        (ids[dialog] ?? []).compactMap { id in responses[id].map { (id, $0) } }
    }
}
