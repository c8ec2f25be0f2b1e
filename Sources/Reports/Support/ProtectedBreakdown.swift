/// A city breakdown as it may be shared, with its margins: small counts and what could reveal them hidden.
/// Cities are in name order, never by size, so a row's place says nothing about a hidden total.
struct ProtectedBreakdown {
    let cities: [String]
    /// Only categories some city has a case of; the others are left out of shared tables.
    let categories: [CategoryCount]
    /// cells[city][category]
    let cells: [[SmallNumbers.Cell]]
    /// One per city.
    let totals: [SmallNumbers.Cell]
    /// National count of each category, as it may be printed anywhere.
    let categoryTotals: [SmallNumbers.Cell]

    /// One table on its own, with the sum of its city totals as published grand total.
    init(_ breakdown: CityBreakdown, rule: SmallNumbers) {
        let totals = breakdown.rows.map { CityCount(city: $0.city, count: $0.total) }
        self = Self.linked([breakdown], cityTotals: totals, grandTotal: totals.reduce(0) { $0 + $1.count }, rule: rule).tables[0]
    }

    init(cities: [String], categories: [CategoryCount], cells: [[SmallNumbers.Cell]], totals: [SmallNumbers.Cell],
         categoryTotals: [SmallNumbers.Cell]) {
        self.cities = cities
        self.categories = categories
        self.cells = cells
        self.totals = totals
        self.categoryTotals = categoryTotals
    }

    /// Tables of the same items by city (violations by perpetrator and by kind) share their city totals
    /// and grand total, so they are protected together: a total hidden in one and shown in the other would
    /// undo the hiding. Each table is one augmented table (cells, city totals, category totals, grand total);
    /// its lines are every column, every row whose cells add up to its total (one category per item), the
    /// city totals against the grand total, and the category totals against it when they add up.
    static func linked(_ breakdowns: [CityBreakdown], cityTotals: [CityCount], grandTotal: Int,
                       rule: SmallNumbers) -> (cities: [String], totals: [SmallNumbers.Cell], tables: [ProtectedBreakdown]) {
        var totalOf: [String: Int] = [:]
        for city in cityTotals { totalOf[city.city, default: 0] += city.count }
        for breakdown in breakdowns { for row in breakdown.rows where totalOf[row.city] == nil { totalOf[row.city] = row.total } }
        let cities = totalOf.keys.sorted()

        var values: [Int] = []
        var margins: Set<Int> = []
        var lines: [SmallNumbers.Line] = []
        func cell(_ value: Int, margin: Bool = false) -> Int {
            values.append(value)
            if margin { margins.insert(values.count - 1) }
            return values.count - 1
        }
        let grand = cell(grandTotal, margin: true)
        let totalCells = cities.map { cell(totalOf[$0]!, margin: true) }
        lines.append(.init(parts: totalCells, total: grand))

        var layouts: [(categories: [CategoryCount], cells: [[Int]], categoryTotals: [Int])] = []
        for breakdown in breakdowns {
            let rowOf = Dictionary(breakdown.rows.map { ($0.city, $0.counts) }, uniquingKeysWith: { first, _ in first })
            let counts = cities.map { rowOf[$0] ?? Array(repeating: 0, count: breakdown.categories.count) }
            let used = breakdown.categories.indices.filter { column in counts.contains { column < $0.count && $0[column] > 0 } }
            let inner = counts.map { row in used.map { cell(row[$0]) } }
            let columnTotals = used.map { column in cell(counts.reduce(0) { $0 + $1[column] }, margin: true) }
            for (position, total) in columnTotals.enumerated() {
                lines.append(.init(parts: inner.map { $0[position] }, total: total))
            }
            for (row, total) in totalCells.enumerated() where inner[row].reduce(0, { $0 + values[$1] }) == values[total] {
                lines.append(.init(parts: inner[row], total: total))
            }
            if columnTotals.reduce(0, { $0 + values[$1] }) == grandTotal {
                lines.append(.init(parts: columnTotals, total: grand))
            }
            layouts.append((used.map { breakdown.categories[$0] }, inner, columnTotals))
        }

        let shown = rule.protect(values, lines: lines, alwaysShown: [grand], margins: margins, listed: Set(totalCells))
        let totals = totalCells.map { shown[$0] }
        let tables = layouts.map { layout in
            ProtectedBreakdown(cities: cities, categories: layout.categories, cells: layout.cells.map { $0.map { shown[$0] } },
                               totals: totals, categoryTotals: layout.categoryTotals.map { shown[$0] })
        }
        return (cities, totals, tables)
    }
}

/// Every city-linked figure of the monitoring section as it may be shared, protected once so the HTML
/// report, `indicators.csv` and `/summary` print the same cells.
struct ProtectedMonitoring {
    let reportsByCity: [(city: String, cell: SmallNumbers.Cell)]
    let violationsByCity: [(city: String, cell: SmallNumbers.Cell)]
    let barriers: ProtectedBreakdown
    let violationsByPerpetrator: ProtectedBreakdown
    let violationsByKind: ProtectedBreakdown

    init(_ m: MonitoringIndicators, rule: SmallNumbers) {
        let reports = m.reportsByCity.sorted { $0.city < $1.city }
        reportsByCity = Array(zip(reports.map(\.city), rule.protect(reports.map(\.count))))
        barriers = ProtectedBreakdown(m.barriersByCity, rule: rule)
        let violations = ProtectedBreakdown.linked([m.violationsByCityAndPerpetrator, m.violationsByCityAndKind],
                                                   cityTotals: m.violationsByCity, grandTotal: m.violations, rule: rule)
        violationsByCity = Array(zip(violations.cities, violations.totals))
        violationsByPerpetrator = violations.tables[0]
        violationsByKind = violations.tables[1]
    }
}
