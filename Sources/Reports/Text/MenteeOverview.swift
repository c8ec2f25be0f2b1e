import Dialogs
import Foundation
import GRDB

/// `/mentees`: a mentor's own mentees only, each with their last check-in, confidence trend and open
/// support requests. The mentor sees aliases here: mentees agreed that their mentor sees their diary.
/// Telegram HTML (parse_mode HTML).
public enum MenteeOverview {
    public static func render(mentorId: Int64, in db: Database, language: Language, now: Date = Date(),
                              timeZone: TimeZone = .bishkek, catalog: DialogCatalog? = nil) throws -> String {
        let mentees = try Row.fetchAll(db, sql: """
            SELECT id, alias, active FROM person WHERE mentorId = ? AND role = 'leader' ORDER BY alias COLLATE NOCASE, id
            """, arguments: [mentorId])
        guard !mentees.isEmpty else {
            return pick(language, "У вас пока нет подопечных.", "Азырынча сиздин шакирттериңиз жок.", "You have no mentees yet.")
        }
        var clock = LocalClock(timeZone: timeZone)
        let today = clock.day(now)
        var names = OptionNames(catalog: catalog)
        var topicNames: [String: Wording] = [:]
        for option in try names.options(dialogId: ReportDialogs.checkIn, stepId: "topic", in: db) {
            topicNames[option.id] = OptionNames.wording(option.text)
        }
        let ids = mentees.map { $0["id"] as Int64 }
        let checkIns = try CheckIns(of: ids, in: db)
        let requests = try openRequests(of: ids, in: db)
        var blocks = ["<b>" + HTML.escape(pick(language, "Ваши подопечные", "Сиздин шакирттериңиз", "Your mentees")) + "</b>"]
        for mentee in mentees {
            let personId: Int64 = mentee["id"]
            let alias = (mentee["alias"] as String?) ?? "#\(personId)"
            var lines = ["<b>" + HTML.escape(alias) + "</b>" + ((mentee["active"] as Bool) ? "" : HTML.escape(pick(language, " (не на связи)", " (байланышта эмес)", " (not reachable)")))]
            lines.append(lastCheckIn(checkIns.last[personId], language: language, today: today, clock: &clock, topics: topicNames))
            if let trend = confidenceTrend(checkIns.confidence[personId] ?? [], language: language) { lines.append(trend) }
            lines.append(openRequests(requests[personId], language: language, clock: &clock))
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Mentees' completed check-ins: the latest one with its topic, and confidence answers newest first.
    private struct CheckIns {
        var last: [Int64: (finishedAt: Int64, topic: String?, topicLabel: String?)] = [:]
        var confidence: [Int64: [(finishedAt: Int64, value: Int)]] = [:]

        init(of people: [Int64], in db: Database) throws {
            guard !people.isEmpty else { return }
            // CROSS JOIN keeps SQLite on the responses of these people first, then their few answers each.
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.personId, r.finishedAt, a.stepId, a.value, a.label
                FROM response r CROSS JOIN answer a ON a.responseId = r.id AND a.stepId IN ('topic', 'confidence')
                WHERE r.personId IN (\(people.map { _ in "?" }.joined(separator: ", "))) AND r.dialogId = ? AND r.status = 'complete'
                """, arguments: StatementArguments(people) + [ReportDialogs.checkIn])
            for row in rows {
                let person: Int64 = row[0]
                guard let finished = row.storedMilliseconds(1) else { continue }
                if (row[2] as String) == "confidence" {
                    if let value = Int(row[3] as String) { confidence[person, default: []].append((finished, value)) }
                } else if finished > (last[person]?.finishedAt ?? Int64.min) {
                    last[person] = (finished, row[3], row[4])
                }
            }
            for person in confidence.keys { confidence[person]?.sort { $0.finishedAt > $1.finishedAt } }
        }
    }

    private static func lastCheckIn(_ last: (finishedAt: Int64, topic: String?, topicLabel: String?)?, language: Language,
                                    today: CalendarDay, clock: inout LocalClock, topics: [String: Wording]) -> String {
        guard let last else {
            return HTML.escape(pick(language, "Дневник: ещё не заполняла(л)", "Күндөлүк: али толтура элек", "Check-in: none yet"))
        }
        let day = clock.day(milliseconds: last.finishedAt)
        let ago = today.daysSinceEpoch - day.daysSinceEpoch
        var text = pick(language, "Последний дневник: ", "Акыркы күндөлүк: ", "Last check-in: ") + day.iso
            + pick(language, " (\(ago) дн. назад)", " (\(ago) күн мурун)", " (\(ago) days ago)")
        if let topic = last.topic, !topic.isEmpty {
            // An option the files no longer have, or "Other": what the leader saw or typed.
            let name = topics[topic]?.text(language) ?? last.topicLabel ?? topic
            text += pick(language, ", тема: ", ", тема: ", ", topic: ") + name
        }
        return HTML.escape(text)
    }

    /// The last five confidence answers, oldest first, with an arrow for the direction since the first of them.
    private static func confidenceTrend(_ newestFirst: [(finishedAt: Int64, value: Int)], language: Language) -> String? {
        let values = newestFirst.prefix(5).reversed().map(\.value)
        guard let first = values.first, let last = values.last else { return nil }
        let arrow = last > first ? " ↑" : last < first ? " ↓" : values.count > 1 ? " =" : ""
        return HTML.escape(pick(language, "Уверенность: ", "Ишеним: ", "Confidence: ") + values.map(String.init).joined(separator: " → ") + arrow)
    }

    /// Per mentee: how many support requests wait for a mentor, and since when.
    private static func openRequests(of people: [Int64], in db: Database) throws -> [Int64: (count: Int, oldest: Int64)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT personId, COUNT(*), MIN(createdAt) FROM supportRequest
            WHERE acknowledgedAt IS NULL AND personId IN (\(people.map { _ in "?" }.joined(separator: ", "))) GROUP BY personId
            """, arguments: StatementArguments(people))
        var result: [Int64: (count: Int, oldest: Int64)] = [:]
        for row in rows {
            guard let oldest = row.storedMilliseconds(2) else { continue }
            result[row[0]] = (row[1], oldest)
        }
        return result
    }

    private static func openRequests(_ open: (count: Int, oldest: Int64)?, language: Language, clock: inout LocalClock) -> String {
        guard let open else {
            return HTML.escape(pick(language, "Открытых запросов поддержки нет", "Ачык колдоо суроолору жок", "No open support requests"))
        }
        let since = clock.day(milliseconds: open.oldest).iso
        return "⚠️ " + HTML.escape(pick(language, "Открытых запросов поддержки: \(open.count) (с \(since))",
                                        "Ачык колдоо суроолору: \(open.count) (\(since) бери)",
                                        "Open support requests: \(open.count) (since \(since))"))
    }
}
