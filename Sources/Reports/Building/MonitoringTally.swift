/// Counts monitoring reports one at a time, by value codes; a value's text is looked at once per
/// distinct value, not once per answer.
struct MonitoringTally {
    /// One rights violation: a round of the `violations` group.
    struct Case {
        let responseId: Int64
        var what: String?
        var perpetrator: String?
        var help: String?
    }

    /// One kind of service's checks.
    struct ServiceCount {
        var checks = 0, available = 0, partly = 0, notAvailable = 0, ratings = 0, ratingSum = 0
    }

    /// What one round of a repeat group said, as value codes (-1: no answer).
    private struct Round {
        var service = -1, availability = -1, quality = -1, what = -1, perpetrator = -1, help = -1
    }

    private let data: IndicatorData
    private let available: Int?, partly: Int?, notAvailable: Int?, yes: Int?
    var cities = CityNames()
    var cityOfReport: [Int64: String] = [:]
    private var serviceCounts: [Int: ServiceCount] = [:]
    var barrierCounts: [String: Int] = [:]
    var barrierReports: [(responseId: Int64, ids: [String])] = []
    var reportsWithoutBarriers = 0
    var reportsWithViolations = 0
    var cases: [Case] = []
    private var participationCounts: [Int: Int] = [:]
    private var splitValues: [Int: [String]] = [:]
    private var numbers: [Int: Int?] = [:]
    private var rounds: [Round] = []

    init(data: IndicatorData) {
        self.data = data
        available = data.code(of: "available")
        partly = data.code(of: "partly")
        notAvailable = data.code(of: "not_available")
        yes = data.code(of: "yes")
    }

    var services: [String: ServiceCount] {
        Dictionary(uniqueKeysWithValues: serviceCounts.map { (data.text($0.key), $0.value) })
    }

    var participation: [String: Int] {
        Dictionary(uniqueKeysWithValues: participationCounts.map { (data.text($0.key), $0.value) })
    }

    mutating func add(_ report: ArraySlice<IndicatorData.Answer>) {
        guard let responseId = report.first?.responseId else { return }
        var roundCount = 0
        func round(_ index: Int) -> Int {
            let slot = max(0, index)
            while rounds.count <= slot { rounds.append(Round()) }
            while roundCount <= slot { rounds[roundCount] = Round(); roundCount += 1 }
            return slot
        }
        for answer in report {
            let value = answer.value
            switch answer.step {
            case .city: cityOfReport[responseId] = cityKey(value)
            case .service: rounds[round(answer.round)].service = value
            case .availability: rounds[round(answer.round)].availability = value
            case .quality: rounds[round(answer.round)].quality = value
            case .barriers: addBarriers(responseId, ids(value))
            case .hadViolations: if value == yes { reportsWithViolations += 1 }
            case .vWhat: rounds[round(answer.round)].what = value
            case .vBy: rounds[round(answer.round)].perpetrator = value
            case .vHelp: rounds[round(answer.round)].help = value
            case .participation: participationCounts[value, default: 0] += 1
            default: break
            }
        }
        for index in 0..<roundCount {
            let round = rounds[index]
            if round.service >= 0 { countService(round) }
            if round.what >= 0 || round.perpetrator >= 0 || round.help >= 0 {
                cases.append(Case(responseId: responseId, what: text(round.what), perpetrator: text(round.perpetrator), help: text(round.help)))
            }
        }
    }

    private mutating func countService(_ round: Round) {
        var counted = serviceCounts[round.service] ?? ServiceCount()
        counted.checks += 1
        switch round.availability {
        case available: counted.available += 1
        case partly: counted.partly += 1
        case notAvailable: counted.notAvailable += 1
        default: break
        }
        if round.quality >= 0, let quality = number(round.quality) {
            counted.ratings += 1
            counted.ratingSum += quality
        }
        serviceCounts[round.service] = counted
    }

    private func text(_ code: Int) -> String? {
        code >= 0 ? data.text(code) : nil
    }

    /// Counted once per report, so the spelling most reports use is the one shown.
    private mutating func cityKey(_ code: Int) -> String {
        cities.key(for: data.text(code))
    }

    private mutating func addBarriers(_ responseId: Int64, _ ids: [String]) {
        let named = ids.filter { $0 != "none" }
        guard !named.isEmpty else {
            if ids.contains("none") { reportsWithoutBarriers += 1 }
            return
        }
        for id in named { barrierCounts[id, default: 0] += 1 }
        barrierReports.append((responseId, named))
    }

    /// The distinct option ids of a multi-choice value.
    private mutating func ids(_ code: Int) -> [String] {
        if let known = splitValues[code] { return known }
        var seen = Set<String>()
        let split = BuildContext.optionIds(data.text(code)).filter { seen.insert($0).inserted }
        splitValues[code] = split
        return split
    }

    private mutating func number(_ code: Int) -> Int? {
        if let known = numbers[code] { return known }
        let value = Int(data.text(code))
        numbers[code] = value
        return value
    }
}
