/// A city breakdown as it may be shared: small counts and what could reveal them hidden.
struct ProtectedBreakdown {
    let cities: [String]
    let categories: [CategoryCount]
    /// cells[city][category]
    let cells: [[SmallNumbers.Cell]]
    let totals: [SmallNumbers.Cell]

    /// `additiveRows`: each item names exactly one category (a case has one perpetrator), so a row's cells
    /// add up to its total; not so for multi-choice barriers.
    init(_ breakdown: CityBreakdown, rule: SmallNumbers, additiveRows: Bool) {
        cities = breakdown.rows.map(\.city)
        categories = breakdown.categories
        totals = rule.protect(breakdown.rows.map(\.total))
        let rowTotalsShown = totals.map { cell in if case .count = cell { additiveRows } else { false } }
        cells = rule.protect(breakdown.rows.map(\.counts), rowTotalsPublished: rowTotalsShown, columnTotalsPublished: true)
    }

    /// Categories no city has a case of are left out of shared tables.
    var usedCategoryIndexes: [Int] {
        categories.indices.filter { index in categories[index].count > 0 }
    }
}
