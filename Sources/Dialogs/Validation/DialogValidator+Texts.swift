/// Texts, labels, options and per-type settings.
extension DialogValidator {
    mutating func checkLocalized(_ text: LocalizedText, what: String, owner: String, maxLength: Int) {
        for language in Language.allCases where text.has(language) {
            let count = text.string(in: language).count
            if count > maxLength {
                let limitKind = maxLength == Limits.buttonLabel ? "a button label" : "a message"
                error(text.line(in: language), "the \(language.rawValue) \(what) of \(owner) is \(count) characters; Telegram allows at most \(maxLength) in \(limitKind)")
            }
        }
        for language in draft.languages where !text.has(language) {
            warning(text.line(in: .ru), "\(owner) has no \(language.rawValue) \(what); the Russian text will be shown instead")
        }
    }

    mutating func checkTexts(of step: Step) {
        let owner = "step '\(step.id)'"
        if let text = step.text { checkLocalized(text, what: "text", owner: owner, maxLength: Limits.messageText) }
        if let label = step.label { checkLocalized(label, what: "label", owner: owner, maxLength: Limits.buttonLabel) }
        switch step.kind {
        case .choice(let spec), .multiChoice(let spec):
            for option in spec.options {
                checkLocalized(option.text, what: "text", owner: "option '\(option.id)' of \(owner)", maxLength: Limits.buttonLabel)
            }
        case .scale(let scale):
            for point in scale.labels.keys.sorted() {
                if let label = scale.labels[point] {
                    checkLocalized(label, what: "label", owner: "point \(point) of \(owner)", maxLength: Limits.buttonLabel)
                }
            }
        default:
            break
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func checkSettings(of step: Step, isTopLevel: Bool) {
        let name = "step '\(step.id)'"
        if step.isOptional, !step.takesAnswer {
            error(step.line, "'optional' only applies to questions; \(name) is a \(step.kind.typeName) step")
        }
        switch step.kind {
        case .choice(let spec), .multiChoice(let spec):
            checkOptions(spec, step: step)
        case .scale(let scale):
            if scale.min >= scale.max {
                error(step.line, "\(name): 'min' (\(scale.min)) must be below 'max' (\(scale.max))")
            } else if scale.max - scale.min + 1 > Limits.scalePoints {
                error(step.line, "\(name): a scale can have at most \(Limits.scalePoints) points, one button each")
            }
            for (point, label) in scale.labels where point < scale.min || point > scale.max {
                error(label.line(in: .ru), "\(name): label for \(point) is outside the scale \(scale.min)–\(scale.max)")
            }
        case .integer(let spec), .number(let spec):
            if let min = spec.min, let max = spec.max, min > max {
                error(step.line, "\(name): 'min' must not be above 'max'")
            }
        case .text(let spec):
            if spec.maxLength < 1 || spec.maxLength > Limits.textMaxLength {
                error(step.line, "\(name): 'max_length' must be between 1 and \(Limits.textMaxLength)")
            }
        case .repeatGroup(let group):
            if group.steps.isEmpty { error(step.line, "\(name): a repeat group needs at least one step") }
            if group.maxIterations < 1 || group.maxIterations > Limits.repeatRounds {
                error(step.line, "\(name): 'max' must be between 1 and \(Limits.repeatRounds)")
            }
        case .review:
            if !step.jumps.isEmpty, let jump = step.jumps.first {
                error(jump.line, "\(name): a review step cannot have 'next'; Send ends the dialog")
            }
        case .info, .yesNo, .date:
            break
        }
        checkSavesTo(step)
    }

    private mutating func checkOptions(_ spec: ChoiceSpec, step: Step) {
        let name = "step '\(step.id)'"
        let isMulti: Bool = if case .multiChoice = step.kind { true } else { false }
        if spec.options.count < (isMulti ? 2 : 1) {
            error(step.line, "\(name) needs at least \(isMulti ? 2 : 1) option\(isMulti ? "s" : "")")
        }
        let buttons = spec.options.count + (spec.allowsOther ? 1 : 0) + (step.isOptional ? 1 : 0) + (isMulti ? 1 : 0)
        if buttons > Limits.buttonsPerMessage {
            error(step.line, "\(name) has \(buttons) buttons; Telegram allows at most \(Limits.buttonsPerMessage)")
        }
        var seen: [String: Int] = [:]
        for option in spec.options {
            if option.id.hasPrefix("_") {
                error(option.line, "option id '\(option.id)' must not start with '_' (reserved for the bot's own buttons)")
            } else if !Limits.isValidId(option.id) {
                error(option.line, "option id '\(option.id)' must use only a-z, 0-9, '_' and '-'")
            } else if option.id.utf8.count > Limits.optionIdBytes {
                error(option.line, "option id '\(option.id)' is \(option.id.utf8.count) bytes; option ids must be at most \(Limits.optionIdBytes) bytes to fit in Telegram's 64-byte callback data")
            }
            if let first = seen[option.id] {
                error(option.line, "duplicate option id '\(option.id)' in \(name) (first used on line \(first))")
            } else {
                seen[option.id] = option.line
            }
        }
    }

    private mutating func checkSavesTo(_ step: Step) {
        guard let field = step.savesTo else { return }
        let name = "step '\(step.id)'"
        switch (field, step.kind) {
        case (.language, .choice(let spec)):
            for option in spec.options where Language(rawValue: option.id) == nil {
                error(option.line, "\(name) saves to 'language', so its option ids must be ru, ky or en")
            }
        case (.alias, .text), (.city, .text), (.consent, .choice), (.consent, .yesNo):
            break
        case (.language, _):
            error(step.line, "\(name): 'saves_to: language' needs a choice step with options ru, ky, en")
        case (.alias, _), (.city, _):
            error(step.line, "\(name): 'saves_to: \(field.rawValue)' needs a text step")
        case (.consent, _):
            error(step.line, "\(name): 'saves_to: consent' needs a choice or yes_no step")
        }
    }
}
