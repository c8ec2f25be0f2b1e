/// Where a conversation is waiting: a step (and repeat round), and what about it is being asked.
/// Encoded as one short string, e.g. `topic`, `what#1`, `topic+other`, `incidents#0+more`, `review+edit`.
public struct Position: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// What is being asked at the step.
    public enum Phase: String, Sendable {
        /// The step's own question (or the review).
        case question
        /// The follow-up text after "Other (please specify)".
        case other
        /// "Add another?" after a round of a repeat group (step id is the group's).
        case addAnother = "more"
        /// The list of answers to change, after Edit on the review.
        case editSelect = "edit"
    }

    public var stepId: String
    public var iteration: Int?
    public var phase: Phase

    public init(stepId: String, iteration: Int? = nil, phase: Phase = .question) {
        self.stepId = stepId
        self.iteration = iteration
        self.phase = phase
    }

    public var description: String {
        var text = stepId
        if let iteration { text += "#\(iteration)" }
        if phase != .question { text += "+" + phase.rawValue }
        return text
    }

    public init?(encoded: String) {
        var rest = Substring(encoded)
        var phase = Phase.question
        if let plus = rest.firstIndex(of: "+") {
            guard let parsed = Phase(rawValue: String(rest[rest.index(after: plus)...])) else { return nil }
            phase = parsed
            rest = rest[..<plus]
        }
        var iteration: Int?
        if let hash = rest.firstIndex(of: "#") {
            guard let parsed = Int(rest[rest.index(after: hash)...]), parsed >= 0 else { return nil }
            iteration = parsed
            rest = rest[..<hash]
        }
        guard !rest.isEmpty else { return nil }
        self.init(stepId: String(rest), iteration: iteration, phase: phase)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let encoded = try container.decode(String.self)
        guard let position = Position(encoded: encoded) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a dialog position")
        }
        self = position
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
