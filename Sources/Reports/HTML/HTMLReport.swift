import Foundation
import Dialogs

/// `/report` and `kenesh report --format html`: one self-contained HTML file (inline CSS and SVG, no
/// scripts, no links out) with every indicator, tables and charts, in the coordinator's language.
/// Meant for sharing: city breakdowns of barriers and violations are small-number protected, and no
/// person appears in it, not even under a pseudonymous id.
public enum HTMLReport {
    public static func render(_ indicators: Indicators, language: Language) -> String {
        var page = HTMLPage(indicators: indicators, language: language)
        page.header()
        page.keyIndicators()
        page.mentoring()
        page.monitoring()
        page.ccm()
        page.notes()
        return page.finish()
    }
}

/// The report being written, with the helpers every section uses.
struct HTMLPage {
    let indicators: Indicators
    let language: Language
    let rule: SmallNumbers
    private(set) var html = ""

    init(indicators: Indicators, language: Language) {
        self.indicators = indicators
        self.language = language
        rule = SmallNumbers(threshold: indicators.smallNumberThreshold)
    }

    func t(_ ru: String, _ ky: String, _ en: String) -> String { pick(language, ru, ky, en) }

    mutating func append(_ fragment: String) { html += fragment }

    mutating func heading(_ level: Int, _ text: String, id: String? = nil) {
        html += "<h\(level)\(id.map { " id=\"\($0)\"" } ?? "")>\(HTML.escape(text))</h\(level)>"
    }

    mutating func paragraph(_ text: String, className: String? = nil) {
        html += "<p\(className.map { " class=\"\($0)\"" } ?? "")>\(HTML.escape(text))</p>"
    }

    /// A two-column table of named figures.
    mutating func figures(_ rows: [(String, String)]) {
        html += "<table>"
        for (name, value) in rows { html += "<tr><td>\(HTML.escape(name))</td><td class=\"n\">\(HTML.escape(value))</td></tr>" }
        html += "</table>"
    }

    /// A table with a header row; the first column is text, the rest numbers.
    mutating func table(_ headers: [String], _ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        html += "<div class=\"scroll\"><table><tr>"
        for (index, header) in headers.enumerated() { html += "<th\(index > 0 ? " class=\"n\"" : "")>\(HTML.escape(header))</th>" }
        html += "</tr>"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() { html += "<td\(index > 0 ? " class=\"n\"" : "")>\(HTML.escape(cell))</td>" }
            html += "</tr>"
        }
        html += "</table></div>"
    }

    /// Bars for category counts, zeros left out; not tied to any city breakdown, so shown as counted.
    mutating func bars(_ counts: [CategoryCount], title: String) {
        protectedBars(counts.map { ($0, SmallNumbers.Cell.count($0.count)) }, title: title)
    }

    /// Bars for national counts that are margins of a protected city table, as that table shows them.
    mutating func bars(_ table: ProtectedBreakdown, title: String) {
        protectedBars(Array(zip(table.categories, table.categoryTotals)), title: title)
    }

    private mutating func protectedBars(_ counts: [(CategoryCount, SmallNumbers.Cell)], title: String) {
        let shown = counts.filter { $0.1 != .count(0) }
        guard !shown.isEmpty else { return paragraph(t("Нет данных.", "Маалымат жок.", "No data."), className: "note") }
        html += SVGChart.bars(shown.map { SVGChart.Bar(label: $0.0.name.text(language), cell: $0.1) }, title: title, rule: rule)
    }

    /// A protected city breakdown as a table.
    mutating func cityTable(_ table: ProtectedBreakdown, totalHeader: String) {
        guard !table.cities.isEmpty else { return }
        let headers = [t("Город", "Шаар", "City")] + table.categories.map { $0.name.text(language) } + [totalHeader]
        let rows = table.cities.enumerated().map { row, city in
            [PeriodText.city(city, language)] + table.cells[row].map { rule.text($0) } + [rule.text(table.totals[row])]
        }
        self.table(headers, rows)
    }

    mutating func header() {
        let title = t("Отчёт программы", "Программанын отчёту", "Programme report")
        html = "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>\(HTML.escape("Kenesh — \(title) — \(PeriodText.name(indicators.period, language))"))</title>"
        html += "<style>\(HTMLStyle.css)</style></head><body><header>"
        heading(1, "Kenesh — " + title)
        var clock = LocalClock(timeZone: TimeZoneName.zone(indicators.timeZone))
        paragraph(t("Период", "Мезгил", "Period") + ": " + PeriodText.name(indicators.period, language) + " · "
                  + t("подготовлено", "даярдалган", "generated") + " " + String(clock.timestamp(indicators.generatedAt).prefix(16)).replacingOccurrences(of: "T", with: " ")
                  + " (" + indicators.timeZone + ")", className: "meta")
        html += "</header>"
    }

    mutating func keyIndicators() {
        heading(2, t("Ключевые индикаторы", "Негизги индикаторлор", "Key indicators"), id: "key")
        html += "<table class=\"key\">"
        for key in indicators.keyIndicators {
            html += "<tr><td>\(HTML.escape(key.name.text(language)))"
            if let source = key.source { html += "<span class=\"source\">\(HTML.escape(source))</span>" }
            html += "</td><td class=\"n\">\(HTML.escape(NumberFormat.keyValue(key, language)))</td></tr>"
        }
        html += "</table>"
    }

    mutating func notes() {
        heading(2, t("Примечания", "Эскертүүлөр", "Notes"), id: "notes")
        html += "<ul>"
        var lines = [PeriodText.smallNumberNote(rule, language),
                     t("Считаются только отправленные ответы; прерванные указаны отдельно. Время — местное (\(indicators.timeZone)).",
                       "Жөнөтүлгөн жооптор гана эсептелет; үзгүлтүккө учурагандар өзүнчө көрсөтүлөт. Убакыт — жергиликтүү (\(indicators.timeZone)).",
                       "Only answers that were sent count; interrupted ones are shown apart. Times are local (\(indicators.timeZone)).")]
        lines += indicators.notes.map { $0.text(language) }
        for line in lines { html += "<li class=\"note\">\(HTML.escape(line))</li>" }
        html += "</ul>"
    }

    func finish() -> String { html + "</body></html>\n" }
}

/// A time zone by identifier, Bishkek when the name is unknown.
enum TimeZoneName {
    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? .bishkek
    }
}
