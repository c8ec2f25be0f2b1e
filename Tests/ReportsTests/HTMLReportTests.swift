import Dialogs
import Foundation
import Testing
@testable import Reports

@Suite struct HTMLReportTests {
    let indicators: Indicators

    init() throws {
        indicators = try FixtureStore().indicators()
    }

    @Test(arguments: Language.allCases)
    func isSelfContained(_ language: Language) {
        let html = HTMLReport.render(indicators, language: language)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"\(language.rawValue)\">"))
        #expect(html.hasSuffix("</body></html>\n"))
        for outside in ["http://", "https://", "<script", "src=", "href=", "@import", "url(", "<link", "<iframe", "<img"] {
            #expect(!html.lowercased().contains(outside), "found \(outside)")
        }
        #expect(html.contains("<meta charset=\"utf-8\">"))
    }

    @Test(arguments: Language.allCases)
    func namesEveryKeyIndicatorWithItsValue(_ language: Language) {
        let html = HTMLReport.render(indicators, language: language)
        for key in indicators.keyIndicators {
            #expect(html.contains(HTML.escape(key.name.text(language))), "missing \(key.id)")
            #expect(html.contains(">\(HTML.escape(NumberFormat.keyValue(key, language)))</td>"), "missing value of \(key.id)")
        }
    }

    @Test func hasChartsTablesAndProtectedCities() {
        let html = HTMLReport.render(indicators, language: .en)
        #expect(html.components(separatedBy: "<svg").count > 10)
        #expect(html.contains("<polyline"))
        #expect(html.contains("Violations by city"))
        // Osh's single case and the Bishkek count that would reveal it.
        #expect(html.contains("&lt;3"))
        let chart = html.components(separatedBy: "aria-label=\"Violations by city\"")[1].components(separatedBy: "</svg>")[0]
        #expect(chart.components(separatedBy: "class=\"bar-hidden\"").count == 3)
        #expect(!chart.contains("class=\"bar\""))
        #expect(chart.contains(">*</text>"))
        for alias in ["Aigul", "Bermet", "Nurs1", "Mentor1"] { #expect(!html.contains(alias)) }
        #expect(!html.contains("Выступила"))
        #expect(html.contains("Public speaking, training, leading a discussion"))
        #expect(html.contains("&quot;fundraising&quot;"))
    }

    @Test func staysValidWithNothingToDraw() throws {
        let fixture = try FixtureStore()
        let empty = try fixture.indicators(try ReportPeriod.parse("2025", now: fixture.now))
        let html = HTMLReport.render(empty, language: .ru)
        #expect(html.contains("Нет данных."))
        #expect(html.hasSuffix("</body></html>\n"))
    }
}
