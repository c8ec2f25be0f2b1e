/// Something the person did, as the engine sees it.
public enum EngineInput: Sendable, Equatable {
    case text(String)
    case button(stepId: String, optionId: String)
    case back
    case skip
    case cancel
    /// Sent by the bot at `ConversationState.nextDeadline`.
    case expiryTick
    /// A sticker, photo, voice message or anything else that is not text.
    case unsupportedContent
}

/// One inline button; `optionId` is a staff option id, or starts with `_` for the engine's own buttons.
public struct Button: Sendable, Equatable {
    public let optionId: String
    public let label: String

    public init(optionId: String, label: String) {
        self.optionId = optionId
        self.label = label
    }
}

/// A question as it should be sent: HTML-safe text for parse_mode HTML and rows of buttons.
public struct Prompt: Sendable, Equatable {
    public let stepId: String
    public let text: String
    public let buttons: [[Button]]
    /// Whether a typed answer is expected (false: only the buttons answer it).
    public let acceptsText: Bool

    public init(stepId: String, text: String, buttons: [[Button]], acceptsText: Bool) {
        self.stepId = stepId
        self.text = text
        self.buttons = buttons
        self.acceptsText = acceptsText
    }
}

/// What the bot should do after a turn, in order.
public enum Output: Sendable, Equatable {
    /// Send a new message with this question.
    case ask(Prompt)
    /// Multi-choice toggle: edit the buttons of the current question message in place.
    case updateButtons(Prompt)
    /// Edit the question message that was just answered: `display` is its full new text
    /// (the question followed by the chosen answer, HTML-safe); drop its buttons.
    case answered(stepId: String, display: String)
    /// A short message: why an answer was refused, "cannot skip", the reminder, cancelled, thank-you.
    case notice(String)
    /// A press on a button that is not for the current question; the state is unchanged.
    case staleButton
}

/// The result of one engine call.
public struct Outcome: Sendable {
    public var state: ConversationState
    public var outputs: [Output]
    /// Set when the conversation ended in this turn (or had already ended).
    public var finished: Completion?

    public init(state: ConversationState, outputs: [Output], finished: Completion?) {
        self.state = state
        self.outputs = outputs
        self.finished = finished
    }
}
