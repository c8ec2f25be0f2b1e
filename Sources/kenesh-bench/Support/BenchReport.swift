import Foundation

/// Prints a scenario's figures as a table and as one JSON line, so they can be pasted into README.
struct BenchReport {
    let scenario: String
    private(set) var rows: [(name: String, value: Double, unit: String, target: String)] = []

    init(scenario: String) {
        self.scenario = scenario
    }

    mutating func add(_ name: String, _ value: Double, _ unit: String, target: String = "") {
        rows.append((name, value, unit, target))
    }

    func print() {
        Swift.print("\n\(scenario)")
        for row in rows {
            let value = row.value >= 100 ? String(format: "%.0f", row.value) : String(format: "%.3f", row.value)
            let target = row.target.isEmpty ? "" : "   (target \(row.target))"
            Swift.print("  \(row.name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(value) \(row.unit)\(target)")
        }
        let json = rows.map { "\"\($0.name)\": \($0.value)" }.joined(separator: ", ")
        Swift.print("JSON {\"scenario\": \"\(scenario)\", \(json)}")
    }
}

/// Percentiles of a list of durations.
extension Array where Element == Double {
    func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        let index = Swift.min(sorted.count - 1, Swift.max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }
}
