import Foundation
import GRDB

/// Everything the store keeps about one person, for /mydata.
public struct PersonalData: Sendable {
    public struct ResponseWithAnswers: Sendable, Equatable {
        public let response: Response
        public let answers: [AnswerRecord]
    }

    public let person: Person
    public let mentorAlias: String?
    public let responses: [ResponseWithAnswers]
    /// A dialog in progress: its id and the answers given so far (kept in the conversation state).
    public let inProgress: [(dialogId: String, startedAt: Date)]
    public let rsvps: [(meetingTitle: String, answer: String, answeredAt: Date)]
    public let supportRequests: [(createdAt: Date, acknowledgedAt: Date?)]
    public let invitations: Int

    public static func collect(for person: Person, in db: Database) throws -> PersonalData {
        let personId = person.id ?? -1
        let mentorAlias = try person.mentorId.flatMap { try Person.fetchOne(db, key: $0)?.alias }
        let responses = try Response.filter(Column("personId") == personId).order(Column("finishedAt")).fetchAll(db)
        let answers = try AnswerRecord.filter(Column("personId") == personId).order(Column("id")).fetchAll(db)
        let grouped = Dictionary(grouping: answers, by: \.responseId)
        let inProgress = try Row.fetchAll(db, sql: """
            SELECT dialogId, startedAt FROM conversation WHERE personId = ? AND status = 'active'
            """, arguments: [personId]).map { (dialogId: $0["dialogId"] as String, startedAt: $0["startedAt"] as Date) }
        let rsvps = try Row.fetchAll(db, sql: """
            SELECT meeting.title, rsvp.answer, rsvp.answeredAt FROM rsvp JOIN meeting ON meeting.id = rsvp.meetingId
            WHERE rsvp.personId = ? ORDER BY rsvp.answeredAt
            """, arguments: [personId]).map { (meetingTitle: $0[0] as String, answer: $0[1] as String, answeredAt: $0[2] as Date) }
        let support = try Row.fetchAll(db, sql: """
            SELECT createdAt, acknowledgedAt FROM supportRequest WHERE personId = ? ORDER BY createdAt
            """, arguments: [personId]).map { (createdAt: $0[0] as Date, acknowledgedAt: $0[1] as Date?) }
        let invitations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dialogInvitation WHERE personId = ?",
                                           arguments: [personId]) ?? 0
        return PersonalData(
            person: person, mentorAlias: mentorAlias,
            responses: responses.map { ResponseWithAnswers(response: $0, answers: grouped[$0.id ?? -1] ?? []) },
            inProgress: inProgress, rsvps: rsvps, supportRequests: support, invitations: invitations)
    }
}
