/// Community-led monitoring: reports, services, barriers, rights violations and referrals.
public struct MonitoringIndicators: Codable, Sendable, Equatable {
    /// Completed monitoring reports in the period: "data collected by the community".
    public var reports: Int = 0
    public var partialReports: Int = 0
    /// Monitors who sent at least one completed report.
    public var monitorsReporting: Int = 0
    public var reportsByCity: [CityCount] = []
    public var services: [ServiceSummary] = []
    /// Reports naming each barrier ("no barriers found" is counted in `reportsWithoutBarriers` instead).
    public var barriers: [CategoryCount] = []
    public var reportsWithoutBarriers: Int = 0
    public var barriersByCity = CityBreakdown(categories: [], rows: [])
    /// Reports that said rights were violated, and the cases they listed.
    public var reportsWithViolations: Int = 0
    public var violations: Int = 0
    public var violationsByKind: [CategoryCount] = []
    /// Police, clients, health workers, and others ("Other, specify").
    public var violationsByPerpetrator: [CategoryCount] = []
    public var violationsByCity: [CityCount] = []
    public var violationsByCityAndPerpetrator = CityBreakdown(categories: [], rows: [])
    public var violationsByCityAndKind = CityBreakdown(categories: [], rows: [])
    /// What happened after each case: help given, referred, declined, no help, unknown.
    public var helpOutcomes: [CategoryCount] = []
    /// Cases where the person was referred (lawyer, doctor, crisis centre).
    public var referrals: Int = 0
    /// Cases where help was given on the spot.
    public var helpGiven: Int = 0
    /// Does the community take part in decisions about services, per report.
    public var participation: [CategoryCount] = []

    public init() {}
}

/// One kind of service as checked by monitors: availability counts and mean quality.
public struct ServiceSummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: Wording
    /// Times it was checked (one report may check several services).
    public var checks: Int = 0
    public var available: Int = 0
    public var partly: Int = 0
    public var notAvailable: Int = 0
    public var unknown: Int = 0
    /// Mean of the 1-5 quality ratings; nil when none was given.
    public var meanQuality: Double?
    public var qualityRatings: Int = 0

    public init(id: String, name: Wording) {
        self.id = id
        self.name = name
    }
}
