import Foundation
import GRDB

/// One time the bot asked a person to fill in a dialog (the denominator of response rates):
/// written when the dialog actually starts, or is linked to the same dialog already in progress.
public struct DialogInvitation: Codable, Sendable, Equatable, Identifiable {
    public enum Source: String, Codable, Sendable, DatabaseValueConvertibleByRawValue {
        /// A scheduled round or a coordinator's /round.
        case round
        /// The person typed the command (/checkin, /monitoring).
        case command
        /// A debrief after a CCM meeting.
        case meeting
    }

    public var id: Int64?
    public var personId: Int64
    public var dialogId: String
    public var source: Source
    public var meetingId: Int64?
    /// When the person was asked (UTC).
    public var invitedAt: Date
    public var conversationId: Int64?

    public init(personId: Int64, dialogId: String, source: Source, meetingId: Int64? = nil, invitedAt: Date,
                conversationId: Int64?) {
        self.personId = personId
        self.dialogId = dialogId
        self.source = source
        self.meetingId = meetingId
        self.invitedAt = invitedAt
        self.conversationId = conversationId
    }
}

extension DialogInvitation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "dialogInvitation"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The newest `limit` invitations of a person to a dialog from one source, newest first.
    public static func latest(_ limit: Int, personId: Int64, dialogId: String, source: Source,
                              in db: Database) throws -> [DialogInvitation] {
        try DialogInvitation
            .filter(Column("personId") == personId && Column("dialogId") == dialogId && Column("source") == source.rawValue)
            .order(Column("invitedAt").desc, Column("id").desc).limit(limit).fetchAll(db)
    }

    /// Whether any invitation to the conversation exists already.
    public static func exists(conversationId: Int64, in db: Database) throws -> Bool {
        try DialogInvitation.filter(Column("conversationId") == conversationId).fetchCount(db) > 0
    }
}
