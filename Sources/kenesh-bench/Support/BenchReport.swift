import Foundation

/// Prints a scenario's figures as a table and as one JSON line, so they can be pasted into README;
/// with `--json FILE`, the JSON is also written to FILE, as the engine and reports scenarios do.
struct BenchReport {
    nonisolated(unsafe) static var jsonFile: String?

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
        Swift.print("JSON \(json)")
        if let path = Self.jsonFile {
            do {
                try Data((json + "\n").utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                FileHandle.standardError.write(Data("kenesh-bench: cannot write \(path): \(error)\n".utf8))
            }
        }
    }

    /// The figures as one JSON object, with the time they were measured.
    var json: String {
        let object: [String: Any] = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.value as Any) })
            .merging(["scenario": scenario, "measuredAt": ISO8601DateFormatter().string(from: Date())]) { $1 }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
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
