import Foundation

/// The conversation engine: a pure function of (dialog, state, input, now). No network, disk or clock of its own.
public enum Engine {
    /// Starts `dialog`: asks its first question (after any info steps before it).
    public static func start(dialog: Dialog, context: RespondentContext, now: Date) -> Outcome {
        let state = ConversationState(
            dialogId: dialog.id,
            version: dialog.version,
            language: context.language,
            startedAt: now,
            expiresAt: dialog.expiry.map { now.addingTimeInterval($0) }
        )
        var turn = Turn(dialog: dialog, state: state, context: context, now: now)
        turn.proceed(to: dialog.steps.isEmpty ? .end : .step(Cursor(top: 0, inner: nil, iteration: nil)))
        return turn.outcome()
    }

    /// Applies one input. `dialog` must be the version the conversation started on
    /// (`state.version`); given another version, the conversation ends as cancelled with its answers kept.
    /// The state is `consuming`: a caller that hands over its only copy (as the bot does after decoding it)
    /// lets the engine update the answers in place.
    public static func handle(dialog: Dialog, state: consuming ConversationState, input: EngineInput,
                              context: RespondentContext, now: Date) -> Outcome {
        if let finished = state.finished {
            return Outcome(state: state, outputs: [], finished: finished)
        }
        let expiresAt = state.expiresAt
        var turn = Turn(dialog: dialog, state: consume state, context: context, now: now)
        if let expiresAt, now >= expiresAt {
            turn.finish(.expired, notice: EngineText.expired(title: turn.escapedTitle).string(turn.language))
            return turn.outcome()
        }
        guard dialog.id == turn.state.dialogId, dialog.version == turn.state.version,
              let position = turn.state.position, let cursor = turn.cursor(for: position) else {
            turn.finish(.cancelled, notice: EngineText.dialogChanged.string(turn.language))
            return turn.outcome()
        }
        switch input {
        case .text(let raw): turn.receiveText(InputParsing.sanitize(raw), at: position, cursor: cursor)
        case .button(let stepId, let optionId): turn.receiveButton(stepId: stepId, optionId: optionId, at: position, cursor: cursor)
        case .back: turn.goBack()
        case .skip: turn.skip(at: position, cursor: cursor)
        case .cancel: turn.finish(.cancelled, notice: EngineText.cancelled.string(turn.language))
        case .expiryTick: turn.remindIfDue(at: position)
        case .unsupportedContent: turn.refuseUnsupported(at: position, cursor: cursor)
        }
        return turn.outcome()
    }
}
