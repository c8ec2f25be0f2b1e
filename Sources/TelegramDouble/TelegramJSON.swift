import Foundation

/// Builders for the JSON shapes the Bot API sends: envelopes, users, chats, messages.
enum TelegramJSON {
    static let jsonContentType = "application/json"

    /// Compact JSON with sorted keys, so recorded parameters compare predictably: the bytes
    /// `JSONSerialization` gives with `.sortedKeys` and `.withoutEscapingSlashes` (a test holds
    /// them equal), written directly because the benchmarks drive thousands of calls a second
    /// through the double and bridging to Foundation's objects was most of its work.
    static func encode(_ object: Any) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        guard write(object, into: &bytes) else { preconditionFailure("TelegramDouble: not a JSON object: \(object)") }
        return bytes
    }

    private static func write(_ value: Any, into bytes: inout [UInt8]) -> Bool {
        // A parsed body's numbers are NSNumbers, and on Linux 0 and 1 would also cast to Bool.
        if type(of: value) is NSNumber.Type, let number = value as? NSNumber {
            if String(cString: number.objCType) == "c" {
                bytes += Array((number.boolValue ? "true" : "false").utf8)
                return true
            }
            guard let data = try? JSONSerialization.data(withJSONObject: [number]) else { return false }
            bytes += Array(data.dropFirst().dropLast())
            return true
        }
        switch value {
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in sortedKeys(object).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard write(object[key]!, into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        case let array as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(element, into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case let text as String: writeString(text, into: &bytes)
        case let flag as Bool: bytes += Array((flag ? "true" : "false").utf8)
        case let number as Int: bytes += Array(String(number).utf8)
        case let number as Int64: bytes += Array(String(number).utf8)
        case is NSNull: bytes += Array("null".utf8)
        default:
            guard JSONSerialization.isValidJSONObject([value]),
                  let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys, .withoutEscapingSlashes])
            else { return false }
            bytes += Array(data.dropFirst().dropLast())
        }
        return true
    }

    /// JSONSerialization's `.sortedKeys` order (numeric, case-insensitive); the Bot API's own
    /// keys (lowercase letters and "_") take the plain, cheaper sort, which orders them alike.
    private static func sortedKeys(_ object: [String: Any]) -> [String] {
        let plain = object.keys.allSatisfy { key in key.utf8.allSatisfy { (0x61...0x7A).contains($0) || $0 == 0x5F } }
        if plain { return object.keys.sorted() }
        return object.keys.sorted {
            $0.compare($1, options: [.numeric, .caseInsensitive, .forcedOrdering], range: nil, locale: nil) == .orderedAscending
        }
    }

    private static func writeString(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes += Array("\\n".utf8)
            case 0x0D: bytes += Array("\\r".utf8)
            case 0x09: bytes += Array("\\t".utf8)
            case 0x08: bytes += Array("\\b".utf8)
            case 0x0C: bytes += Array("\\f".utf8)
            case 0..<0x20: bytes += Array(String(format: "\\u%04x", byte).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
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
