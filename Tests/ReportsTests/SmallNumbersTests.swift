import Dialogs
import Foundation
import Testing
@testable import Reports

@Suite struct SmallNumbersTests {
    let rule = SmallNumbers()

    @Test func oneAndTwoShowAsLessThanThree() {
        #expect(rule.text(0) == "0")
        #expect(rule.text(1) == "<3")
        #expect(rule.text(2) == "<3")
        #expect(rule.text(3) == "3")
    }

    @Test func thresholdIsConfigurable() {
        let five = SmallNumbers(threshold: 5)
        #expect(five.text(4) == "<5")
        #expect(five.text(5) == "5")
        #expect(SmallNumbers(threshold: 1).text(1) == "1")
    }

    /// A published list of city counts and its total, as a reader sees them.
    private func listDisclosure(_ counts: [Int], _ cells: [SmallNumbers.Cell]) -> [String] {
        var reader = Disclosure()
        let parts = cells.enumerated().map { reader.add($1, "city \($0)", listed: counts[$0] > 0) }
        let total = reader.add(.count(counts.reduce(0, +)), "total")
        reader.equation(parts, total)
        return reader.disclosed(rule: rule, bound: counts.reduce(0, +))
    }

    @Test func aLoneSmallCellTakesAnotherWithIt() {
        // With the total (6) published, "Osh <3" next to "Bishkek 5" would reveal Osh = 1.
        #expect(rule.protect([5, 1]) == [.hidden, .small])
        // Zeros are shown and never needed.
        #expect(rule.protect([7, 0, 4]) == [.count(7), .count(0), .count(4)])
        // The smallest other cell is the one hidden.
        #expect(rule.protect([9, 4, 2]) == [.count(9), .hidden, .small])
        // Without a published total nothing more is hidden.
        #expect(rule.protect([5, 1], totalPublished: false) == [.count(5), .small])
    }

    @Test func smallCellsDoNotProtectEachOther() {
        // Total 12 and "10, <3, <3": the hidden sum is 2 and each small cell is at least 1, so each is 1.
        let cells = rule.protect([10, 1, 1])
        #expect(cells.contains(.hidden))
        #expect(listDisclosure([10, 1, 1], cells) == [])
        #expect(listDisclosure([5, 1, 2], rule.protect([5, 1, 2])) == [])
    }

    /// Karakol [1,0,0], Naryn [0,0,3], Osh [5,6,0], Bishkek [0,0,10]; 25 cases. Naryn's total hidden
    /// alone would be rebuilt from its visible row, and then Karakol's from the grand total.
    @Test func aHiddenCityTotalCannotBeRebuiltFromItsRow() throws {
        let categories = ["police", "clients", "health"].map { CategoryCount(id: $0, name: Wording(everywhere: $0), count: 0) }
        let rows = [("Karakol", [1, 0, 0]), ("Naryn", [0, 0, 3]), ("Osh", [5, 6, 0]), ("Bishkek", [0, 0, 10])]
        var monitoring = MonitoringIndicators()
        monitoring.violations = 25
        monitoring.violationsByCity = rows.map { CityCount(city: $0.0, count: $0.1.reduce(0, +)) }
        monitoring.violationsByPerpetrator = categories.enumerated().map { column, category in
            CategoryCount(id: category.id, name: category.name, count: rows.reduce(0) { $0 + $1.1[column] })
        }
        monitoring.violationsByCityAndPerpetrator = CityBreakdown(categories: monitoring.violationsByPerpetrator,
                                                                  rows: rows.map { .init(city: $0.0, counts: $0.1, total: $0.1.reduce(0, +)) })
        let csv = try indicatorsCSV(monitoring)
        #expect(try publishedViolations(csv, grand: 25).disclosed(rule: rule, bound: 25) == [])
    }

    /// November's fixture: Osh's only case is by the police, so each other perpetrator's national count
    /// (1) is Bishkek's "<3" cell in that column. National counts must be protected with the table.
    @Test func nationalCountsDoNotRevealTheOnlySmallCellOfAColumn() throws {
        let monitoring = try FixtureStore().indicators().monitoring
        let csv = try indicatorsCSV(monitoring)
        let perpetrators = csv.filter { $0[1] == "violations_by_perpetrator" }
        #expect(!perpetrators.isEmpty)
        #expect(!perpetrators.contains { $0[6] == "1" || $0[6] == "2" })
        #expect(try publishedViolations(csv, grand: monitoring.violations).disclosed(rule: rule, bound: monitoring.violations) == [])
    }

    @Test func reportsByCityAreProtected() throws {
        let monitoring = try FixtureStore().indicators().monitoring
        let csv = try indicatorsCSV(monitoring).filter { $0[1] == "reports_by_city" }
        let counts = Dictionary(uniqueKeysWithValues: monitoring.reportsByCity.map { ($0.city, $0.count) })
        let cells = csv.map { $0[6] == rule.smallLabel ? SmallNumbers.Cell.small : $0[6] == "*" ? .hidden : .count(Int($0[6])!) }
        #expect(!csv.contains { $0[6] == "1" || $0[6] == "2" })
        #expect(listDisclosure(csv.map { counts[$0[3]]! }, cells) == [])
    }

