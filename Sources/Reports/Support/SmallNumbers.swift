/// Small-number protection for city breakdowns in formats meant for sharing: a count from 1 to
/// `threshold - 1` could point at one person in a small city, so it is shown as "<3".
/// Totals are published too (national counts by category, city totals, the grand total), and every
/// table line is an equation a reader can solve, so `protect` also hides other cells (secondary
/// suppression, shown as "*") until no line has a single unknown or only small unknowns, whose
/// known sum could pin each of them.
public struct SmallNumbers: Sendable, Equatable {
    public let threshold: Int

    public init(threshold: Int = 3) {
        self.threshold = max(1, threshold)
    }

    /// How one cell may be shown.
    public enum Cell: Sendable, Equatable {
        case count(Int)
        /// 1 to threshold-1.
        case small
        /// Shown could be worked out from the totals and the small cells around it.
        case hidden
    }

    /// One equation of a published table: the cells at `parts` add up to the cell at `total`
    /// (indexes into the values given to `protect`).
    public struct Line: Sendable, Equatable {
        public var parts: [Int]
        public var total: Int

        public init(parts: [Int], total: Int) {
            self.parts = parts
            self.total = total
        }
    }

    public var smallLabel: String { "<\(threshold)" }
    public static let hiddenLabel = "*"

    public func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }

    public func text(_ cell: Cell) -> String {
        switch cell {
        case .count(let count): String(count)
        case .small: smallLabel
        case .hidden: Self.hiddenLabel
        }
    }

    /// One count, primary suppression only.
    public func text(_ count: Int) -> String { isSmall(count) ? smallLabel : String(count) }

    /// Protects cells tied by `lines`. Cells in `alwaysShown` (a grand total printed elsewhere) are never
    /// hidden; cells in `margins` (totals) are hidden only when no inner cell of the line will do, so the
    /// table keeps as much detail as it safely can; cells in `listed` (a city named in the table) are
    /// known to be at least 1.
    public func protect(_ values: [Int], lines: [Line], alwaysShown: Set<Int> = [], margins: Set<Int> = [],
                        listed: Set<Int> = []) -> [Cell] {
        var cells = values.indices.map { index in
            isSmall(values[index]) && !alwaysShown.contains(index) ? Cell.small : .count(values[index])
        }
        func isShown(_ index: Int) -> Bool { if case .count = cells[index] { true } else { false } }
        // Non-zero inner cells first, then non-zero totals, then zeros: a hidden zero tells the reader least.
        func rank(_ index: Int) -> (Int, Int, Int, Int) {
            (values[index] == 0 ? 1 : 0, margins.contains(index) ? 1 : 0, values[index], index)
        }
        func hideOne(in line: Line) -> Bool {
            let candidates = (line.parts + [line.total]).filter { isShown($0) && !alwaysShown.contains($0) }
            guard let chosen = candidates.min(by: { rank($0) < rank($1) }) else { return false }
            cells[chosen] = .hidden
            return true
        }
        var unprotectable: Set<Int> = []
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let unknown = (line.parts + [line.total]).filter { !isShown($0) }
                // One unknown is its line's difference; several small ones with a known sum can be pinned
                // too (sum 2 over two cells that are each at least 1).
                guard !unknown.isEmpty, unknown.count == 1 || unknown.allSatisfy({ cells[$0] == .small }) else { continue }
                if hideOne(in: line) { changed = true }
            }
            guard !changed else { continue }
            // Lines can also pin cells together (a 2×2 block of hidden cells next to small ones, or small
            // cells whose sum two lines give): find what a reader can pin and hide more around it.
            let pinned = pinnedCells(cells, lines: lines, listed: listed, bound: values.max() ?? 0)
            // A pinned cell whose own lines have nothing left to hide is pinned through another cell's line,
            // which that cell's turn will reach.
            for index in pinned.sorted() where !unprotectable.contains(index) {
                if lines.contains(where: { ($0.parts + [$0.total]).contains(index) && hideOne(in: $0) }) {
                    changed = true
                    break
                }
                unprotectable.insert(index)
            }
        }
        return cells
    }

    /// Hidden cells a reader can pin to one value: every filling of the hidden cells that fits the shown
    /// cells and the lines is tried, with bounds carried along the lines to prune. A large table can have
    /// too many fillings; past `budget` steps only what the bounds alone pin is returned.
    private func pinnedCells(_ cells: [Cell], lines: [Line], listed: Set<Int>, bound: Int, budget: Int = 20_000) -> [Int] {
        let hidden = cells.indices.filter { if case .count = cells[$0] { false } else { true } }
        guard !hidden.isEmpty else { return [] }
        var low = cells.indices.map { index -> Int in
            switch cells[index] {
            case .count(let value): value
            case .small: 1
            case .hidden: listed.contains(index) ? 1 : 0
            }
        }
        var high = cells.indices.map { index -> Int in
            switch cells[index] {
            case .count(let value): value
            case .small: threshold - 1
            case .hidden: max(bound, low[index])
            }
        }
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
        guard narrow(&low, &high) else { return [] }
        var seen = Array(repeating: Set<Int>(), count: cells.count)
        var steps = 0
        // true: stop, because every hidden cell has shown two values or the budget is spent.
        func search(_ low: [Int], _ high: [Int]) -> Bool {
            steps += 1
            guard steps <= budget else { return true }
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
        if steps > budget { return hidden.filter { low[$0] == high[$0] } }
        return hidden.filter { seen[$0].count < 2 }
    }

    /// A list of city counts whose sum is published: primary, then secondary suppression.
    public func protect(_ counts: [Int], totalPublished: Bool = true) -> [Cell] {
        let lines = totalPublished ? [Line(parts: Array(counts.indices), total: counts.count)] : []
        let listed = Set(counts.indices.filter { counts[$0] > 0 })
        return Array(protect(counts + [counts.reduce(0, +)], lines: lines, alwaysShown: [counts.count], listed: listed).prefix(counts.count))
    }
}
