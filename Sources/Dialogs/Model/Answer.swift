import Foundation

/// One answer as it is stored: machine value for counting, label for people.
public struct Answer: Codable, Sendable, Equatable {
    public var stepId: String
    /// Which round of a repeat group (0-based); `nil` outside groups.
    public var repeatIndex: Int?
    /// Option id, comma-joined option ids, a number, an ISO `yyyy-MM-dd` date or text; empty when skipped.
    /// A chosen "other" option appears as `_other`.
    public var value: String
    /// What the person saw or typed, in their language; `nil` when skipped.
    public var label: String?
    /// The text typed after choosing "Other (please specify)".
    public var otherText: String?
    public var answeredAt: Date

    public init(stepId: String, repeatIndex: Int?, value: String, label: String?, otherText: String? = nil, answeredAt: Date) {
        self.stepId = stepId
        self.repeatIndex = repeatIndex
        self.value = value
        self.label = label
        self.otherText = otherText
        self.answeredAt = answeredAt
    }

    /// The person pressed Skip.
    public var isSkipped: Bool { value.isEmpty }

    enum CodingKeys: String, CodingKey {
        case stepId = "step", repeatIndex = "i", value, label, otherText = "other", answeredAt = "at"
    }
}
