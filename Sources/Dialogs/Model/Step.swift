/// One question or message of a dialog, as written in its YAML file.
/// A class so the engine passes steps around with one reference count instead of copying every field.
public final class Step: Sendable {
    public let id: String
    public let kind: StepKind
    /// The question or message; `nil` only for `repeat` and `review`, which then use the engine's wording.
    public let text: LocalizedText?
    /// A short name for the review list and the Edit buttons; defaults to the start of `text`.
    public let label: LocalizedText?
    /// `when`: the step is asked only if this holds.
    public let condition: Condition?
    /// `next`: the first jump whose condition holds decides the following step.
    public let jumps: [Jump]
    /// `optional: true`: the person may skip it.
    public let isOptional: Bool
    /// `saves_to`: the answer also updates this profile field.
    public let savesTo: ProfileField?
    /// Line of the step in its file.
    public let line: Int

    /// Texts and buttons per language, built once at load time.
    let rendering: StepRendering

    init(id: String, kind: StepKind, text: LocalizedText?, label: LocalizedText?, condition: Condition?,
         jumps: [Jump], isOptional: Bool, savesTo: ProfileField?, line: Int) {
        self.id = id
        self.kind = kind
        self.text = text
        self.label = label
        self.condition = condition
        self.jumps = jumps
        self.isOptional = isOptional
        self.savesTo = savesTo
        self.line = line
        rendering = StepRendering(id: id, kind: kind, text: text, label: label, isOptional: isOptional)
    }

    /// Whether the person answers this step (as opposed to info, repeat and review).
    public var takesAnswer: Bool {
        switch kind {
        case .info, .repeatGroup, .review: false
        default: true
        }
    }

    /// The steps of a repeat group, or none.
    public var innerSteps: [Step] {
        if case .repeatGroup(let group) = kind { group.steps } else { [] }
    }
}
