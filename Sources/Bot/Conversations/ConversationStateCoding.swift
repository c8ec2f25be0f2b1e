import Dialogs
import Foundation
import Telegram

/// A conversation's stored state: `ConversationState`'s Codable JSON (dates as seconds since
/// 2001, as `JSONEncoder` writes them), written and read directly. The state is read and written
/// on every answer, and Foundation's encoder and decoder cost more than the engine's step.
/// A state this cannot read goes through Codable; a test holds both paths equal.
enum ConversationStateCoding {
    static func encode(_ state: ConversationState) throws -> Data {
        var writer = JSONBodyWriter(capacity: 512)
        writer.object {
            $0.member("dialog", state.dialogId)
            $0.member("version", state.version)
            $0.member("lang", state.language.rawValue)
            $0.member("at", state.position?.description)
            if !state.history.isEmpty { $0.member("history") { $0.array(state.history) { $0.string($1.description) } } }
            if !state.answers.isEmpty { $0.member("answers") { $0.array(state.answers) { write($1, to: &$0) } } }
            if !state.selection.isEmpty { $0.member("sel") { $0.array(state.selection) { $0.string($1) } } }
            $0.member("started", state.startedAt.timeIntervalSinceReferenceDate)
            $0.member("expires", state.expiresAt?.timeIntervalSinceReferenceDate)
            if state.nudged { $0.member("nudged", true) }
            if state.editing { $0.member("editing", true) }
            if state.revisited { $0.member("revisited", true) }
            if !state.profileUpdates.isEmpty {
                $0.member("profile") { writer in
                    writer.object {
                        for (key, value) in state.profileUpdates.sorted(by: { $0.key < $1.key }) {
                            $0.key(key)
                            $0.string(value)
                        }
                    }
                }
            }
            $0.member("finished", state.finished?.rawValue)
        }
        // A date that is not a finite number: let JSONEncoder refuse it with its own error.
        if writer.hasInvalidNumber { return try JSONEncoder().encode(state) }
        return Data(writer.bytes)
    }

    static func decode(_ data: Data) throws -> ConversationState {
        if let json = try? JSONReader.parse(data), let state = try? read(json) { return state }
        return try JSONDecoder().decode(ConversationState.self, from: data)
    }

    private static func write(_ answer: Answer, to writer: inout JSONBodyWriter) {
        writer.object {
            $0.member("step", answer.stepId)
            $0.member("i", answer.repeatIndex)
            $0.member("value", answer.value)
            $0.member("label", answer.label)
            $0.member("other", answer.otherText)
            $0.member("at", answer.answeredAt.timeIntervalSinceReferenceDate)
        }
    }

    static func read(_ json: JSONValue) throws(JSONShapeError) -> ConversationState {
        guard let language = Language(rawValue: try json.required("lang").string()) else { throw JSONShapeError("language") }
        var state = ConversationState(dialogId: try json.required("dialog").string(), version: try json.required("version").string(),
                                      language: language, startedAt: try date(json.required("started")),
                                      expiresAt: try json.optional("expires").map(date))
        state.position = try json.optional("at").map(position)
        state.history = try json.optional("history")?.array().map(position) ?? []
        state.answers = try json.optional("answers")?.array().map(answer) ?? []
        state.selection = try json.optional("sel")?.array().map { value throws(JSONShapeError) in try value.string() } ?? []
        state.nudged = try json.optional("nudged")?.bool() ?? false
        state.editing = try json.optional("editing")?.bool() ?? false
        state.revisited = try json.optional("revisited")?.bool() ?? false
        if let profile = json.optional("profile") {
            guard case .object(let object) = profile else { throw JSONShapeError("profile") }
            for (key, value) in object.dictionary { state.profileUpdates[key] = try value.string() }
        }
        if let finished = json.optional("finished") {
            guard let completion = Completion(rawValue: try finished.string()) else { throw JSONShapeError("finished") }
            state.finished = completion
        }
        return state
    }

    private static func answer(_ json: JSONValue) throws(JSONShapeError) -> Answer {
        Answer(stepId: try json.required("step").string(), repeatIndex: try json.optional("i")?.int(),
               value: try json.required("value").string(), label: try json.optional("label")?.string(),
               otherText: try json.optional("other")?.string(), answeredAt: try date(json.required("at")))
    }

    private static func position(_ json: JSONValue) throws(JSONShapeError) -> Position {
        guard let position = Position(encoded: try json.string()) else { throw JSONShapeError("position") }
        return position
    }

    /// Seconds since 2001, as `JSONEncoder` writes a `Date` by default; whole seconds may read as integers.
    private static func date(_ json: JSONValue) throws(JSONShapeError) -> Date {
        switch json {
        case .double(let seconds): return Date(timeIntervalSinceReferenceDate: seconds)
        case .integer(let seconds): return Date(timeIntervalSinceReferenceDate: Double(seconds))
        default: throw JSONShapeError("not a date")
        }
    }
}
