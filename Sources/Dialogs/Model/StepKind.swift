/// What kind of answer a step takes, with its settings.
public enum StepKind: Sendable {
    case info
    case choice(ChoiceSpec)
    case multiChoice(ChoiceSpec)
    case yesNo
    case scale(ScaleSpec)
    case integer(NumberSpec)
    case number(NumberSpec)
    case date(DateSpec)
    case text(TextSpec)
    case repeatGroup(RepeatGroup)
    case review

    /// The name staff write in `type:`.
    public var typeName: String {
        switch self {
        case .info: "info"
        case .choice: "choice"
        case .multiChoice: "multi_choice"
        case .yesNo: "yes_no"
        case .scale: "scale"
        case .integer: "integer"
        case .number: "number"
        case .date: "date"
        case .text: "text"
        case .repeatGroup: "repeat"
        case .review: "review"
        }
    }

    static let typeNames = ["info", "choice", "multi_choice", "yes_no", "scale", "integer", "number", "date", "text", "repeat", "review"]

    var isReview: Bool {
        if case .review = self { true } else { false }
    }

    /// Steps answered with buttons only (typed text gets "please use the buttons").
    var answersWithButtons: Bool {
        switch self {
        case .choice, .multiChoice, .yesNo, .scale: true
        default: false
        }
    }
}

/// The options of a `choice` or `multi_choice` step.
public struct ChoiceSpec: Sendable {
    public let options: [ChoiceOption]
    /// `other: true`: adds "Other (please specify)", which asks a follow-up text.
    public let allowsOther: Bool

    init(options: [ChoiceOption], allowsOther: Bool) {
        self.options = options
        self.allowsOther = allowsOther
    }

    func option(id: String) -> ChoiceOption? {
        options.first { $0.id == id }
    }
}

/// One button of a choice.
public struct ChoiceOption: Sendable {
    public let id: String
    public let text: LocalizedText
    public let line: Int
}

/// A `scale` step: whole numbers from `min` to `max`, one button each, with optional labels.
public struct ScaleSpec: Sendable {
    public let min: Int
    public let max: Int
    /// Labels of some or all points, shown as a legend under the question.
    public let labels: [Int: LocalizedText]
}

/// An `integer` or `number` step's allowed range.
public struct NumberSpec: Sendable {
    public let min: Double?
    public let max: Double?
}

/// A `date` step's settings.
public struct DateSpec: Sendable {
    /// `past_only: true`: dates after today are refused.
    public let pastOnly: Bool
}

/// A `text` step's settings.
public struct TextSpec: Sendable {
    public static let defaultMaxLength = 1000
    public let maxLength: Int
    /// `prefill`: offers the profile's value as a one-tap button.
    public let prefill: ProfileField?
}

/// A block of steps asked again while the person chooses "add another".
public struct RepeatGroup: Sendable {
    public static let defaultMaxIterations = 10
    public let steps: [Step]
    public let maxIterations: Int
}
