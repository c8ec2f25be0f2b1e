import Dialogs
import Foundation
import Store

/// What the scheduler and its commands say. Anything a person typed (titles, places, aliases,
/// answers) is escaped for HTML where it is put in.
enum SchedulingTexts {
    // MARK: Meetings

    static let kindNames: [Meeting.Kind: Phrase] = [
        .plenary: Phrase(ru: "заседание СКК", ky: "СККнын жыйыны", en: "CCM meeting"),
        .workingGroup: Phrase(ru: "рабочая группа СКК", ky: "СККнын жумушчу тобу", en: "CCM working group"),
        .oversight: Phrase(ru: "комитет по надзору СКК", ky: "СККнын көзөмөл комитети", en: "CCM oversight committee"),
    ]

    static func kindName(_ kind: String, language: String) -> String {
        Meeting.Kind(rawValue: kind).flatMap { kindNames[$0] }?.text(for: language) ?? HTML.escape(kind)
    }

    /// "заседание СКК «Title», 03.12.2026 10:00, Place".
    static func describe(_ meeting: Meeting, language: String, calendar: LocalCalendar) -> String {
        var text = "\(kindName(meeting.kind, language: language)) «\(HTML.escape(meeting.title))», \(calendar.format(meeting.startsAt))"
        if let place = meeting.place, !place.isEmpty { text += ", " + HTML.escape(place) }
        return text
    }

    static let rsvpLabels: [RSVP.Answer: Phrase] = [
        .yes: Phrase(ru: "Приду", ky: "Келем", en: "I will attend"),
        .no: Phrase(ru: "Не смогу", ky: "Келе албайм", en: "I can't"),
        .maybe: Phrase(ru: "Пока не знаю", ky: "Азырынча билбейм", en: "Not sure yet"),
    ]

    static func reminder(_ meeting: Meeting, language: String, calendar: LocalCalendar) -> String {
        let when = calendar.format(meeting.startsAt)
        let title = HTML.escape(meeting.title)
        let kind = kindName(meeting.kind, language: language)
        let place = meeting.place.map(HTML.escape).flatMap { $0.isEmpty ? nil : $0 }
        let text = Phrase(
            ru: "📅 Напоминание: \(kind) «\(title)»\nКогда: \(when)" + (place.map { "\nГде: \($0)" } ?? "") + "\nВы придёте?",
            ky: "📅 Эскертме: \(kind) «\(title)»\nКачан: \(when)" + (place.map { "\nКайда: \($0)" } ?? "") + "\nКелесизби?",
            en: "📅 Reminder: \(kind) “\(title)”\nWhen: \(when)" + (place.map { "\nWhere: \($0)" } ?? "") + "\nWill you attend?"
        )
        return text.text(for: language)
    }

    static func cancellation(_ meeting: Meeting, language: String, calendar: LocalCalendar) -> String {
        let what = describe(meeting, language: language, calendar: calendar)
        return Phrase(ru: "❌ Отменено: \(what).", ky: "❌ Жокко чыгарылды: \(what).", en: "❌ Cancelled: \(what).")
            .text(for: language)
    }

    static func debriefIntro(_ meeting: Meeting, language: String, calendar: LocalCalendar) -> String {
        let what = describe(meeting, language: language, calendar: calendar)
        return Phrase(
            ru: "Прошло: \(what). Расскажите, пожалуйста, как оно прошло: несколько коротких вопросов.",
            ky: "Өттү: \(what). Кандай өткөнүн айтып бериңизчи: бир нече кыска суроо.",
            en: "It has taken place: \(what). Please tell us how it went: a few short questions."
        ).text(for: language)
    }

    static let meetingUsage = Phrase(
        ru: "Как добавить заседание: /meeting add ГГГГ-ММ-ДД ЧЧ:ММ Название | вид | место\nВид: plenary (пленарное), working group (рабочая группа) или oversight (комитет по надзору); вид и место можно не указывать, время местное.\nНапример: /meeting add 2026-12-03 10:00 Заседание СКК | plenary | Дом правительства\nОтменить: /meeting cancel НОМЕР. Список: /meetings.",
        ky: "Жыйынды кантип кошуу: /meeting add ЖЖЖЖ-АА-КК СС:ММ Аталышы | түрү | орду\nТүрү: plenary (пленардык), working group (жумушчу топ) же oversight (көзөмөл комитети); түрүн жана ордун жазбасаңыз да болот, убакыт жергиликтүү.\nМисалы: /meeting add 2026-12-03 10:00 СККнын жыйыны | plenary | Өкмөт үйү\nЖокко чыгаруу: /meeting cancel НОМЕРИ. Тизме: /meetings.",
        en: "To add a meeting: /meeting add YYYY-MM-DD HH:MM Title | kind | place\nKind: plenary, working group or oversight; kind and place are optional, the time is local.\nFor example: /meeting add 2026-12-03 10:00 CCM meeting | plenary | Government House\nTo cancel: /meeting cancel NUMBER. To list: /meetings."
    )

