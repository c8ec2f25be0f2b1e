import Dialogs
import Foundation
import GRDB
import Store
import Telegram

/// Prompts to mentors: a mentee's check-in asks for support, or a mentee missed two check-ins in a row.
/// The prompt is recorded with the event and sent by the scheduler (so quiet hours hold it).
enum MentorPrompts {
    /// Called by the conversation driver when a conversation ends: a completed check-in that says
    /// "I need support" becomes a support request and, if the leader has a mentor, a prompt to them.
    static func conversationFinished(_ conversation: Conversation, state: ConversationState, completion: Completion,
                                     responseId: Int64?, person: Person, now: Date, in db: Database) throws {
        guard conversation.dialogId == DialogIds.checkin, completion == .completed, let responseId,
              state.answers.contains(where: { $0.stepId == "need_support" && $0.value == "yes" }) else { return }
        var request = SupportRequest(personId: conversation.personId, mentorId: person.mentorId, responseId: responseId,
                                     createdAt: now)
        try request.insert(db)
        guard let mentorId = person.mentorId, let requestId = request.id else { return }
        var prompt = MentorPrompt(kind: .support, personId: conversation.personId, mentorId: mentorId,
                                  supportRequestId: requestId, createdAt: now)
        try prompt.insert(db)
    }

    /// The mentor pressed "I'll contact them": the time is stored once, and the button shows it.
    /// False when the press is not this mentor's (a stale or forged button).
    static func acknowledge(_ requestId: Int64, pressedBy mentor: Person, message: Message?, calendar: LocalCalendar,
                            at now: Date, in db: Database) throws -> Bool {
        guard var request = try SupportRequest.fetchOne(db, key: requestId), let mentorId = mentor.id,
              request.mentorId == mentorId else { return false }
        if request.acknowledgedAt == nil {
            request.acknowledgedAt = now
            try request.update(db)
        }
        if let message, let acknowledgedAt = request.acknowledgedAt {
            let label = SchedulingTexts.contactPromised(at: calendar.format(acknowledgedAt)).text(for: mentor.language)
            let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[
                InlineKeyboardButton(text: label, callbackData: CallbackData.acknowledgeSupport(requestId: requestId).encoded),
            ]])
            try OutboxItem.editMessageReplyMarkup(EditMessageReplyMarkup(chatId: message.chat.id, messageId: message.messageId,
                                                                         replyMarkup: keyboard))
                .enqueue(at: now, in: db)
        }
        return true
    }

    /// Sends every prompt not sent yet, or marks it skipped when there is no reachable mentor.
    static func sendPending(library: DialogLibrary, calendar: LocalCalendar, now: Date, in db: Database) throws -> Int {
        var sent = 0
        for var prompt in try MentorPrompt.pending(in: db) {
            prompt.handledAt = now
            guard let mentee = try Person.fetchOne(db, key: prompt.personId), mentee.deactivatedAt == nil,
                  let mentor = try prompt.mentorId.flatMap({ try Person.fetchOne(db, key: $0) }), mentor.isReachable,
                  let text = try text(of: prompt, mentee: mentee, mentor: mentor, library: library, calendar: calendar, in: db)
            else {
                prompt.outcome = .skipped
                try prompt.update(db)
                continue
            }
            if prompt.kind == .support, let requestId = prompt.supportRequestId {
                try OutboxItem.ask(text, buttons: [[(SchedulingTexts.contactButton.text(for: mentor.language),
                                                     .acknowledgeSupport(requestId: requestId))]],
                                   to: mentor.telegramUserId, at: now, in: db)
            } else {
                try OutboxItem.say(text, to: mentor.telegramUserId, at: now, in: db)
            }
            prompt.outcome = .sent
            try prompt.update(db)
            sent += 1
        }
        return sent
    }

    private static func text(of prompt: MentorPrompt, mentee: Person, mentor: Person, library: DialogLibrary,
                             calendar: LocalCalendar, in db: Database) throws -> String? {
        let alias = mentee.alias ?? SchedulingTexts.someone.text(for: mentor.language)
        switch prompt.kind {
        case .missed:
            let invitedAt = try prompt.invitationId.flatMap { try DialogInvitation.fetchOne(db, key: $0)?.invitedAt } ?? prompt.createdAt
            return SchedulingTexts.missedPrompt(alias: alias, lastInvited: calendar.formatDay(invitedAt), language: mentor.language)
        case .support:
            guard let requestId = prompt.supportRequestId, let request = try SupportRequest.fetchOne(db, key: requestId),
                  let response = try Response.fetchOne(db, key: request.responseId) else { return nil }
            let answers = try AnswerRecord.filter(Column("responseId") == response.id).fetchAll(db)
            let dialog = try library.dialog(response.dialogId, version: response.dialogVersion, in: db)
            let language = Language(rawValue: mentor.language) ?? .ru
            func shown(_ stepId: String) -> String? {
                guard let answer = answers.first(where: { $0.stepId == stepId }), !answer.value.isEmpty else { return nil }
                return optionLabels(answer, step: dialog?.step(id: stepId), language: language)
            }
            return SchedulingTexts.supportPrompt(alias: alias, topic: shown("topic"), supportWith: shown("support_with"),
                                                 note: shown("support_note"), language: mentor.language)
        }
    }

    /// An answer in the mentor's language where the dialog has the words (choice options); as the
    /// leader gave it otherwise (typed text, "other"). Escaped for HTML.
    private static func optionLabels(_ answer: AnswerRecord, step: Step?, language: Language) -> String {
        let options: [ChoiceOption]
        switch step?.kind {
        case .choice(let spec)?, .multiChoice(let spec)?: options = spec.options
        default: return HTML.escape(answer.label ?? answer.value)
        }
        let ids = answer.value.split(separator: ",").map(String.init)
        let names = ids.compactMap { id in options.first { $0.id == id }?.text.string(in: language) }
        // "Other" carries text the leader typed, only in the stored label: show that label whole.
        guard names.count == ids.count else { return HTML.escape(answer.label ?? answer.value) }
        return HTML.escape(names.joined(separator: ", "))
    }
}
