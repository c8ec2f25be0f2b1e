import Foundation
import GRDB
import Telegram

extension OutboxItem {
    /// Queues a plain reply in a private chat.
    @discardableResult
    static func say(_ text: String, to chatId: Int64, at now: Date, in db: Database) throws -> Int64 {
        try OutboxItem.text(text, to: chatId).enqueue(at: now, in: db)
    }

    /// Queues a message with one row of buttons per (label, callback data) pair list.
    @discardableResult
    static func ask(_ text: String, buttons: [[(String, CallbackData)]], to chatId: Int64, at now: Date,
                    in db: Database) throws -> Int64 {
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: buttons.map { row in
            row.map { InlineKeyboardButton(text: $0.0, callbackData: $0.1.encoded) }
        })
        return try OutboxItem.sendMessage(SendMessage(chatId: chatId, text: text, replyMarkup: .inline(keyboard)))
            .enqueue(at: now, in: db)
    }
}
