import GRDB
import Store

extension Person {
    /// People of a role the bot may write to by itself: reachable, consented, not closed by a coordinator.
    static func reachable(_ role: Role, in db: Database) throws -> [Person] {
        try Person.fetchAll(db, sql: """
            SELECT * FROM person WHERE role = ? AND active = 1 AND deactivatedAt IS NULL AND consentedAt IS NOT NULL ORDER BY id
            """, arguments: [role.rawValue])
    }

    /// Whether the bot may write to this person by itself.
    var isReachable: Bool {
        active && deactivatedAt == nil && consentedAt != nil
    }
}
