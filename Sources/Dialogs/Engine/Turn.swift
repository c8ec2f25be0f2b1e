import Foundation

/// One engine call in progress: the dialog, the state being changed, and the outputs collected so far.
struct Turn {
    let dialog: Dialog
    var state: ConversationState
    let context: RespondentContext
    let now: Date
    var outputs: [Output] = []
    var finished: Completion?

    /// More positions than this and the oldest are forgotten (/back stops there).
    static let historyLimit = 200
    /// Steps passed without waiting for input in one call before the engine gives up on a broken dialog.
    static let autoMoveLimit = 10_000
    /// Longest text shown in place of `{answer.X}` or as a value in the review.
    static let quotedAnswerLimit = 300

    init(dialog: Dialog, state: consuming ConversationState, context: RespondentContext, now: Date) {
        self.dialog = dialog
        self.state = state
        self.context = context
        self.now = now
    }

    var language: Language { state.language }

    /// Ends the turn.
    consuming func outcome() -> Outcome { Outcome(state: state, outputs: outputs, finished: finished) }

    var escapedTitle: String { dialog.escapedTitles[language.ordinal] }

    func cursor(for position: Position) -> Cursor? {
        guard let address = dialog.address(of: position.stepId) else { return nil }
        return Cursor(top: address.top, inner: address.inner, iteration: address.inner == nil ? nil : position.iteration ?? 0)
    }

    func position(of cursor: Cursor, phase: Position.Phase = .question) -> Position {
        Position(stepId: dialog.step(at: cursor.address).id, iteration: cursor.iteration, phase: phase)
    }

    /// Waits at `position` and asks its question.
    mutating func wait(at position: Position, cursor: Cursor? = nil) {
        state.position = position
        outputs.append(.ask(prompt(at: position, cursor: cursor)))
    }

    mutating func notice(_ text: EngineText) {
        outputs.append(.notice(text.string(language)))
    }

    mutating func rememberLeaving(_ position: Position) {
        state.history.append(position)
        if state.history.count > Self.historyLimit { state.history.removeFirst(state.history.count - Self.historyLimit) }
    }

    /// Ends the conversation, keeping only the answers on the path actually taken.
    mutating func finish(_ completion: Completion, notice: String?) {
        pruneAnswers()
        state.position = nil
        state.history = []
        state.selection = []
        state.editing = false
        state.revisited = false
        state.finished = completion
        finished = completion
        if let notice { outputs.append(.notice(notice)) }
    }
}

/// A step's place in a running conversation: its address plus the repeat round.
struct Cursor: Hashable {
    let top: Int
    let inner: Int?
    let iteration: Int?

    var address: StepAddress { StepAddress(top: top, inner: inner) }
}

/// Where the flow goes next.
enum FlowTarget {
    case step(Cursor)
    /// The last step of a repeat round has been passed.
    case endOfRound(top: Int, iteration: Int)
    case end
}
