/// Turning a valid input into a stored answer, per kind of step.
extension Turn {
    mutating func answerTyped(_ text: String, step: Step, position: Position, cursor: Cursor) {
        switch step.kind {
        case .choice(let spec):
            let typed = text.lowercased()
            if let index = spec.options.firstIndex(where: { $0.text.string(in: language).lowercased() == typed }) {
                return recordButtonValue(index, step: step, position: position, cursor: cursor)
            }
            notice(.useButtons)
        case .yesNo:
            guard let yes = InputParsing.parseYesNo(text) else { return notice(.useButtons) }
            recordButtonValue(yes ? 0 : 1, step: step, position: position, cursor: cursor)
        case .scale(let scale):
            guard let (value, _) = InputParsing.parseNumber(text, decimals: false),
                  value >= Double(scale.min), value <= Double(scale.max) else {
                return notice(.wholeNumber(min: Double(scale.min), max: Double(scale.max)))
            }
            recordButtonValue(Int(value) - scale.min, step: step, position: position, cursor: cursor)
        case .integer(let spec), .number(let spec):
            let decimals: Bool = if case .number = step.kind { true } else { false }
            guard let (value, canonical) = InputParsing.parseNumber(text, decimals: decimals),
                  spec.min.map({ value >= $0 }) ?? true, spec.max.map({ value <= $0 }) ?? true else {
                return notice(expectation(for: step))
            }
            let label = decimals && language != .en ? String(canonical.map { $0 == "." ? "," : $0 }) : canonical
            record(canonical, label: label, step: step, position: position, cursor: cursor, hadButtons: step.isOptional)
        case .date(let spec):
            let today = CivilDate(now, in: context.timeZone)
            guard let date = InputParsing.parseDate(text, today: today) else { return notice(.date) }
            if spec.pastOnly, today < date { return notice(.dateInFuture) }
            record(date.iso, label: date.display, step: step, position: position, cursor: cursor, hadButtons: step.isOptional)
        case .text(let spec):
            guard !text.isEmpty else { return notice(.sendTextUpTo(max: spec.maxLength)) }
            let length = InputParsing.fits(text, within: spec.maxLength)
            guard length.fits else { return notice(.textTooLong(count: length.count, max: spec.maxLength)) }
            let hadButtons = !buttons(for: step, at: cursor).isEmpty
            record(text, label: text, step: step, position: position, cursor: cursor, hadButtons: hadButtons)
        case .multiChoice, .info, .repeatGroup, .review:
            notice(.useButtons)
        }
    }

    mutating func pressed(_ optionId: String, step: Step, position: Position, cursor: Cursor) {
        switch step.kind {
        case .choice(let spec):
            if optionId == ReservedOption.other, spec.allowsOther {
                return askOther(selection: [ReservedOption.other], label: EngineText.otherButton.string(language), position: position)
            }
            guard let index = step.rendering.valueIndex(of: optionId) else { return stale() }
            recordButtonValue(index, step: step, position: position, cursor: cursor)
        case .multiChoice(let spec):
            toggleOrConfirm(optionId, spec: spec, step: step, position: position, cursor: cursor)
        case .yesNo, .scale:
            guard let index = step.rendering.valueIndex(of: optionId) else { return stale() }
            recordButtonValue(index, step: step, position: position, cursor: cursor)
        case .text(let spec):
            guard optionId == ReservedOption.prefill, let field = spec.prefill,
                  let value = profileValue(field), !value.isEmpty else { return stale() }
            record(value, label: value, step: step, position: position, cursor: cursor, hadButtons: true)
        case .review:
            reviewPressed(optionId, position: position)
        case .info, .repeatGroup, .integer, .number, .date:
            stale()
        }
    }

    /// Records the answer of a choice, yes/no or scale step from its ready-made value, label and display.
    private mutating func recordButtonValue(_ index: Int, step: Step, position: Position, cursor: Cursor) {
        let rendering = step.rendering
        let label = rendering.valueLabels[language.ordinal][index]
        let display = rendering.answeredDisplays[language.ordinal]?[index] ?? answeredDisplay(of: position, answer: label, cursor: cursor)
        outputs.append(.answered(stepId: step.id, display: display))
        record(rendering.values[index], label: label, step: step, position: position, cursor: cursor, hadButtons: false)
    }

