/// Reserved option ids of the engine's own buttons; staff ids may not start with `_`.
enum ReservedOption {
    static let skip = "_skip"
    static let done = "_done"
    static let other = "_other"
    static let send = "_send"
    static let edit = "_edit"
    static let addAnother = "_add"
    static let noMore = "_stop"
    static let backToReview = "_back"
    static let prefill = "_prefill"
    static let editPrefix = "_e"
}

/// How the buttons of each kind of question are laid out.
enum ButtonLayout {
    static let maxLabelLength = 64
    static let tick = "✓ "

    static func initialRows(kind: StepKind, isOptional: Bool, language: Language) -> [[Button]] {
        var rows: [[Button]]
        switch kind {
        case .choice(let spec):
            rows = spec.options.map { [Button(optionId: $0.id, label: $0.text.string(in: language))] }
            if spec.allowsOther { rows.append([Button(optionId: ReservedOption.other, label: EngineText.otherButton.string(language))]) }
        case .multiChoice(let spec):
            return multiChoiceRows(spec: spec, selection: [], isOptional: isOptional, language: language)
        case .yesNo:
            rows = [[Button(optionId: "yes", label: EngineText.yes.string(language)),
                     Button(optionId: "no", label: EngineText.no.string(language))]]
        case .scale(let scale):
            let points = (scale.min...scale.max).map { Button(optionId: String($0), label: String($0)) }
            rows = points.count <= 6 ? [points] : [Array(points.prefix((points.count + 1) / 2)), Array(points.dropFirst((points.count + 1) / 2))]
        case .info, .repeatGroup, .review:
            return []
        case .integer, .number, .date, .text:
            rows = []
        }
        if isOptional { rows.append([Button(optionId: ReservedOption.skip, label: EngineText.skip.string(language))]) }
        return rows
    }

    /// One row per option with a tick on the chosen ones; "Done" is always the last button.
    static func multiChoiceRows(spec: ChoiceSpec, selection: [String], isOptional: Bool, language: Language) -> [[Button]] {
        var rows: [[Button]] = spec.options.map { option in
            let label = option.text.string(in: language)
            return [Button(optionId: option.id, label: selection.contains(option.id) ? tick + label : label)]
        }
        if spec.allowsOther {
            let label = EngineText.otherButton.string(language)
            rows.append([Button(optionId: ReservedOption.other, label: selection.contains(ReservedOption.other) ? tick + label : label)])
        }
        if isOptional { rows.append([Button(optionId: ReservedOption.skip, label: EngineText.skip.string(language))]) }
        rows.append([Button(optionId: ReservedOption.done, label: EngineText.done.string(language))])
        return rows
    }

    /// A button label cut to Telegram's comfortable maximum.
    static func fit(_ label: String) -> String {
        label.count <= maxLabelLength ? label : String(label.prefix(maxLabelLength - 1)) + "…"
    }
}

/// The start of a question, cut at a word, for the review list when staff gave no `label`.
enum ShortLabel {
    static let maxLength = 48

    static func make(from text: String) -> String {
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        guard firstLine.count > maxLength else { return firstLine }
        let cut = firstLine.prefix(maxLength - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > maxLength / 2 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }
}
