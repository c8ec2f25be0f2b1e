/// /back, /skip, "add another?" and the half-time reminder.
extension Turn {
    mutating func goBack() {
        guard let previous = state.history.popLast() else { return notice(.firstQuestion) }
        state.selection = []
        state.revisited = true
        if previous.phase == .other, let cursor = cursor(for: previous) {
            // The choice that led to "please specify" is needed again to finish it.
            if case .multiChoice = dialog.step(at: cursor.address).kind,
               let earlier = state.answer(stepId: previous.stepId, repeatIndex: previous.iteration) {
                state.selection = earlier.value.split(separator: ",").map(String.init)
            } else {
                state.selection = [ReservedOption.other]
            }
        }
        wait(at: previous)
    }

    mutating func skip(at position: Position, cursor: Cursor) {
        let step = dialog.step(at: cursor.address)
        guard position.phase == .question, step.isOptional, step.takesAnswer else { return notice(.cannotSkip) }
        state.selection = []
        record("", label: nil, step: step, position: position, cursor: cursor, hadButtons: true)
    }

    mutating func decideAddAnother(_ more: Bool, at position: Position, top: Int, hadButtons: Bool) {
        let label = (more ? EngineText.addAnother : EngineText.noMore).string(language)
        if hadButtons {
            outputs.append(.answered(stepId: position.stepId, display: answeredDisplay(of: position, answer: label)))
        }
        rememberLeaving(position)
        if more {
            proceed(to: .step(Cursor(top: top, inner: 0, iteration: (position.iteration ?? 0) + 1)))
        } else {
            proceed(to: leavingGroup(at: top))
        }
    }

    /// On `.expiryTick` before expiry: one reminder at half-time, repeating the question; otherwise nothing.
    mutating func remindIfDue(at position: Position) {
        guard !state.nudged, let nudgeAt = state.nudgeAt, now >= nudgeAt else { return }
        state.nudged = true
        outputs.append(.notice(EngineText.nudge(title: escapedTitle).string(language)))
        outputs.append(.ask(prompt(at: position)))
    }
}
