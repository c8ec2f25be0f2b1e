import Foundation
import Logging
import Telegram
import TelegramDouble
import Testing

/// The real libcurl client against the Bot API double on 127.0.0.1.
@Suite struct BotAPIClientTests {
    let double: BotAPIDouble
    let client: BotAPIClient

    init() throws {
        double = try BotAPIDouble()
        client = try BotAPIClient(
            configuration: BotAPIConfiguration(baseURL: double.baseURL, token: double.token, requestTimeout: 5),
            logger: Logger(label: "test")
        )
    }

    private func expectError<T>(_ expected: BotAPIError, _ call: () throws -> T,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try call()
            Issue.record("expected \(expected), but the call succeeded", sourceLocation: sourceLocation)
        } catch let error as BotAPIError {
            #expect(error == expected, sourceLocation: sourceLocation)
            #expect(!"\(error)".contains(double.token), "the token leaked into an error", sourceLocation: sourceLocation)
        } catch {
            Issue.record("not a BotAPIError: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func getMeAndConnectionReuse() throws {
        let me = try client.getMe()
        #expect(me.isBot)
        #expect(me.username == double.botUsername)
        try client.deleteWebhook()
        try client.setMyCommands([BotCommand(command: "help", description: "Помощь")], scope: .chat(5), languageCode: "ru")
        #expect(double.connectionsAccepted == 1)
        let commands = try #require(double.requests(method: "setMyCommands").first)
        #expect(commands.params["scope"]?.contains("\"chat_id\":5") == true)
        #expect(commands.params["language_code"] == "ru")
    }

    @Test func getUpdatesDecodesAndOffsetConfirms() throws {
        let first = double.enqueueMessage(from: 77, text: "/start abc")
        double.enqueueSticker(from: 77)
        double.enqueueCallbackQuery(from: 77, messageId: 3, data: "k1|1|q|a")
        // A kind the bot did not ask for is filtered by Telegram; a malformed one still decodes, as unsupported.
        double.enqueueUpdate(["poll": ["id": "1"]])
        double.enqueueUpdate(["message": ["message_id": "not a number"]])
        let updates = try client.getUpdates(offset: nil, timeout: 0)
        try #require(updates.count == 4)
        guard case .message(let start) = updates[0].kind else { Issue.record("not a message"); return }
        #expect(start.command?.name == "/start")
        #expect(start.command?.argument == "abc")
        #expect(start.chat.isPrivate)
        guard case .message(let sticker) = updates[1].kind else { Issue.record("not a message"); return }
        #expect(sticker.content == .unsupported)
        guard case .callbackQuery(let press) = updates[2].kind else { Issue.record("not a press"); return }
        #expect(press.data == "k1|1|q|a")
        #expect(updates[3].kind == .unsupported)

        let rest = try client.getUpdates(offset: Int64(first) + 2, timeout: 0)
        #expect(rest.map(\.updateId) == [Int64(first) + 2, Int64(first) + 4])
        #expect(double.lastOffset == first + 2)
        #expect(double.requests(method: "getUpdates").last?.params["allowed_updates"] == #"["message","edited_message","callback_query"]"#)
    }

    @Test func sendMessageWithKeyboardAndEdits() throws {
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Да", callbackData: "k1|9|q|yes")]])
        let sent = try client.sendMessage(SendMessage(chatId: 42, text: "Вопрос <b>1</b> 🌷", replyMarkup: .inline(keyboard)))
        #expect(sent.messageId > 0)
        #expect(double.sentTexts(to: 42) == ["Вопрос <b>1</b> 🌷"])
        let request = try #require(double.requests(method: "sendMessage").first)
        #expect(request.params["parse_mode"] == "HTML")
        #expect(request.params["reply_markup"]?.contains(#""callback_data":"k1|9|q|yes""#) == true)
        try client.editMessageText(EditMessageText(chatId: 42, messageId: sent.messageId, text: "Вопрос 1: Да"))
        try client.editMessageReplyMarkup(EditMessageReplyMarkup(chatId: 42, messageId: sent.messageId, replyMarkup: nil))
        try client.answerCallbackQuery(AnswerCallbackQuery(callbackQueryId: "cb1", text: "ok"))
        try client.sendMessage(SendMessage(chatId: 42, text: "x", replyMarkup: .remove(ReplyKeyboardRemove())))
        #expect(double.requests(method: "sendMessage").last?.params["reply_markup"] == #"{"remove_keyboard":true}"#)
    }

    @Test func sendDocumentUploadsMultipart() throws {
        let csv = Data("\u{FEFF}город,число\nОш,3\n".utf8)
        let message = try client.sendDocument(DocumentUpload(chatId: 8, fileName: "export.csv", data: csv, mimeType: "text/csv", caption: "Экспорт"))
        #expect(message.document?.fileName == "export.csv")
        let request = try #require(double.requests(method: "sendDocument").first)
        #expect(request.files["document"]?.data == csv)
        #expect(request.files["document"]?.filename == "export.csv")
        #expect(request.params["chat_id"] == "8")
        #expect(request.params["caption"] == "Экспорт")
    }

    @Test func telegramErrorsAreTyped() {
        double.injectFault(.status(400, body: #"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#))
        expectError(.badRequest(description: "Bad Request: chat not found")) { try client.sendMessage(SendMessage(chatId: 1, text: "a")) }

        double.injectFault(.status(403, body: #"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#))
        expectError(.forbidden(description: "Forbidden: bot was blocked by the user")) { try client.sendMessage(SendMessage(chatId: 1, text: "a")) }

        double.injectFault(.status(409, body: #"{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}"#))
        expectError(.conflict(description: "Conflict: terminated by other getUpdates request")) { _ = try client.getUpdates(offset: nil, timeout: 0) }

        double.injectFault(.tooManyRequests(retryAfter: 7))
        expectError(.tooManyRequests(retryAfter: 7, description: "Too Many Requests: retry after 7")) { try client.sendMessage(SendMessage(chatId: 1, text: "a")) }

        double.injectFault(.serverError(502))
        do {
            _ = try client.getMe()
            Issue.record("a 502 succeeded")
        } catch {
            guard case .serverError(502, _) = error else { Issue.record("got \(error)"); return }
            #expect(error.isRetryable)
        }

        double.injectFault(.status(400, body: #"{"ok":false,"error_code":400,"description":"Bad Request: message is not modified"}"#))
        do {
            try client.editMessageText(EditMessageText(chatId: 1, messageId: 1, text: "same"))
        } catch {
            #expect(error.isMessageNotModified)
        }
    }

    @Test func aWrongTokenIsUnauthorizedAndNeverEchoed() throws {
        let wrong = "999:WRONG-token-value"
        let stranger = try BotAPIClient(configuration: BotAPIConfiguration(baseURL: double.baseURL, token: wrong), logger: Logger(label: "test"))
        do {
            _ = try stranger.getMe()
            Issue.record("a wrong token was accepted")
        } catch {
            #expect(error == .unauthorized(description: "Unauthorized"))
            #expect(!error.isRetryable)
            #expect(!"\(error)".contains(wrong))
        }
        // Even a server that echoes the token back does not get it into our errors.
        double.injectFault(.status(400, body: #"{"ok":false,"error_code":400,"description":"Bad Request: bot\#(double.token) is odd"}"#))
        expectError(.badRequest(description: "Bad Request: bot<token> is odd")) { _ = try client.getMe() }
    }

    @Test func answersThatAreNotBotAPIJSON() {
        double.injectFault(.html(status: 200))
        expectError(.invalidResponse(status: 200, reason: "body is not JSON")) { _ = try client.getMe() }

        double.injectFault(.html(status: 502))
        expectError(.serverError(status: 502, description: "no Bot API JSON in the answer")) { _ = try client.getMe() }

        double.injectFault(.status(200, body: #"{"ok":true,"result":{"unexpected":1}}"#))
        expectError(.invalidResponse(status: 200, reason: "unexpected JSON shape")) { _ = try client.getMe() }

        double.injectFault(.truncatedJSON)
        expectError(.transport(.connectionLost)) { try client.sendMessage(SendMessage(chatId: 1, text: "a")) }

        double.injectFault(.closeWithoutResponse)
        expectError(.transport(.connectionLost)) { _ = try client.getMe() }

        // After each broken exchange the client still works.
        #expect((try? client.getMe()) != nil)
    }

    @Test func timeoutsAndRefusedConnections() throws {
        let impatient = try BotAPIClient(
            configuration: BotAPIConfiguration(baseURL: double.baseURL, token: double.token, requestTimeout: 0.5),
            logger: Logger(label: "test"))
        double.injectFault(.delay(3))
        do {
            _ = try impatient.getMe()
            Issue.record("a stalled answer did not time out")
        } catch {
            #expect(error == .transport(.timedOut))
        }

        let port = double.port
        double.stop()
        let nowhere = try BotAPIClient(configuration: BotAPIConfiguration(baseURL: "http://127.0.0.1:\(port)", token: "1:x"),
                                       logger: Logger(label: "test"))
        do {
            _ = try nowhere.getMe()
            Issue.record("a closed port answered")
        } catch {
            #expect(error == .transport(.couldNotConnect))
            #expect(error.isRetryable)
        }
    }

    @Test func cancellationAbortsALongPoll() throws {
        double.maxLongPoll = 20
        let flag = CancellationFlag()
        let poller = try BotAPIClient(configuration: BotAPIConfiguration(baseURL: double.baseURL, token: double.token),
                                      cancellation: flag, logger: Logger(label: "test"))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { flag.cancel() }
        let started = Date()
        do {
            _ = try poller.getUpdates(offset: nil, timeout: 20)
            Issue.record("the long poll was not cancelled")
        } catch {
            #expect(error == .transport(.cancelled))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
