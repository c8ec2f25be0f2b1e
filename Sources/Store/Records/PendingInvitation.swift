import Foundation
import GRDB

/// A dialog the scheduler or a /round decided to send, waiting until the person has no other dialog
/// in progress and the quiet hours are over. Starting it turns it into a `DialogInvitation`.
public struct PendingInvitation: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var personId: Int64
    public var dialogId: String
    public var source: DialogInvitation.Source
    public var meetingId: Int64?
    public var queuedAt: Date

    public init(personId: Int64, dialogId: String, source: DialogInvitation.Source, meetingId: Int64? = nil, queuedAt: Date) {
        self.personId = personId
        self.dialogId = dialogId
        self.source = source
        self.meetingId = meetingId
        self.queuedAt = queuedAt
    }
}

extension PendingInvitation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "pendingInvitation"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Every waiting invitation, oldest first.
    public static func all(in db: Database) throws -> [PendingInvitation] {
        try PendingInvitation.order(Column("id")).fetchAll(db)
    }

    /// The waiting invitation of a person to a dialog (outside meetings), if any.
    public static func find(personId: Int64, dialogId: String, in db: Database) throws -> PendingInvitation? {
        try PendingInvitation
            .filter(Column("personId") == personId && Column("dialogId") == dialogId && Column("meetingId") == nil)
            .order(Column("id")).fetchOne(db)
    }
}
