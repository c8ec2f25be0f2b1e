import Store

/// What the bot itself says outside dialogs. Dialog wording lives in dialogs/*.yaml.
public enum BotTexts {
    public static let closedBot = LocalizedText(
        ru: "Это закрытый бот программы. Пользоваться им можно только по личному приглашению. Если вы участница программы, попросите приглашение у координатора.",
        ky: "Бул программанын жабык боту. Аны жеке чакыруу менен гана колдонсо болот. Эгер сиз программанын катышуучусу болсоңуз, координатордон чакыруу сураңыз.",
        en: "This is a closed programme bot. It works only with a personal invitation. If you take part in the programme, ask your coordinator for an invitation."
    )

    public static let unknownInvite = LocalizedText(
        ru: "Такого приглашения нет. Проверьте ссылку или попросите у координатора новое приглашение.",
        ky: "Мындай чакыруу жок. Шилтемени текшериңиз же координатордон жаңы чакыруу сураңыз.",
        en: "This invitation does not exist. Check the link or ask your coordinator for a new one."
    )

    public static let usedInvite = LocalizedText(
        ru: "Это приглашение уже использовано. Попросите у координатора новое.",
        ky: "Бул чакыруу колдонулуп калган. Координатордон жаңысын сураңыз.",
        en: "This invitation has already been used. Ask your coordinator for a new one."
    )

    public static let expiredInvite = LocalizedText(
        ru: "Срок действия приглашения истёк. Попросите у координатора новое.",
        ky: "Чакыруунун мөөнөтү бүттү. Координатордон жаңысын сураңыз.",
        en: "This invitation has expired. Ask your coordinator for a new one."
    )

    public static let alreadyEnrolled = LocalizedText(
        ru: "Вы уже подключены к боту. Команда /help покажет, что можно сделать.",
        ky: "Сиз ботко мурунтан туташкансыз. /help буйругу эмне кылууга болорун көрсөтөт.",
        en: "You are already connected to the bot. /help shows what you can do."
    )

    public static let nothingToAnswer = LocalizedText(
        ru: "Сейчас у бота нет вопросов для вас. Когда придёт время, он напишет сам.",
        ky: "Азыр боттун сизге суроолору жок. Убагы келгенде өзү жазат.",
        en: "The bot has no questions for you right now. It will write when it is time."
    )

    public static let buttonExpired = LocalizedText(
        ru: "Этот вопрос уже закрыт.",
        ky: "Бул суроо жабылган.",
        en: "This question is already closed."
    )

    public static func welcome(role: Role) -> LocalizedText {
        let roleName = roleNames[role] ?? LocalizedText(ru: role.rawValue)
        return LocalizedText(
            ru: "Добро пожаловать в Кеңеш! Вы подключены как \(roleName.ru). Ваши ответы видят только сотрудники программы; команда /mydata покажет всё, что о вас хранится, а /forget удалит это.",
            ky: "Кеңешке кош келиңиз! Сиз \(roleName.text(for: "ky")) катары туташтыңыз. Жоопторуңузду программанын кызматкерлери гана көрөт; /mydata сиз тууралуу сакталгандын баарын көрсөтөт, /forget аны өчүрөт.",
            en: "Welcome to Kenesh! You are connected as \(roleName.text(for: "en")). Only programme staff see your answers; /mydata shows everything kept about you and /forget erases it."
        )
    }

    static let roleNames: [Role: LocalizedText] = [
        .leader: LocalizedText(ru: "лидер", ky: "лидер", en: "a leader"),
        .mentor: LocalizedText(ru: "наставник", ky: "насаатчы", en: "a mentor"),
        .monitor: LocalizedText(ru: "общественный эксперт по мониторингу", ky: "коомдук мониторинг боюнча эксперт", en: "a community monitor"),
        .coordinator: LocalizedText(ru: "координатор", ky: "координатор", en: "a coordinator"),
    ]
}
