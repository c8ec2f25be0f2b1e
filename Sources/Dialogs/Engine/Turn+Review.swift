/// The review step: a summary of the answers with Send and Edit, and the list of answers to change.
extension Turn {
    func reviewPrompt(step: Step, cursor: Cursor) -> Prompt {
        let rows = [[Button(optionId: ReservedOption.send, label: EngineText.send.string(language)),
                     Button(optionId: ReservedOption.edit, label: EngineText.edit.string(language))]]
        return Prompt(stepId: step.id, text: reviewText(step: step, cursor: cursor), buttons: rows, acceptsText: false)
    }

    /// The review message: header, one line per answer (repeat rounds under their own title), footer.
    func reviewText(step: Step, cursor: Cursor) -> String {
        let header = render(step.rendering.prompts[language.ordinal], at: cursor)
        let footer = EngineText.reviewFooter.string(language)
        var text = header
        text.reserveCapacity(header.utf8.count + footer.utf8.count + 96 * state.answers.count + 16)
        text += "\n"
        appendReviewLines(to: &text)
        text += "\n\n"
        text += footer
        // Bytes bound the visible length from above: the exact count is only needed for very long reviews.
        guard text.utf8.count > Self.messageLimit else { return text }
        var lines: [String] = []
        var line = ""
        appendReviewLines(to: &line) { lines.append($0) }
        return Self.fitReview(header: header, lines: lines, footer: "\n\n" + footer)
    }

    /// Appends the answer lines; with `eachLine`, hands over each line separately instead.
    private func appendReviewLines(to text: inout String, eachLine: ((String) -> Void)? = nil) {
        var currentGroup: (top: Int, round: Int)?
        for index in state.answers.indices {
            guard let address = dialog.address(of: state.answers[index].stepId) else { continue }
            if address.inner != nil, let round = state.answers[index].repeatIndex,
               currentGroup.map({ $0.top != address.top || $0.round != round }) ?? true {
                currentGroup = (address.top, round)
                text += "\n\n<b>" + HTML.escape(roundTitle(top: address.top, round: round)) + "</b>"
            } else if address.inner == nil, currentGroup != nil {
                currentGroup = nil
                text += "\n"
            }
            let rendering = dialog.step(at: address).rendering
            if !rendering.values.isEmpty, let value = rendering.valueIndex(of: state.answers[index].value) {
                text += rendering.reviewLines[language.ordinal][value]
            } else if let label = state.answers[index].label {
                text += rendering.reviewLinePrefixes[language.ordinal]
                text += HTML.escape(label, limit: Self.quotedAnswerLimit)
            } else {
                text += rendering.reviewLinePrefixes[language.ordinal]
                text += HTML.escape(displayValue(state.answers[index]), limit: Self.quotedAnswerLimit)
            }
            if let eachLine {
                eachLine(text)
                text = ""
            }
        }
    }

    /// Header, as many answer lines as fit in one Telegram message, then the footer.
    static func fitReview(header: String, lines: [String], footer: String) -> String {
        var budget = messageLimit - HTML.visibleCount(ofEscaped: header) - footer.count - 3
        var body = ""
        for line in lines {
            let cost = HTML.visibleCount(ofEscaped: line)
            guard cost <= budget else {
                body += "\n…"
                break
            }
            budget -= cost
            body += line
        }
        return header + "\n" + body + footer
    }

    func displayValue(_ answer: Answer) -> String {
        answer.label ?? (answer.isSkipped ? "— (" + EngineText.skipped.string(language) + ")" : answer.value)
    }

    /// "Нарушение №2": the group's label (if any) and the round number, counted from 1.
    func roundTitle(top: Int, round: Int) -> String {
        let number = EngineText.round(round + 1).string(language)
        guard let label = dialog.steps[top].label?.string(in: language) else { return number }
        return label + " " + number
    }

    func editSelectPrompt(reviewStepId: String) -> Prompt {
        var rows: [[Button]] = []
        for (index, answer) in state.answers.enumerated() {
            guard let address = dialog.address(of: answer.stepId) else { continue }
            var label = dialog.step(at: address).rendering.shortLabels[language.ordinal]
            if address.inner != nil, let round = answer.repeatIndex {
                label = roundTitle(top: address.top, round: round) + " · " + label
            }
            rows.append([Button(optionId: ReservedOption.editPrefix + String(index), label: ButtonLayout.fit(label))])
        }
        rows.append([Button(optionId: ReservedOption.backToReview, label: EngineText.backToReview.string(language))])
        return Prompt(stepId: reviewStepId, text: EngineText.whichToEdit.string(language), buttons: rows, acceptsText: false)
    }

    mutating func reviewPressed(_ optionId: String, position: Position) {
        switch optionId {
        case ReservedOption.send:
            outputs.append(.answered(stepId: position.stepId, display: reviewClosedDisplay(mark: .sentMark)))
            finish(.completed, notice: thanksText)
        case ReservedOption.edit:
            outputs.append(.answered(stepId: position.stepId, display: reviewClosedDisplay(mark: .edit)))
            wait(at: Position(stepId: position.stepId, phase: .editSelect))
        default:
            stale()
        }
    }

    /// What the review message becomes once Send or Edit is pressed: the dialog's title and the choice, not the
    /// summary. Sent answers do not stay readable in the chat on the person's phone (and a new review follows an edit).
    private func reviewClosedDisplay(mark: EngineText) -> String {
        "<b>\(escapedTitle)</b>\n\(mark == .edit ? "✎ " : "")\(mark.string(language))"
    }

    mutating func chooseEditTarget(optionId: String, at position: Position) {
        if optionId == ReservedOption.backToReview {
            outputs.append(.answered(stepId: position.stepId, display: answeredDisplay(of: position, answer: EngineText.backToReview.string(language))))
            return wait(at: Position(stepId: position.stepId))
        }
        guard optionId.hasPrefix(ReservedOption.editPrefix),
              let index = Int(optionId.dropFirst(ReservedOption.editPrefix.count)),
              state.answers.indices.contains(index) else { return stale() }
        let answer = state.answers[index]
        let target = Position(stepId: answer.stepId, iteration: answer.repeatIndex)
        let label = dialog.step(id: answer.stepId)?.rendering.shortLabels[language.ordinal] ?? answer.stepId
        outputs.append(.answered(stepId: position.stepId, display: answeredDisplay(of: position, answer: label)))
        state.editing = true
        state.revisited = true
        rememberLeaving(Position(stepId: position.stepId))
        if let cursor = cursor(for: target), case .multiChoice = dialog.step(at: cursor.address).kind {
            state.selection = answer.value.split(separator: ",").map(String.init)
        }
        wait(at: target)
    }
}