    private mutating func toggleOrConfirm(_ optionId: String, spec: ChoiceSpec, step: Step, position: Position, cursor: Cursor) {
        if optionId == ReservedOption.done {
            guard !state.selection.isEmpty else {
                return step.isOptional ? skip(at: position, cursor: cursor) : notice(.chooseAtLeastOne)
            }
            let chosen = orderedSelection(spec)
            let labels = chosen.map { id in
                id == ReservedOption.other ? EngineText.otherButton.string(language) : spec.option(id: id)?.text.string(in: language) ?? id
            }
            if chosen.contains(ReservedOption.other) {
                return askOther(selection: chosen, label: labels.joined(separator: ", "), position: position)
            }
            return record(chosen.joined(separator: ","), label: labels.joined(separator: ", "),
                          step: step, position: position, cursor: cursor, hadButtons: true)
        }
        guard spec.option(id: optionId) != nil || (optionId == ReservedOption.other && spec.allowsOther) else { return stale() }
        if let index = state.selection.firstIndex(of: optionId) {
            state.selection.remove(at: index)
        } else {
            state.selection.append(optionId)
        }
        outputs.append(.updateButtons(prompt(at: position, cursor: cursor)))
    }

    /// Ticked options in the order the dialog lists them, "other" last.
    private func orderedSelection(_ spec: ChoiceSpec) -> [String] {
        var ordered: [String] = []
        ordered.reserveCapacity(state.selection.count)
        for option in spec.options where state.selection.contains(option.id) {
            ordered.append(option.id)
        }
        if state.selection.contains(ReservedOption.other) { ordered.append(ReservedOption.other) }
        return ordered
    }

    /// "Other (please specify)" was chosen: ask for the text, keeping the choice in `selection` until it comes.
    private mutating func askOther(selection: [String], label: String, position: Position) {
        outputs.append(.answered(stepId: position.stepId, display: answeredDisplay(of: position, answer: label)))
        rememberLeaving(position)
        state.selection = selection
        wait(at: Position(stepId: position.stepId, iteration: position.iteration, phase: .other))
    }

    mutating func completeOther(step: Step, cursor: Cursor, text: String) {
        guard let position = state.position else { return }
        let spec: ChoiceSpec
        switch step.kind {
        case .choice(let choice), .multiChoice(let choice): spec = choice
        default: return notice(.useButtons)
        }
        let selection = state.selection.isEmpty ? [ReservedOption.other] : state.selection
        let labels = selection.map { id in
            id == ReservedOption.other
                ? EngineText.otherLabel.string(language) + ": " + text
                : spec.option(id: id)?.text.string(in: language) ?? id
        }
        store(Answer(stepId: step.id, repeatIndex: cursor.iteration, value: selection.joined(separator: ","),
                     label: labels.joined(separator: ", "), otherText: text, answeredAt: now), step: step)
        rememberLeaving(position)
        proceed(to: successor(ofShown: cursor, step: step))
    }

    /// Stores the answer to the question at `position` and moves on.
    mutating func record(_ value: String, label: String?, step: Step, position: Position, cursor: Cursor, hadButtons: Bool) {
        if hadButtons {
            outputs.append(.answered(stepId: step.id, display: answeredDisplay(of: position, answer: label ?? EngineText.skipped.string(language), cursor: cursor)))
        }
        store(Answer(stepId: step.id, repeatIndex: cursor.iteration, value: value, label: label, answeredAt: now), step: step)
        rememberLeaving(position)
        proceed(to: successor(ofShown: cursor, step: step))
    }

    private mutating func store(_ answer: Answer, step: Step) {
        state.selection = []
        if let index = state.answerIndex(stepId: answer.stepId, repeatIndex: answer.repeatIndex) {
            state.answers[index] = answer
        } else {
            state.answers.append(answer)
        }
        guard let field = step.savesTo, !answer.isSkipped else { return }
        state.profileUpdates[field.rawValue] = answer.value
        if field == .language, let chosen = Language(rawValue: answer.value) {
            state.language = chosen
        }
    }
}
