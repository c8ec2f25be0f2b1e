import Foundation

/// A parsed JSON document: what the Bot API answers, read into plain values.
///
/// Why not `JSONDecoder`: in callgrind it cost about 160,000 instructions to decode the answer to
/// one sendMessage and 250,000 per update from getUpdates, a quarter of all the bot's work in a
/// burst. Reading the few fields the bot uses from this tree costs a small fraction of that.
public enum JSONValue: Equatable, Sendable {
    case object(JSONObject)
    case array([JSONValue])
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case null

    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }
}

/// An object's members in document order. The Bot API's objects have a handful of keys, so a
/// list searched from the start is cheaper than hashing. A repeated key keeps its first value,
/// as `JSONDecoder` does.
public struct JSONObject: Equatable, Sendable {
    public private(set) var members: [(key: String, value: JSONValue)] = []

    public init() {}

    public var count: Int { members.count }

    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    mutating func append(_ key: String, _ value: JSONValue) {
        members.append((key, value))
    }

    /// The members as a dictionary, a repeated key keeping its first value.
    public var dictionary: [String: JSONValue] {
        Dictionary(members, uniquingKeysWith: { first, _ in first })
    }

    public static func == (left: JSONObject, right: JSONObject) -> Bool {
        left.dictionary == right.dictionary
    }
}

/// The answer had a shape the bot cannot use: a missing field, or a field of the wrong kind.
public struct JSONShapeError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// A type read from a `JSONValue`, as the Bot API spells it (snake_case keys).
public protocol JSONReadable {
    init(json: JSONValue) throws(JSONShapeError)
}

extension JSONValue {
    /// The value at `key` of an object, or a shape error naming the key.
    public func required(_ key: String) throws(JSONShapeError) -> JSONValue {
        guard let value = self[key], value != .null else { throw JSONShapeError("missing \(key)") }
        return value
    }

    /// The value at `key`, nil when absent or null.
    public func optional(_ key: String) -> JSONValue? {
        guard let value = self[key], value != .null else { return nil }
        return value
    }

    public func int64() throws(JSONShapeError) -> Int64 {
        guard case .integer(let value) = self else { throw JSONShapeError("not an integer") }
        return value
    }

    public func int() throws(JSONShapeError) -> Int {
        guard let value = Int(exactly: try int64()) else { throw JSONShapeError("integer out of range") }
        return value
    }

    public func string() throws(JSONShapeError) -> String {
        guard case .string(let value) = self else { throw JSONShapeError("not a string") }
        return value
    }

    public func bool() throws(JSONShapeError) -> Bool {
        guard case .bool(let value) = self else { throw JSONShapeError("not a boolean") }
        return value
    }

    public func array() throws(JSONShapeError) -> [JSONValue] {
        guard case .array(let values) = self else { throw JSONShapeError("not an array") }
        return values
    }

    /// The optional value at `key` read as `T`; a present value of the wrong shape is an error.
    public func optional<T: JSONReadable>(_ key: String, as type: T.Type) throws(JSONShapeError) -> T? {
        guard let value = optional(key) else { return nil }
        return try T(json: value)
    }
}

extension Bool: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self = try json.bool()
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        var elements: [Element] = []
        for value in try json.array() { elements.append(try Element(json: value)) }
        self = elements
    }
}
