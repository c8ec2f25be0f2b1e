import Foundation
import GRDB
import Store

/// Dialog invitations: queued while the person is busy or asleep, recorded when the dialog starts.
/// `dialogInvitation` holds only invitations the person actually got (the reports' denominator);
/// `pendingInvitation` holds those still waiting.
enum Invitations {
    enum QueueResult: Equatable {
        /// Waiting to be started.
        case queued
        /// The person is already in this dialog: the invitation is recorded against that conversation.
        case linked
        /// An invitation to this dialog was waiting already, or the conversation in progress answers one.
        case alreadyInvited
    }

    /// Queues an invitation, unless the person already has one for this dialog waiting or in progress.
    /// A debrief (with a meeting) is always queued on its own: it must start with its meeting attached.
    @discardableResult
    static func queue(_ dialogId: String, for personId: Int64, source: DialogInvitation.Source, meetingId: Int64? = nil,
                      now: Date, in db: Database) throws -> QueueResult {
        if meetingId == nil {
            if let active = try Conversation.active(personId: personId, in: db), active.dialogId == dialogId, let activeId = active.id {
                if try DialogInvitation.exists(conversationId: activeId, in: db) { return .alreadyInvited }
                var invitation = DialogInvitation(personId: personId, dialogId: dialogId, source: source, invitedAt: now,
                                                  conversationId: activeId)
                try invitation.insert(db)
                return .linked
            }
            if try PendingInvitation.find(personId: personId, dialogId: dialogId, in: db) != nil { return .alreadyInvited }
        }
        var pending = PendingInvitation(personId: personId, dialogId: dialogId, source: source, meetingId: meetingId, queuedAt: now)
        try pending.insert(db)
        return .queued
    }

    /// Records the dialog a person just started with a command (/checkin, /monitoring). If an
    /// invitation to that dialog was waiting, this conversation answers it and it keeps its source.
    static func recordCommandStart(_ dialogId: String, personId: Int64?, now: Date, in db: Database) throws {
        guard let personId, let active = try Conversation.active(personId: personId, in: db), active.dialogId == dialogId,
              let conversationId = active.id else { return }
        var invitation: DialogInvitation
        if let pending = try PendingInvitation.find(personId: personId, dialogId: dialogId, in: db) {
            invitation = DialogInvitation(personId: personId, dialogId: dialogId, source: pending.source, invitedAt: now,
                                          conversationId: conversationId)
            _ = try pending.delete(db)
        } else {
            invitation = DialogInvitation(personId: personId, dialogId: dialogId, source: .command, invitedAt: now,
                                          conversationId: conversationId)
        }
        try invitation.insert(db)
    }

    /// Turns a waiting invitation into a delivered one for `conversationId`.
    static func deliver(_ pending: PendingInvitation, conversationId: Int64?, now: Date, in db: Database) throws {
        var invitation = DialogInvitation(personId: pending.personId, dialogId: pending.dialogId, source: pending.source,
                                          meetingId: pending.meetingId, invitedAt: now, conversationId: conversationId)
        try invitation.insert(db)
        _ = try pending.delete(db)
    }
}
