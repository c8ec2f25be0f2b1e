import Dialogs
import Foundation
import GRDB
import Store
import Telegram

/// /mydata and /forget: anyone can see, and erase, everything kept about them.
public struct PrivacyCommands: Sendable {
    let library: DialogLibrary

    static let myDataCaption = Phrase(
        ru: "Это всё, что бот хранит о вас. Удалить всё можно командой /forget.",
        ky: "Бул бот сиз тууралуу сактаган бардык маалымат. Баарын /forget буйругу менен өчүрсөңүз болот.",
        en: "This is everything the bot keeps about you. /forget erases all of it."
    )
    static let forgetQuestion = Phrase(
        ru: "Удалить всё, что бот хранит о вас: профиль, все ответы, незаконченные опросы и напоминания? Это нельзя отменить. Пользоваться ботом снова можно будет только по новому приглашению.",
        ky: "Бот сиз тууралуу сактаган баарын өчүрөлүбү: профиль, бардык жооптор, бүтпөгөн сурамжылоолор жана эскертмелер? Муну кайтарууга болбойт. Ботту кайра колдонуу үчүн жаңы чакыруу керек болот.",
        en: "Erase everything the bot keeps about you: profile, all answers, unfinished questionnaires and reminders? This cannot be undone. To use the bot again you will need a new invitation."
    )
    static let forgetYes = Phrase(ru: "Да, удалить всё", ky: "Ооба, баарын өчүрүү", en: "Yes, erase everything")
    static let forgetNo = Phrase(ru: "Нет", ky: "Жок", en: "No")
    public static let forgotten = Phrase(
        ru: "Готово: всё, что бот хранил о вас, удалено. Спасибо, что были с нами.",
        ky: "Даяр: бот сиз тууралуу сактаган баары өчүрүлдү. Биз менен болгонуңузга рахмат.",
        en: "Done: everything the bot kept about you has been erased. Thank you for being with us."
    )
    static let notForgotten = Phrase(ru: "Хорошо, ничего не удалено.", ky: "Макул, эч нерсе өчүрүлгөн жок.", en: "All right, nothing was erased.")

    func sendMyData(_ person: Person, at now: Date, in db: Database) throws {
        let data = try PersonalData.collect(for: person, in: db)
        let text = PersonalDataText(library: library, language: person.language).render(data)
        let upload = DocumentUpload(chatId: person.telegramUserId, fileName: "kenesh-mydata.txt", data: Data(text.utf8),
                                    mimeType: "text/plain; charset=utf-8",
                                    caption: Self.myDataCaption.text(for: person.language))
        try OutboxItem.sendDocument(upload).enqueue(at: now, in: db)
    }

    func askToForget(_ person: Person, at now: Date, in db: Database) throws {
        guard let personId = person.id else { return }
        let language = person.language
        try OutboxItem.ask(Self.forgetQuestion.text(for: language),
                           buttons: [[(Self.forgetYes.text(for: language), .forget(personId: personId, confirmed: true)),
                                      (Self.forgetNo.text(for: language), .forget(personId: personId, confirmed: false))]],
                           to: person.telegramUserId, at: now, in: db)
    }

    /// Erases the person, then answers the press and says goodbye, and schedules the scrub of
    /// the write-ahead log for when those last messages are out.
    func forget(_ person: Person, pressed message: Message?, callbackQueryId: String, at now: Date, in db: Database) throws {
        let goodbye = Self.forgotten.text(for: person.language)
        let chatId = person.telegramUserId
        try Erasure.erase(person, in: db)
        if let message {
            try OutboxItem.editMessageReplyMarkup(EditMessageReplyMarkup(chatId: chatId, messageId: message.messageId, replyMarkup: nil))
                .enqueue(at: now, in: db)
        }
        try OutboxItem.answerCallbackQuery(AnswerCallbackQuery(callbackQueryId: callbackQueryId), chatId: chatId).enqueue(at: now, in: db)
        let lastRow = try OutboxItem.say(goodbye, to: chatId, at: now, in: db)
        try Erasure.scheduleScrub(afterOutboxId: lastRow, in: db)
    }
}
