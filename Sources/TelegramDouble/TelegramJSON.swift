import Foundation

/// Builders for the JSON shapes the Bot API sends: envelopes, users, chats, messages.
enum TelegramJSON {
    static let jsonContentType = "application/json"

    /// Compact JSON with sorted keys, so recorded parameters compare predictably.
    static func encode(_ object: Any) -> [UInt8] {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { preconditionFailure("TelegramDouble: not a JSON object: \(object)") }
        return Array(data)
    }

    /// `{"ok":true,"result":...}`.
    static func ok(_ result: Any) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: jsonContentType, body: encode(["ok": true, "result": result]))
    }

    /// `{"ok":true,"result":[...]}` from already encoded elements.
    static func ok(encodedArray elements: [[UInt8]]) -> HTTPResponse {
        var body = Array(#"{"ok":true,"result":["#.utf8)
        for (index, element) in elements.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += element
        }
        body += Array("]}".utf8)
        return HTTPResponse(status: 200, contentType: jsonContentType, body: body)
    }

    /// `{"ok":false,"error_code":status,"description":...}` with that HTTP status.
    static func error(_ status: Int, _ description: String, parameters: [String: Any]? = nil) -> HTTPResponse {
        HTTPResponse(status: status, contentType: jsonContentType, body: errorBody(status, description, parameters: parameters))
    }

    static func errorBody(_ code: Int, _ description: String, parameters: [String: Any]? = nil) -> [UInt8] {
        var object: [String: Any] = ["ok": false, "error_code": code, "description": description]
        object["parameters"] = parameters
        return encode(object)
    }

    static func user(id: Int64, isBot: Bool, firstName: String, username: String) -> [String: Any] {
        ["id": id, "is_bot": isBot, "first_name": firstName, "username": username]
    }

    /// A test user as `enqueueMessage` sends them: first name "Test", username "user<id>".
    static func testUser(id: Int64) -> [String: Any] {
        var user = user(id: id, isBot: false, firstName: "Test", username: "user\(id)")
        user["language_code"] = "en"
        return user
    }

    /// The chat type Telegram would report for an id: users are positive, supergroups start at -100..., groups are negative.
    static func chatType(for id: Int64) -> String {
        if id > 0 { return "private" }
        return id <= -1_000_000_000_000 ? "supergroup" : "group"
    }

    static func chat(id: Int64, type: String? = nil) -> [String: Any] {
        let type = type ?? chatType(for: id)
        if type == "private" {
            return ["id": id, "type": type, "first_name": "Test", "username": "user\(id)"]
        }
        return ["id": id, "type": type, "title": "Test \(type)"]
    }

    static func unixTime() -> Int {
        Int(Date().timeIntervalSince1970)
    }

    /// A `bot_command` entity when the text starts with "/"; offsets and lengths are UTF-16 units, as in Telegram.
    static func commandEntities(for text: String) -> [[String: Any]]? {
        guard text.hasPrefix("/") else { return nil }
        let command = text.prefix { !$0.isWhitespace }
        guard command.count > 1 else { return nil }
        return [["type": "bot_command", "offset": 0, "length": command.utf16.count]]
    }

    /// How a JSON body value is recorded: strings as-is, numbers and booleans as their literals,
    /// objects and arrays re-encoded compactly; null is dropped (Telegram treats it as absent).
    static func parameterString(_ value: Any) -> String? {
        switch value {
        case let text as String:
            return text
        case is NSNull:
            return nil
        case let number as NSNumber:
            // JSONSerialization hands booleans back as NSNumber; "c" (char) is their Objective-C type.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default:
            return String(decoding: encode(value), as: UTF8.self)
        }
    }

    /// Parses a JSON parameter such as `reply_markup` or `allowed_updates`; nil when it is not JSON.
    static func decode(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
