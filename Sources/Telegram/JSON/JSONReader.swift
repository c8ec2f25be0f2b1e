import Foundation

/// Parses JSON text (RFC 8259) into a `JSONValue`. Strict: trailing commas, comments, single
/// quotes, bare control characters in strings and text after the value are errors.
public enum JSONReader {
    public struct SyntaxError: Error, Equatable {
        /// Byte offset where reading stopped.
        public let offset: Int
    }

    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 128

    public static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        let result: Result<JSONValue, SyntaxError> = data.withUnsafeBytes { raw in
            var parser = Parser(bytes: raw.bindMemory(to: UInt8.self))
            do throws(SyntaxError) {
                parser.skipWhitespace()
                let value = try parser.value(depth: 0)
                parser.skipWhitespace()
                guard parser.position == parser.bytes.count else { throw SyntaxError(offset: parser.position) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private func failure() -> SyntaxError { SyntaxError(offset: position) }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < JSONReader.maximumDepth, let byte = current else { throw failure() }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw failure()
            }
        }

        private mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            position += 1
            var members = JSONObject()
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw failure() }
                let key = try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw failure() }
                position += 1
                skipWhitespace()
                members.append(key, try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"): position += 1; return .object(members)
                default: throw failure()
                }
            }
        }

        private mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"): position += 1; return .array(elements)
                default: throw failure()
                }
            }
        }

        private mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw failure() }
            for index in 0..<count where bytes[position + index] != word.utf8Start[index] { throw failure() }
            position += count
        }

        private mutating func number() throws(SyntaxError) -> JSONValue {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, isDigit(first) else { throw failure() }
            if first == UInt8(ascii: "0") {
                position += 1
            } else {
                while let byte = current, isDigit(byte) { position += 1 }
            }
            var integral = true
            if current == UInt8(ascii: ".") {
                integral = false
                position += 1
                guard let byte = current, isDigit(byte) else { throw failure() }
                while let byte = current, isDigit(byte) { position += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                integral = false
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard let byte = current, isDigit(byte) else { throw failure() }
                while let byte = current, isDigit(byte) { position += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if integral, let value = Int64(text) { return .integer(value) }
            guard let value = Double(text), value.isFinite else { throw SyntaxError(offset: start) }
            return .double(value)
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        /// A string at `position` (on its opening quote). Escapes are decoded; invalid UTF-8 is
        /// replaced, as `String(decoding:)` does.
        private mutating func string() throws(SyntaxError) -> String {
            position += 1
            let start = position
            // The common case, no escapes: one copy of the bytes.
            while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                guard byte >= 0x20 else { throw failure() }
                position += 1
            }
            guard let stop = current else { throw failure() }
            if stop == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(decoding: decoded, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    position += 1
                    try escape(into: &decoded)
                case 0..<0x20:
                    throw failure()
                default:
                    decoded.append(byte)
                    position += 1
                }
            }
            throw failure()
        }

        private mutating func escape(into decoded: inout [UInt8]) throws(SyntaxError) {
            guard let byte = current else { throw failure() }
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(try hex4())
                // A surrogate pair spells one character outside the Basic Multilingual Plane (emoji);
                // half a pair is refused, as Foundation does.
                if (0xD800..<0xDC00).contains(scalar) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u") else { throw failure() }
                    position += 2
                    let low = UInt32(try hex4())
                    guard (0xDC00..<0xE000).contains(low) else { throw failure() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let character = Unicode.Scalar(scalar) else { throw failure() }
                UTF8.encode(character) { decoded.append($0) }
            default:
                throw SyntaxError(offset: position - 1)
            }
        }

        private mutating func hex4() throws(SyntaxError) -> UInt16 {
            guard position + 4 <= bytes.count else { throw failure() }
            var value: UInt16 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw failure()
                }
                value = value << 4 | UInt16(digit)
                position += 1
            }
            return value
        }
    }
}
