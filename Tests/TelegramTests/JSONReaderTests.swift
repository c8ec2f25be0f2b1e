import Foundation
import Telegram
import Testing

/// The Bot API answers are read by `JSONReader`; it must agree with Foundation's parser.
@Suite struct JSONReaderTests {
    static let valid = [
        #"{"ok":true,"result":[{"update_id":1,"message":{"message_id":2,"date":3,"chat":{"id":-100,"type":"private"},"text":"Привет 🌷"}}]}"#,
        #"  {"a" : [1, -2, 3.5, -0.25e2, 1E3, 0, true, false, null, "x"], "b": {}, "c": [], "d": {"e": {"f": [[]]}}}  "#,
        #"{"escapes":"quote \" backslash \\ slash \/ \b\f\n\r\t end","unicode":"\u0416\u00e9 \ud83c\udf37 \u2028"}"#,
        #"{"big":9223372036854775807,"small":-9223372036854775808,"frac":0.1,"exp":-12.5e-3}"#,
        #"[1,"two",{"three":3}]"#,
        #""just a string""#,
        "{\"\":\"\"}",
    ]

    static let invalid = [
        "", "   ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[01]", "[1.]", "[.5]", "[-]", "[1e]",
        "tru", "nul", "[true false]", "\"unterminated", "\"bad escape \\x\"", "\"control \u{01} char\"", "\"\\u12G4\"",
        "{} extra", "[1e999]", "\"\\ud83c alone\"", "\"\\udf37 low\"", "[1] [2]", "// comment\n{}", String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000),
    ]

    /// The same document content. Numbers compare by value: Foundation keeps long decimals as
    /// `Decimal` where the reader keeps a `Double`.
    private func same(_ ours: JSONValue, _ theirs: Any) -> Bool {
        switch ours {
        case .object(let object):
            let members = object.dictionary
            guard let other = theirs as? [String: Any], other.count == members.count else { return false }
            return members.allSatisfy { key, value in other[key].map { same(value, $0) } ?? false }
        case .array(let elements):
            guard let other = theirs as? [Any], other.count == elements.count else { return false }
            return zip(elements, other).allSatisfy { same($0, $1) }
        case .string(let text): return theirs as? String == text
        case .null: return theirs is NSNull
        case .bool(let flag):
            guard let other = theirs as? NSNumber, isBoolean(other) else { return false }
            return other.boolValue == flag
        case .integer(let number):
            guard let other = theirs as? NSNumber, !isBoolean(other) else { return false }
            return other.int64Value == number && other.doubleValue == Double(number)
        case .double(let number):
            guard let boxed = theirs as? NSNumber, !isBoolean(boxed) else { return false }
            let other = boxed.doubleValue
            return abs(other - number) <= max(abs(number), 1) * 1e-12
        }
    }

    /// A repeated key keeps its first value here, as JSONDecoder does; JSONSerialization keeps the last.
    private func hasRepeatedKeys(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            object.dictionary.count != object.count || object.members.contains { hasRepeatedKeys($0.value) }
        case .array(let elements): elements.contains(where: hasRepeatedKeys)
        default: false
        }
    }

    /// Foundation hands booleans back as NSNumbers whose Objective-C type is "c".
    private func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    @Test func repeatedKeysKeepTheFirstValueAsJSONDecoderDoes() throws {
        #expect(try JSONReader.parse(Data(#"{"a":1,"a":2}"#.utf8))["a"] == .integer(1))
    }

    @Test(arguments: valid) func validDocumentsMatchFoundation(_ text: String) throws {
        let data = Data(text.utf8)
        let ours = try JSONReader.parse(data)
        let theirs = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        #expect(same(ours, theirs), "\(text)")
    }

    @Test(arguments: invalid) func invalidDocumentsAreRefused(_ text: String) {
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Data(text.utf8)) }
    }

    @Test func integersStayExact() throws {
        let value = try JSONReader.parse(Data(#"{"id":-1001234567890123,"f":2.5}"#.utf8))
        #expect(value["id"] == .integer(-1_001_234_567_890_123))
        #expect(value["f"] == .double(2.5))
        // Past Int64 a number is read as a double (Foundation keeps a decimal); ids never get there.
        #expect(try JSONReader.parse(Data("12345678901234567890123".utf8)) == .double(12_345_678_901_234_567_890_123))
    }

    /// Damaged answers (bytes dropped, changed or cut) never crash the reader, and whatever it
    /// accepts Foundation accepts too, with the same content. (Broken UTF-8 differs on purpose:
    /// the reader replaces it, as `String(decoding:)` does, where Foundation refuses the document.)
    @Test func damagedDocumentsAreRefusedOrReadAlike() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]",:\ 0123456789.eE+-truefalsnl"#.utf8) + [0x01, 0xD0, 0x96]
        for seed in Self.valid {
            let original = Array(seed.utf8)
            for _ in 0..<300 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes.remove(at: index)
                    case 1: bytes[index] = alphabet.randomElement(using: &generator)!
                    default: bytes = Array(bytes[..<index])
                    }
                }
                let data = Data(bytes)
                guard let ours = try? JSONReader.parse(data), String(bytes: bytes, encoding: .utf8) != nil,
                      !hasRepeatedKeys(ours) else { continue }
                let theirs = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                #expect(same(ours, theirs), "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
