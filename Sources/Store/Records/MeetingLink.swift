import Foundation
import GRDB

/// The meeting a conversation or response is about (the columns exist since v3; the records do not carry them).
public enum MeetingLink {
    public static func setMeeting(_ meetingId: Int64, forConversation conversationId: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE conversation SET meetingId = ? WHERE id = ?", arguments: [meetingId, conversationId])
    }

    public static func meetingId(ofConversation conversationId: Int64, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT meetingId FROM conversation WHERE id = ?", arguments: [conversationId])
    }

    /// Copies the conversation's meeting (if any) into the response made from it.
    public static func copyToResponse(_ responseId: Int64, fromConversation conversationId: Int64, in db: Database) throws {
        try db.execute(sql: """
            UPDATE response SET meetingId = (SELECT meetingId FROM conversation WHERE id = ?)
            WHERE id = ? AND EXISTS (SELECT 1 FROM conversation WHERE id = ? AND meetingId IS NOT NULL)
            """, arguments: [conversationId, responseId, conversationId])
    }

    public static func meetingId(ofResponse responseId: Int64, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT meetingId FROM response WHERE id = ?", arguments: [responseId])
    }
}
