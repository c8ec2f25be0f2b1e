import Foundation
import GRDB

/// A leader asked for support in a check-in; `acknowledgedAt` is when their mentor pressed "I'll contact them".
public struct SupportRequest: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var personId: Int64
    public var mentorId: Int64?
    public var responseId: Int64
    public var createdAt: Date
    public var acknowledgedAt: Date?

    public init(personId: Int64, mentorId: Int64?, responseId: Int64, createdAt: Date) {
        self.personId = personId
        self.mentorId = mentorId
        self.responseId = responseId
        self.createdAt = createdAt
    }
}

extension SupportRequest: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "supportRequest"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
