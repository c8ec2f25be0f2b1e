import Foundation
import GRDB

/// What the bot has told one person about one meeting: the last reminder (by offset index,
/// furthest first) and the cancellation.
public struct MeetingReminder: Codable, Sendable, Equatable {
    public var meetingId: Int64
    public var personId: Int64
    public var offsetIndex: Int
    public var remindedAt: Date
    public var cancellationSentAt: Date?

    public init(meetingId: Int64, personId: Int64, offsetIndex: Int, remindedAt: Date) {
        self.meetingId = meetingId
        self.personId = personId
        self.offsetIndex = offsetIndex
        self.remindedAt = remindedAt
    }
}

extension MeetingReminder: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "meetingReminder"

    /// The reminders already sent for a meeting, by person.
    public static func sent(meetingId: Int64, in db: Database) throws -> [Int64: MeetingReminder] {
        let rows = try MeetingReminder.filter(Column("meetingId") == meetingId).fetchAll(db)
        return Dictionary(rows.map { ($0.personId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func count(meetingId: Int64, in db: Database) throws -> Int {
        try MeetingReminder.filter(Column("meetingId") == meetingId).fetchCount(db)
    }
}
