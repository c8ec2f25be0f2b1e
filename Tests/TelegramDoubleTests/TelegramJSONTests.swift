import Foundation
import Testing
@testable import TelegramDouble

/// The double writes its JSON directly; the bytes are what JSONSerialization gives with sorted
/// keys and unescaped slashes, so recorded parameters read exactly as before.
@Suite struct TelegramJSONTests {
    static var values: [Any] { [
        ["ok": true, "result": ["message_id": 5, "date": 1_763_700_000, "chat": ["id": -1_001_234_567_890, "type": "supergroup"]]],
        ["text": "Вопрос <b>1</b> 🌷 \"quoted\" back\\slash a/b\nline\ttab\r\u{01}\u{1F}\u{08}\u{0C}", "z": NSNull(), "a": false],
        ["inline_keyboard": [[["text": "Да", "callback_data": "k1|9|q|yes"]], []], "empty": [String: Any]()],
        [1, "two", ["three": 3], [Int64.max, Int64.min], 0, -7] as [Any],
        ["n": NSNumber(value: 3), "b": NSNumber(value: true), "d": NSNumber(value: 2.5)],
    ] }

    @Test func bytesMatchJSONSerialization() throws {
        for value in Self.values {
            let foundation = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(TelegramJSON.encode(value) == Array(foundation), "\(String(decoding: foundation, as: UTF8.self))")
        }
    }
}
