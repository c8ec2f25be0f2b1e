import Foundation

/// A request whose JSON body is written directly, without `JSONEncoder`: the calls the bot makes
/// for every reply. The output is the same JSON `JSONEncoder` with snake_case keys would give
/// (a test compares the two).
protocol DirectJSONBody {
    func writeJSON(to writer: inout JSONBodyWriter)
}

/// Writes one JSON object, key by key, into bytes. Nil values are left out, as `JSONEncoder` does.
public struct JSONBodyWriter {
    public private(set) var bytes: [UInt8] = []
    /// Set when a NaN or infinite number was given: the bytes are then not the value's JSON.
    public private(set) var hasInvalidNumber = false
    private var needsComma: [Bool] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    static func body(of value: some DirectJSONBody) -> Data {
        var writer = JSONBodyWriter()
        writer.object { value.writeJSON(to: &$0) }
        return Data(writer.bytes)
    }

    public mutating func object(_ members: (inout JSONBodyWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        members(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func array<Element>(_ elements: [Element], _ write: (inout JSONBodyWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func key(_ name: StaticString) {
        precondition(!needsComma.isEmpty, "JSONBodyWriter: a member outside object { }")
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A key that is not known in advance (a dictionary's), escaped like any string.
    public mutating func key(_ name: String) {
        precondition(!needsComma.isEmpty, "JSONBodyWriter: a member outside object { }")
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A finite number in the shortest form that reads back as the same `Double`.
    public mutating func member(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        guard value.isFinite else {
            // JSON has no NaN or infinity: the document is marked unusable, as JSONEncoder would refuse it.
            hasInvalidNumber = true
            bytes.append(contentsOf: "null".utf8)
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int64?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func member(_ name: StaticString, _ value: Int?) {
        member(name, value.map(Int64.init))
    }

    public mutating func member(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func member(_ name: StaticString, _ write: (inout JSONBodyWriter) -> Void) {
        key(name)
        write(&self)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        // Runs of bytes that need no escape (almost all of a message) are copied whole: appending
        // byte by byte was a few percent of the bot's CPU in the burst benchmark.
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension SendMessage: DirectJSONBody {
    func writeJSON(to writer: inout JSONBodyWriter) {
        writer.member("chat_id", chatId)
        writer.member("text", text)
        writer.member("parse_mode", parseMode)
        if let replyMarkup { writer.member("reply_markup") { replyMarkup.writeJSON(to: &$0) } }
        writer.member("disable_notification", disableNotification)
    }
}

extension EditMessageText: DirectJSONBody {
    func writeJSON(to writer: inout JSONBodyWriter) {
        writer.member("chat_id", chatId)
        writer.member("message_id", messageId)
        writer.member("text", text)
        writer.member("parse_mode", parseMode)
        if let replyMarkup { writer.member("reply_markup") { replyMarkup.writeJSON(to: &$0) } }
    }
}

extension EditMessageReplyMarkup: DirectJSONBody {
    func writeJSON(to writer: inout JSONBodyWriter) {
        writer.member("chat_id", chatId)
        writer.member("message_id", messageId)
        if let replyMarkup { writer.member("reply_markup") { replyMarkup.writeJSON(to: &$0) } }
    }
}

extension AnswerCallbackQuery: DirectJSONBody {
    func writeJSON(to writer: inout JSONBodyWriter) {
        writer.member("callback_query_id", callbackQueryId)
        writer.member("text", text)
        writer.member("show_alert", showAlert)
    }
}

extension GetUpdates: DirectJSONBody {
    func writeJSON(to writer: inout JSONBodyWriter) {
        writer.member("offset", offset)
        writer.member("limit", limit)
        writer.member("timeout", timeout)
        writer.member("allowed_updates") { $0.array(allowedUpdates) { $0.string($1) } }
    }
}

/// How a keyboard's multi-word keys are spelled: snake_case for the Bot API, camelCase for the
/// Codable JSON the bot stores in its outbox.
public struct MarkupKeys: Sendable {
    let inlineKeyboard, callbackData, resizeKeyboard, oneTimeKeyboard, removeKeyboard: StaticString

    public static let botAPI = MarkupKeys(inlineKeyboard: "inline_keyboard", callbackData: "callback_data",
                                          resizeKeyboard: "resize_keyboard", oneTimeKeyboard: "one_time_keyboard",
                                          removeKeyboard: "remove_keyboard")
    public static let codable = MarkupKeys(inlineKeyboard: "inlineKeyboard", callbackData: "callbackData",
                                           resizeKeyboard: "resizeKeyboard", oneTimeKeyboard: "oneTimeKeyboard",
                                           removeKeyboard: "removeKeyboard")
}

extension ReplyMarkup {
    public func writeJSON(to writer: inout JSONBodyWriter, keys: MarkupKeys = .botAPI) {
        switch self {
        case .inline(let markup): markup.writeJSON(to: &writer, keys: keys)
        case .keyboard(let markup):
            writer.object {
                $0.member("keyboard") {
                    $0.array(markup.keyboard) { writer, row in
                        writer.array(row) { writer, button in writer.object { $0.member("text", button.text) } }
                    }
                }
                $0.member(keys.resizeKeyboard, markup.resizeKeyboard)
                $0.member(keys.oneTimeKeyboard, markup.oneTimeKeyboard)
            }
        case .remove(let markup):
            writer.object { $0.member(keys.removeKeyboard, markup.removeKeyboard) }
        }
    }
}

extension InlineKeyboardMarkup {
    public func writeJSON(to writer: inout JSONBodyWriter, keys: MarkupKeys = .botAPI) {
        writer.object {
            $0.member(keys.inlineKeyboard) {
                $0.array(inlineKeyboard) { writer, row in
                    writer.array(row) { writer, button in
                        writer.object {
                            $0.member("text", button.text)
                            $0.member(keys.callbackData, button.callbackData)
                            $0.member("url", button.url)
                        }
                    }
                }
            }
        }
    }
}
