import Foundation
import GRDB

/// Erases a person: every row about them goes (conversations, responses, answers, invitations,
/// RSVPs, support requests and pending messages cascade or are deleted here). Aggregates already
/// reported elsewhere stay as they were; nothing here keeps a count.
public enum Erasure {
    public static func erase(_ person: Person, in db: Database) throws {
        guard let personId = person.id else { return }
        // The invite that enrolled them may carry their alias and city.
        try db.execute(sql: "UPDATE invite SET alias = NULL, city = NULL, personId = NULL WHERE personId = ?", arguments: [personId])
        try db.execute(sql: "DELETE FROM outbox WHERE chatId = ?", arguments: [person.telegramUserId])
        _ = try person.delete(db)
    }

    /// Remembers that deleted bytes may still sit in the write-ahead log until the messages
    /// written so far (up to outbox row `lastOutboxId`) are out; the poller then checkpoints.
    public static func scheduleScrub(afterOutboxId lastOutboxId: Int64, in db: Database) throws {
        let current = try BotState.scrubAfterOutboxId(in: db) ?? 0
        try BotState.setScrubAfterOutboxId(max(current, lastOutboxId), in: db)
    }
}
