import Dialogs
import Foundation
import Telegram
import Testing
@testable import Bot

/// Conversation states written and read directly are exactly `ConversationState`'s Codable JSON,
/// so states stored by an older version go on where they were.
@Suite struct ConversationStateCodingTests {
    static var states: [ConversationState] {
        let start = Date(timeIntervalSinceReferenceDate: 785_000_000.123_456)
        var fresh = ConversationState(dialogId: "checkin", version: "3", language: .ru, startedAt: start, expiresAt: nil)
        fresh.position = Position(stepId: "topic")
        var busy = ConversationState(dialogId: "monitoring", version: "a1b2", language: .ky, startedAt: start,
                                     expiresAt: start.addingTimeInterval(86_400 * 3))
        busy.position = Position(stepId: "incidents", iteration: 1, phase: .addAnother)
        busy.history = [Position(stepId: "city"), Position(stepId: "what", iteration: 0, phase: .other), Position(stepId: "review", phase: .editSelect)]
        busy.answers = [
            Answer(stepId: "city", repeatIndex: nil, value: "Бишкек \"центр\"", label: "Бишкек", answeredAt: start.addingTimeInterval(1.5)),
            Answer(stepId: "what", repeatIndex: 0, value: "_other", label: "Другое", otherText: "строка\nс переносом 🌷",
                   answeredAt: start.addingTimeInterval(60)),
            Answer(stepId: "skipped", repeatIndex: 2, value: "", label: nil, answeredAt: Date(timeIntervalSinceReferenceDate: 785_000_000)),
        ]
        busy.selection = ["a", "_other"]
        busy.nudged = true
        busy.editing = true
        busy.revisited = true
        busy.profileUpdates = ["language": "ky", "alias": "Айгуль \\ 1"]
        var done = busy
        done.position = nil
        done.finished = .expired
        return [fresh, busy, done]
    }

    @Test func writtenJSONIsCodablesJSON() throws {
        for state in Self.states {
            let direct = try JSONSerialization.jsonObject(with: ConversationStateCoding.encode(state)) as? NSDictionary
            let codable = try JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as? NSDictionary
            #expect(direct != nil && direct == codable)
        }
    }

    @Test func everyPathReadsBackTheSameState() throws {
        for state in Self.states {
            #expect(try ConversationStateCoding.decode(ConversationStateCoding.encode(state)) == state)
            #expect(try ConversationStateCoding.decode(JSONEncoder().encode(state)) == state)
            #expect(try JSONDecoder().decode(ConversationState.self, from: ConversationStateCoding.encode(state)) == state)
        }
    }

    @Test func statesTakeTheDirectReader() throws {
        for state in Self.states {
            #expect(try ConversationStateCoding.read(JSONReader.parse(ConversationStateCoding.encode(state))) == state)
            #expect(try ConversationStateCoding.read(JSONReader.parse(JSONEncoder().encode(state))) == state)
        }
    }

    @Test func aDateThatIsNotANumberIsRefusedNotWrittenBroken() {
        let state = ConversationState(dialogId: "x", version: "1", language: .ru, startedAt: Date(timeIntervalSinceReferenceDate: .nan),
                                      expiresAt: nil)
        #expect(throws: (any Error).self) { try ConversationStateCoding.encode(state) }
    }

    @Test func aBrokenStateIsAnError() {
        #expect(throws: (any Error).self) { try ConversationStateCoding.decode(Data(#"{"dialog":"x"}"#.utf8)) }
    }
}
