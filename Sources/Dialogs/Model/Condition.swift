/// A `when` condition: every clause must hold.
public struct Condition: Sendable {
    public let clauses: [Clause]
}

/// One test on an earlier answer or a profile field.
public struct Clause: Sendable {
    /// What the clause looks at.
    public enum Subject: Sendable, Equatable {
        case answer(stepId: String)
        case profile(ProfileField)
    }

    /// How the clause tests it.
    public enum Test: Sendable, Equatable {
        /// `is: a` or `is: [a, b]`: the value is one of these.
        case isAny([String])
        /// `is_not`: the value is none of these (also true when unanswered).
        case isNone([String])
        /// `includes`: a multi-choice answer contains at least one of these.
        case includes([String])
        /// `at_least`: a number, scale or integer answer is at least this.
        case atLeast(Double)
        /// `at_most`
        case atMost(Double)
        /// `empty: true` (not answered, skipped or no profile value) or `empty: false`.
        case empty(Bool)
    }

    public let subject: Subject
    public let test: Test
    public let line: Int
}

/// One rule of `next`: go to `target` if `condition` holds (or always, without one).
public struct Jump: Sendable {
    public let condition: Condition?
    public let target: String
    public let line: Int
}
