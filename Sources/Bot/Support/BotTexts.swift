import Store

/// What the bot itself says outside dialogs. Dialog wording lives in dialogs/*.yaml.
public enum BotTexts {
    public static let closedBot = Phrase(
        ru: "Это закрытый бот программы. Пользоваться им можно только по личному приглашению. Если вы участница программы, попросите приглашение у координатора.",
        ky: "Бул программанын жабык боту. Аны жеке чакыруу менен гана колдонсо болот. Эгер сиз программанын катышуучусу болсоңуз, координатордон чакыруу сураңыз.",
        en: "This is a closed programme bot. It works only with a personal invitation. If you take part in the programme, ask your coordinator for an invitation."
    )

    public static let unknownInvite = Phrase(
        ru: "Такого приглашения нет. Проверьте ссылку или попросите у координатора новое приглашение.",
        ky: "Мындай чакыруу жок. Шилтемени текшериңиз же координатордон жаңы чакыруу сураңыз.",
        en: "This invitation does not exist. Check the link or ask your coordinator for a new one."
    )

    public static let usedInvite = Phrase(
        ru: "Это приглашение уже использовано. Попросите у координатора новое.",
        ky: "Бул чакыруу колдонулуп калган. Координатордон жаңысын сураңыз.",
        en: "This invitation has already been used. Ask your coordinator for a new one."
    )

    public static let expiredInvite = Phrase(
        ru: "Срок действия приглашения истёк. Попросите у координатора новое.",
        ky: "Чакыруунун мөөнөтү бүттү. Координатордон жаңысын сураңыз.",
        en: "This invitation has expired. Ask your coordinator for a new one."
    )

    public static let alreadyEnrolled = Phrase(
        ru: "Вы уже подключены к боту. Команда /help покажет, что можно сделать.",
        ky: "Сиз ботко мурунтан туташкансыз. /help буйругу эмне кылууга болорун көрсөтөт.",
        en: "You are already connected to the bot. /help shows what you can do."
    )

    public static let nothingToAnswer = Phrase(
        ru: "Сейчас у бота нет вопросов для вас. Когда придёт время, он напишет сам.",
        ky: "Азыр боттун сизге суроолору жок. Убагы келгенде өзү жазат.",
        en: "The bot has no questions for you right now. It will write when it is time."
    )

    public static let buttonExpired = Phrase(
        ru: "Этот вопрос уже закрыт.",
        ky: "Бул суроо жабылган.",
        en: "This question is already closed."
    )

    public static let privateOnly = Phrase(
        ru: "Этот бот работает только в личных сообщениях. Напишите ему напрямую.",
        ky: "Бул бот жеке билдирүүлөрдө гана иштейт. Ага түз жазыңыз.",
        en: "This bot works only in private chats. Write to it directly."
    )

    public static let deactivated = Phrase(
        ru: "Ваш доступ к боту закрыт координатором. Если это ошибка, свяжитесь с координатором.",
        ky: "Ботко кирүүңүздү координатор жапты. Эгер бул ката болсо, координатор менен байланышыңыз.",
        en: "A coordinator has closed your access to the bot. If this is a mistake, contact your coordinator."
    )

    public static let finishOnboardingFirst = Phrase(
        ru: "Сначала, пожалуйста, закончите знакомство с ботом: ответьте на вопрос выше.",
        ky: "Адегенде бот менен таанышууну бүтүрүңүз: жогорудагы суроого жооп бериңиз.",
        en: "Please finish getting to know the bot first: answer the question above."
    )

    public static let nothingInProgress = Phrase(
        ru: "Сейчас нет незаконченного опроса.",
        ky: "Азыр бүтпөгөн сурамжылоо жок.",
        en: "There is no questionnaire in progress."
    )

    public static let unknownCommand = Phrase(
        ru: "Такой команды нет. /help покажет, что умеет бот.",
        ky: "Мындай буйрук жок. /help бот эмне кыла аларын көрсөтөт.",
        en: "There is no such command. /help shows what the bot can do."
    )

    public static let unknownCommandInDialog = Phrase(
        ru: "Такой команды нет. Продолжим: ответьте на вопрос выше или отправьте /cancel, чтобы прервать опрос.",
        ky: "Мындай буйрук жок. Улантабыз: жогорудагы суроого жооп бериңиз же сурамжылоону токтотуу үчүн /cancel жөнөтүңүз.",
        en: "There is no such command. Let's go on: answer the question above, or send /cancel to stop."
    )

    public static let notAvailable = Phrase(
        ru: "Эта команда вам недоступна.",
        ky: "Бул буйрук сиз үчүн жеткиликсиз.",
        en: "This command is not available to you."
    )


    public static let dialogUnavailable = Phrase(
        ru: "Этот опрос сейчас недоступен. Пожалуйста, сообщите координатору.",
        ky: "Бул сурамжылоо азыр жеткиликсиз. Координаторго кабарлаңыз.",
        en: "This questionnaire is not available right now. Please tell your coordinator."
    )

