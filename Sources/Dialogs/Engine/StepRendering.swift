/// Everything about a step's display that depends only on the step and the language, built once at load time.
///
/// Button answers (choice, yes/no, scale) have a small, known set of values, so their label, the text of the
/// answered question and their review line are ready-made strings; the engine only looks them up.
final class StepRendering: Sendable {
    /// Per language ordinal.
    let prompts: [TextTemplate]
    let buttonRows: [[[Button]]]
    let shortLabels: [String]
    /// `\n<b>Label:</b> `: the start of this step's line in the review.
    let reviewLinePrefixes: [String]
    /// The question followed by `\n\n✓ <b>`, when the question has no placeholders.
    let answeredPrefixes: [String?]
    /// Per language, per answer value (options in order; yes, no; scale points from min): the label stored with the answer.
    let valueLabels: [[String]]
    /// Same indexing: the full text of the answered question, when the question has no placeholders.
    let answeredDisplays: [[String]?]
    /// Same indexing: the answer's line in the review.
    let reviewLines: [[String]]
    /// Multi-choice only: each choice's row unticked and ticked, their ids, then the fixed last rows.
    let choiceRows: [(plain: [[Button]], ticked: [[Button]], ids: [String], tail: [[Button]])]

    /// The machine values of a button step, in the order of `valueLabels`.
    let values: [String]

    init(id: String, kind: StepKind, text: LocalizedText?, label: LocalizedText?, isOptional: Bool) {
        let languages = Language.allCases
        prompts = languages.map { PromptText.build(kind: kind, text: text, language: $0) }
        buttonRows = languages.map { ButtonLayout.initialRows(kind: kind, isOptional: isOptional, language: $0) }
        let shortLabels = languages.map { language in
            label?.string(in: language) ?? ShortLabel.make(from: text?.string(in: language) ?? id)
        }
        self.shortLabels = shortLabels
        let prefixes = shortLabels.map { "\n<b>" + HTML.escape($0) + ":</b> " }
        reviewLinePrefixes = prefixes

        let prompts = self.prompts
        answeredPrefixes = languages.map { language in
            guard let constant = prompts[language.ordinal].constant, constant.utf8.count <= AnsweredText.questionLimit else { return nil }
            return constant + AnsweredText.opening
        }
        values = Self.buttonValues(kind)
        let valueLabels = languages.map { Self.buttonLabels(kind, language: $0) }
        self.valueLabels = valueLabels
        let answeredPrefixes = self.answeredPrefixes
        answeredDisplays = languages.map { language in
            answeredPrefixes[language.ordinal].map { prefix in
                valueLabels[language.ordinal].map { prefix + HTML.escape($0) + AnsweredText.closing }
            }
        }
        reviewLines = languages.map { language in
            valueLabels[language.ordinal].map { prefixes[language.ordinal] + HTML.escape($0) }
        }
        choiceRows = languages.map { language in
            guard case .multiChoice(let spec) = kind else { return ([], [], [], []) }
            let ids = spec.options.map(\.id) + (spec.allowsOther ? [ReservedOption.other] : [])
            let plain = ButtonLayout.multiChoiceRows(spec: spec, selection: [], isOptional: isOptional, language: language)
            let ticked = ButtonLayout.multiChoiceRows(spec: spec, selection: ids, isOptional: isOptional, language: language)
            return (Array(plain.prefix(ids.count)), Array(ticked.prefix(ids.count)), ids, Array(plain.dropFirst(ids.count)))
        }
    }

    private static func buttonValues(_ kind: StepKind) -> [String] {
        switch kind {
        case .choice(let spec): spec.options.map(\.id)
        case .yesNo: ["yes", "no"]
        case .scale(let scale): (scale.min...max(scale.min, scale.max)).map(String.init)
        default: []
        }
    }

    private static func buttonLabels(_ kind: StepKind, language: Language) -> [String] {
        switch kind {
        case .choice(let spec):
            return spec.options.map { $0.text.string(in: language) }
        case .yesNo:
            return [EngineText.yes.string(language), EngineText.no.string(language)]
        case .scale(let scale):
            return (scale.min...max(scale.min, scale.max)).map { point in
                scale.labels[point].map { "\(point) — " + $0.string(in: language) } ?? String(point)
            }
        default:
            return []
        }
    }

    /// Index of a button step's answer value in `values`, without hashing.
    func valueIndex(of value: String) -> Int? {
        values.firstIndex(of: value)
    }

    /// Multi-choice buttons with a tick on each chosen option.
    func multiChoiceRows(ticked selection: [String], language: Language) -> [[Button]] {
        let rows = choiceRows[language.ordinal]
        var result: [[Button]] = []
        result.reserveCapacity(rows.ids.count + rows.tail.count)
        for (index, id) in rows.ids.enumerated() {
            result.append(selection.contains(id) ? rows.ticked[index] : rows.plain[index])
        }
        result += rows.tail
        return result
    }
}

/// How an answered question is shown: the question, then `✓ <b>answer</b>`.
enum AnsweredText {
    static let opening = "\n\n✓ <b>"
    static let closing = "</b>"
    /// Questions longer than this get cut so that the answer still fits in Telegram's 4096 characters.
    static let questionLimit = 4096 - 300 - 8
}
