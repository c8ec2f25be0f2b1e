import Dialogs
import Foundation

/// Numbers as people read them in each language: "83 %" and "3,5" in Russian and Kyrgyz, "83%" and "3.5" in English.
enum NumberFormat {
    static func percent(_ fraction: Double?, _ language: Language) -> String {
        guard let fraction else { return "—" }
        let value = Int((fraction * 100).rounded())
        return language == .en ? "\(value)%" : "\(value)\u{00A0}%"
    }

    /// One decimal, trailing ".0" dropped.
    static func decimal(_ value: Double?, _ language: Language) -> String {
        guard let value else { return "—" }
        let rounded = (value * 10).rounded() / 10
        var text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        if language != .en { text = text.replacingOccurrences(of: ".", with: ",") }
        return text
    }

    static func keyValue(_ indicator: KeyIndicator, _ language: Language) -> String {
        switch indicator.unit {
        case .count: indicator.value.map { String(Int($0.rounded())) } ?? "—"
        case .percent: indicator.value.map { percent($0 / 100, language) } ?? "—"
        case .hours: decimal(indicator.value, language)
        }
    }
}
