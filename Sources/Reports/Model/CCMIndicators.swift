/// CCM: meetings held, community representatives attending and speaking, issues raised.
public struct CCMIndicators: Codable, Sendable, Equatable {
    /// Meetings that started in the period (and have started by now), not cancelled.
    public var meetingsHeld: Int = 0
    public var meetingsByKind: [CategoryCount] = []
    public var meetingsCancelled: Int = 0
    /// Meetings in the period that have not started yet.
    public var meetingsUpcoming: Int = 0
    /// Held meetings with at least one community representative attending: a debrief says so, or an RSVP "yes"
    /// not contradicted by that person's debrief.
    public var meetingsWithRepresentative: Int = 0
    /// Of those, confirmed by a debrief; the rest rest on an RSVP only.
    public var attendanceConfirmedByDebrief: Int = 0
    /// Held meetings where a representative spoke or asked questions (from debriefs).
    public var meetingsWhereSpoke: Int = 0
    /// Times community representatives took part in decision-making meetings: one per person and meeting
    /// (a debrief not linked to a meeting counts once).
    public var participations: Int = 0
    /// Completed debriefs in the period, and those not linked to a meeting.
    public var debriefs: Int = 0
    public var debriefsNotLinkedToMeeting: Int = 0
    /// Sex worker issues raised: meetings (or unlinked debriefs) where each was raised.
    public var issues: [CategoryCount] = []
    /// Meetings (or unlinked debriefs) where at least one sex worker issue was raised.
    public var meetingsWithIssuesRaised: Int = 0
    /// Meetings where community-led monitoring data was brought up: data used for advocacy.
    public var monitoringDataRaised: Int = 0
    /// Why people did not attend, per debrief.
    public var missedReasons: [CategoryCount] = []
    /// Debriefs saying the organisation or the person must follow up.
    public var followUpsNeeded: Int = 0

    public init() {}
}
