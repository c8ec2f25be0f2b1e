extension HTMLPage {
    mutating func monitoring() {
        let m = indicators.monitoring
        let protected = ProtectedMonitoring(m, rule: rule)
        heading(2, t("Мониторинг силами сообщества", "Коомчулук жүргүзгөн мониторинг", "Community-led monitoring"), id: "monitoring")
        figures([
            (t("Отчётов мониторинга", "Мониторинг отчёттору", "Monitoring reports"), "\(m.reports)"),
            (t("Отчётов прервано", "Үзгүлтүккө учураган отчёттор", "Reports interrupted"), "\(m.partialReports)"),
            (t("Мониторов отправили отчёт", "Отчёт жөнөткөн мониторлор", "Monitors who reported"), "\(m.monitorsReporting)"),
        ])
        let byCity = t("Отчёты по городам", "Шаарлар боюнча отчёттор", "Reports by city")
        heading(3, byCity)
        append(SVGChart.bars(protected.reportsByCity.map { SVGChart.Bar(label: PeriodText.city($0.city, language), cell: $0.cell) },
                             title: byCity, rule: rule))

        heading(3, t("Услуги: доступность и качество", "Кызматтар: жеткиликтүүлүк жана сапат", "Services: availability and quality"))
        table([t("Услуга", "Кызмат", "Service"), t("Проверок", "Текшерүү", "Checks"), t("Доступна", "Жеткиликтүү", "Available"),
               t("Частично", "Жарым-жартылай", "Partly"), t("Недоступна", "Жеткиликсиз", "Not available"), t("Неизвестно", "Белгисиз", "Unknown"),
               t("Качество (1–5)", "Сапаты (1–5)", "Quality (1–5)")],
              m.services.map { service in
                  [service.name.text(language), "\(service.checks)", "\(service.available)", "\(service.partly)", "\(service.notAvailable)",
                   "\(service.unknown)", NumberFormat.decimal(service.meanQuality, language)]
              })

        let barriers = t("Барьеры в получении услуг", "Кызмат алуудагы тоскоолдуктар", "Barriers to services")
        heading(3, barriers)
        bars(protected.barriers, title: barriers)
        paragraph(t("Отчётов без барьеров: \(m.reportsWithoutBarriers)", "Тоскоолдугу жок отчёттор: \(m.reportsWithoutBarriers)",
                    "Reports finding no barriers: \(m.reportsWithoutBarriers)"), className: "note")
        heading(3, t("Барьеры по городам", "Шаарлар боюнча тоскоолдуктар", "Barriers by city"))
        cityTable(protected.barriers, totalHeader: t("Отчётов с барьерами", "Тоскоолдугу бар отчёттор", "Reports with barriers"))

        heading(3, t("Нарушения прав", "Укук бузуулар", "Rights violations"))
        figures([
            (t("Отчётов о нарушениях", "Бузуулар тууралуу отчёттор", "Reports of violations"), "\(m.reportsWithViolations)"),
            (t("Случаев нарушений", "Бузуу окуялары", "Cases"), "\(m.violations)"),
            (t("Помощь оказана", "Жардам көрсөтүлдү", "Help given"), "\(m.helpGiven)"),
            (t("Направлено к специалистам", "Адистерге жөнөтүлдү", "Referrals given"), "\(m.referrals)"),
        ])
        let kinds = t("Нарушения по видам", "Бузуулар түрлөрү боюнча", "Violations by kind")
        heading(3, kinds)
        bars(protected.violationsByKind, title: kinds)
        let perpetrators = t("Кто нарушил", "Ким бузду", "Who violated the rights")
        heading(3, perpetrators)
        bars(protected.violationsByPerpetrator, title: perpetrators)
        let cities = t("Нарушения по городам", "Шаарлар боюнча бузуулар", "Violations by city")
        heading(3, cities)
        append(SVGChart.bars(protected.violationsByCity.map { SVGChart.Bar(label: PeriodText.city($0.city, language), cell: $0.cell) },
                             title: cities, rule: rule))
        cityTable(protected.violationsByPerpetrator, totalHeader: t("Всего", "Бардыгы", "Total"))
        heading(3, t("Нарушения по городам и видам", "Шаарлар жана түрлөрү боюнча бузуулар", "Violations by city and kind"))
        cityTable(protected.violationsByKind, totalHeader: t("Всего", "Бардыгы", "Total"))
        let help = t("Помощь или направление после нарушения", "Бузуудан кийинки жардам же жолдомо", "Help or referral after a violation")
        heading(3, help)
        bars(m.helpOutcomes, title: help)
        let participation = t("Участие сообщества в решениях об услугах", "Кызматтар боюнча чечимдерге коомчулуктун катышуусу",
                              "Community part in decisions about services")
        heading(3, participation)
        bars(m.participation, title: participation)
    }
}
