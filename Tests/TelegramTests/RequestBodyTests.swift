import Foundation
@testable import Telegram
import Testing

/// The request bodies written by hand say exactly what `JSONEncoder` with snake_case keys says.
@Suite struct RequestBodyTests {
    static let awkwardTexts = [
        "Вопрос <b>1</b> 🌷", "quote \" backslash \\ slash /", "lines\nand\r\ntabs\t", "control \u{01}\u{1F} end", "",
        "ё ң ө ү — «»", "emoji family 👩‍👩‍👧 and flag 🇰🇬", "\"\\\n", "\u{7F} and \u{1B}[0m",
    ]

    static let keyboard = InlineKeyboardMarkup(inlineKeyboard: [
        [InlineKeyboardButton(text: "Да \"да\"", callbackData: "k1|9|q|yes"), InlineKeyboardButton(text: "Нет", callbackData: "k1|9|q|no")],
        [InlineKeyboardButton(text: "Ещё", callbackData: "k1|9|q|more")],
    ])

    static var requests: [(String, any DirectJSONBody & Encodable)] {
        var all: [(String, any DirectJSONBody & Encodable)] = []
        for text in awkwardTexts {
            all.append(("plain", SendMessage(chatId: 42, text: text)))
            all.append(("no parse mode", SendMessage(chatId: -100_123, text: text, parseMode: nil, disableNotification: true)))
            all.append(("inline", SendMessage(chatId: 42, text: text, replyMarkup: .inline(keyboard))))
            all.append(("reply keyboard", SendMessage(chatId: 42, text: text, replyMarkup: .keyboard(ReplyKeyboardMarkup(
                keyboard: [[KeyboardButton(text: text), KeyboardButton(text: "b")]], resizeKeyboard: true, oneTimeKeyboard: nil)))))
            all.append(("remove", SendMessage(chatId: 42, text: text, replyMarkup: .remove(ReplyKeyboardRemove()))))
            all.append(("edit text", EditMessageText(chatId: 7, messageId: 12, text: text, replyMarkup: keyboard)))
            all.append(("edit text, no buttons", EditMessageText(chatId: 7, messageId: 12, text: text)))
            all.append(("answer", AnswerCallbackQuery(callbackQueryId: "cb\(text.count)", text: text, showAlert: false)))
        }
        all.append(("edit buttons", EditMessageReplyMarkup(chatId: 7, messageId: 12, replyMarkup: keyboard)))
        all.append(("drop buttons", EditMessageReplyMarkup(chatId: 7, messageId: 12, replyMarkup: nil)))
        all.append(("answer, no text", AnswerCallbackQuery(callbackQueryId: "cb")))
        all.append(("poll", GetUpdates(offset: 9_000_000_001, limit: 100, timeout: 25, allowedUpdates: ["message", "callback_query"])))
        all.append(("first poll", GetUpdates(offset: nil, limit: 1, timeout: 0, allowedUpdates: [])))
        return all
    }

    @Test func directBodiesMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        for (name, request) in Self.requests {
            let direct = JSONBodyWriter.body(of: request)
            let encoded = try encoder.encode(request)
            let parsedDirect = try #require(try JSONSerialization.jsonObject(with: direct) as? NSDictionary, "\(name)")
            let parsedEncoded = try #require(try JSONSerialization.jsonObject(with: encoded) as? NSDictionary, "\(name)")
            #expect(parsedDirect == parsedEncoded, "\(name)")
        }
    }

    @Test func escapesAreExactAndEverythingElseIsCopied() {
        var writer = JSONBodyWriter()
        writer.string("\u{1}\"\\\n\r\t\u{7F}é/")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""\u0001\"\\\n\r\t\#u{7F}é/""#)
    }

    @Test func stringsSurviveTheRoundTrip() throws {
        for text in Self.awkwardTexts {
            let body = JSONBodyWriter.body(of: SendMessage(chatId: 1, text: text))
            let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            #expect(object["text"] as? String == text)
        }
    }
}
