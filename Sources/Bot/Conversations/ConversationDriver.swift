import Dialogs
import Foundation
import GRDB
import Store

/// Runs dialogs with people: starts them, feeds the engine what they send, writes what it says to
/// the outbox and what they answered to the store, all inside the caller's transaction.
public struct ConversationDriver: Sendable {
    let library: DialogLibrary
    let timeZone: TimeZone

    public init(library: DialogLibrary, timeZone: TimeZone = .bishkek) {
        self.library = library
        self.timeZone = timeZone
    }

    func context(for person: Person) -> RespondentContext {
        RespondentContext(alias: person.alias, city: person.city, language: Language(rawValue: person.language) ?? .ru,
                          timeZone: timeZone)
    }

    /// Starts a dialog for `person`; false when there is no such dialog.
    @discardableResult
    public func start(_ dialogId: String, for person: inout Person, now: Date, in db: Database) throws -> Bool {
        try startConversation(dialogId, for: &person, now: now, in: db) != nil
    }

    /// Starts a dialog for `person`, about `meetingId` if given (a debrief), and returns the new
    /// conversation's id; nil when there is no such dialog.
    func startConversation(_ dialogId: String, for person: inout Person, meetingId: Int64? = nil, now: Date,
                           in db: Database) throws -> Int64? {
        guard let dialog = library.current(dialogId), let personId = person.id else { return nil }
        let outcome = Engine.start(dialog: dialog, context: context(for: person), now: now)
        var conversation = Conversation(personId: personId, dialogId: dialog.id, dialogVersion: dialog.version,
                                        state: try Self.encode(outcome.state), startedAt: now,
                                        nextDeadline: outcome.state.nextDeadline)
        try conversation.insertCached(db)
        if let meetingId, let conversationId = conversation.id {
            try MeetingLink.setMeeting(meetingId, forConversation: conversationId, in: db)
        }
        try apply(outcome, to: &conversation, person: &person, now: now, in: db)
        return conversation.id
    }

    /// Feeds one input to a conversation; returns true when the engine saw a stale button press.
    /// The person may no longer exist afterwards (they declined consent in onboarding).
    @discardableResult
    public func feed(_ input: EngineInput, to conversation: Conversation, person: inout Person, now: Date,
                     in db: Database) throws -> Bool {
        var conversation = conversation
        let state = try Self.decode(conversation.state)
        guard let dialog = try library.dialog(conversation.dialogId, version: conversation.dialogVersion, in: db) else {
            // The dialog file is gone: close the conversation, keeping what was answered.
            var closed = state
            closed.finished = .cancelled
            closed.position = nil
            let notice = Output.notice(BotTexts.dialogUnavailable.text(for: person.language))
            try apply(Outcome(state: closed, outputs: [notice], finished: .cancelled), to: &conversation, person: &person,
                      now: now, in: db)
            return false
        }
        let outcome = Engine.handle(dialog: dialog, state: state, input: input, context: context(for: person), now: now)
        // A press on an old or forged button changes nothing, not even the stored bytes.
        if outcome.outputs == [.staleButton] { return true }
        try apply(outcome, to: &conversation, person: &person, now: now, in: db)
        return outcome.outputs.contains(.staleButton)
    }

    /// Reminds or closes every conversation whose deadline has come.
    public func sweepDeadlines(now: Date, in db: Database) throws {
        for conversation in try Conversation.due(at: now, in: db) {
            guard var person = try Person.fetchOne(db, key: conversation.personId) else { continue }
            try feed(.expiryTick, to: conversation, person: &person, now: now, in: db)
        }
    }

    private func apply(_ outcome: Outcome, to conversation: inout Conversation, person: inout Person, now: Date,
                       in db: Database) throws {
        guard let conversationId = conversation.id else { return }
        let personAsGiven = person
        let renderer = PromptRenderer(chatId: person.telegramUserId, conversationId: conversationId)
        for item in renderer.items(for: outcome.outputs) {
            try item.enqueue(at: now, in: db)
        }
        Self.applyProfileUpdates(outcome.state.profileUpdates, to: &person)
        conversation.updatedAt = now
        conversation.nextDeadline = outcome.state.nextDeadline
        var kept = outcome.state
        if let finished = outcome.finished, conversation.status == .active {
            conversation.status = Self.status(for: finished)
            conversation.finishedAt = now
            conversation.nextDeadline = nil
            let responseId = try storeResponse(outcome.state, of: conversation, completion: finished, now: now, in: db)
            // The scheduler's hook: a check-in asking for support becomes a prompt to the mentor.
            try MentorPrompts.conversationFinished(conversation, state: outcome.state, completion: finished,
                                                   responseId: responseId, person: person, now: now, in: db)
            if finished == .completed && conversation.dialogId == DialogIds.onboarding {
                guard outcome.state.profileUpdates["consent"] == "agree" else {
                    // "Without your consent we keep nothing": the person is erased and their invite works again.
                    try Invite.reopen(for: person, in: db)
                    _ = try person.delete(db)
                    return
                }
                person.consentedAt = now
            }
            // The answers now live in the response; the finished conversation keeps no second copy.
            kept.answers = []
            kept.history = []
            kept.selection = []
        }
        conversation.state = try Self.encode(kept)
        try conversation.updateCached(db)
        // Only what the dialog changed (profile answers, consent) is saved here; a caller that
        // changed the person itself saves it, as the router does after every update.
        if person != personAsGiven { try person.updateCached(db) }
    }

    /// Stores the answers as a response; returns its id, or nil when nothing was stored.
    @discardableResult
    private func storeResponse(_ state: ConversationState, of conversation: Conversation, completion: Completion,
                               now: Date, in db: Database) throws -> Int64? {
        // Onboarding's answers (language, alias, consent) live in the profile, not as a response.
        guard conversation.dialogId != DialogIds.onboarding, !state.answers.isEmpty else { return nil }
        var response = Response(personId: conversation.personId, conversationId: conversation.id,
                                dialogId: conversation.dialogId, dialogVersion: conversation.dialogVersion,
                                status: completion == .completed ? .complete : .partial,
                                startedAt: conversation.startedAt, finishedAt: now)
        try response.insertCached(db)
        guard let responseId = response.id else { return nil }
        if let conversationId = conversation.id {
            // A debrief keeps the meeting it is about.
            try MeetingLink.copyToResponse(responseId, fromConversation: conversationId, in: db)
        }
        for answer in state.answers {
            var record = AnswerRecord(responseId: responseId, personId: conversation.personId,
                                      dialogId: conversation.dialogId, dialogVersion: conversation.dialogVersion,
                                      stepId: answer.stepId, repeatIndex: answer.repeatIndex, value: answer.value,
                                      label: answer.label, answeredAt: answer.answeredAt)
            try record.insertCached(db)
        }
        return responseId
    }

    private static func applyProfileUpdates(_ updates: [String: String], to person: inout Person) {
        if let language = updates["language"], Language(rawValue: language) != nil {
            person.language = language
        }
        if let alias = updates["alias"], !alias.isEmpty {
            person.alias = alias
        }
    }

    private static func status(for completion: Completion) -> Conversation.Status {
        switch completion {
        case .completed: .completed
        case .cancelled: .cancelled
        case .expired: .expired
        }
    }

    static func encode(_ state: ConversationState) throws -> Data {
        try ConversationStateCoding.encode(state)
    }

    static func decode(_ data: Data) throws -> ConversationState {
        try ConversationStateCoding.decode(data)
    }
}
