import Bot
import Dialogs
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// One person in a private chat with the bot, seen from the Bot API double: sends text, presses
/// buttons, and waits until the bot has committed the update and sent every reply.
final class TestChat {
    let userId: Int64
    let double: BotAPIDouble
    let database: AppDatabase
    /// How long to wait for the bot after each update; raised where faults slow it down.
    var settleTimeout: TimeInterval = 10

    init(userId: Int64, double: BotAPIDouble, database: AppDatabase) {
        self.userId = userId
        self.double = double
        self.database = database
    }

    struct Question {
        let messageId: Int
        let text: String
        /// (option id, label, callback data) in keyboard order.
        let buttons: [(optionId: String, label: String, data: String)]
    }

    /// sendMessage requests to this chat, in order, including attempts the double failed on purpose.
    var sent: [BotAPIDouble.RecordedRequest] {
        double.requests(method: "sendMessage").filter { $0.params["chat_id"] == String(userId) }
    }

    /// Texts Telegram accepted (delivered) in this chat, in order.
    var texts: [String] { double.sentTexts(to: userId) }

    /// The latest message with answer buttons. Telegram numbers a chat's messages from both sides,
    /// so the message id of a question is read from where the bot recorded it.
    var lastQuestion: Question? {
        for request in sent.reversed() {
            guard let markup = request.params["reply_markup"], let buttons = Self.buttons(in: markup), !buttons.isEmpty else { continue }
            return Question(messageId: messageId(of: buttons[0].data) ?? 0, text: request.params["text"] ?? "", buttons: buttons)
        }
        return nil
    }

    private func messageId(of callbackData: String) -> Int? {
        guard case .answer(let conversationId, let stepId, _)? = CallbackData(callbackData) else { return nil }
        return try? database.writer.read { db in
            try QuestionMessage.messageId(conversationId: conversationId, stepId: stepId, in: db)
        }
    }

    /// Edits of this chat's messages (editMessageText and editMessageReplyMarkup), in order.
    func edits(of messageId: Int) -> [BotAPIDouble.RecordedRequest] {
        double.requests.filter {
            ($0.method == "editMessageText" || $0.method == "editMessageReplyMarkup")
                && $0.params["chat_id"] == String(userId) && $0.params["message_id"] == String(messageId)
        }
    }

    /// answerCallbackQuery texts ("" when answered silently), in order.
    var callbackAnswers: [String] {
        double.requests(method: "answerCallbackQuery").map { $0.params["text"] ?? "" }
    }

    func send(_ text: String) {
        settle(after: double.enqueueMessage(from: userId, text: text))
    }

    func sendSticker() {
        settle(after: double.enqueueSticker(from: userId))
    }

    /// Presses the button with `optionId` on the latest question.
    func press(_ optionId: String) {
        guard let question = lastQuestion, let button = question.buttons.first(where: { $0.optionId == optionId }) else {
            Issue.record("no button \(optionId) on the last question")
            return
        }
        pressRaw(data: button.data, messageId: question.messageId)
    }

    func pressRaw(data: String, messageId: Int) {
        settle(after: double.enqueueCallbackQuery(from: userId, messageId: messageId, data: data))
    }

    /// Waits until the bot committed update `id` and its outbox is empty.
    func settle(after id: Int) {
        let database = database
        let settled = double.waitUntil(timeout: settleTimeout) { d in
            guard (d.lastOffset ?? 0) > id else { return false }
            return (try? database.writer.read { db in try OutboxMessage.filter(Column("status") == "pending").fetchCount(db) }) == 0
        }
        if !settled { Issue.record("the bot did not settle after update \(id)") }
    }

    var person: Person? {
        try? database.writer.read { db in try Person.find(telegramUserId: userId, in: db) }
    }

    private static func buttons(in markup: String) -> [(optionId: String, label: String, data: String)]? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(markup.utf8)) as? [String: Any],
              let rows = json["inline_keyboard"] as? [[[String: Any]]] else { return nil }
        return rows.flatMap { $0 }.compactMap { button in
            guard let label = button["text"] as? String, let data = button["callback_data"] as? String else { return nil }
            return (String(data.split(separator: "|").last ?? ""), label, data)
        }
    }
}

/// The dialogs shipped in the repository's dialogs/ folder.
enum ShippedDialogs {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dialogs")
    }

    static func library(from folder: URL = folder) -> DialogLibrary {
        DialogLibrary(catalog: DialogCatalog.load(directory: folder).catalog)
    }
}
