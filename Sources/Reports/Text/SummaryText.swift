import Dialogs
import Foundation

/// `/summary` and `kenesh report --format text`: a short message with the key numbers of each section,
/// as Telegram HTML (parse_mode HTML) or plain text. Meant for sharing, so violations by city are
/// small-number protected.
public enum SummaryText {
    /// How the text is marked up.
    public enum Markup: Sendable {
        case telegramHTML, plain
    }

    public static func render(_ indicators: Indicators, sections: [ReportSection] = ReportSection.allCases, language: Language,
                              markup: Markup = .telegramHTML) -> String {
        let text = render(indicators, sections: sections, language: language)
        guard markup == .plain else { return text }
        return plain(text)
    }

    private static func render(_ indicators: Indicators, sections: [ReportSection], language: Language) -> String {
        let rule = SmallNumbers(threshold: indicators.smallNumberThreshold)
        var lines = ["<b>" + HTML.escape(pick(language, "Сводка", "Кыскача маалымат", "Summary") + ": "
                     + PeriodText.name(indicators.period, language)) + "</b>"]
        for section in sections {
            lines.append("")
            switch section {
            case .mentorship: lines += mentoring(indicators.mentoring, language)
            case .monitoring: lines += monitoring(indicators.monitoring, language, rule)
            case .ccm: lines += ccm(indicators.ccm, language)
            }
        }
        if sections.contains(.monitoring), indicators.monitoring.violations > 0 {
            lines += ["", "<i>" + HTML.escape(PeriodText.smallNumberNote(rule, language)) + "</i>"]
        }
        return lines.joined(separator: "\n")
    }

    private static func mentoring(_ m: MentoringIndicators, _ language: Language) -> [String] {
        var lines = [bold(pick(language, "Менторство", "Устаттык", "Mentoring"))]
        lines.append(pick(language, "Лидеров с поддержкой: ", "Колдоо алган лидерлер: ", "Leaders supported: ")
                     + "\(m.leadersSupported)" + pick(language, " (в программе \(m.leadersEnrolled))", " (программада \(m.leadersEnrolled))",
                                                      " (\(m.leadersEnrolled) enrolled)"))
        lines.append(pick(language, "Дневники: ", "Күндөлүктөр: ", "Check-ins: ") + "\(m.checkInsCompleted)"
                     + (m.checkInsInvited > 0
                        ? pick(language, ", ответ на \(m.invitationsAnswered) из \(m.checkInsInvited) приглашений",
                               ", \(m.checkInsInvited) чакыруунун \(m.invitationsAnswered) жооп алды",
                               ", \(m.invitationsAnswered) of \(m.checkInsInvited) invitations answered")
                          + " (" + NumberFormat.percent(m.responseRate, language) + ")"
                        : ""))
        if let top = top(m.topics, language) {
            lines.append(pick(language, "Темы: ", "Темалар: ", "Topics: ") + top)
        }
        if m.confidence.leaders > 0 {
            lines.append(pick(language, "Уверенность 4–5: ", "Ишеним 4–5: ", "Confidence 4–5: ")
                         + NumberFormat.percent(m.confidence.shareAt4or5, language)
                         + pick(language, " лидеров", " лидерлер", " of leaders")
                         + " (↑\(m.confidence.rose) =\(m.confidence.unchanged) ↓\(m.confidence.fell))")
        }
        let support = m.support
        lines.append(pick(language, "Запросы поддержки: ", "Колдоо суроолору: ", "Support requests: ") + "\(support.requested)"
                     + pick(language, ", подтверждено \(support.acknowledged), открыто \(support.open)",
                            ", кабыл алынды \(support.acknowledged), ачык \(support.open)",
                            ", acknowledged \(support.acknowledged), open \(support.open)")
                     + (support.medianHoursToAcknowledge.map {
                         pick(language, ", медиана ", ", медиана ", ", median ") + NumberFormat.decimal($0, language) + pick(language, " ч", " саат", " h")
                     } ?? ""))
        return lines
    }

