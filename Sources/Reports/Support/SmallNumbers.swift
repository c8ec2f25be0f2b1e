/// Small-number protection for city breakdowns in formats meant for sharing: a count from 1 to
/// `threshold - 1` could point at one person in a small city, so it is shown as "<3".
/// When a table's totals are published, one hidden cell could be worked out by subtraction, so
/// `protect` also hides the next smallest cell of that row or column (secondary suppression, shown as "*").
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

    /// Protects a table of counts (rows × columns). `rowTotalsPublished[r]` says row r's total is shown
    /// somewhere; `columnTotalsPublished` says each column's total is.
    public func protect(_ counts: [[Int]], rowTotalsPublished: [Bool], columnTotalsPublished: Bool) -> [[Cell]] {
        var cells = counts.map { row in row.map { isSmall($0) ? Cell.small : .count($0) } }
        var lines: [[(Int, Int)]] = []
        for (row, published) in rowTotalsPublished.enumerated() where published && row < counts.count {
            lines.append(counts[row].indices.map { (row, $0) })
        }
        if columnTotalsPublished, let width = counts.map(\.count).max() {
            for column in 0..<width {
                lines.append(counts.indices.filter { column < counts[$0].count }.map { ($0, column) })
            }
        }
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let hiddenCount = line.filter { cells[$0.0][$0.1] != .count(counts[$0.0][$0.1]) }.count
                guard hiddenCount == 1 else { continue }
                let candidates = line.filter { counts[$0.0][$0.1] > 0 && cells[$0.0][$0.1] == .count(counts[$0.0][$0.1]) }
                guard let smallest = candidates.min(by: { counts[$0.0][$0.1] < counts[$1.0][$1.1] }) else { continue }
                cells[smallest.0][smallest.1] = .hidden
                changed = true
            }
        }
        return cells
    }

    /// A list of city counts whose sum is published: primary, then secondary suppression.
    public func protect(_ counts: [Int], totalPublished: Bool = true) -> [Cell] {
        protect([counts], rowTotalsPublished: [totalPublished], columnTotalsPublished: false)[0]
    }
}
