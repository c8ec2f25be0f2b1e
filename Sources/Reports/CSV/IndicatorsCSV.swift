import Dialogs

/// `indicators.csv`: every figure of the report as rows (section, indicator, city, category, value),
/// in the reader's language, small-number protected as in the HTML report.
enum IndicatorsCSV {
    static let headers = ["section", "indicator_id", "indicator", "city", "category_id", "category", "value"]

    static func write(_ indicators: Indicators, language: Language, to writer: ByteWriter) {
        var rows: [[String]] = []
        for key in indicators.keyIndicators {
            rows.append([key.section.rawValue, key.id, key.name.text(language), "", "", "", key.value.map { plain($0, key.unit) } ?? ""])
        }
        let m = indicators.mentoring
        append(&rows, .mentorship, "topics", pick(language, "Темы", "Темалар", "Topics"), m.topics, language)
        append(&rows, .mentorship, "support_with", pick(language, "Поддержка в чём", "Эмнеде колдоо", "Support with"), m.support.topics, language)
        for point in m.confidence.byMonth {
            rows.append([ReportSection.mentorship.rawValue, "confidence_mean_by_month", pick(language, "Средняя уверенность", "Орточо ишеним", "Mean confidence"),
                         "", point.month, point.month, plain(point.mean, .hours)])
        }
        let c = indicators.monitoring
        let rule = SmallNumbers(threshold: indicators.smallNumberThreshold)
        let protected = ProtectedMonitoring(c, rule: rule)
        for city in protected.reportsByCity {
            rows.append([ReportSection.monitoring.rawValue, "reports_by_city", pick(language, "Отчёты по городам", "Шаарлар боюнча отчёттор", "Reports by city"),
                         city.city, "", "", rule.text(city.cell)])
        }
        append(&rows, .monitoring, "barriers", pick(language, "Барьеры", "Тоскоолдуктар", "Barriers"), protected.barriers, rule, language)
        append(&rows, .monitoring, "violations_by_kind", pick(language, "Нарушения по видам", "Бузуулар түрлөрү боюнча", "Violations by kind"),
               protected.violationsByKind, rule, language)
        append(&rows, .monitoring, "violations_by_perpetrator", pick(language, "Нарушения: кто нарушил", "Бузуулар: ким бузду", "Violations by perpetrator"),
               protected.violationsByPerpetrator, rule, language)
        append(&rows, .monitoring, "help_outcomes", pick(language, "Помощь или направление", "Жардам же жолдомо", "Help or referral"), c.helpOutcomes, language)
        for city in protected.violationsByCity {
            rows.append([ReportSection.monitoring.rawValue, "violations_by_city", pick(language, "Нарушения по городам", "Шаарлар боюнча бузуулар", "Violations by city"),
                         city.city, "", "", rule.text(city.cell)])
        }
        appendTable(&rows, "barriers_by_city", pick(language, "Барьеры по городам", "Шаарлар боюнча тоскоолдуктар", "Barriers by city"),
                    protected.barriers, rule, language)
        appendTable(&rows, "violations_by_city_and_perpetrator", pick(language, "Нарушения по городам и нарушителям", "Шаарлар жана бузуучулар боюнча бузуулар", "Violations by city and perpetrator"),
                    protected.violationsByPerpetrator, rule, language)
        appendTable(&rows, "violations_by_city_and_kind", pick(language, "Нарушения по городам и видам", "Шаарлар жана түрлөрү боюнча бузуулар", "Violations by city and kind"),
                    protected.violationsByKind, rule, language)
        let ccm = indicators.ccm
        append(&rows, .ccm, "meetings_by_kind", pick(language, "Заседания по видам", "Жыйындар түрлөрү боюнча", "Meetings by kind"), ccm.meetingsByKind, language)
        append(&rows, .ccm, "issues_raised", pick(language, "Поднятые вопросы", "Көтөрүлгөн маселелер", "Issues raised"), ccm.issues, language)
        for row in rows {
            writer.encode { CSVField.appendRow(row, to: &$0) }
        }
    }

    private static func append(_ rows: inout [[String]], _ section: ReportSection, _ id: String, _ name: String,
                               _ counts: [CategoryCount], _ language: Language) {
        for count in counts {
            rows.append([section.rawValue, id, name, "", count.id, count.name.text(language), String(count.count)])
        }
    }

    /// National counts that are margins of a protected city table, as that table shows them.
    private static func append(_ rows: inout [[String]], _ section: ReportSection, _ id: String, _ name: String,
                               _ table: ProtectedBreakdown, _ rule: SmallNumbers, _ language: Language) {
        for (category, cell) in zip(table.categories, table.categoryTotals) {
            rows.append([section.rawValue, id, name, "", category.id, category.name.text(language), rule.text(cell)])
        }
    }

    private static func appendTable(_ rows: inout [[String]], _ id: String, _ name: String, _ table: ProtectedBreakdown,
                                    _ rule: SmallNumbers, _ language: Language) {
        for (row, city) in table.cities.enumerated() {
            for (column, category) in table.categories.enumerated() {
                rows.append([ReportSection.monitoring.rawValue, id, name, city, category.id, category.name.text(language),
                             rule.text(table.cells[row][column])])
            }
        }
    }

    /// Machine-friendly: a dot for decimals, whole numbers without one.
    private static func plain(_ value: Double, _ unit: KeyIndicator.Unit) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
