import GRDB

/// The responses an export covers, with everything its rows show about each: loaded once (a hundred
/// thousand rows at most is a few megabytes), so the pass over the answers needs no join.
struct ExportResponses: Sendable {
    /// One response as exports show it; people only as a pseudonymous id and their profile city.
    struct Info: Sendable {
        let dialog: String
        let version: String
        let status: String
        let participant: String
        let city: String
        let startedAt: Int64
        let finishedAt: Int64
        let meetingId: Int64?
    }

    /// Ids in ascending order.
    private(set) var ids: [Int64] = []
    /// `infos[i]` is the response `ids[i]`.
    private(set) var infos: [Info] = []

    /// Responses finished in the period, of `dialogs` (all when nil).
    init(in db: Database, period: ReportPeriod, dialogs: [String]?, pseudonym: ParticipantPseudonym) throws {
        let filter = PeriodFilter(period: period)
        var arguments = filter.arguments
        var dialogCondition = ""
        if let dialogs {
            dialogCondition = " AND r.dialogId IN (\(Array(repeating: "?", count: dialogs.count).joined(separator: ", ")))"
            arguments += StatementArguments(dialogs)
        }
        var people: [Int64: (participant: String, city: String)] = [:]
        let personRows = try RawRows(db, sql: "SELECT id, city FROM person")
        while try personRows.next() {
            let id = personRows.int64(0)
            people[id] = (pseudonym.id(id), personRows.string(1))
        }
        var texts = TextCodes()
        let rows = try RawRows(db, sql: """
            SELECT r.id, r.dialogId, r.dialogVersion, r.status, r.personId, r.startedAt, r.finishedAt, COALESCE(r.meetingId, c.meetingId)
            FROM response r LEFT JOIN conversation c ON c.id = r.conversationId
            WHERE \(filter.sql("r.finishedAt"))\(dialogCondition)
            ORDER BY r.id
            """, arguments: arguments)
        while try rows.next() {
            let id = rows.int64(0)
            let person = people[rows.int64(4)] ?? ("", "")
            infos.append(Info(dialog: texts.string(rows.bytes(1)), version: texts.string(rows.bytes(2)), status: texts.string(rows.bytes(3)),
                            participant: person.participant, city: person.city,
                            startedAt: rows.milliseconds(5) ?? 0, finishedAt: rows.milliseconds(6) ?? 0, meetingId: rows.optionalInt64(7)))
            ids.append(id)
        }
    }

    var isEmpty: Bool { ids.isEmpty }

    /// Dialog ids present, sorted.
    var dialogIds: [String] {
        // A handful of distinct ids, each one shared String (`TextCodes`): comparing beats hashing 100k strings.
        var seen: [String] = []
        for info in infos where !seen.contains(info.dialog) { seen.append(info.dialog) }
        return seen.sorted()
    }
}
