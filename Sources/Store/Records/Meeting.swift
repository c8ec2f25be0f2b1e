import Foundation
import GRDB

/// A CCM meeting (plenary, working group or oversight committee) that leaders and coordinators are reminded of.
public struct Meeting: Codable, Sendable, Equatable, Identifiable {
    /// The kinds the bot knows; `kind` stays a string so a row written by other tools still loads.
    public enum Kind: String, Sendable, CaseIterable {
        case plenary
        case workingGroup = "working_group"
        case oversight
    }

    public var id: Int64?
    public var title: String
    public var kind: String
    public var place: String?
    /// UTC.
    public var startsAt: Date
    public var durationMinutes: Int
    public var createdAt: Date
    public var cancelledAt: Date?
    /// When the debriefs were queued for those who said they would attend; nil until then.
    public var debriefsQueuedAt: Date?

    public init(title: String, kind: Kind, place: String?, startsAt: Date, durationMinutes: Int, createdAt: Date) {
        self.title = title
        self.kind = kind.rawValue
        self.place = place
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
        self.createdAt = createdAt
    }

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(durationMinutes) * 60) }
}

extension Meeting: FetchableRecord, MutablePersistableRecord {
    public enum Columns {
        public static let startsAt = Column(CodingKeys.startsAt)
        public static let cancelledAt = Column(CodingKeys.cancelledAt)
        public static let debriefsQueuedAt = Column(CodingKeys.debriefsQueuedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Meetings not cancelled that have not ended yet, soonest first.
    public static func upcoming(at now: Date, in db: Database) throws -> [Meeting] {
        try Meeting.fetchAll(db, sql: """
            SELECT * FROM meeting WHERE cancelledAt IS NULL
              AND datetime(startsAt, '+' || durationMinutes || ' minutes') > datetime(?)
            ORDER BY startsAt, id
            """, arguments: [now])
    }

    /// Meetings not cancelled that start after `now` and before `horizon`: those whose reminders may be due.
    public static func starting(after now: Date, before horizon: Date, in db: Database) throws -> [Meeting] {
        try Meeting.filter(Columns.cancelledAt == nil && Columns.startsAt > now && Columns.startsAt <= horizon)
            .order(Columns.startsAt, Column("id")).fetchAll(db)
    }

    /// Cancelled meetings whose cancellation may still have to be told (they have not ended yet).
    public static func cancelledNotEnded(at now: Date, in db: Database) throws -> [Meeting] {
        try Meeting.fetchAll(db, sql: """
            SELECT * FROM meeting WHERE cancelledAt IS NOT NULL
              AND datetime(startsAt, '+' || durationMinutes || ' minutes') > datetime(?)
            ORDER BY startsAt, id
            """, arguments: [now])
    }

    /// Held meetings whose debriefs have not been queued yet.
    public static func awaitingDebriefs(in db: Database) throws -> [Meeting] {
        try Meeting.filter(Columns.cancelledAt == nil && Columns.debriefsQueuedAt == nil)
            .order(Columns.startsAt, Column("id")).fetchAll(db)
    }
}
