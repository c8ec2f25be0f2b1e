import Foundation
import GRDB
import Store
import Telegram

/// A Bot API call waiting in the outbox. Encoded as JSON into the outbox row.
public enum OutboxItem: Codable, Sendable, Equatable {
    case sendMessage(SendMessage)
    case editMessageText(EditMessageText)
    case editMessageReplyMarkup(EditMessageReplyMarkup)
    case answerCallbackQuery(AnswerCallbackQuery, chatId: Int64)
    case sendDocument(DocumentUpload)
    case leaveChat(chatId: Int64)
    /// A dialog question; once sent, its message id is recorded so the answer can edit it.
    case askQuestion(SendMessage, conversationId: Int64, stepId: String)
    /// An edit of a question sent earlier, found by conversation and step when the edit is sent.
    case editQuestion(QuestionEdit)
    /// The command menu one private chat sees.
    case setCommands([BotCommand], chatId: Int64)

    public var method: String {
        switch self {
        case .sendMessage: "sendMessage"
        case .editMessageText: "editMessageText"
        case .editMessageReplyMarkup: "editMessageReplyMarkup"
        case .answerCallbackQuery: "answerCallbackQuery"
        case .sendDocument: "sendDocument"
        case .leaveChat: "leaveChat"
        case .askQuestion: "sendMessage"
        case .editQuestion(let edit): edit.text == nil ? "editMessageReplyMarkup" : "editMessageText"
        case .setCommands: "setMyCommands"
        }
    }

    /// The chat whose order this call keeps (for a callback answer, the presser's private chat).
    public var chatId: Int64 {
        switch self {
        case .sendMessage(let m): m.chatId
        case .editMessageText(let e): e.chatId
        case .editMessageReplyMarkup(let e): e.chatId
        case .answerCallbackQuery(_, let chatId): chatId
        case .sendDocument(let d): d.chatId
        case .leaveChat(let chatId): chatId
        case .askQuestion(let m, _, _): m.chatId
        case .editQuestion(let edit): edit.chatId
        case .setCommands(_, let chatId): chatId
        }
    }

    /// Writes this call to the outbox inside the caller's transaction. A text over Telegram's limit
    /// becomes several messages, each its own row, with any buttons on the last. Returns the last row's id.
    @discardableResult
    public func enqueue(at now: Date, in db: Database) throws -> Int64 {
        var lastId: Int64 = 0
        for item in splitForTelegram() {
            var row = OutboxMessage(chatId: item.chatId, method: item.method, payload: try OutboxPayload.encode(item), createdAt: now)
            try row.insertCached(db)
            lastId = row.id ?? lastId
        }
        return lastId
    }

    private func splitForTelegram() -> [OutboxItem] {
        let message: SendMessage
        switch self {
        case .sendMessage(let m), .askQuestion(let m, _, _): message = m
        default: return [self]
        }
        let parts = MessageSplitter.split(message.text)
        guard parts.count > 1 else { return [self] }
        return parts.enumerated().map { index, text in
            var part = message
            part.text = text
            guard index == parts.count - 1 else {
                part.replyMarkup = nil
                return .sendMessage(part)
            }
            if case .askQuestion(_, let conversationId, let stepId) = self {
                return .askQuestion(part, conversationId: conversationId, stepId: stepId)
            }
            return .sendMessage(part)
        }
    }

    /// Makes the call. `questionMessage` finds the message a question edit applies to; an edit
    /// of a question that was never delivered is skipped. Returns the message sent, if any.
    func perform(with client: BotAPIClient,
                 questionMessage: (QuestionEdit) -> Int?) throws(BotAPIError) -> SentMessage? {
        switch self {
        case .sendMessage(let m), .askQuestion(let m, _, _): return try client.sendMessage(m)
        case .editMessageText(let e): return try client.editMessageText(e)
        case .editMessageReplyMarkup(let e): return try client.editMessageReplyMarkup(e)
        case .answerCallbackQuery(let a, _): try client.answerCallbackQuery(a)
        case .sendDocument(let d): return SentMessage(messageId: try client.sendDocument(d).messageId)
        case .leaveChat(let chatId): try client.leaveChat(chatId: chatId)
        case .setCommands(let commands, let chatId): try client.setMyCommands(commands, scope: .chat(chatId))
        case .editQuestion(let edit):
            guard let messageId = questionMessage(edit) else { return nil }
            if let text = edit.text {
                return try client.editMessageText(EditMessageText(chatId: edit.chatId, messageId: messageId, text: text,
                                                                  replyMarkup: edit.keyboard))
            }
            return try client.editMessageReplyMarkup(EditMessageReplyMarkup(chatId: edit.chatId, messageId: messageId,
                                                                            replyMarkup: edit.keyboard))
        }
        return nil
    }

    /// A plain reply in a private chat.
    public static func text(_ text: String, to chatId: Int64) -> OutboxItem {
        .sendMessage(SendMessage(chatId: chatId, text: text))
    }
}

/// A change to a question message: new text (which drops the buttons unless `keyboard` is
/// given) or new buttons only.
public struct QuestionEdit: Codable, Sendable, Equatable {
    public var chatId: Int64
    public var conversationId: Int64
    public var stepId: String
    public var text: String?
    public var keyboard: InlineKeyboardMarkup?

    public init(chatId: Int64, conversationId: Int64, stepId: String, text: String?, keyboard: InlineKeyboardMarkup?) {
        self.chatId = chatId
        self.conversationId = conversationId
        self.stepId = stepId
        self.text = text
        self.keyboard = keyboard
    }
}
