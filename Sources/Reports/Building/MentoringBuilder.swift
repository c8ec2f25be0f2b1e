import Foundation
import GRDB

/// Computes the mentoring indicators from check-ins, invitations and support requests.
enum MentoringBuilder {
    static func build(_ context: inout BuildContext) throws -> MentoringIndicators {
        let db = context.db
        var result = MentoringIndicators()
        result.leadersEnrolled = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE role = 'leader' AND active = 1") ?? 0

        var supported = Set<Int64>()
        for (_, response) in context.data.responses(.checkIn) {
            if response.complete {
                result.checkInsCompleted += 1
                supported.insert(response.personId)
            } else {
                result.checkInsPartial += 1
            }
        }
        result.leadersSupported = supported.count

        (result.checkInsInvited, result.invitationsAnswered) = try invitations(context)
        result.responseRate = result.checkInsInvited > 0 ? Double(result.invitationsAnswered) / Double(result.checkInsInvited) : nil

        result.topics = try context.names.categoryCounts(context.valueCounts(.checkIn, .topic),
                                                         dialogId: ReportDialogs.checkIn, stepId: "topic", in: db)
        result.confidence = try confidence(&context)
        result.support = try support(&context)
        return result
    }

    /// Invitations in the period, and how many a completed check-in followed before the next invitation to
    /// the same person (or at all, for the last one). Both lists are sorted by person and time and walked together.
    private static func invitations(_ context: BuildContext) throws -> (invited: Int, answered: Int) {
        let db = context.db
        let bounds = context.period.millisecondBounds
        var invitations: [(person: Int64, at: Int64)] = []
        let invitationRows = try RawRows(db, sql: """
            SELECT personId, invitedAt FROM dialogInvitation WHERE dialogId = ? AND \(context.filter.sqlFromStart("invitedAt"))
            """, arguments: [ReportDialogs.checkIn] + context.filter.startArguments)
        while try invitationRows.next() {
            guard let at = invitationRows.milliseconds(1) else { continue }
            invitations.append((invitationRows.int64(0), at))
        }
        guard !invitations.isEmpty else { return (0, 0) }
        var completions: [(person: Int64, at: Int64)] = []
        let responseRows = try RawRows(db, sql: """
            SELECT personId, finishedAt FROM response
            WHERE dialogId = ? AND status = 'complete' AND \(context.filter.sqlFromStart("finishedAt"))
            """, arguments: [ReportDialogs.checkIn] + context.filter.startArguments)
        while try responseRows.next() {
            guard let at = responseRows.milliseconds(1) else { continue }
            completions.append((responseRows.int64(0), at))
        }
        invitations.sort { ($0.person, $0.at) < ($1.person, $1.at) }
        completions.sort { ($0.person, $0.at) < ($1.person, $1.at) }
        var invited = 0, answered = 0, cursor = 0
        for (index, invitation) in invitations.enumerated() {
            let next = index + 1 < invitations.count && invitations[index + 1].person == invitation.person ? invitations[index + 1].at : Int64.max
            while cursor < completions.count,
                  (completions[cursor].person, completions[cursor].at) < (invitation.person, invitation.at) { cursor += 1 }
            guard invitation.at >= bounds.start, invitation.at < bounds.end else { continue }
            invited += 1
            if cursor < completions.count, completions[cursor].person == invitation.person, completions[cursor].at < next { answered += 1 }
        }
        return (invited, answered)
    }

    private static func confidence(_ context: inout BuildContext) throws -> ConfidenceSummary {
        var scores: [(personId: Int64, finishedAt: Int64, responseId: Int64, value: Int)] = []
        for answer in context.data.answers(.checkIn) where answer.step == .confidence {
            guard let value = Int(context.data.text(answer.value)), let response = context.data.responses[answer.responseId] else { continue }
            scores.append((response.personId, response.finishedAt, answer.responseId, value))
        }
        scores.sort { ($0.finishedAt, $0.responseId) < ($1.finishedAt, $1.responseId) }
        var perLeader: [Int64: [LeaderTrend.Point]] = [:]
        var months: [Int: (sum: Int, count: Int, high: Int)] = [:]
        for score in scores {
            let value = score.value
            let day = context.clock.day(milliseconds: score.finishedAt)
            perLeader[score.personId, default: []].append(LeaderTrend.Point(day: day, value: value))
            let month = day.year * 100 + day.month
            months[month, default: (0, 0, 0)].sum += value
            months[month, default: (0, 0, 0)].count += 1
            if value >= 4 { months[month, default: (0, 0, 0)].high += 1 }
        }
        var summary = ConfidenceSummary()
        summary.leaders = perLeader.count
        for points in perLeader.values {
            guard let first = points.first, let last = points.last else { continue }
            if last.value >= 4 { summary.leadersAt4or5 += 1 }
            guard points.count >= 2 else { continue }
            if last.value > first.value { summary.rose += 1 } else if last.value < first.value { summary.fell += 1 } else { summary.unchanged += 1 }
        }
        summary.shareAt4or5 = summary.leaders > 0 ? Double(summary.leadersAt4or5) / Double(summary.leaders) : nil
        summary.byMonth = months.sorted { $0.key < $1.key }.map { month, totals in
            MonthPoint(month: String(format: "%04d-%02d", month / 100, month % 100), mean: Double(totals.sum) / Double(totals.count), answers: totals.count,
                       shareAt4or5: Double(totals.high) / Double(totals.count))
        }
        if let pseudonym = context.pseudonym {
            summary.perLeader = perLeader.map { LeaderTrend(participant: pseudonym.id($0.key), points: $0.value) }
                .sorted { $0.participant < $1.participant }
        }
        return summary
    }

    private static func support(_ context: inout BuildContext) throws -> SupportSummary {
        var summary = SupportSummary()
        let rows = try Row.fetchAll(context.db, sql: """
            SELECT createdAt, acknowledgedAt FROM supportRequest WHERE \(context.filter.sql("createdAt"))
            """, arguments: context.filter.arguments)
        var hours: [Double] = []
        for row in rows {
            summary.requested += 1
            let created: Date = row[0]
            if let acknowledged = row[1] as Date? {
                summary.acknowledged += 1
                hours.append(max(0, acknowledged.timeIntervalSince(created)) / 3600)
            } else {
                summary.open += 1
            }
        }
        summary.medianHoursToAcknowledge = Statistics.median(hours)
        summary.topics = try context.names.categoryCounts(
            context.optionCounts(.checkIn, .supportWith),
            dialogId: ReportDialogs.checkIn, stepId: "support_with", in: context.db)
        return summary
    }
}

/// Small statistics the indicators need.
enum Statistics {
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
