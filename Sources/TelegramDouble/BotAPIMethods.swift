import Foundation

/// A Bot API error answer, thrown out of a method's validation.
struct BotAPIError: Error {
    let response: HTTPResponse

    static func badRequest(_ reason: String) -> BotAPIError {
        BotAPIError(response: TelegramJSON.error(400, "Bad Request: \(reason)"))
    }
}

/// Normal answers of the methods the double knows, except getUpdates (it blocks, so `BotAPIDouble` answers it).
extension BotAPIState {
    /// Methods that only answer `true`.
    static let trueAnsweringMethods: Set<String> = [
        "deleteWebhook", "setMyCommands", "answerCallbackQuery", "leaveChat", "sendChatAction", "deleteMessage",
    ]

    /// The answer to `method`, or nil when the double does not know the method.
    mutating func answer(
        _ method: String, params: [String: String], files: [String: BotAPIDouble.UploadedFile], bot: [String: Any]
    ) -> HTTPResponse? {
        do throws(BotAPIError) {
            switch method {
            case "getMe":
                return TelegramJSON.ok(bot)
            case _ where Self.trueAnsweringMethods.contains(method):
                return TelegramJSON.ok(true)
            case "sendMessage":
                return try sendMessage(params, bot: bot)
            case "editMessageText", "editMessageReplyMarkup":
                return try editMessage(params, requiresText: method == "editMessageText", bot: bot)
            case "sendDocument":
                return try sendDocument(params, files, bot: bot)
            default:
                return nil
            }
        } catch {
            return error.response
        }
    }

    private mutating func sendMessage(_ params: [String: String], bot: [String: Any]) throws(BotAPIError) -> HTTPResponse {
        let chatId = try Self.requireChatId(params)
        let text = try Self.requireText(params)
        let messageId = nextMessageId(in: chatId)
        sentMessages.append(SentMessage(chatId: chatId, messageId: messageId, text: text))
        var message = Self.message(id: messageId, chatId: chatId, bot: bot)
        message["text"] = text
        Self.copyInlineKeyboard(from: params, into: &message)
        return TelegramJSON.ok(message)
    }

    private func editMessage(
        _ params: [String: String], requiresText: Bool, bot: [String: Any]
    ) throws(BotAPIError) -> HTTPResponse {
        let newText = requiresText ? try Self.requireText(params) : nil
        // Messages sent via inline mode are edited by inline_message_id, and Telegram answers those with `true`.
        if let inlineId = params["inline_message_id"], !inlineId.isEmpty {
            return TelegramJSON.ok(true)
        }
        let chatId = try Self.requireChatId(params)
        guard let messageId = params["message_id"].flatMap({ Int($0) }) else {
            throw .badRequest("message identifier is not specified")
        }
        var message = Self.message(id: messageId, chatId: chatId, bot: bot)
        message["edit_date"] = TelegramJSON.unixTime()
        message["text"] = newText ?? sentText(chatId: chatId, messageId: messageId)
        Self.copyInlineKeyboard(from: params, into: &message)
        return TelegramJSON.ok(message)
    }

    private mutating func sendDocument(
        _ params: [String: String], _ files: [String: BotAPIDouble.UploadedFile], bot: [String: Any]
    ) throws(BotAPIError) -> HTTPResponse {
        let chatId = try Self.requireChatId(params)
        let fileNumber = nextFileNumber()
        var document: [String: Any] = ["file_unique_id": "AgADdbl\(fileNumber)"]
        if let upload = files["document"] {
            document["file_id"] = "BQACAgIAAxkBAAIdouble\(fileNumber)"
            document["file_name"] = upload.filename
            document["file_size"] = upload.data.count
            document["mime_type"] = upload.contentType
        } else if let reference = params["document"], !reference.isEmpty {
            // A file_id or URL of a file Telegram already has.
            document["file_id"] = reference
            document["file_name"] = reference.split(separator: "/").last.map(String.init) ?? "document"
        } else {
            throw .badRequest("there is no document in the request")
        }
        var message = Self.message(id: nextMessageId(in: chatId), chatId: chatId, bot: bot)
        message["document"] = document
        message["caption"] = params["caption"]
        Self.copyInlineKeyboard(from: params, into: &message)
        return TelegramJSON.ok(message)
    }

    private static func requireChatId(_ params: [String: String]) throws(BotAPIError) -> Int64 {
        guard let text = params["chat_id"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            throw .badRequest("chat_id is empty")
        }
        // Usernames such as "@channel" would need a lookup; the double knows no chats by name.
        guard let chatId = Int64(text), chatId != 0 else { throw .badRequest("chat not found") }
        return chatId
    }

    private static func requireText(_ params: [String: String]) throws(BotAPIError) -> String {
        guard let text = params["text"], text.contains(where: { !$0.isWhitespace }) else {
            throw .badRequest("message text is empty")
        }
        return text
    }

    private static func message(id: Int, chatId: Int64, bot: [String: Any]) -> [String: Any] {
        ["message_id": id, "date": TelegramJSON.unixTime(), "chat": TelegramJSON.chat(id: chatId), "from": bot]
    }

    /// Telegram echoes an inline keyboard back in the sent message (other keyboards are not part of the message).
    private static func copyInlineKeyboard(from params: [String: String], into message: inout [String: Any]) {
        guard let markupText = params["reply_markup"],
              let markup = TelegramJSON.decode(markupText) as? [String: Any],
              markup["inline_keyboard"] != nil
        else { return }
        message["reply_markup"] = markup
    }
}
