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
        ["item10": 1, "item9": 0, "Zed": true, "a": false, "scope": ["chat_id": 1, "type": "chat"]] as [String: Any],
    ] }

    /// What the double records comes from parsed request bodies, whose numbers are NSNumbers.
    @Test func parsedBodiesKeepTheirNumbers() throws {
        let body = #"{"scope":{"type":"chat","chat_id":1},"ids":[0,1,2],"flag":true,"off":false,"item10":1,"item9":2,"Z":3}"#
        let parsed = try JSONSerialization.jsonObject(with: Data(body.utf8))
        let foundation = try JSONSerialization.data(withJSONObject: parsed, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(TelegramJSON.encode(parsed) == Array(foundation), "\(String(decoding: foundation, as: UTF8.self))")
        #expect(String(decoding: TelegramJSON.encode(parsed), as: UTF8.self).contains(#""chat_id":1"#))
    }

    @Test func bytesMatchJSONSerialization() throws {
        for value in Self.values {
            let foundation = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(TelegramJSON.encode(value) == Array(foundation), "\(String(decoding: foundation, as: UTF8.self))")
        }
    }
}
