@testable import Reports

/// What a reader of a shared report can work out: the published cells, the equations between them,
/// and every filling of the hidden cells that agrees with both. A hidden cell is disclosed when only one
/// value fits; a small cell must keep at least two values (1 and 2 with the default threshold).
struct Disclosure {
    private(set) var cells: [SmallNumbers.Cell] = []
    private(set) var names: [String] = []
    /// The cells at `parts` add up to the cell at `total`; the checker's own type, so it does not lean on
    /// the code it checks.
    struct Equation {
        var parts: [Int]
        var total: Int
    }

    private(set) var lines: [Equation] = []
    /// Cells a reader knows are at least 1 (a city listed in a table has at least one item).
    private(set) var atLeastOne: Set<Int> = []

    mutating func add(_ cell: SmallNumbers.Cell, _ name: String, listed: Bool = false) -> Int {
        cells.append(cell)
        names.append(name)
        if listed { atLeastOne.insert(cells.count - 1) }
        return cells.count - 1
    }

    mutating func add(_ text: String, _ name: String, rule: SmallNumbers, listed: Bool = false) -> Int {
        let cell: SmallNumbers.Cell = text == rule.smallLabel ? .small : text == SmallNumbers.hiddenLabel ? .hidden : .count(Int(text)!)
        return add(cell, name, listed: listed)
    }

    mutating func equation(_ parts: [Int], _ total: Int) {
        lines.append(Equation(parts: parts, total: total))
    }

    /// One city table: every column adds up to its national count, every row to its city total when
    /// `additiveRows` (one category per item), the city totals and (when additive) the national counts to `grand`.
    mutating func table(_ inner: [[Int]], cityTotals: [Int], categoryTotals: [Int], grand: Int, additiveRows: Bool) {
        for (column, total) in categoryTotals.enumerated() { equation(inner.map { $0[column] }, total) }
        if additiveRows {
            for (row, total) in cityTotals.enumerated() { equation(inner[row], total) }
            equation(categoryTotals, grand)
        }
    }

    /// Names of hidden cells a reader can pin to one value; every value is at most `bound` (the grand total).
    func disclosed(rule: SmallNumbers, bound: Int) -> [String] {
        let hidden = cells.indices.filter { if case .count = cells[$0] { false } else { true } }
        let low = cells.indices.map { index -> Int in
            switch cells[index] {
            case .count(let value): value
            case .small: 1
            case .hidden: atLeastOne.contains(index) ? 1 : 0
            }
        }
        let high = cells.indices.map { index -> Int in
            switch cells[index] {
            case .count(let value): value
            case .small: rule.threshold - 1
            case .hidden: bound
            }
        }
        var seen = Array(repeating: Set<Int>(), count: cells.count)
        // Bounds carried along the lines prune the search; every leaf is a full filling checked exactly.
        func narrow(_ low: inout [Int], _ high: inout [Int]) -> Bool {
            var changed = true
            while changed {
                changed = false
                for line in lines {
                    let partsLow = line.parts.reduce(0) { $0 + low[$1] }, partsHigh = line.parts.reduce(0) { $0 + high[$1] }
                    if partsLow > low[line.total] { low[line.total] = partsLow; changed = true }
                    if partsHigh < high[line.total] { high[line.total] = partsHigh; changed = true }
                    for part in line.parts {
                        let othersLow = partsLow - low[part], othersHigh = partsHigh - high[part]
                        if high[line.total] - othersLow < high[part] { high[part] = high[line.total] - othersLow; changed = true }
                        if low[line.total] - othersHigh > low[part] { low[part] = low[line.total] - othersHigh; changed = true }
                    }
                    if (line.parts + [line.total]).contains(where: { low[$0] > high[$0] }) { return false }
                }
            }
            return true
        }
        // Returns true once every hidden cell has shown two values: nothing more to learn.
        func search(_ low: [Int], _ high: [Int]) -> Bool {
            var low = low, high = high
            guard narrow(&low, &high) else { return false }
            guard let index = hidden.filter({ low[$0] < high[$0] }).min(by: { high[$0] - low[$0] < high[$1] - low[$1] }) else {
                for index in hidden { seen[index].insert(low[index]) }
                return hidden.allSatisfy { seen[$0].count >= 2 }
            }
            for candidate in low[index]...high[index] {
                var low = low, high = high
                low[index] = candidate
                high[index] = candidate
                if search(low, high) { return true }
            }
            return false
        }
        _ = search(low, high)
        return hidden.filter { seen[$0].count < 2 }.map { names[$0] }
    }
}

/// A seeded generator, so random tables are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
