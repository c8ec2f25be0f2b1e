import Foundation
import GRDB

/// An enrolled person. Holds the least the bot needs: never a Telegram name, username or phone.
public struct Person: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var telegramUserId: Int64
    public var alias: String?
    public var role: Role
    public var language: String
    public var city: String?
    public var mentorId: Int64?
    public var active: Bool
    public var createdAt: Date
    public var lastSeenAt: Date?
    /// When the person agreed to the consent note in onboarding; nil until then.
    public var consentedAt: Date?
    /// When a coordinator deactivated the person; nil while they may use the bot.
    public var deactivatedAt: Date?

    public init(id: Int64? = nil, telegramUserId: Int64, alias: String?, role: Role, language: String = "ru",
                city: String? = nil, mentorId: Int64? = nil, active: Bool = true, createdAt: Date, lastSeenAt: Date? = nil) {
        self.id = id
        self.telegramUserId = telegramUserId
        self.alias = alias
        self.role = role
        self.language = language
        self.city = city
        self.mentorId = mentorId
        self.active = active
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

extension Person: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "person"

    // Written out rather than derived from Codable: a person is read and saved on every update.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        telegramUserId = try row.decode(forColumn: "telegramUserId")
        alias = try row.decode(forColumn: "alias")
        role = try row.decode(forColumn: "role")
        language = try row.decode(forColumn: "language")
        city = try row.decode(forColumn: "city")
        mentorId = try row.decode(forColumn: "mentorId")
        active = try row.decode(forColumn: "active")
        createdAt = try row.decode(forColumn: "createdAt")
        lastSeenAt = try row.decode(forColumn: "lastSeenAt")
        consentedAt = try row.decode(forColumn: "consentedAt")
        deactivatedAt = try row.decode(forColumn: "deactivatedAt")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["telegramUserId"] = telegramUserId
        container["alias"] = alias
        container["role"] = role
        container["language"] = language
        container["city"] = city
        container["mentorId"] = mentorId
        container["active"] = active
        container["createdAt"] = createdAt
        container["lastSeenAt"] = lastSeenAt
        container["consentedAt"] = consentedAt
        container["deactivatedAt"] = deactivatedAt
    }

    public enum Columns {
        public static let telegramUserId = Column(CodingKeys.telegramUserId)
        public static let alias = Column(CodingKeys.alias)
        public static let role = Column(CodingKeys.role)
        public static let active = Column(CodingKeys.active)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public static func find(telegramUserId: Int64, in db: Database) throws -> Person? {
        try Person.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE telegramUserId = ?"), arguments: [telegramUserId])
    }

    public static func find(alias: String, role: Role, in db: Database) throws -> Person? {
        try Person.filter(Columns.alias == alias && Columns.role == role).fetchOne(db)
    }

    /// Marks whoever owns this chat as unreachable (they blocked the bot), until they write again.
    public static func markInactive(telegramUserId: Int64, in db: Database) throws {
        try Person.filter(Columns.telegramUserId == telegramUserId).updateAll(db, Columns.active.set(to: false))
    }
}
