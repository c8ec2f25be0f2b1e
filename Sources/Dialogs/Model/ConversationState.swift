import Foundation

/// Everything needed to resume a conversation; the bot stores it as JSON after every update.
public struct ConversationState: Sendable, Equatable {
    public var dialogId: String
    /// The dialog version this conversation started on and keeps to the end.
    public var version: String
    /// The language prompts are rendered in (changes when a `saves_to: language` step is answered).
    public var language: Language
    /// Where the conversation waits for input; `nil` once finished.
    public var position: Position?
    /// Positions answered before, newest last, for /back.
    public var history: [Position]
    /// Answers so far, in the order the dialog asks them.
    public var answers: [Answer]
    /// Options ticked so far on a multi-choice question (or `_other` waiting for its text).
    public var selection: [String]
    public var startedAt: Date
    public var expiresAt: Date?
    /// Whether the half-time reminder was sent.
    public var nudged: Bool
    /// Set after Edit on the review: questions that already have an answer are passed over until the review.
    public var editing: Bool
    /// Set by /back and Edit: an earlier answer may have changed, so some later ones may no longer apply.
    /// While it is false the answers are exactly the path taken, in order, and need no re-check.
    public var revisited: Bool
    /// Profile values set by `saves_to` steps, e.g. `language: ky`, `alias: Айгуль`.
    public var profileUpdates: [String: String]
    /// How the conversation ended, once it has.
    public var finished: Completion?

    public init(dialogId: String, version: String, language: Language, startedAt: Date, expiresAt: Date?) {
        self.dialogId = dialogId
        self.version = version
        self.language = language
        self.position = nil
        self.history = []
        self.answers = []
        self.selection = []
        self.startedAt = startedAt
        self.expiresAt = expiresAt
        self.nudged = false
        self.editing = false
        self.revisited = false
        self.profileUpdates = [:]
        self.finished = nil
    }

    /// Halfway to expiry: when the one reminder is due.
    public var nudgeAt: Date? {
        expiresAt.map { startedAt.addingTimeInterval($0.timeIntervalSince(startedAt) / 2) }
    }

    /// When the bot should next send `.expiryTick`: the reminder time, then the expiry; `nil` when nothing is due.
    public var nextDeadline: Date? {
        guard finished == nil, let expiresAt else { return nil }
        return nudged ? expiresAt : nudgeAt
    }

    func answerIndex(stepId: String, repeatIndex: Int?) -> Int? {
        for index in answers.indices where answers[index].repeatIndex == repeatIndex && answers[index].stepId == stepId {
            return index
        }
        return nil
    }

    func answer(stepId: String, repeatIndex: Int?) -> Answer? {
        answerIndex(stepId: stepId, repeatIndex: repeatIndex).map { answers[$0] }
    }
}

extension ConversationState: Codable {
    enum CodingKeys: String, CodingKey {
        case dialogId = "dialog", version, language = "lang", position = "at", history, answers
        case selection = "sel", startedAt = "started", expiresAt = "expires", nudged, editing, revisited
        case profileUpdates = "profile", finished
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dialogId = try c.decode(String.self, forKey: .dialogId)
        version = try c.decode(String.self, forKey: .version)
        language = try c.decode(Language.self, forKey: .language)
        position = try c.decodeIfPresent(Position.self, forKey: .position)
        history = try c.decodeIfPresent([Position].self, forKey: .history) ?? []
        answers = try c.decodeIfPresent([Answer].self, forKey: .answers) ?? []
        selection = try c.decodeIfPresent([String].self, forKey: .selection) ?? []
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        expiresAt = try c.decodeIfPresent(Date.self, forKey: .expiresAt)
        nudged = try c.decodeIfPresent(Bool.self, forKey: .nudged) ?? false
        editing = try c.decodeIfPresent(Bool.self, forKey: .editing) ?? false
        revisited = try c.decodeIfPresent(Bool.self, forKey: .revisited) ?? false
        profileUpdates = try c.decodeIfPresent([String: String].self, forKey: .profileUpdates) ?? [:]
        finished = try c.decodeIfPresent(Completion.self, forKey: .finished)
    }

    /// Leaves out empty lists and false flags to keep the stored JSON small.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dialogId, forKey: .dialogId)
        try c.encode(version, forKey: .version)
        try c.encode(language, forKey: .language)
        try c.encodeIfPresent(position, forKey: .position)
        if !history.isEmpty { try c.encode(history, forKey: .history) }
        if !answers.isEmpty { try c.encode(answers, forKey: .answers) }
        if !selection.isEmpty { try c.encode(selection, forKey: .selection) }
        try c.encode(startedAt, forKey: .startedAt)
        try c.encodeIfPresent(expiresAt, forKey: .expiresAt)
        if nudged { try c.encode(true, forKey: .nudged) }
        if editing { try c.encode(true, forKey: .editing) }
        if revisited { try c.encode(true, forKey: .revisited) }
        if !profileUpdates.isEmpty { try c.encode(profileUpdates, forKey: .profileUpdates) }
        try c.encodeIfPresent(finished, forKey: .finished)
    }
}

/// How a conversation ended.
public enum Completion: String, Codable, Sendable {
    /// The person pressed Send (or reached the end of a dialog without a review).
    case completed
    /// The person sent /cancel; answers so far are kept as a partial response.
    case cancelled
    /// Nobody answered before the dialog's expiry; answers so far are kept as a partial response.
    case expired
}
