extension HTMLPage {
    mutating func mentoring() {
        let m = indicators.mentoring
        heading(2, t("Менторство", "Устаттык", "Mentoring"), id: "mentorship")
        figures([
            (t("Лидеров в программе сейчас", "Азыр программадагы лидерлер", "Leaders enrolled now"), "\(m.leadersEnrolled)"),
            (t("Лидеров получили поддержку (заполнили дневник)", "Колдоо алган лидерлер (күндөлүк толтурган)", "Leaders supported (sent a check-in)"), "\(m.leadersSupported)"),
            (t("Приглашений заполнить дневник", "Күндөлүк толтурууга чакыруулар", "Check-in invitations"), "\(m.checkInsInvited)"),
            (t("Из них с ответом", "Алардын ичинен жооп берилгени", "Of those answered"), "\(m.invitationsAnswered)"),
            (t("Доля ответов", "Жооптордун үлүшү", "Response rate"), NumberFormat.percent(m.responseRate, language)),
            (t("Дневников отправлено", "Жөнөтүлгөн күндөлүктөр", "Check-ins sent"), "\(m.checkInsCompleted)"),
            (t("Дневников прервано", "Үзгүлтүккө учураган күндөлүктөр", "Check-ins interrupted"), "\(m.checkInsPartial)"),
        ])
        let topics = t("Темы наставничества", "Устаттыктын темалары", "Mentoring topics worked on")
        heading(3, topics)
        bars(m.topics, title: topics)

        let confidence = t("Уверенность в участии в принятии решений (1–5)", "Чечим кабыл алууга катышууга ишеним (1–5)",
                           "Confidence to take part in decision-making (1–5)")
        heading(3, confidence)
        append(SVGChart.line(m.confidence.byMonth.map { ($0.month, $0.mean) },
                             title: confidence + " — " + t("среднее по месяцам", "айлар боюнча орточо", "monthly mean"), language: language))
        figures([
            (t("Лидеров с ответом об уверенности", "Ишеними тууралуу жооп берген лидерлер", "Leaders who rated their confidence"), "\(m.confidence.leaders)"),
            (t("Доля на 4–5 (последний ответ)", "4–5 үлүшү (акыркы жооп)", "Share at 4–5 (latest answer)"), NumberFormat.percent(m.confidence.shareAt4or5, language)),
            (t("Уверенность выросла / не изменилась / снизилась", "Ишеним өстү / өзгөргөн жок / төмөндөдү", "Confidence rose / unchanged / fell"),
             "\(m.confidence.rose) / \(m.confidence.unchanged) / \(m.confidence.fell)"),
        ])
        if !m.confidence.byMonth.isEmpty {
            table([t("Месяц", "Ай", "Month"), t("Среднее", "Орточо", "Mean"), t("Ответов", "Жооптор", "Answers"), "4–5"],
                  m.confidence.byMonth.map { [$0.month, NumberFormat.decimal($0.mean, language), "\($0.answers)", NumberFormat.percent($0.shareAt4or5, language)] })
        }

        let support = t("Запросы поддержки", "Колдоо суроолору", "Support requests")
        heading(3, support)
        figures([
            (t("Запросов", "Суроолор", "Requested"), "\(m.support.requested)"),
            (t("Ментор подтвердил", "Устат кабыл алды", "Acknowledged by a mentor"), "\(m.support.acknowledged)"),
            (t("Без ответа", "Жоопсуз", "Still open"), "\(m.support.open)"),
            (t("Медианное время до подтверждения, ч", "Кабыл алууга чейинки убакыттын медианасы, саат", "Median time to acknowledge, hours"),
             NumberFormat.decimal(m.support.medianHoursToAcknowledge, language)),
        ])
        bars(m.support.topics, title: t("С чем нужна поддержка", "Эмне боюнча колдоо керек", "Support needed with"))
    }
}
