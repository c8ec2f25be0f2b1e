/// What one scheduler tick did, for the log (counts only).
public struct SchedulerReport: Sendable, Equatable {
    public var invitationsQueued = 0
    public var dialogsStarted = 0
    public var invitationsLinked = 0
    public var remindersSent = 0
    public var cancellationsSent = 0
    public var mentorPromptsSent = 0
    public var missedCheckinsFound = 0
    public var staleDebriefsSkipped = 0

    public init() {}

    public var isEmpty: Bool { self == SchedulerReport() }
}
