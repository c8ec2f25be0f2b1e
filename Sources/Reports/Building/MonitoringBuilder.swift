import GRDB

/// Computes the community-monitoring indicators from completed city-monitoring reports.
enum MonitoringBuilder {
    static let perpetratorOthers = Wording(ru: "Другие", ky: "Башкалар", en: "Others")

    static func build(_ context: inout BuildContext) throws -> MonitoringIndicators {
        let db = context.db
        let data = context.data
        let dialog = ReportDialogs.monitoring
        var result = MonitoringIndicators()
        var personOfResponse: [Int64: Int64] = [:]
        for (id, response) in data.responses(.monitoring) {
            if response.complete { personOfResponse[id] = response.personId } else { result.partialReports += 1 }
        }
        result.reports = personOfResponse.count
        result.monitorsReporting = Set(personOfResponse.values).count
        guard result.reports > 0 else { return result }

        // A report without a city answer (an older dialog version) falls back to the monitor's profile city.
        let profileCity = try Dictionary(Row.fetchAll(db, sql: "SELECT id, city FROM person").map { ($0[0] as Int64, $0[1] as String?) },
                                         uniquingKeysWith: { first, _ in first })
        var tally = MonitoringTally(data: data)
        for report in data.answersByResponse(.monitoring) {
            tally.add(report)
        }
        for (responseId, personId) in personOfResponse where tally.cityOfReport[responseId] == nil {
            tally.cityOfReport[responseId] = tally.cities.key(for: profileCity[personId] ?? nil)
        }
        let cities = tally.cities
        result.reportsWithViolations = tally.reportsWithViolations
        result.reportsByCity = cityCounts(personOfResponse.keys.map { (tally.cityOfReport[$0] ?? CityNames.unknown, 1) }, cities)
        result.services = try services(tally, &context)

        result.reportsWithoutBarriers = tally.reportsWithoutBarriers
        result.barriers = try context.names.categoryCounts(tally.barrierCounts, dialogId: dialog, stepId: "barriers", excluding: ["none"], in: db)
        result.barriersByCity = breakdown(tally.barrierReports.map { (tally.cityOfReport[$0.responseId] ?? CityNames.unknown, $0.ids) },
                                          categories: result.barriers, cities)

        let cases = tally.cases
        result.violations = cases.count
        result.violationsByKind = try context.names.categoryCounts(count(cases.compactMap(\.what)), dialogId: dialog, stepId: "v_what", in: db)
        result.violationsByPerpetrator = try context.names.categoryCounts(count(cases.compactMap(\.perpetrator)), dialogId: dialog, stepId: "v_by",
                                                                          otherName: perpetratorOthers, in: db)
        let helpCounts = count(cases.compactMap(\.help))
        result.helpOutcomes = try context.names.categoryCounts(helpCounts, dialogId: dialog, stepId: "v_help", in: db)
        result.referrals = helpCounts["referred"] ?? 0
        result.helpGiven = helpCounts["helped"] ?? 0
        let caseCity = { (item: MonitoringTally.Case) in tally.cityOfReport[item.responseId] ?? CityNames.unknown }
        result.violationsByCity = cityCounts(cases.map { (caseCity($0), 1) }, cities)
        result.violationsByCityAndPerpetrator = breakdown(cases.map { (caseCity($0), $0.perpetrator.map { [$0] } ?? []) },
                                                          categories: result.violationsByPerpetrator, cities)
        result.violationsByCityAndKind = breakdown(cases.map { (caseCity($0), $0.what.map { [$0] } ?? []) },
                                                   categories: result.violationsByKind, cities)
        result.participation = try context.names.categoryCounts(tally.participation, dialogId: dialog, stepId: "participation", in: db)
        return result
    }

    private static func services(_ tally: MonitoringTally, _ context: inout BuildContext) throws -> [ServiceSummary] {
        let named = try context.names.categoryCounts(tally.services.mapValues(\.checks), dialogId: ReportDialogs.monitoring,
                                                     stepId: "service", in: context.db)
        return named.compactMap { category -> ServiceSummary? in
            guard let counted = tally.services[category.id], counted.checks > 0 else { return nil }
            var summary = ServiceSummary(id: category.id, name: category.name)
            summary.checks = counted.checks
            summary.available = counted.available
            summary.partly = counted.partly
            summary.notAvailable = counted.notAvailable
            summary.unknown = counted.checks - counted.available - counted.partly - counted.notAvailable
            summary.qualityRatings = counted.ratings
            summary.meanQuality = counted.ratings > 0 ? Double(counted.ratingSum) / Double(counted.ratings) : nil
            return summary
        }
    }

    private static func count(_ values: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts
    }

    /// City counts, largest first, then by name.
    static func cityCounts(_ entries: [(String, Int)], _ cities: CityNames) -> [CityCount] {
        var counts: [String: Int] = [:]
        for (city, count) in entries { counts[city, default: 0] += count }
        return counts.map { CityCount(city: cities.display($0.key), count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.city < $1.city }
    }

    /// Rows of cities against `categories`; each item is one report or case with the categories it names.
    static func breakdown(_ items: [(city: String, ids: [String])], categories: [CategoryCount], _ cities: CityNames) -> CityBreakdown {
        let column = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($0.element.id, $0.offset) })
        var rows: [String: CityBreakdown.Row] = [:]
        for item in items {
            var row = rows[item.city] ?? CityBreakdown.Row(city: cities.display(item.city), counts: Array(repeating: 0, count: categories.count), total: 0)
            row.total += 1
            for id in item.ids { if let index = column[id] { row.counts[index] += 1 } }
            rows[item.city] = row
        }
        return CityBreakdown(categories: categories,
                             rows: rows.values.sorted { $0.total != $1.total ? $0.total > $1.total : $0.city < $1.city })
    }
}
