import Foundation
import GRDB

/// The responses a report covers and the answers its indicators read, gathered once so no indicator
/// needs a query of its own. The answers come from the `answer_by_dialog_step` index, which holds every
/// column read here: a pass over it skips the answers no indicator reads (free text, dates, labels).
/// Steps and values are kept as small codes: a million answers repeat a few dozen step ids and option ids.
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

    /// Check-ins and monitoring reports finished in the period; debriefs about a meeting of the period,
    /// or finished in it when they are about no meeting. Answers come from `scan`.
    init(db: Database, filter: PeriodFilter) throws {
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
        // The ids as bytes, compared with the column in place (String.UTF8View's elementsEqual is generic and slow).
        let dialogIds = Dialog.allCases.map { Array($0.id.utf8) }
        while try rows.next() {
            let dialogId = rows.bytes(1)
            guard let dialog = dialogIds.firstIndex(where: { $0.elementsEqual(dialogId) }).map({ Dialog.allCases[$0] }) else { continue }
            let id = rows.int64(0)
            responses[id] = Response(dialog: dialog, personId: rows.int64(2), finishedAt: rows.milliseconds(3) ?? 0,
                                     complete: rows.bytes(4).elementsEqual("complete".utf8), meetingId: rows.optionalInt64(5))
            ids[dialog, default: []].append(id)
        }
    }

    /// Reads the answers the indicators need: those of completed responses to the steps each dialog's
    /// indicators read, one index range per step. Answers come step by step, so within a dialog they
    /// are in response order per step only (`answersByResponse` regroups them).
    mutating func scan(_ db: Database) throws {
        for dialog in Dialog.allCases {
            guard let list = ids[dialog], let first = list.min(), let last = list.max() else { continue }
            // Which ids in first...last are completed responses of this dialog: one flag per id, read
            // per answer instead of a dictionary lookup.
            var completed = [Bool](repeating: false, count: Int(last - first) + 1)
            for id in list where responses[id]?.complete == true { completed[Int(id - first)] = true }
            for step in dialog.steps {
                let rows = try RawRows(db, sql: """
                    SELECT responseId, repeatIndex, value FROM answer
                    WHERE dialogId = ? AND stepId = ? AND responseId BETWEEN ? AND ?
                    """, arguments: [dialog.id, step.rawValue, first, last])
                while try rows.next() {
                    let responseId = rows.int64(0)
                    let value = rows.bytes(2)
                    guard !value.isEmpty, completed[Int(responseId - first)] else { continue }
                    answers[dialog.rawValue].append(Answer(responseId: responseId, round: rows.isNull(1) ? -1 : Int(rows.int64(1)),
                                                           step: step, value: values.code(value)))
                }
            }
        }
    }

    func answers(_ dialog: Dialog) -> [Answer] {
        answers[dialog.rawValue]
    }

    /// A dialog's answers one response at a time, responses in id order.
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
