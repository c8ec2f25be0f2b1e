import Foundation

/// Parameters of sendMessage.
public struct SendMessage: Codable, Sendable, Equatable {
    public var chatId: Int64
    public var text: String
    public var parseMode: String?
    public var replyMarkup: ReplyMarkup?
    public var disableNotification: Bool?

    public init(chatId: Int64, text: String, parseMode: String? = "HTML", replyMarkup: ReplyMarkup? = nil,
                disableNotification: Bool? = nil) {
        self.chatId = chatId
        self.text = text
        self.parseMode = parseMode
        self.replyMarkup = replyMarkup
        self.disableNotification = disableNotification
    }
}

/// Parameters of editMessageText.
public struct EditMessageText: Codable, Sendable, Equatable {
    public var chatId: Int64
    public var messageId: Int
    public var text: String
    public var parseMode: String?
    public var replyMarkup: InlineKeyboardMarkup?

    public init(chatId: Int64, messageId: Int, text: String, parseMode: String? = "HTML",
                replyMarkup: InlineKeyboardMarkup? = nil) {
        self.chatId = chatId
        self.messageId = messageId
        self.text = text
        self.parseMode = parseMode
        self.replyMarkup = replyMarkup
    }
}

/// Parameters of editMessageReplyMarkup.
public struct EditMessageReplyMarkup: Codable, Sendable, Equatable {
    public var chatId: Int64
    public var messageId: Int
    /// nil removes the buttons.
    public var replyMarkup: InlineKeyboardMarkup?

    public init(chatId: Int64, messageId: Int, replyMarkup: InlineKeyboardMarkup?) {
        self.chatId = chatId
        self.messageId = messageId
        self.replyMarkup = replyMarkup
    }
}

/// Parameters of answerCallbackQuery.
public struct AnswerCallbackQuery: Codable, Sendable, Equatable {
    public var callbackQueryId: String
    public var text: String?
    public var showAlert: Bool?

    public init(callbackQueryId: String, text: String? = nil, showAlert: Bool? = nil) {
        self.callbackQueryId = callbackQueryId
        self.text = text
        self.showAlert = showAlert
    }
}

/// A file to send with sendDocument, uploaded as multipart/form-data.
public struct DocumentUpload: Codable, Sendable, Equatable {
    public var chatId: Int64
    public var fileName: String
    public var data: Data
    public var mimeType: String
    public var caption: String?

    public init(chatId: Int64, fileName: String, data: Data, mimeType: String = "application/octet-stream",
                caption: String? = nil) {
        self.chatId = chatId
        self.fileName = fileName
        self.data = data
        self.mimeType = mimeType
        self.caption = caption
    }
}

struct GetUpdates: Encodable {
    var offset: Int64?
    var limit: Int
    var timeout: Int
    var allowedUpdates: [String]
}

struct DeleteWebhook: Encodable {
    var dropPendingUpdates: Bool
}

struct SetMyCommands: Encodable {
    var commands: [BotCommand]
    var scope: BotCommandScope?
    var languageCode: String?
}

struct ChatOnly: Encodable {
    var chatId: Int64
}

struct NoParameters: Encodable {}
