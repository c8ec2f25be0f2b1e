/// Rendering the question for a position: text in the person's language and its buttons.
extension Turn {
    /// Telegram's limit on a message's visible length.
    static let messageLimit = 4096

    /// `cursor`, when the caller already has it, saves looking the step up again.
    func prompt(at position: Position, cursor known: Cursor? = nil) -> Prompt {
        guard let cursor = known ?? cursor(for: position) else {
            return Prompt(stepId: position.stepId, text: "", buttons: [], acceptsText: false)
        }
        let step = dialog.step(at: cursor.address)
        switch position.phase {
        case .other:
            return Prompt(stepId: step.id, text: EngineText.specifyOther.string(language), buttons: [], acceptsText: true)
        case .addAnother:
            let rows = [[Button(optionId: ReservedOption.addAnother, label: EngineText.addAnother.string(language)),
                         Button(optionId: ReservedOption.noMore, label: EngineText.noMore.string(language))]]
            return Prompt(stepId: step.id, text: questionText(step, at: cursor), buttons: rows, acceptsText: false)
        case .editSelect:
            return editSelectPrompt(reviewStepId: step.id)
        case .question:
            if case .review = step.kind { return reviewPrompt(step: step, cursor: cursor) }
            return Prompt(stepId: step.id, text: questionText(step, at: cursor), buttons: buttons(for: step, at: cursor),
                          acceptsText: !step.kind.answersWithButtons)
        }
    }

    /// The step's text with placeholders filled in, escaped, within Telegram's limit.
    func questionText(_ step: Step, at cursor: Cursor) -> String {
        let text = render(step.rendering.prompts[language.ordinal], at: cursor)
        guard text.utf8.count > Self.messageLimit else { return text }
        return HTML.truncate(escaped: text, toVisible: Self.messageLimit)
    }

    func buttons(for step: Step, at cursor: Cursor) -> [[Button]] {
        switch step.kind {
        case .multiChoice where !state.selection.isEmpty:
            return step.rendering.multiChoiceRows(ticked: state.selection, language: language)
        case .text(let spec):
            guard let field = spec.prefill, let value = profileValue(field), !value.isEmpty else {
                return step.rendering.buttonRows[language.ordinal]
            }
            return [[Button(optionId: ReservedOption.prefill, label: ButtonLayout.fit(value))]] + step.rendering.buttonRows[language.ordinal]
        default:
            return step.rendering.buttonRows[language.ordinal]
        }
    }

    /// The full new text of a question message once answered: the question, then the answer in bold.
    func answeredDisplay(of position: Position, answer label: String, cursor known: Cursor? = nil) -> String {
        let escaped = HTML.escape(label, limit: Self.quotedAnswerLimit)
        if position.phase == .question, let cursor = known ?? cursor(for: position) {
            let step = dialog.step(at: cursor.address)
            if let prefix = step.rendering.answeredPrefixes[language.ordinal] {
                return prefix + escaped + AnsweredText.closing
            }
            if !step.kind.isReview {
                return HTML.truncate(escaped: questionText(step, at: cursor), toVisible: AnsweredText.questionLimit)
                    + AnsweredText.opening + escaped + AnsweredText.closing
            }
        }
        let question = prompt(at: position, cursor: known).text
        return HTML.truncate(escaped: question, toVisible: AnsweredText.questionLimit) + AnsweredText.opening + escaped + AnsweredText.closing
    }
}
