import Foundation

/// Mentoring: who was supported, how check-ins went, confidence, and support requests.
public struct MentoringIndicators: Codable, Sendable, Equatable {
    /// Leaders enrolled and reachable now (not limited to the period).
    public var leadersEnrolled: Int = 0
    /// Leaders with at least one completed check-in in the period.
    public var leadersSupported: Int = 0
    /// Times the bot asked for a check-in in the period.
    public var checkInsInvited: Int = 0
    /// Of those, invitations followed by a completed check-in before the next invitation to the same person.
    public var invitationsAnswered: Int = 0
    /// `invitationsAnswered / checkInsInvited`; nil without invitations.
    public var responseRate: Double?
    /// Completed check-ins in the period, asked for or not.
    public var checkInsCompleted: Int = 0
    /// Check-ins cancelled or expired before Send (their answers are kept, marked partial).
    public var checkInsPartial: Int = 0
    /// Topics worked on, per completed check-in; every topic of the dialog is listed, zeros included.
    public var topics: [CategoryCount] = []
    public var confidence = ConfidenceSummary()
    public var support = SupportSummary()

    public init() {}
}

/// Confidence to take part in decision-making (1-5), per leader and over time.
public struct ConfidenceSummary: Codable, Sendable, Equatable {
    /// Leaders with at least one confidence answer in the period.
    public var leaders: Int = 0
    /// Leaders whose latest answer in the period is 4 or 5.
    public var leadersAt4or5: Int = 0
    /// `leadersAt4or5 / leaders`; nil without leaders.
    public var shareAt4or5: Double?
    /// Leaders with two or more answers, by how the latest compares with the first.
    public var rose: Int = 0
    public var unchanged: Int = 0
    public var fell: Int = 0
    /// Mean per local calendar month, for the line chart.
    public var byMonth: [MonthPoint] = []
    /// Each leader's answers, under a pseudonymous id; machine-readable output only (never shown in shared formats).
    public var perLeader: [LeaderTrend] = []

    public init() {}
}

/// One month of confidence answers.
public struct MonthPoint: Codable, Sendable, Equatable {
    /// `2026-11`.
    public var month: String
    public var mean: Double
    public var answers: Int
    /// Share of answers that month at 4 or 5.
    public var shareAt4or5: Double
}

/// One leader's confidence answers in order.
public struct LeaderTrend: Codable, Sendable, Equatable {
    public struct Point: Codable, Sendable, Equatable {
        public var day: CalendarDay
        public var value: Int
    }

    public var participant: String
    public var points: [Point]
}

/// Support requests from check-ins and how fast a mentor acknowledged them.
public struct SupportSummary: Codable, Sendable, Equatable {
    public var requested: Int = 0
    public var acknowledged: Int = 0
    /// Requested in the period and still not acknowledged.
    public var open: Int = 0
    /// Median hours from the request to the mentor's acknowledgement; nil when none was acknowledged.
    public var medianHoursToAcknowledge: Double?
    /// What leaders asked support with (from the check-in), every option listed.
    public var topics: [CategoryCount] = []

    public init() {}
}
