/// Buttons attached under a message.
public struct InlineKeyboardMarkup: Codable, Sendable, Equatable {
    public var inlineKeyboard: [[InlineKeyboardButton]]

    public init(inlineKeyboard: [[InlineKeyboardButton]]) {
        self.inlineKeyboard = inlineKeyboard
    }
}

/// One inline button; Kenesh uses callback buttons only.
public struct InlineKeyboardButton: Codable, Sendable, Equatable {
    public var text: String
    public var callbackData: String?
    public var url: String?

    public init(text: String, callbackData: String) {
        self.text = text
        self.callbackData = callbackData
        self.url = nil
    }
}

/// A custom keyboard replacing the phone's keyboard.
public struct ReplyKeyboardMarkup: Codable, Sendable, Equatable {
    public var keyboard: [[KeyboardButton]]
    public var resizeKeyboard: Bool?
    public var oneTimeKeyboard: Bool?

    public init(keyboard: [[KeyboardButton]], resizeKeyboard: Bool? = true, oneTimeKeyboard: Bool? = true) {
        self.keyboard = keyboard
        self.resizeKeyboard = resizeKeyboard
        self.oneTimeKeyboard = oneTimeKeyboard
    }
}

/// One button of a reply keyboard; pressing it sends its text.
public struct KeyboardButton: Codable, Sendable, Equatable {
    public var text: String

    public init(text: String) {
        self.text = text
    }
}

/// Asks the client to hide a custom keyboard.
public struct ReplyKeyboardRemove: Codable, Sendable, Equatable {
    public var removeKeyboard: Bool = true

    public init() {}
}

/// The `reply_markup` of a message: one of the three keyboard kinds.
public enum ReplyMarkup: Codable, Sendable, Equatable {
    case inline(InlineKeyboardMarkup)
    case keyboard(ReplyKeyboardMarkup)
    case remove(ReplyKeyboardRemove)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .inline(let markup): try markup.encode(to: encoder)
        case .keyboard(let markup): try markup.encode(to: encoder)
        case .remove(let markup): try markup.encode(to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        if let inline = try? InlineKeyboardMarkup(from: decoder) {
            self = .inline(inline)
        } else if let keyboard = try? ReplyKeyboardMarkup(from: decoder) {
            self = .keyboard(keyboard)
        } else {
            self = .remove(try ReplyKeyboardRemove(from: decoder))
        }
    }
}