    static let badDateTime = Phrase(
        ru: "Не понял дату и время: нужно ГГГГ-ММ-ДД ЧЧ:ММ, например 2026-12-03 10:00.",
        ky: "Күн менен убакытты түшүнгөн жокмун: ЖЖЖЖ-АА-КК СС:ММ керек, мисалы 2026-12-03 10:00.",
        en: "I could not read the date and time: use YYYY-MM-DD HH:MM, for example 2026-12-03 10:00."
    )
    static let inThePast = Phrase(ru: "Это время уже прошло.", ky: "Бул убакыт өтүп кеткен.", en: "That time has already passed.")
    static let noTitle = Phrase(ru: "Напишите название заседания после времени.", ky: "Убакыттан кийин жыйындын аталышын жазыңыз.",
                                en: "Write the meeting's title after the time.")
    static let titleTooLong = Phrase(ru: "Название слишком длинное (не больше 200 знаков).", ky: "Аталышы өтө узун (200 белгиден ашпасын).",
                                     en: "The title is too long (200 characters at most).")
    static let placeTooLong = Phrase(ru: "Место слишком длинное (не больше 200 знаков).", ky: "Орду өтө узун (200 белгиден ашпасын).",
                                     en: "The place is too long (200 characters at most).")

    static func unknownKind(_ word: String) -> Phrase {
        let word = HTML.escape(word)
        return Phrase(ru: "Неизвестный вид заседания «\(word)»: plenary, working group или oversight.",
                      ky: "Жыйындын белгисиз түрү «\(word)»: plenary, working group же oversight.",
                      en: "Unknown kind of meeting “\(word)”: plenary, working group or oversight.")
    }

    static func added(_ meeting: Meeting, offsets: [TimeInterval], language: String, calendar: LocalCalendar) -> String {
        let what = describe(meeting, language: language, calendar: calendar)
        let number = meeting.id ?? 0
        guard !offsets.isEmpty else {
            return Phrase(ru: "Заседание №\(number) добавлено: \(what). Напоминания выключены.",
                          ky: "№\(number) жыйын кошулду: \(what). Эскертмелер өчүрүлгөн.",
                          en: "Meeting #\(number) added: \(what). Reminders are off.").text(for: language)
        }
        let list = offsets.map { duration($0, language: language) }.joined(separator: ", ")
        return Phrase(
            ru: "Заседание №\(number) добавлено: \(what). Лидеры и координаторы получат напоминание за \(list) до начала.",
            ky: "№\(number) жыйын кошулду: \(what). Лидерлер жана координаторлор башталышына \(list) калганда эскертме алышат.",
            en: "Meeting #\(number) added: \(what). Leaders and coordinators will be reminded \(list) before it starts."
        ).text(for: language)
    }

    static func cancelled(_ meeting: Meeting, told: Int, language: String) -> String {
        let number = meeting.id ?? 0
        return Phrase(
            ru: "Заседание №\(number) отменено. Сообщение об отмене получат те, кому уже приходило напоминание: \(told).",
            ky: "№\(number) жыйын жокко чыгарылды. Эскертме алгандар жокко чыгарылганы тууралуу кабар алышат: \(told).",
            en: "Meeting #\(number) cancelled. Those already reminded of it will be told: \(told)."
        ).text(for: language)
    }

    static func noSuchMeeting(_ text: String) -> Phrase {
        let text = HTML.escape(text)
        return Phrase(ru: "Нет предстоящего заседания с номером \(text). Номера показывает /meetings.",
                      ky: "\(text) номерлүү алдыдагы жыйын жок. Номерлерди /meetings көрсөтөт.",
                      en: "There is no upcoming meeting number \(text). /meetings shows the numbers.")
    }

    static let noMeetings = Phrase(ru: "Предстоящих заседаний нет. Добавить: /meeting add.", ky: "Алдыдагы жыйындар жок. Кошуу: /meeting add.",
                                   en: "No upcoming meetings. To add one: /meeting add.")
    static let upcomingHeader = Phrase(ru: "Предстоящие заседания:", ky: "Алдыдагы жыйындар:", en: "Upcoming meetings:")

    static func listLine(_ meeting: Meeting, counts: [RSVP.Answer: Int], language: String, calendar: LocalCalendar) -> String {
        let answers = RSVP.Answer.allCases.map { "\(rsvpLabels[$0]!.text(for: language)): \(counts[$0] ?? 0)" }.joined(separator: " · ")
        return "№\(meeting.id ?? 0) · \(describe(meeting, language: language, calendar: calendar))\n    \(answers)"
    }

    static let rsvpSaved = Phrase(ru: "Ответ сохранён", ky: "Жооп сакталды", en: "Answer saved")

    // MARK: Rounds

