import Foundation
import Telegram

/// The bytes of an outbox row's payload: `OutboxItem`'s Codable JSON. The calls made for every
/// answer (questions, their edits, button acknowledgements, plain replies) are written and read
/// directly, in exactly the JSON the synthesized Codable gives, because Foundation's encoder and
/// decoder cost more than the rest of queuing and sending them. Everything else, and any row
/// this cannot read, goes through Codable. A test holds both paths equal.
enum OutboxPayload {
    static func encode(_ item: OutboxItem) throws -> Data {
        var writer = JSONBodyWriter()
        switch item {
        case .sendMessage(let message):
            writer.object { $0.member("sendMessage") { $0.object { $0.member("_0") { write(message, to: &$0) } } } }
        case .askQuestion(let message, let conversationId, let stepId):
            writer.object {
                $0.member("askQuestion") {
                    $0.object {
                        $0.member("_0") { write(message, to: &$0) }
                        $0.member("conversationId", conversationId)
                        $0.member("stepId", stepId)
                    }
                }
            }
        case .editQuestion(let edit):
            writer.object {
                $0.member("editQuestion") {
                    $0.object {
                        $0.member("_0") { writer in
                            writer.object {
                                $0.member("chatId", edit.chatId)
                                $0.member("conversationId", edit.conversationId)
                                $0.member("stepId", edit.stepId)
                                $0.member("text", edit.text)
                                if let keyboard = edit.keyboard { $0.member("keyboard") { keyboard.writeJSON(to: &$0, keys: .codable) } }
                            }
                        }
                    }
                }
            }
        case .answerCallbackQuery(let answer, let chatId):
            writer.object {
                $0.member("answerCallbackQuery") {
                    $0.object {
                        $0.member("_0") { writer in
                            writer.object {
                                $0.member("callbackQueryId", answer.callbackQueryId)
                                $0.member("text", answer.text)
                                $0.member("showAlert", answer.showAlert)
                            }
                        }
                        $0.member("chatId", chatId)
                    }
                }
            }
        default:
            return try JSONEncoder().encode(item)
        }
        return Data(writer.bytes)
    }

    static func decode(_ data: Data) throws -> OutboxItem {
        if let json = try? JSONReader.parse(data), let item = try? read(json) { return item }
        return try JSONDecoder().decode(OutboxItem.self, from: data)
    }

    /// The hot cases; nil for any other, which Codable then reads.
    static func read(_ json: JSONValue) throws(JSONShapeError) -> OutboxItem? {
        guard case .object(let object) = json, object.count == 1, let (name, body) = object.members.first,
              ["sendMessage", "askQuestion", "editQuestion", "answerCallbackQuery"].contains(name) else { return nil }
        let first = try body.required("_0")
        switch name {
        case "sendMessage":
            return .sendMessage(try sendMessage(first))
        case "askQuestion":
            return .askQuestion(try sendMessage(first), conversationId: try body.required("conversationId").int64(),
                                stepId: try body.required("stepId").string())
        case "editQuestion":
            return .editQuestion(QuestionEdit(chatId: try first.required("chatId").int64(),
                                              conversationId: try first.required("conversationId").int64(),
                                              stepId: try first.required("stepId").string(),
                                              text: try first.optional("text")?.string(),
                                              keyboard: try first.optional("keyboard").map(inlineKeyboard)))
        case "answerCallbackQuery":
            return .answerCallbackQuery(AnswerCallbackQuery(callbackQueryId: try first.required("callbackQueryId").string(),
                                                            text: try first.optional("text")?.string(),
                                                            showAlert: try first.optional("showAlert")?.bool()),
                                        chatId: try body.required("chatId").int64())
        default:
            return nil
        }
    }

    private static func write(_ message: SendMessage, to writer: inout JSONBodyWriter) {
        writer.object {
            $0.member("chatId", message.chatId)
            $0.member("text", message.text)
            $0.member("parseMode", message.parseMode)
            if let markup = message.replyMarkup { $0.member("replyMarkup") { markup.writeJSON(to: &$0, keys: .codable) } }
            $0.member("disableNotification", message.disableNotification)
        }
    }

    private static func sendMessage(_ json: JSONValue) throws(JSONShapeError) -> SendMessage {
        SendMessage(chatId: try json.required("chatId").int64(), text: try json.required("text").string(),
                    parseMode: try json.optional("parseMode")?.string(),
                    replyMarkup: try json.optional("replyMarkup").map(replyMarkup),
                    disableNotification: try json.optional("disableNotification")?.bool())
    }

    /// As `ReplyMarkup`'s Codable reads it: inline buttons, else a reply keyboard, else a removal.
    private static func replyMarkup(_ json: JSONValue) throws(JSONShapeError) -> ReplyMarkup {
        if json.optional("inlineKeyboard") != nil { return .inline(try inlineKeyboard(json)) }
        if let rows = json.optional("keyboard") {
            let keyboard = try rows.array().map { row throws(JSONShapeError) in
                try row.array().map { button throws(JSONShapeError) in KeyboardButton(text: try button.required("text").string()) }
            }
            return .keyboard(ReplyKeyboardMarkup(keyboard: keyboard, resizeKeyboard: try json.optional("resizeKeyboard")?.bool(),
                                                 oneTimeKeyboard: try json.optional("oneTimeKeyboard")?.bool()))
        }
        var remove = ReplyKeyboardRemove()
        remove.removeKeyboard = try json.required("removeKeyboard").bool()
        return .remove(remove)
    }

    private static func inlineKeyboard(_ json: JSONValue) throws(JSONShapeError) -> InlineKeyboardMarkup {
        let rows = try json.required("inlineKeyboard").array().map { row throws(JSONShapeError) in
            try row.array().map { button throws(JSONShapeError) in
                var made = InlineKeyboardButton(text: try button.required("text").string(), callbackData: "")
                made.callbackData = try button.optional("callbackData")?.string()
                made.url = try button.optional("url")?.string()
                return made
            }
        }
        return InlineKeyboardMarkup(inlineKeyboard: rows)
    }
}
