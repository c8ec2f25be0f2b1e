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

    public var method: String {
        switch self {
        case .sendMessage: "sendMessage"
        case .editMessageText: "editMessageText"
        case .editMessageReplyMarkup: "editMessageReplyMarkup"
        case .answerCallbackQuery: "answerCallbackQuery"
        case .sendDocument: "sendDocument"
        case .leaveChat: "leaveChat"
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
        }
    }

    /// Writes this call to the outbox inside the caller's transaction.
    public func enqueue(at now: Date, in db: Database) throws {
        var row = OutboxMessage(chatId: chatId, method: method, payload: try JSONEncoder().encode(self), createdAt: now)
        try row.insert(db)
    }

    /// Makes the call.
    func perform(with client: BotAPIClient) throws(BotAPIError) {
        switch self {
        case .sendMessage(let m): try client.sendMessage(m)
        case .editMessageText(let e): try client.editMessageText(e)
        case .editMessageReplyMarkup(let e): try client.editMessageReplyMarkup(e)
        case .answerCallbackQuery(let a, _): try client.answerCallbackQuery(a)
        case .sendDocument(let d): try client.sendDocument(d)
        case .leaveChat(let chatId): try client.leaveChat(chatId: chatId)
        }
    }

    /// A plain reply in a private chat.
    public static func text(_ text: String, to chatId: Int64) -> OutboxItem {
        .sendMessage(SendMessage(chatId: chatId, text: text))
    }
}