    @Test func fixtureBarriersAreProtected() throws {
        let monitoring = try FixtureStore().indicators().monitoring
        let table = ProtectedBreakdown(monitoring.barriersByCity, rule: rule)
        var reader = Disclosure()
        let reports = monitoring.barriersByCity.rows.reduce(0) { $0 + $1.total }
        let grand = reader.add(.count(reports), "grand")
        let totals = table.cities.indices.map { reader.add(table.totals[$0], table.cities[$0], listed: true) }
        let columns = table.categories.indices.map { reader.add(table.categoryTotals[$0], table.categories[$0].id) }
        let inner = table.cells.enumerated().map { row, cells in cells.enumerated().map { reader.add($1, "\(table.cities[row])/\($0)") } }
        reader.equation(totals, grand)
        reader.table(inner, cityTotals: totals, categoryTotals: columns, grand: grand, additiveRows: false)
        #expect(reader.disclosed(rule: rule, bound: reports).isEmpty)
        #expect(!table.categoryTotals.contains(.count(1)) && !table.categoryTotals.contains(.count(2)))
    }

    /// A hundred and fifty random small tables: whenever hiding everything but the grand total would protect a
    /// table, what `protect` hides must too.
    @Test func randomTablesDiscloseNothing() {
        var random = SplitMix64(state: 2026)
        let pool = [0, 0, 0, 1, 1, 2, 3, 4, 6]
        var checked = 0
        for _ in 0..<150 {
            let width = Int.random(in: 1...3, using: &random)
            let counts = (0..<Int.random(in: 2...3, using: &random)).map { _ in (0..<width).map { _ in pool.randomElement(using: &random)! } }
                .filter { $0.reduce(0, +) > 0 }
            guard counts.count >= 2 else { continue }
            let breakdown = CityBreakdown(categories: (0..<width).map { CategoryCount(id: "c\($0)", name: Wording(everywhere: "c\($0)"), count: 0) },
                                          rows: counts.enumerated().map { .init(city: "city \($0)", counts: $1, total: $1.reduce(0, +)) })
            let table = ProtectedBreakdown(breakdown, rule: rule)
            let grand = counts.joined().reduce(0, +)
            let everything = reader(table, grand: grand) { cell in cell == .count(0) || cell == .small ? cell : .hidden }
            guard everything.disclosed(rule: rule, bound: grand).isEmpty else { continue }
            checked += 1
            #expect(reader(table, grand: grand) { $0 }.disclosed(rule: rule, bound: grand) == [],
                    "\(counts) shown as \(table.cells) totals \(table.totals) by category \(table.categoryTotals)")
        }
        #expect(checked > 50)
    }

    private func reader(_ table: ProtectedBreakdown, grand total: Int,
                        _ shown: (SmallNumbers.Cell) -> SmallNumbers.Cell) -> Disclosure {
        var reader = Disclosure()
        let grand = reader.add(.count(total), "grand")
        let totals = table.cities.indices.map { reader.add(shown(table.totals[$0]), table.cities[$0], listed: true) }
        let columns = table.categories.indices.map { reader.add(shown(table.categoryTotals[$0]), table.categories[$0].id) }
        let inner = table.cells.enumerated().map { row, cells in cells.enumerated().map { reader.add(shown($1), "\(table.cities[row])/\($0)") } }
        reader.equation(totals, grand)
        reader.table(inner, cityTotals: totals, categoryTotals: columns, grand: grand, additiveRows: true)
        return reader
    }

    private func indicatorsCSV(_ monitoring: MonitoringIndicators) throws -> [[String]] {
        var indicators = try FixtureStore().indicators()
        indicators.monitoring = monitoring
        let writer = ByteWriter()
        IndicatorsCSV.write(indicators, language: .en, to: writer)
        try writer.flush()
        return try CSVReader.rows(Data([0xEF, 0xBB, 0xBF] + writer.memory))
    }

    /// The violation figures of `indicators.csv` as a reader sees them: cities and their totals, national
    /// counts by perpetrator and by kind, and both city tables, all adding up to `grand` cases.
    private func publishedViolations(_ csv: [[String]], grand total: Int) throws -> Disclosure {
        var reader = Disclosure()
        let grand = reader.add(.count(total), "cases")
        let cityRows = csv.filter { $0[1] == "violations_by_city" }
        let cities = cityRows.map { $0[3] }
        let totals = cityRows.map { reader.add($0[6], $0[3], rule: rule, listed: true) }
        reader.equation(totals, grand)
        for (national, table) in [("violations_by_perpetrator", "violations_by_city_and_perpetrator"), ("violations_by_kind", "violations_by_city_and_kind")] {
            let categoryRows = csv.filter { $0[1] == national && $0[6] != "0" }
            guard !categoryRows.isEmpty else { continue }
            let columns = categoryRows.map { reader.add($0[6], $0[4], rule: rule) }
            let cells = csv.filter { $0[1] == table }
            let inner = try cities.map { city in
                try categoryRows.map { category in
                    let row = try #require(cells.first { $0[3] == city && $0[4] == category[4] })
                    return reader.add(row[6], "\(city)/\(category[4])", rule: rule)
                }
            }
            reader.table(inner, cityTotals: totals, categoryTotals: columns, grand: grand, additiveRows: true)
        }
        return reader
    }
}
