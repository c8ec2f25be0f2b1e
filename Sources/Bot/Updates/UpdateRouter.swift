import Foundation
import GRDB
import Logging
import Store
import Telegram

/// Decides what an update means and writes its effects (state and outbox rows) into `db`.
/// It does no network I/O: replies go through the outbox.
public struct UpdateRouter: Sendable {
    let logger: Logger
    let pseudonym: LogPseudonym

    public init(logger: Logger, pseudonym: LogPseudonym) {
        self.logger = logger
        self.pseudonym = pseudonym
    }

    func route(_ update: Update, now: Date, in db: Database) throws {
        switch update.kind {
        case .message(let message):
            try handle(message, now: now, in: db)
        case .callbackQuery(let query):
            try handle(query, now: now, in: db)
        case .editedMessage, .unsupported:
            // Edits of earlier answers are not taken as answers: what was stored stays as it was.
            break
        }
    }

    private func handle(_ message: Message, now: Date, in db: Database) throws {
        // Dialogs and data never run outside private chats; nothing from a group is stored.
        guard message.chat.isPrivate, let sender = message.from, !sender.isBot else { return }
        let chatId = message.chat.id

        if var person = try Person.find(telegramUserId: sender.id, in: db) {
            person.lastSeenAt = now
            person.active = true
            try person.update(db)
            if message.command?.name == "/start" {
                try OutboxItem.text(BotTexts.alreadyEnrolled.text(for: person.language), to: chatId).enqueue(at: now, in: db)
            } else {
                try OutboxItem.text(BotTexts.nothingToAnswer.text(for: person.language), to: chatId).enqueue(at: now, in: db)
            }
            return
        }

        guard let command = message.command, command.name == "/start", !command.argument.isEmpty else {
            try OutboxItem.text(BotTexts.closedBot.ru, to: chatId).enqueue(at: now, in: db)
            return
        }
        try enrol(code: command.argument, userId: sender.id, chatId: chatId, now: now, in: db)
    }

    private func enrol(code: String, userId: Int64, chatId: Int64, now: Date, in db: Database) throws {
        let reply: String
        switch try Invite.redeem(code: code, telegramUserId: userId, now: now, in: db) {
        case .enrolled(let person):
            logger.info("person enrolled", metadata: ["person.tag": "\(pseudonym.tag(userId))", "person.role": "\(person.role.rawValue)"])
            reply = BotTexts.welcome(role: person.role).text(for: person.language)
        case .unknown:
            reply = BotTexts.unknownInvite.ru
        case .alreadyUsed:
            reply = BotTexts.usedInvite.ru
        case .expired:
            reply = BotTexts.expiredInvite.ru
        }
        try OutboxItem.text(reply, to: chatId).enqueue(at: now, in: db)
    }

    private func handle(_ query: CallbackQuery, now: Date, in db: Database) throws {
        let person = try Person.find(telegramUserId: query.from.id, in: db)
        let language = person?.language ?? "ru"
        // Every press is answered, or the button spins on the person's phone.
        let answer = AnswerCallbackQuery(callbackQueryId: query.id, text: BotTexts.buttonExpired.text(for: language))
        try OutboxItem.answerCallbackQuery(answer, chatId: query.from.id).enqueue(at: now, in: db)
    }
}
