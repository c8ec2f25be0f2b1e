/// The headline figures and their names. Names follow the programme's M&E framework where one fits:
/// the NSWP M&E framework for the 2016-2020 strategic plan (seeds/001) and the Tais Plus project brief (seeds/000).
enum KeyIndicatorList {
    static func make(_ mentoring: MentoringIndicators, _ monitoring: MonitoringIndicators, _ ccm: CCMIndicators) -> [KeyIndicator] {
        [
            KeyIndicator(id: "leaders_supported", section: .mentorship, name: Wording(
                ru: "Число лидеров движения секс-работников, получивших поддержку через менторство",
                ky: "Устаттык аркылуу колдоо алган секс-кызматкерлер кыймылынын лидерлеринин саны",
                en: "Number of sex worker leaders supported through mentoring"),
                value: Double(mentoring.leadersSupported), unit: .count,
                source: "NSWP M&E 2016–2020, 2.2; Tais Plus: national leadership school (mentoring)"),
            KeyIndicator(id: "checkin_response_rate", section: .mentorship, name: Wording(
                ru: "Доля заполненных дневников участника (от приглашений)",
                ky: "Толтурулган катышуучу күндөлүктөрүнүн үлүшү (чакыруулардан)",
                en: "Participant diary check-ins completed, of those invited"),
                value: mentoring.responseRate.map { $0 * 100 }, unit: .percent, source: nil),
            KeyIndicator(id: "confidence_4_5", section: .mentorship, name: Wording(
                ru: "Доля лидеров, уверенных в своём участии в принятии решений (4–5 из 5)",
                ky: "Чечим кабыл алууга катышууга ишенген лидерлердин үлүшү (5тен 4–5)",
                en: "Share of leaders confident to take part in decision-making (4–5 of 5)"),
                value: mentoring.confidence.shareAt4or5.map { $0 * 100 }, unit: .percent,
                source: "Tais Plus: expected result — knowledge, skills and confidence for decision-making"),
            KeyIndicator(id: "support_median_hours", section: .mentorship, name: Wording(
                ru: "Медианное время ответа ментора на запрос поддержки, часов",
                ky: "Устаттын колдоо суроосуна жооп берүү убактысынын медианасы, саат",
                en: "Median time for a mentor to acknowledge a support request, hours"),
                value: mentoring.support.medianHoursToAcknowledge, unit: .hours, source: nil),
            KeyIndicator(id: "community_data_collected", section: .monitoring, name: Wording(
                ru: "Данные, собранные сообществом: отчёты мониторинга силами сообщества",
                ky: "Коомчулук чогулткан маалымат: коомчулуктун мониторинг отчёттору",
                en: "Data collected by the community: community-led monitoring reports"),
                value: Double(monitoring.reports), unit: .count,
                source: "Tais Plus: regular information gathering in 5 cities by community experts"),
            KeyIndicator(id: "rights_violations_documented", section: .monitoring, name: Wording(
                ru: "Задокументированные нарушения прав секс-работников",
                ky: "Документтештирилген секс-кызматкерлердин укуктарын бузуулар",
                en: "Documented violations of sex workers' rights"),
                value: Double(monitoring.violations), unit: .count,
                source: "Tais Plus: accountability of the MVD for sex workers' human rights; NSWP goals 1 and 6"),
            KeyIndicator(id: "referrals", section: .monitoring, name: Wording(
                ru: "Направления к специалистам (юрист, врач, кризисный центр)",
                ky: "Адистерге жолдомолор (юрист, дарыгер, кризистик борбор)",
                en: "Referrals given (lawyer, doctor, crisis centre)"),
                value: Double(monitoring.referrals), unit: .count, source: nil),
            KeyIndicator(id: "ccm_participations", section: .ccm, name: Wording(
                ru: "Число случаев участия представителей сообщества во встречах, где принимаются решения (СКК, рабочие группы)",
                ky: "Коомчулуктун өкүлдөрүнүн чечим кабыл алынуучу жыйындарга (СКК, жумушчу топтор) катышуусунун саны",
                en: "Number of times community representatives took part in decision-making meetings (CCM, working groups)"),
                value: Double(ccm.participations), unit: .count,
                source: "NSWP M&E 2016–2020, 3.1; Tais Plus: meaningful participation in Global Fund processes"),
            KeyIndicator(id: "ccm_meetings_with_representative", section: .ccm, name: Wording(
                ru: "Заседания СКК, на которых присутствовал представитель сообщества",
                ky: "Коомчулуктун өкүлү катышкан СККнын жыйындары",
                en: "CCM meetings attended by a community representative"),
                value: Double(ccm.meetingsWithRepresentative), unit: .count, source: "NSWP M&E 2016–2020, 3.1"),
            KeyIndicator(id: "ccm_meetings_spoke", section: .ccm, name: Wording(
                ru: "Заседания, на которых представитель сообщества выступал",
                ky: "Коомчулуктун өкүлү сөз сүйлөгөн жыйындар",
                en: "Meetings where a community representative spoke"),
                value: Double(ccm.meetingsWhereSpoke), unit: .count, source: nil),
            KeyIndicator(id: "data_used_for_advocacy", section: .ccm, name: Wording(
                ru: "Данные сообщества, использованные для адвокации: заседания, где обсуждались данные МСС",
                ky: "Адвокация үчүн колдонулган коомчулуктун маалыматтары: КЖМ маалыматтары талкууланган жыйындар",
                en: "Community data used for advocacy: meetings where monitoring data was raised"),
                value: Double(ccm.monitoringDataRaised), unit: .count,
                source: "Tais Plus: data used for advocacy with state bodies and the CCM oversight committee"),
        ]
    }
}
