extension HTMLPage {
    mutating func ccm() {
        let c = indicators.ccm
        heading(2, t("СКК: участие в принятии решений", "СКК: чечим кабыл алууга катышуу", "CCM: taking part in decision-making"), id: "ccm")
        figures([
            (t("Заседаний проведено", "Өткөрүлгөн жыйындар", "Meetings held"), "\(c.meetingsHeld)"),
            (t("Отменено", "Жокко чыгарылды", "Cancelled"), "\(c.meetingsCancelled)"),
            (t("Запланировано, ещё не прошли", "Пландалган, али өтө элек", "Scheduled, not yet held"), "\(c.meetingsUpcoming)"),
            (t("С представителем сообщества", "Коомчулуктун өкүлү менен", "With a community representative"), "\(c.meetingsWithRepresentative)"),
            (t("…из них подтверждено опросом после заседания", "…алардын ичинен жыйындан кийинки сурамжылоо менен тастыкталганы",
               "…of those confirmed by a debrief"), "\(c.attendanceConfirmedByDebrief)"),
            (t("Заседаний, где представитель выступал", "Өкүл сөз сүйлөгөн жыйындар", "Meetings where a representative spoke"), "\(c.meetingsWhereSpoke)"),
            (t("Случаев участия представителей", "Өкүлдөрдүн катышуу учурлары", "Times representatives took part"), "\(c.participations)"),
            (t("Опросов после заседаний", "Жыйындан кийинки сурамжылоолор", "Debriefs"), "\(c.debriefs)"),
            (t("…не привязанных к заседанию", "…жыйынга байланбаганы", "…not linked to a meeting"), "\(c.debriefsNotLinkedToMeeting)"),
            (t("Заседаний, где поднимались вопросы секс-работников", "Секс-кызматкерлердин маселелери көтөрүлгөн жыйындар",
               "Meetings where sex worker issues were raised"), "\(c.meetingsWithIssuesRaised)"),
            (t("Нужны дальнейшие действия", "Мындан аркы аракеттер керек", "Follow-up needed"), "\(c.followUpsNeeded)"),
        ])
        let kinds = t("Заседания по видам", "Жыйындар түрлөрү боюнча", "Meetings by kind")
        heading(3, kinds)
        bars(c.meetingsByKind, title: kinds)
        let issues = t("Поднятые вопросы секс-работников", "Көтөрүлгөн секс-кызматкерлердин маселелери", "Sex worker issues raised")
        heading(3, issues)
        bars(c.issues, title: issues)
        let missed = t("Почему не участвовали", "Эмне үчүн катышкан жок", "Why representatives missed a meeting")
        heading(3, missed)
        bars(c.missedReasons, title: missed)
    }
}
