import Dialogs
import Foundation
import GRDB
import Store

/// /language: buttons for Russian, Kyrgyz and English; the choice changes replies and the menu.
enum LanguageCommand {
    static let question = Phrase(ru: "Выберите язык:", ky: "Тилди тандаңыз:", en: "Choose a language:")
    static let changed = Phrase(ru: "Готово: теперь по-русски.", ky: "Даяр: эми кыргызча.", en: "Done: English from now on.")
    static let names: [(code: String, name: String)] = [("ru", "Русский"), ("ky", "Кыргызча"), ("en", "English")]

    static func ask(_ person: Person, at now: Date, in db: Database) throws {
        guard let personId = person.id else { return }
        try OutboxItem.ask(question.text(for: person.language),
                           buttons: names.map { [($0.name, CallbackData.language(personId: personId, code: $0.code))] },
                           to: person.telegramUserId, at: now, in: db)
    }

    /// Applies a pressed language; false if the press is not this person's or not a language.
    static func choose(_ code: String, pressedBy person: inout Person, personId: Int64, at now: Date,
                       in db: Database) throws -> Bool {
        guard person.id == personId, Language(rawValue: code) != nil else { return false }
        person.language = code
        try OutboxItem.say(changed.text(for: code), to: person.telegramUserId, at: now, in: db)
        return true
    }
}