    private static func monitoring(_ m: MonitoringIndicators, _ language: Language, _ rule: SmallNumbers) -> [String] {
        var lines = [bold(pick(language, "Мониторинг", "Мониторинг", "Monitoring"))]
        let protected = ProtectedMonitoring(m, rule: rule)
        let cities = protected.reportsByCity.map { PeriodText.city($0.city, language) + " " + rule.text($0.cell) }.joined(separator: ", ")
        lines.append(pick(language, "Отчётов: ", "Отчёттор: ", "Reports: ") + "\(m.reports)" + (cities.isEmpty ? "" : " (" + HTML.escape(cities) + ")"))
        let checks = m.services.reduce(0) { $0 + $1.checks }
        if checks > 0 {
            let unavailable = m.services.reduce(0) { $0 + $1.notAvailable }
            lines.append(pick(language, "Проверок услуг: \(checks), недоступна: \(unavailable)",
                              "Кызмат текшерүүлөр: \(checks), жеткиликсиз: \(unavailable)",
                              "Service checks: \(checks), not available: \(unavailable)"))
        }
        if let top = top(protected.barriers, rule, language) {
            lines.append(pick(language, "Барьеры: ", "Тоскоолдуктар: ", "Barriers: ") + top)
        }
        var violations = pick(language, "Нарушения прав: ", "Укук бузуулар: ", "Rights violations: ") + "\(m.violations)"
        if let by = top(protected.violationsByPerpetrator, rule, language, limit: 4) { violations += " — " + by }
        lines.append(violations)
        if !protected.violationsByCity.isEmpty {
            let text = protected.violationsByCity.map { PeriodText.city($0.city, language) + " " + rule.text($0.cell) }.joined(separator: ", ")
            lines.append(pick(language, "По городам: ", "Шаарлар боюнча: ", "By city: ") + HTML.escape(text))
        }
        lines.append(pick(language, "Направлено к специалистам: \(m.referrals), помощь оказана: \(m.helpGiven)",
                          "Адиске жөнөтүлдү: \(m.referrals), жардам көрсөтүлдү: \(m.helpGiven)",
                          "Referrals: \(m.referrals), help given: \(m.helpGiven)"))
        return lines
    }

    private static func ccm(_ c: CCMIndicators, _ language: Language) -> [String] {
        var lines = [bold(pick(language, "СКК", "СКК", "CCM"))]
        let kinds = c.meetingsByKind.filter { $0.count > 0 }.map { HTML.escape($0.name.text(language)) + " \($0.count)" }.joined(separator: ", ")
        lines.append(pick(language, "Заседаний: ", "Жыйындар: ", "Meetings held: ") + "\(c.meetingsHeld)" + (kinds.isEmpty ? "" : " (\(kinds))"))
        lines.append(pick(language, "С представителем сообщества: \(c.meetingsWithRepresentative), выступали: \(c.meetingsWhereSpoke)",
                          "Коомчулуктун өкүлү менен: \(c.meetingsWithRepresentative), сөз сүйлөштү: \(c.meetingsWhereSpoke)",
                          "With a community representative: \(c.meetingsWithRepresentative), spoke at: \(c.meetingsWhereSpoke)"))
        lines.append(pick(language, "Участий в принятии решений: ", "Чечим кабыл алууга катышуулар: ", "Times taking part in decision-making: ")
                     + "\(c.participations)")
        if let top = top(c.issues, language, limit: 4) {
            lines.append(pick(language, "Вопросы секс-работников: ", "Секс-кызматкерлердин маселелери: ", "Sex worker issues raised: ") + top)
        }
        return lines
    }

    /// "Name 8, Name 6, Name 4": the largest non-zero counts.
    private static func top(_ counts: [CategoryCount], _ language: Language, limit: Int = 3) -> String? {
        let ranked = counts.filter { $0.count > 0 }.sorted { $0.count > $1.count }
        guard !ranked.isEmpty else { return nil }
        let shown = ranked.prefix(limit).map { HTML.escape($0.name.text(language)) + " \($0.count)" }
        return shown.joined(separator: ", ") + (ranked.count > limit ? ", …" : "")
    }

    /// The same for national counts that are margins of a protected city table: shown counts largest first,
    /// then the protected ones in category order, so a place in the list does not bound a hidden count.
    private static func top(_ table: ProtectedBreakdown, _ rule: SmallNumbers, _ language: Language, limit: Int = 3) -> String? {
        let cells = zip(table.categories, table.categoryTotals).filter { $0.1 != .count(0) }
        func value(_ cell: SmallNumbers.Cell) -> Int? { if case .count(let count) = cell { count } else { nil } }
        let ranked = cells.filter { value($0.1) != nil }.sorted { value($0.1)! > value($1.1)! } + cells.filter { value($0.1) == nil }
        guard !ranked.isEmpty else { return nil }
        let shown = ranked.prefix(limit).map { HTML.escape($0.0.name.text(language)) + " " + HTML.escape(rule.text($0.1)) }
        return shown.joined(separator: ", ") + (ranked.count > limit ? ", …" : "")
    }

    private static func bold(_ text: String) -> String { "<b>" + HTML.escape(text) + "</b>" }

    /// The Telegram HTML without its tags and entities; the only tags used are <b> and <i>.
    private static func plain(_ html: String) -> String {
        var text = html
        for tag in ["<b>", "</b>", "<i>", "</i>"] { text = text.replacingOccurrences(of: tag, with: "") }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
