import Foundation
import GRDB

/// A person's answer to "will you attend?" for one meeting.
public struct RSVP: Codable, Sendable, Equatable {
    public enum Answer: String, Codable, Sendable, CaseIterable, DatabaseValueConvertibleByRawValue {
        case yes, no, maybe
    }

    public var meetingId: Int64
    public var personId: Int64
    public var answer: Answer
    public var answeredAt: Date

    public init(meetingId: Int64, personId: Int64, answer: Answer, answeredAt: Date) {
        self.meetingId = meetingId
        self.personId = personId
        self.answer = answer
        self.answeredAt = answeredAt
    }
}

extension RSVP: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "rsvp"

    /// Stores the answer, replacing an earlier one.
    public static func set(_ answer: Answer, meetingId: Int64, personId: Int64, at now: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO rsvp (meetingId, personId, answer, answeredAt) VALUES (?, ?, ?, ?)
            ON CONFLICT(meetingId, personId) DO UPDATE SET answer = excluded.answer, answeredAt = excluded.answeredAt
            """, arguments: [meetingId, personId, answer.rawValue, now])
    }

    public static func answer(meetingId: Int64, personId: Int64, in db: Database) throws -> Answer? {
        try String.fetchOne(db, sql: "SELECT answer FROM rsvp WHERE meetingId = ? AND personId = ?",
                            arguments: [meetingId, personId]).flatMap(Answer.init(rawValue:))
    }

    /// How many people gave each answer.
    public static func counts(meetingId: Int64, in db: Database) throws -> [Answer: Int] {
        var counts: [Answer: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT answer, COUNT(*) FROM rsvp WHERE meetingId = ? GROUP BY answer",
                                    arguments: [meetingId]) {
            if let answer = Answer(rawValue: row[0]) { counts[answer] = row[1] }
        }
        return counts
    }

    /// Who said they would attend.
    public static func attending(meetingId: Int64, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT personId FROM rsvp WHERE meetingId = ? AND answer = 'yes' ORDER BY personId",
                           arguments: [meetingId])
    }
}
