import Dialogs

/// Inline SVG charts for the HTML report: no scripts, no fonts or files from outside, so the report
/// opens offline on a phone.
enum SVGChart {
    /// One bar: a label, and what to show for its value.
    struct Bar {
        let label: String
        let cell: SmallNumbers.Cell
    }

    /// Horizontal bars, each with its label above it. Suppressed values get a dashed stub, never a length.
    static func bars(_ bars: [Bar], title: String, rule: SmallNumbers) -> String {
        guard !bars.isEmpty else { return "" }
        let width = 640, rowHeight = 40, labelWidth = 560
        let maximum = bars.compactMap { bar -> Int? in if case .count(let value) = bar.cell { value } else { nil } }.max() ?? 0
        let scale = Double(labelWidth - 60) / Double(max(maximum, rule.threshold, 1))
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(bars.count * rowHeight + 6)\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let top = index * rowHeight
            svg += "<text x=\"0\" y=\"\(top + 14)\" class=\"label\">\(HTML.escape(truncated(bar.label)))</text>"
            switch bar.cell {
            case .count(let value):
                let length = value == 0 ? 0 : max(2, Int((Double(value) * scale).rounded()))
                if length > 0 {
                    svg += "<rect x=\"0\" y=\"\(top + 19)\" width=\"\(length)\" height=\"14\" rx=\"2\" class=\"bar\"/>"
                }
                svg += "<text x=\"\(length + 6)\" y=\"\(top + 31)\" class=\"value\">\(value)</text>"
            case .small, .hidden:
                let stub = max(8, Int((Double(rule.threshold) * scale / 2).rounded()))
                svg += "<rect x=\"0.5\" y=\"\(Double(top) + 19.5)\" width=\"\(stub)\" height=\"13\" rx=\"2\" class=\"bar-hidden\"/>"
                svg += "<text x=\"\(stub + 6)\" y=\"\(top + 31)\" class=\"value\">\(HTML.escape(rule.text(bar.cell)))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// A line over months for a 1-5 score, with a dot per month.
    static func line(_ points: [(label: String, value: Double)], title: String, language: Language) -> String {
        guard !points.isEmpty else { return "" }
        let width = 640.0, height = 260.0, left = 34.0, right = 14.0, top = 14.0, bottom = 40.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double { points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1) }
        func y(_ value: Double) -> Double { top + plotHeight * (5 - min(5, max(1, value))) / 4 }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for level in 1...5 {
            let yy = format(y(Double(level)))
            svg += "<line x1=\"\(format(left))\" y1=\"\(yy)\" x2=\"\(format(width - right))\" y2=\"\(yy)\" class=\"grid\"/>"
            svg += "<text x=\"\(format(left - 8))\" y=\"\(format(y(Double(level)) + 4))\" class=\"axis\" text-anchor=\"end\">\(level)</text>"
        }
        let labelEvery = max(1, Int((Double(points.count) / 8).rounded(.up)))
        for (index, point) in points.enumerated() where index % labelEvery == 0 || index == points.count - 1 {
            svg += "<text x=\"\(format(x(index)))\" y=\"\(format(height - bottom + 18))\" class=\"axis\" text-anchor=\"middle\">\(HTML.escape(point.label))</text>"
        }
        let path = points.enumerated().map { "\(format(x($0.offset))),\(format(y($0.element.value)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(path)\" class=\"line\"/>"
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(point.value)))\" r=\"3.5\" class=\"dot\">"
            svg += "<title>\(HTML.escape(point.label)): \(NumberFormat.decimal(point.value, language))</title></circle>"
        }
        return svg + "</svg>"
    }

    private static func truncated(_ label: String) -> String {
        label.count > 80 ? String(label.prefix(79)) + "…" : label
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
