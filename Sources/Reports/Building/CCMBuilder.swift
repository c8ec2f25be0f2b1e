import Foundation
import GRDB

/// Computes the CCM indicators from meetings, RSVPs and debriefs.
enum CCMBuilder {
    static let kinds = ["plenary", "working_group", "oversight"]
    static let kindNames: [String: Wording] = [
        "plenary": Wording(ru: "Заседание СКК", ky: "СККнын жыйыны", en: "CCM plenary"),
        "working_group": Wording(ru: "Рабочая группа", ky: "Жумушчу топ", en: "Working group"),
        "oversight": Wording(ru: "Комитет по надзору", ky: "Көзөмөл комитети", en: "Oversight committee"),
    ]

    /// What one completed debrief said (a class, so filling it in through a dictionary copies nothing).
    private final class Debrief {
        var personId: Int64
        /// nil when the debrief is not linked to a held meeting of the period.
        var meetingId: Int64?
        var attended: Bool?
        var spoke = false
        var issues: [String] = []
        var missedReason: String?
        var followUp = false

        init(personId: Int64, meetingId: Int64?) {
            self.personId = personId
            self.meetingId = meetingId
        }
    }

    static func build(_ context: inout BuildContext) throws -> CCMIndicators {
        let db = context.db
        var result = CCMIndicators()
        var held: Set<Int64> = []
        var kindCounts: [String: Int] = [:]
        let meetings = try Row.fetchAll(db, sql: """
            SELECT id, kind, startsAt, cancelledAt FROM meeting WHERE \(context.filter.sql("startsAt"))
            """, arguments: context.filter.arguments)
        for row in meetings {
            if row[3] as Date? != nil {
                result.meetingsCancelled += 1
            } else if (row[2] as Date) > context.now {
                result.meetingsUpcoming += 1
            } else {
                held.insert(row[0])
                kindCounts[row[1] as String, default: 0] += 1
            }
        }
        result.meetingsHeld = held.count
        result.meetingsByKind = kinds.map { CategoryCount(id: $0, name: kindNames[$0]!, count: kindCounts[$0] ?? 0) }
            + kindCounts.keys.filter { !kinds.contains($0) }.sorted().map { CategoryCount(id: $0, name: Wording(everywhere: $0), count: kindCounts[$0]!) }

        let debriefs = try readDebriefs(context, held: held)
        result.debriefs = debriefs.count
        result.debriefsNotLinkedToMeeting = debriefs.values.filter { $0.meetingId == nil }.count

        // Attendance per held meeting: a debrief's yes or no wins over that person's RSVP.
        var attendees: [Int64: Set<Int64>] = [:]
        var confirmed: Set<Int64> = [], spoke: Set<Int64> = []
        var saidNo: Set<[Int64]> = []
        for debrief in debriefs.values {
            guard let meeting = debrief.meetingId else { continue }
            if debrief.attended == true {
                attendees[meeting, default: []].insert(debrief.personId)
                confirmed.insert(meeting)
            } else if debrief.attended == false {
                saidNo.insert([meeting, debrief.personId])
            }
            if debrief.spoke { spoke.insert(meeting) }
        }
        for (meeting, person) in try rsvpYes(context) where held.contains(meeting) && !saidNo.contains([meeting, person]) {
            attendees[meeting, default: []].insert(person)
        }
        let unlinkedAttended = debriefs.values.filter { $0.meetingId == nil && $0.attended == true }
        result.meetingsWithRepresentative = attendees.values.filter { !$0.isEmpty }.count
        result.attendanceConfirmedByDebrief = confirmed.count
        result.meetingsWhereSpoke = spoke.count
        result.participations = attendees.values.reduce(0) { $0 + $1.count } + unlinkedAttended.count

        // Issues per occasion: a held meeting (however many debriefs name it) or one unlinked debrief.
        var issuesByOccasion: [String: Set<String>] = [:]
        var missed: [String: Int] = [:]
        for (responseId, debrief) in debriefs {
            let occasion = debrief.meetingId.map { "m\($0)" } ?? "r\(responseId)"
            issuesByOccasion[occasion, default: []].formUnion(debrief.issues)
            if let reason = debrief.missedReason { missed[reason, default: 0] += 1 }
            if debrief.followUp { result.followUpsNeeded += 1 }
        }
        var issueCounts: [String: Int] = [:]
        for issues in issuesByOccasion.values {
            let raised = issues.subtracting(["none"])
            if !raised.isEmpty { result.meetingsWithIssuesRaised += 1 }
            for issue in raised { issueCounts[issue, default: 0] += 1 }
        }
        result.issues = try context.names.categoryCounts(issueCounts, dialogId: ReportDialogs.debrief, stepId: "issues", excluding: ["none"], in: db)
        result.monitoringDataRaised = issueCounts["clm_data"] ?? 0
        result.missedReasons = try context.names.categoryCounts(missed, dialogId: ReportDialogs.debrief, stepId: "missed_reason", in: db)
        return result
    }

    /// Completed debriefs of the period (IndicatorData decides which: about a meeting of the period, or
    /// finished in it when about none), with meetings other than held ones of the period treated as none.
    private static func readDebriefs(_ context: BuildContext, held: Set<Int64>) throws -> [Int64: Debrief] {
        var debriefs: [Int64: Debrief] = [:]
        let data = context.data
        for (id, response) in data.responses(.debrief) where response.complete {
            debriefs[id] = Debrief(personId: response.personId, meetingId: response.meetingId.flatMap { held.contains($0) ? $0 : nil })
        }
        var splitValues: [Int: [String]] = [:]
        for answer in data.answers(.debrief) {
            guard let debrief = debriefs[answer.responseId] else { continue }
            let value = data.text(answer.value)
            switch answer.step {
            case .attended: debrief.attended = value == "yes"
            case .spoke: debrief.spoke = value == "yes"
            case .issues:
                if splitValues[answer.value] == nil { splitValues[answer.value] = BuildContext.optionIds(value) }
                debrief.issues = splitValues[answer.value] ?? []
            case .missedReason: debrief.missedReason = value
            case .followUp: debrief.followUp = value == "yes"
            default: break
            }
        }
        return debriefs
    }

    /// (meeting, person) for every "yes" RSVP of a community member (not a coordinator) to a meeting of the period.
    private static func rsvpYes(_ context: BuildContext) throws -> [(Int64, Int64)] {
        try Row.fetchAll(context.db, sql: """
            SELECT v.meetingId, v.personId FROM rsvp v JOIN person p ON p.id = v.personId JOIN meeting m ON m.id = v.meetingId
            WHERE v.answer = 'yes' AND p.role != 'coordinator' AND \(context.filter.sql("m.startsAt"))
            """, arguments: context.filter.arguments).map { ($0[0], $0[1]) }
    }
}
