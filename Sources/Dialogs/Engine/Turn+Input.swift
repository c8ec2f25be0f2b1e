/// Typed text, button presses and non-text messages, checked against what the current question expects.
extension Turn {
    mutating func receiveText(_ text: String, at position: Position, cursor: Cursor) {
        let step = dialog.step(at: cursor.address)
        switch position.phase {
        case .other:
            guard !text.isEmpty else { return notice(.sendText) }
            let length = InputParsing.fits(text, within: OtherText.maxLength)
            guard length.fits else { return notice(.textTooLong(count: length.count, max: OtherText.maxLength)) }
            completeOther(step: step, cursor: cursor, text: text)
        case .addAnother:
            guard let more = InputParsing.parseYesNo(text) else { return notice(.useButtons) }
            decideAddAnother(more, at: position, top: cursor.top, hadButtons: false)
        case .editSelect:
            notice(.useButtons)
        case .question:
            answerTyped(text, step: step, position: position, cursor: cursor)
        }
    }

    mutating func receiveButton(stepId: String, optionId: String, at position: Position, cursor: Cursor) {
        guard stepId == position.stepId else { return stale() }
        let step = dialog.step(at: cursor.address)
        switch position.phase {
        case .other:
            stale()
        case .addAnother:
            switch optionId {
            case ReservedOption.addAnother: decideAddAnother(true, at: position, top: cursor.top, hadButtons: true)
            case ReservedOption.noMore: decideAddAnother(false, at: position, top: cursor.top, hadButtons: true)
            default: stale()
            }
        case .editSelect:
            chooseEditTarget(optionId: optionId, at: position)
        case .question:
            if optionId == ReservedOption.skip {
                return step.isOptional ? skip(at: position, cursor: cursor) : stale()
            }
            pressed(optionId, step: step, position: position, cursor: cursor)
        }
    }

    mutating func refuseUnsupported(at position: Position, cursor: Cursor) {
        let step = dialog.step(at: cursor.address)
        switch position.phase {
        case .other: notice(.sendText)
        case .addAnother, .editSelect: notice(.useButtons)
        case .question: notice(expectation(for: step))
        }
    }

    /// What to tell someone whose answer did not fit the question.
    func expectation(for step: Step) -> EngineText {
        switch step.kind {
        case .integer(let spec): .wholeNumber(min: spec.min, max: spec.max)
        case .number(let spec): .number(min: spec.min, max: spec.max)
        case .date: .date
        case .text(let spec): .sendTextUpTo(max: spec.maxLength)
        default: .useButtons
        }
    }

    /// A press that is not for the current question: the state stays exactly as it was.
    mutating func stale() {
        outputs = [.staleButton]
    }
}

/// Limits on the text typed after "Other (please specify)".
enum OtherText {
    static let maxLength = 200
}
