import Foundation
import GRDB
import Store

/// A person the scheduler may invite to a round of `dialogId`: reachable, of the role, with no
/// invitation to it already waiting, and when they were last invited to it.
struct RoundCandidate {
    let personId: Int64
    let consentedAt: Date
    let latestInvitedAt: Date?

    /// Every candidate in one query: the scheduler looks every second, and a query per person
    /// (a few hundred leaders) made each look cost tens of milliseconds.
    static func all(_ role: Role, dialogId: String, in db: Database) throws -> [RoundCandidate] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT p.id, p.consentedAt,
                   (SELECT d.invitedAt FROM dialogInvitation d WHERE d.personId = p.id AND d.dialogId = ?
                    ORDER BY d.invitedAt DESC, d.id DESC LIMIT 1) AS latestInvitedAt
            FROM person p
            WHERE p.role = ? AND p.active = 1 AND p.deactivatedAt IS NULL AND p.consentedAt IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pendingInvitation q
                              WHERE q.personId = p.id AND q.dialogId = ? AND q.meetingId IS NULL)
            ORDER BY p.id
            """), arguments: [dialogId, role.rawValue, dialogId])
        var candidates: [RoundCandidate] = []
        while let row = try rows.next() {
            candidates.append(RoundCandidate(personId: try row.decode(atIndex: 0), consentedAt: try row.decode(atIndex: 1),
                                             latestInvitedAt: try row.decode(atIndex: 2)))
        }
        return candidates
    }
}