    static let roundUsage = Phrase(
        ru: "Как разослать опрос сейчас: /round checkin — дневник всем лидерам, /round monitoring — отчёт мониторинга всем экспертам.",
        ky: "Сурамжылоону азыр кантип жөнөтүү: /round checkin — бардык лидерлерге күндөлүк, /round monitoring — бардык эксперттерге мониторинг отчёту.",
        en: "To send a questionnaire now: /round checkin sends the diary to every leader, /round monitoring sends the monitoring report to every monitor."
    )

    static let nobodyToInvite = Phrase(
        ru: "Некого приглашать: нет подключённых участников с этой ролью.",
        ky: "Чакыра турган эч ким жок: бул ролдо туташкан катышуучу жок.",
        en: "Nobody to invite: no one with that role has joined yet."
    )

    static func roundStarted(invited: Int, busy: Int, releaseAt: String?, language: String) -> String {
        var text = Phrase(ru: "Приглашено: \(invited).", ky: "Чакырылды: \(invited).", en: "Invited: \(invited).").text(for: language)
        if let releaseAt {
            text += " " + Phrase(ru: "Сейчас тихие часы: сообщения уйдут в \(releaseAt).",
                                 ky: "Азыр тынч убакыт: билдирүүлөр \(releaseAt) жөнөтүлөт.",
                                 en: "It is quiet hours now: the messages will go out at \(releaseAt).").text(for: language)
        }
        if busy > 0 {
            text += " " + Phrase(ru: "Из них \(busy) сейчас заполняют другой опрос и получат этот, когда закончат.",
                                 ky: "Алардын \(busy) азыр башка сурамжылоону толтуруп жатышат, бүткөндө муну алышат.",
                                 en: "\(busy) of them are filling in another questionnaire and will get this one when they finish.")
                .text(for: language)
        }
        return text
    }

    // MARK: Mentor prompts

    static let contactButton = Phrase(ru: "Я свяжусь", ky: "Мен байланышам", en: "I'll contact them")

    static func contactPromised(at time: String) -> Phrase {
        Phrase(ru: "✓ Вы обещали связаться (\(time))", ky: "✓ Байланышам дедиңиз (\(time))", en: "✓ You said you'd contact them (\(time))")
    }

    static func supportPrompt(alias: String, topic: String?, supportWith: String?, note: String?, language: String) -> String {
        let alias = HTML.escape(alias)
        var lines = [Phrase(ru: "🤝 <b>\(alias)</b> просит поддержки (дневник участника).",
                            ky: "🤝 <b>\(alias)</b> колдоо сурап жатат (катышуучунун күндөлүгү).",
                            en: "🤝 <b>\(alias)</b> asks for support (participant diary).").text(for: language)]
        if let topic {
            lines.append(Phrase(ru: "Тема: ", ky: "Тема: ", en: "Topic: ").text(for: language) + topic)
        }
        if let supportWith {
            lines.append(Phrase(ru: "С чем нужна поддержка: ", ky: "Эмнеде колдоо керек: ", en: "Support with: ").text(for: language) + supportWith)
        }
        if let note {
            lines.append(Phrase(ru: "Комментарий: ", ky: "Комментарий: ", en: "Note: ").text(for: language) + note)
        }
        lines.append(Phrase(ru: "Нажмите кнопку, когда возьмётесь связаться.", ky: "Байланышууну колго алганда баскычты басыңыз.",
                            en: "Press the button when you take it on.").text(for: language))
        return lines.joined(separator: "\n")
    }

    static func missedPrompt(alias: String, lastInvited: String, language: String) -> String {
        let alias = HTML.escape(alias)
        return Phrase(
            ru: "⏰ <b>\(alias)</b> два раза подряд не заполнил(а) дневник (последнее приглашение: \(lastInvited)). Возможно, стоит связаться и узнать, всё ли в порядке.",
            ky: "⏰ <b>\(alias)</b> күндөлүктү эки жолу катары менен толтурган жок (акыркы чакыруу: \(lastInvited)). Байланышып, баары жайындабы деп сурасаңыз болот.",
            en: "⏰ <b>\(alias)</b> has not filled in the diary twice in a row (last invitation: \(lastInvited)). It may be worth getting in touch to see how they are."
        ).text(for: language)
    }

    static let someone = Phrase(ru: "Участница без псевдонима", ky: "Лакап аты жок катышуучу", en: "A participant without an alias")

    // MARK: Durations

    /// "72 ч", "90 мин", "3 д" in the reader's language.
    static func duration(_ seconds: TimeInterval, language: String) -> String {
        let minutes = Int(seconds / 60)
        let (hourUnit, minuteUnit): (String, String) = switch language {
        case "ky": ("саат", "мүн")
        case "en": ("h", "min")
        default: ("ч", "мин")
        }
        if minutes % 60 == 0 { return "\(minutes / 60) \(hourUnit)" }
        if minutes > 60 { return "\(minutes / 60) \(hourUnit) \(minutes % 60) \(minuteUnit)" }
        return "\(minutes) \(minuteUnit)"
    }
}
