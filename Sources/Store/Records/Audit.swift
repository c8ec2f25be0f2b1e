import Foundation
import GRDB

/// Who looked at or took data out of the store, and when. Never what the data said.
public struct AuditEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// "person:<id>" for someone in the bot, "cli" for the command line.
    public var actor: String
    public var action: String
    public var detail: String?
    public var at: Date

    public init(actor: String, action: String, detail: String?, at: Date) {
        self.actor = actor
        self.action = action
        self.detail = detail
        self.at = at
    }
}

extension AuditEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public static func record(actor: String, action: String, detail: String? = nil, at: Date, in db: Database) throws {
        var entry = AuditEntry(actor: actor, action: action, detail: detail, at: at)
        try entry.insert(db)
    }

    public static func actor(for person: Person) -> String {
        "person:\(person.id ?? 0)"
    }

    /// Newest first.
    public static func recent(limit: Int, since: Date? = nil, in db: Database) throws -> [AuditEntry] {
        var request = AuditEntry.order(Column("at").desc, Column("id").desc).limit(limit)
        if let since { request = request.filter(Column("at") >= since) }
        return try request.fetchAll(db)
    }
}
