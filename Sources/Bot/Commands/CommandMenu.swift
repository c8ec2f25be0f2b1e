import Foundation
import GRDB
import Store
import Telegram

/// The command menu each person sees: only their role's commands, in their language.
enum CommandMenu {
    static func commands(for role: Role, language: String) -> [BotCommand] {
        BotCommandName.allCases
            .filter { CommandTable.allows($0, for: role) && $0 != .start && $0 != .back && $0 != .skip }
            .compactMap { name in descriptions[name].map { BotCommand(command: name.rawValue, description: $0.text(for: language)) } }
    }

    /// Queues setMyCommands for this person's private chat.
    static func refresh(for person: Person, at now: Date, in db: Database) throws {
        try OutboxItem.setCommands(commands(for: person.role, language: person.language), chatId: person.telegramUserId)
            .enqueue(at: now, in: db)
    }

    static let descriptions: [BotCommandName: Phrase] = [
        .help: Phrase(ru: "Что умеет бот", ky: "Бот эмне кыла алат", en: "What the bot does"),
        .language: Phrase(ru: "Язык", ky: "Тил", en: "Language"),
        .cancel: Phrase(ru: "Прервать опрос", ky: "Сурамжылоону токтотуу", en: "Stop a questionnaire"),
        .mydata: Phrase(ru: "Что обо мне хранится", ky: "Мен тууралуу эмне сакталат", en: "What is kept about me"),
        .forget: Phrase(ru: "Удалить всё обо мне", ky: "Мен тууралуу баарын өчүрүү", en: "Erase everything about me"),
        .checkin: Phrase(ru: "Заполнить дневник", ky: "Күндөлүк толтуруу", en: "Fill in the diary"),
        .monitoring: Phrase(ru: "Отчёт мониторинга", ky: "Мониторинг отчёту", en: "Monitoring report"),
        .mentees: Phrase(ru: "Мои подопечные", ky: "Менин шакирттерим", en: "My mentees"),
        .summary: Phrase(ru: "Сводка", ky: "Жыйынтык", en: "Summary"),
        .export: Phrase(ru: "Выгрузка данных", ky: "Маалыматты жүктөө", en: "Export data"),
        .report: Phrase(ru: "Отчёт HTML", ky: "HTML отчёт", en: "HTML report"),
        .meeting: Phrase(ru: "Заседание СКК", ky: "ӨКМ жыйыны", en: "A CCM meeting"),
        .meetings: Phrase(ru: "Ближайшие заседания", ky: "Жакынкы жыйындар", en: "Upcoming meetings"),
        .round: Phrase(ru: "Разослать опрос", ky: "Сурамжылоо жөнөтүү", en: "Send a round"),
        .invite: Phrase(ru: "Пригласить", ky: "Чакыруу", en: "Invite someone"),
        .people: Phrase(ru: "Участники", ky: "Катышуучулар", en: "People"),
    ]
}