    public static let alreadyInThisDialog = Phrase(
        ru: "Этот опрос уже идёт: ответьте на вопрос выше.",
        ky: "Бул сурамжылоо жүрүп жатат: жогорудагы суроого жооп бериңиз.",
        en: "This questionnaire is already under way: answer the question above."
    )

    public static let askToSwitch = Phrase(
        ru: "У вас не закончен другой опрос. Прервать его (ответы сохранятся как неполные) и начать новый?",
        ky: "Сизде бүтпөгөн башка сурамжылоо бар. Аны токтотуп (жооптор толук эмес катары сакталат), жаңысын баштайлыбы?",
        en: "Another questionnaire is not finished. Stop it (its answers are kept, marked partial) and start the new one?"
    )

    public static let switchYes = Phrase(ru: "Да, начать новый", ky: "Ооба, жаңысын баштоо", en: "Yes, start the new one")
    public static let switchNo = Phrase(ru: "Нет, продолжить", ky: "Жок, улантуу", en: "No, go on")
    public static let keepGoing = Phrase(ru: "Хорошо, продолжаем.", ky: "Жакшы, улантабыз.", en: "Fine, let's go on.")

    public static func help(role: Role) -> Phrase {
        let common = Phrase(
            ru: "/cancel прервать опрос, /back вернуться к прошлому вопросу, /mydata что о вас хранится, /forget удалить всё о себе, /language язык.",
            ky: "/cancel сурамжылоону токтотуу, /back мурунку суроого кайтуу, /mydata сиз тууралуу эмне сакталат, /forget баарын өчүрүү, /language тил.",
            en: "/cancel stops a questionnaire, /back returns to the previous question, /mydata shows what is kept about you, /forget erases it, /language changes the language."
        )
        let own: Phrase
        switch role {
        case .leader:
            own = Phrase(ru: "Бот помогает вести дневник участницы программы наставничества. /checkin заполнить дневник сейчас.",
                         ky: "Бот насаатчылык программасынын катышуучусунун күндөлүгүн жүргүзүүгө жардам берет. /checkin күндөлүктү азыр толтуруу.",
                         en: "The bot keeps your mentoring diary. /checkin fills it in now.")
        case .monitor:
            own = Phrase(ru: "Бот принимает отчёты общественного мониторинга. /monitoring заполнить отчёт сейчас.",
                         ky: "Бот коомдук мониторингдин отчётторун кабыл алат. /monitoring отчётту азыр толтуруу.",
                         en: "The bot takes your community monitoring reports. /monitoring files one now.")
        case .mentor:
            own = Phrase(ru: "Бот сообщает, когда вашим подопечным нужна поддержка. /mentees их последние записи.",
                         ky: "Бот шакирттериңизге колдоо керек болгондо кабарлайт. /mentees алардын акыркы жазуулары.",
                         en: "The bot tells you when a mentee needs support. /mentees shows their latest check-ins.")
        case .coordinator:
            own = Phrase(ru: "Координатору: /summary сводка, /export выгрузка, /report отчёт, /meeting и /meetings заседания СКК, /round разослать опрос, /invite пригласить, /people участники.",
                         ky: "Координаторго: /summary жыйынтык, /export маалымат, /report отчёт, /meeting жана /meetings ӨКМ жыйындары, /round сурамжылоо жөнөтүү, /invite чакыруу, /people катышуучулар.",
                         en: "For coordinators: /summary, /export, /report, /meeting and /meetings for CCM meetings, /round sends a questionnaire, /invite, /people.")
        }
        return Phrase(ru: own.ru + "\n" + common.ru, ky: own.text(for: "ky") + "\n" + common.text(for: "ky"),
                      en: own.text(for: "en") + "\n" + common.text(for: "en"))
    }

    public static func welcome(role: Role) -> Phrase {
        let roleName = roleNames[role] ?? Phrase(ru: role.rawValue)
        return Phrase(
            ru: "Добро пожаловать в Кеңеш! Вы подключены как \(roleName.ru). Ваши ответы видят только сотрудники программы; команда /mydata покажет всё, что о вас хранится, а /forget удалит это.",
            ky: "Кеңешке кош келиңиз! Сиз \(roleName.text(for: "ky")) катары туташтыңыз. Жоопторуңузду программанын кызматкерлери гана көрөт; /mydata сиз тууралуу сакталгандын баарын көрсөтөт, /forget аны өчүрөт.",
            en: "Welcome to Kenesh! You are connected as \(roleName.text(for: "en")). Only programme staff see your answers; /mydata shows everything kept about you and /forget erases it."
        )
    }

    static let roleNames: [Role: Phrase] = [
        .leader: Phrase(ru: "лидер", ky: "лидер", en: "a leader"),
        .mentor: Phrase(ru: "наставник", ky: "насаатчы", en: "a mentor"),
        .monitor: Phrase(ru: "общественный эксперт по мониторингу", ky: "коомдук мониторинг боюнча эксперт", en: "a community monitor"),
        .coordinator: Phrase(ru: "координатор", ky: "координатор", en: "a coordinator"),
    ]
}
