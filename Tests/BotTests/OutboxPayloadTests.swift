import Foundation
import Telegram
import Testing
@testable import Bot

/// Outbox payloads written and read directly are exactly `OutboxItem`'s Codable JSON, so rows
/// written by an older version still send, and rows written now read back the same.
@Suite struct OutboxPayloadTests {
    static let texts = ["Вопрос <b>1</b> 🌷", "quote \" backslash \\ slash /", "lines\nand\ttabs", "\u{01} control", ""]
    static let inline = InlineKeyboardMarkup(inlineKeyboard: [
        [InlineKeyboardButton(text: "Да", callbackData: "k1|9|q|yes"), InlineKeyboardButton(text: "Нет \"нет\"", callbackData: "k1|9|q|no")],
    ])

    static var items: [OutboxItem] {
        var items: [OutboxItem] = []
        var urlButton = InlineKeyboardButton(text: "site", callbackData: "x")
        urlButton.callbackData = nil
        urlButton.url = "https://example.org"
        var keep = ReplyKeyboardRemove()
        keep.removeKeyboard = false
        for text in texts {
            items.append(.text(text, to: 42))
            items.append(.sendMessage(SendMessage(chatId: -5, text: text, parseMode: nil, disableNotification: true)))
            items.append(.sendMessage(SendMessage(chatId: 1, text: text, replyMarkup: .keyboard(ReplyKeyboardMarkup(
                keyboard: [[KeyboardButton(text: text)], [KeyboardButton(text: "b"), KeyboardButton(text: "c")]], oneTimeKeyboard: nil)))))
            items.append(.sendMessage(SendMessage(chatId: 1, text: text, replyMarkup: .remove(ReplyKeyboardRemove()))))
            items.append(.sendMessage(SendMessage(chatId: 1, text: text, replyMarkup: .remove(keep))))
            items.append(.askQuestion(SendMessage(chatId: 7, text: text, replyMarkup: .inline(inline)), conversationId: 12, stepId: "topic"))
            items.append(.askQuestion(SendMessage(chatId: 7, text: text, replyMarkup: .inline(InlineKeyboardMarkup(inlineKeyboard: [[urlButton]]))),
                                      conversationId: 12, stepId: text))
            items.append(.editQuestion(QuestionEdit(chatId: 7, conversationId: 12, stepId: "s", text: text, keyboard: nil)))
            items.append(.editQuestion(QuestionEdit(chatId: 7, conversationId: 12, stepId: "s", text: nil, keyboard: inline)))
            items.append(.answerCallbackQuery(AnswerCallbackQuery(callbackQueryId: "cb", text: text, showAlert: true), chatId: 7))
        }
        items.append(.answerCallbackQuery(AnswerCallbackQuery(callbackQueryId: "cb"), chatId: 7))
        items.append(.leaveChat(chatId: -100))
        items.append(.setCommands([BotCommand(command: "help", description: "Помощь")], chatId: 3))
        items.append(.editMessageReplyMarkup(EditMessageReplyMarkup(chatId: 1, messageId: 2, replyMarkup: nil)))
        return items
    }

    @Test func writtenJSONIsCodablesJSON() throws {
        for item in Self.items {
            let direct = try JSONSerialization.jsonObject(with: OutboxPayload.encode(item)) as? NSDictionary
            let codable = try JSONSerialization.jsonObject(with: JSONEncoder().encode(item)) as? NSDictionary
            #expect(direct != nil && direct == codable, "\(item.method)")
        }
    }

    /// The per-answer calls are read without Codable; the rest fall back to it.
    @Test func theHotCallsTakeTheDirectReader() throws {
        for item in Self.items {
            let direct = try OutboxPayload.read(JSONReader.parse(OutboxPayload.encode(item)))
            switch item {
            case .sendMessage, .askQuestion, .editQuestion, .answerCallbackQuery: #expect(direct == item, "\(item.method)")
            default: #expect(direct == nil, "\(item.method)")
            }
        }
    }

    @Test func bothWritersReadBackTheSameItem() throws {
        for item in Self.items {
            #expect(try OutboxPayload.decode(OutboxPayload.encode(item)) == item, "\(item.method)")
            #expect(try OutboxPayload.decode(JSONEncoder().encode(item)) == item, "\(item.method)")
            #expect(try JSONDecoder().decode(OutboxItem.self, from: OutboxPayload.encode(item)) == item, "\(item.method)")
        }
    }

    @Test func anUnreadablePayloadIsAnError() {
        #expect(throws: (any Error).self) { try OutboxPayload.decode(Data("{\"sendMessage\":{\"_0\":{\"text\":1}}}".utf8)) }
        #expect(throws: (any Error).self) { try OutboxPayload.decode(Data("not json".utf8)) }
    }
}
