import Foundation
import Testing
import TelegramDouble

@Suite struct BotAPIMethodTests {
    @Test func getMeAnswersWithTheBot() throws {
        let telegram = try BotAPIDouble()
        telegram.botUsername = "other_bot"
        let response = try Raw.call(telegram, "getMe")

        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["content-length"] == String(response.body.count))
        #expect(response.json["ok"] as? Bool == true)
        let bot = try #require(response.result as? [String: Any])
        #expect(bot["id"] as? Int == 123_456)
        #expect(bot["is_bot"] as? Bool == true)
        #expect(bot["first_name"] as? String == "Kenesh")
        #expect(bot["username"] as? String == "other_bot")
        #expect(telegram.baseURL == "http://127.0.0.1:\(telegram.port)")
    }

    @Test func wrongTokenIsUnauthorized() throws {
        let telegram = try BotAPIDouble()
        let response = try Raw.exchange(telegram, Raw.get("/bot999:wrong/getMe"))

        #expect(response.status == 401)
        #expect(response.json["ok"] as? Bool == false)
        #expect(response.json["error_code"] as? Int == 401)
        #expect(response.json["description"] as? String == "Unauthorized")
        #expect(telegram.requests.first?.hasValidToken == false)
    }

    @Test func unknownMethodAndPathAreNotFound() throws {
        let telegram = try BotAPIDouble()
        let unknownMethod = try Raw.call(telegram, "sendHologram")
        let unknownPath = try Raw.exchange(telegram, Raw.get("/favicon.ico"))

        #expect(unknownMethod.status == 404)
        #expect(unknownMethod.json["description"] as? String == "Not Found")
        #expect(unknownPath.status == 404)
        #expect(telegram.requests.map(\.method) == ["sendHologram", "favicon.ico"])
    }

    @Test func sendMessageCountsMessageIdsPerChatAndRecordsTexts() throws {
        let telegram = try BotAPIDouble()
        let first = try Raw.call(telegram, "sendMessage", json: ["chat_id": 42, "text": "one"])
        let second = try Raw.call(telegram, "sendMessage", json: ["chat_id": 42, "text": "two"])
        let otherChat = try Raw.call(telegram, "sendMessage", json: ["chat_id": 7, "text": "elsewhere"])

        let message = try #require(first.result as? [String: Any])
        #expect(message["message_id"] as? Int == 1)
        #expect(message["text"] as? String == "one")
        #expect((message["chat"] as? [String: Any])?["id"] as? Int == 42)
        #expect((message["chat"] as? [String: Any])?["type"] as? String == "private")
        #expect((message["from"] as? [String: Any])?["is_bot"] as? Bool == true)
        #expect(message["date"] is Int)
        #expect((second.result as? [String: Any])?["message_id"] as? Int == 2)
        #expect((otherChat.result as? [String: Any])?["message_id"] as? Int == 1)
        #expect(telegram.sentTexts(to: 42) == ["one", "two"])
        #expect(telegram.sentTexts(to: 7) == ["elsewhere"])
    }

    @Test func sendMessageRejectsMissingTextOrChat() throws {
        let telegram = try BotAPIDouble()
        let noText = try Raw.call(telegram, "sendMessage", json: ["chat_id": 42])
        let noChat = try Raw.call(telegram, "sendMessage", json: ["text": "hi"])
        let unknownChat = try Raw.call(telegram, "sendMessage", json: ["chat_id": "@nobody", "text": "hi"])

        #expect(noText.status == 400)
        #expect(noText.json["description"] as? String == "Bad Request: message text is empty")
        #expect(noChat.status == 400)
        #expect(noChat.json["description"] as? String == "Bad Request: chat_id is empty")
        #expect(unknownChat.json["description"] as? String == "Bad Request: chat not found")
        #expect(telegram.sentTexts(to: 42).isEmpty)
    }

    @Test func trivialMethodsAnswerTrue() throws {
        let telegram = try BotAPIDouble()
        for method in ["deleteWebhook", "setMyCommands", "answerCallbackQuery", "leaveChat"] {
            let response = try Raw.call(telegram, method, json: ["chat_id": 1])
            #expect(response.status == 200, "\(method)")
            #expect(response.result as? Bool == true, "\(method)")
        }
    }

    @Test func editsAnswerWithTheEditedMessage() throws {
        let telegram = try BotAPIDouble()
        _ = try Raw.call(telegram, "sendMessage", json: ["chat_id": 5, "text": "original"])
        let keyboard: [String: Any] = ["inline_keyboard": [[["text": "Yes", "callback_data": "yes"]]]]
        let editedText = try Raw.call(telegram, "editMessageText", json: ["chat_id": 5, "message_id": 1, "text": "changed"])
        let editedMarkup = try Raw.call(
            telegram, "editMessageReplyMarkup", json: ["chat_id": 5, "message_id": 1, "reply_markup": keyboard]
        )

        let textMessage = try #require(editedText.result as? [String: Any])
        #expect(textMessage["message_id"] as? Int == 1)
        #expect(textMessage["text"] as? String == "changed")
        let markupMessage = try #require(editedMarkup.result as? [String: Any])
        #expect(markupMessage["message_id"] as? Int == 1)
        #expect(markupMessage["reply_markup"] is [String: Any])
    }

    @Test func enqueuedMessagesLookLikeTelegramMessages() throws {
        let telegram = try BotAPIDouble()
        telegram.enqueueMessage(from: 42, text: "/start@kenesh_test_bot now")
        telegram.enqueueMessage(from: 42, chatId: -1_001_234_567_890, chatType: "supergroup", text: "hello")
        telegram.enqueueSticker(from: 42)
        telegram.enqueueCallbackQuery(from: 42, messageId: 9, data: "choice:1")

        let updates = try #require(try Raw.call(telegram, "getUpdates").result as? [[String: Any]])
        #expect(updates.map { $0["update_id"] as? Int } == [1000, 1001, 1002, 1003])

        let command = try #require(updates[0]["message"] as? [String: Any])
        #expect(command["message_id"] as? Int == 1)
        #expect(command["date"] is Int)
        #expect(command["text"] as? String == "/start@kenesh_test_bot now")
        let from = try #require(command["from"] as? [String: Any])
        #expect(from["id"] as? Int == 42)
        #expect(from["is_bot"] as? Bool == false)
        #expect(from["first_name"] as? String == "Test")
        #expect(from["username"] as? String == "user42")
        #expect((command["chat"] as? [String: Any])?["type"] as? String == "private")
        let entity = try #require((command["entities"] as? [[String: Any]])?.first)
        #expect(entity["type"] as? String == "bot_command")
        #expect(entity["offset"] as? Int == 0)
        #expect(entity["length"] as? Int == 22)

        let groupMessage = try #require(updates[1]["message"] as? [String: Any])
        #expect((groupMessage["chat"] as? [String: Any])?["type"] as? String == "supergroup")
        #expect(groupMessage["entities"] == nil)

        let sticker = try #require(updates[2]["message"] as? [String: Any])
        #expect(sticker["text"] == nil)
        #expect(sticker["sticker"] is [String: Any])

        let callback = try #require(updates[3]["callback_query"] as? [String: Any])
        #expect(callback["data"] as? String == "choice:1")
        #expect(callback["id"] is String)
        #expect((callback["message"] as? [String: Any])?["message_id"] as? Int == 9)
        #expect((callback["from"] as? [String: Any])?["id"] as? Int == 42)
    }
}
