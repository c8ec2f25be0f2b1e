import Foundation
import GRDB

/// A message owed to a mentor about a mentee: a support request, or two check-ins missed in a row.
/// Held here until it is sent (outside the quiet hours), so it goes out once.
public struct MentorPrompt: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, DatabaseValueConvertibleByRawValue {
        case support, missed
    }

    public enum Outcome: String, Codable, Sendable, DatabaseValueConvertibleByRawValue {
        case sent
        /// No reachable mentor when it was due.
        case skipped
    }

    public var id: Int64?
    public var kind: Kind
    /// The mentee.
    public var personId: Int64
    public var mentorId: Int64?
    public var supportRequestId: Int64?
    /// For `missed`: the later of the two missed invitations.
    public var invitationId: Int64?
    public var createdAt: Date
    public var handledAt: Date?
    public var outcome: Outcome?

    public init(kind: Kind, personId: Int64, mentorId: Int64?, supportRequestId: Int64? = nil, invitationId: Int64? = nil,
                createdAt: Date) {
        self.kind = kind
        self.personId = personId
        self.mentorId = mentorId
        self.supportRequestId = supportRequestId
        self.invitationId = invitationId
        self.createdAt = createdAt
    }
}

extension MentorPrompt: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "mentorPrompt"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Prompts not sent yet, oldest first.
    public static func pending(in db: Database) throws -> [MentorPrompt] {
        try MentorPrompt.filter(Column("handledAt") == nil).order(Column("id")).fetchAll(db)
    }

    /// Whether a missed-check-ins prompt was made for any of these invitations.
    public static func existsMissed(forAnyOf invitationIds: [Int64], in db: Database) throws -> Bool {
        try MentorPrompt.filter(Column("kind") == Kind.missed.rawValue && invitationIds.contains(Column("invitationId")))
            .fetchCount(db) > 0
    }
}
