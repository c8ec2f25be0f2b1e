/// Every text the engine itself says, in Russian, Kyrgyz and English, in one table.
/// All of them are HTML-safe as written: no `&`, `<`, `>` or `"` (typographic quotes only).
enum EngineText: Sendable, Equatable {
    case skip, done, send, edit, addAnother, noMore, otherButton, otherLabel, specifyOther
    case yes, no, backToReview, whichToEdit, reviewHeader, reviewFooter, thanks, sentMark
    case cancelled, nudge(title: String), expired(title: String)
    case cannotSkip, firstQuestion, useButtons, sendText, sendTextUpTo(max: Int)
    case wholeNumber(min: Double?, max: Double?), number(min: Double?, max: Double?)
    case date, dateInFuture, textTooLong(count: Int, max: Int)
    case chooseAtLeastOne, multiHint, skipped, addAnotherQuestion, round(Int)
    case dialogChanged

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func string(_ language: Language) -> String {
        switch self {
        case .skip: pick(language, "Пропустить", "Өткөрүп жиберүү", "Skip")
        case .done: pick(language, "Готово", "Даяр", "Done")
        case .send: pick(language, "Отправить", "Жөнөтүү", "Send")
        case .edit: pick(language, "Изменить", "Өзгөртүү", "Edit")
        case .addAnother: pick(language, "➕ Добавить ещё", "➕ Дагы кошуу", "➕ Add another")
        case .noMore: pick(language, "Нет, дальше", "Жок, улантуу", "No, continue")
        case .otherButton: pick(language, "Другое (уточните)", "Башка (тактаңыз)", "Other (please specify)")
        case .otherLabel: pick(language, "Другое", "Башка", "Other")
        case .specifyOther:
            pick(language, "Уточните, пожалуйста, одним сообщением:",
                 "Сураныч, бир билдирүү менен тактап жазыңыз:",
                 "Please specify in one message:")
        case .yes: pick(language, "Да", "Ооба", "Yes")
        case .no: pick(language, "Нет", "Жок", "No")
        case .backToReview: pick(language, "« Назад к проверке", "« Текшерүүгө кайтуу", "« Back to review")
        case .whichToEdit: pick(language, "Какой ответ изменить?", "Кайсы жоопту өзгөртөсүз?", "Which answer would you like to change?")
        case .reviewHeader: pick(language, "Проверьте ваши ответы:", "Жоопторуңузду текшериңиз:", "Please check your answers:")
        case .reviewFooter:
            pick(language, "Всё верно? Нажмите «Отправить» или «Изменить».",
                 "Баары туурабы? «Жөнөтүү» же «Өзгөртүү» баскычын басыңыз.",
                 "Is everything right? Press “Send” or “Edit”.")
        case .thanks: pick(language, "Спасибо! Ваши ответы отправлены.", "Рахмат! Жоопторуңуз жөнөтүлдү.", "Thank you! Your answers have been sent.")
        case .sentMark: pick(language, "✓ Отправлено", "✓ Жөнөтүлдү", "✓ Sent")
        case .cancelled:
            pick(language, "Опрос остановлен. Ответы, которые вы успели дать, сохранены как неполные.",
                 "Сурамжылоо токтотулду. Үлгүргөн жоопторуңуз толук эмес катары сакталды.",
                 "Stopped. The answers you gave so far are kept as an unfinished response.")
        case .nudge(let title):
            pick(language, "Напоминание: вы ещё не закончили «\(title)». Ответьте на вопрос, когда будет удобно.",
                 "Эскертүү: «\(title)» али бүтө элек. Ыңгайлуу болгондо суроого жооп бериңиз.",
                 "A reminder: you have not finished “\(title)” yet. Please answer the question when it suits you.")
        case .expired(let title):
            pick(language, "Время на «\(title)» закончилось. Ваши ответы сохранены как неполные.",
                 "«\(title)» үчүн убакыт бүттү. Жоопторуңуз толук эмес катары сакталды.",
                 "The time for “\(title)” is over. Your answers are kept as an unfinished response.")
        case .cannotSkip: pick(language, "Этот вопрос нельзя пропустить.", "Бул суроону өткөрүп жиберүүгө болбойт.", "This question cannot be skipped.")
        case .firstQuestion:
            pick(language, "Это первый вопрос, назад идти некуда.", "Бул биринчи суроо, артка кайтууга болбойт.",
                 "This is the first question; there is nothing to go back to.")
        case .useButtons:
            pick(language, "Пожалуйста, ответьте кнопками под вопросом.",
                 "Сураныч, суроонун астындагы баскычтар менен жооп бериңиз.",
                 "Please answer with the buttons under the question.")
        case .sendText: pick(language, "Пожалуйста, отправьте ответ текстом.", "Сураныч, жоопту текст менен жөнөтүңүз.", "Please send your answer as text.")
        case .sendTextUpTo(let max):
            pick(language, "Пожалуйста, отправьте ответ текстом, не длиннее \(max) символов.",
                 "Сураныч, жоопту текст менен жөнөтүңүз (\(max) белгиден ашпасын).",
                 "Please send your answer as text, up to \(max) characters.")
        case .wholeNumber(let min, let max):
            Self.rangeText(language, min: min, max: max, decimals: false)
        case .number(let min, let max):
            Self.rangeText(language, min: min, max: max, decimals: true)
        case .date:
            pick(language, "Пожалуйста, отправьте дату в виде дд.мм.гггг (например, 05.03.2026) или слово «сегодня».",
                 "Сураныч, күндү кк.аа.жжжж түрүндө жөнөтүңүз (мисалы, 05.03.2026) же «бүгүн» деп жазыңыз.",
                 "Please send a date as dd.mm.yyyy (for example 05.03.2026) or the word “today”.")
        case .dateInFuture:
            pick(language, "Эта дата ещё не наступила. Отправьте сегодняшнюю или более раннюю дату.",
                 "Бул күн али келе элек. Бүгүнкү же мурунку күндү жөнөтүңүз.",
                 "That date has not come yet. Please send today’s date or an earlier one.")
        case .textTooLong(let count, let max):
            pick(language, "Слишком длинный ответ (символов: \(count)). Пожалуйста, уложитесь в \(max).",
                 "Жооп өтө узун (белгилер: \(count)). Сураныч, \(max) белгиден ашпасын.",
                 "That is too long (\(count) characters). Please keep it within \(max) characters.")
        case .chooseAtLeastOne:
            pick(language, "Отметьте хотя бы один вариант, затем нажмите «Готово».",
                 "Жок дегенде бир вариантты белгилеп, анан «Даяр» баскычын басыңыз.",
                 "Please tick at least one option, then press “Done”.")
        case .multiHint:
            pick(language, "Можно отметить несколько вариантов, затем нажмите «Готово».",
                 "Бир нечесин белгилесеңиз болот, анан «Даяр» баскычын басыңыз.",
                 "You can tick several options, then press “Done”.")
        case .skipped: pick(language, "пропущено", "өткөрүлүп жиберилди", "skipped")
        case .addAnotherQuestion: pick(language, "Добавить ещё?", "Дагы кошосузбу?", "Add another?")
        case .round(let number): pick(language, "№\(number)", "№\(number)", "No. \(number)")
        case .dialogChanged:
            pick(language, "Этот опрос изменился, и продолжить его нельзя. Ответы, которые вы успели дать, сохранены.",
                 "Бул сурамжылоо өзгөрдү, аны улантуу мүмкүн эмес. Берген жоопторуңуз сакталды.",
                 "This questionnaire has changed and cannot be continued. The answers you gave are kept.")
        }
    }

    private func pick(_ language: Language, _ ru: String, _ ky: String, _ en: String) -> String {
        switch language {
        case .ru: ru
        case .ky: ky
        case .en: en
        }
    }

    private static func rangeText(_ language: Language, min: Double?, max: Double?, decimals: Bool) -> String {
        let low = min.map { formatted($0, language) }
        let high = max.map { formatted($0, language) }
        let example = decimals ? (language == .en ? "2.5" : "2,5") : "3"
        switch language {
        case .ru:
            let what = decimals ? "число" : "целое число"
            switch (low, high) {
            case let (low?, high?): return "Пожалуйста, отправьте \(what) от \(low) до \(high)."
            case let (low?, nil): return "Пожалуйста, отправьте \(what) не меньше \(low)."
            case let (nil, high?): return "Пожалуйста, отправьте \(what) не больше \(high)."
            case (nil, nil): return "Пожалуйста, отправьте \(what), например \(example)."
            }
        case .ky:
            let what = decimals ? "сан" : "бүтүн сан"
            switch (low, high) {
            case let (low?, high?): return "Сураныч, \(low) – \(high) аралыгындагы \(what) жөнөтүңүз."
            case let (low?, nil): return "Сураныч, \(what) жөнөтүңүз (эң азы \(low))."
            case let (nil, high?): return "Сураныч, \(what) жөнөтүңүз (эң көбү \(high))."
            case (nil, nil): return "Сураныч, \(what) жөнөтүңүз, мисалы \(example)."
            }
        case .en:
            let what = decimals ? "a number" : "a whole number"
            switch (low, high) {
            case let (low?, high?): return "Please send \(what) from \(low) to \(high)."
            case let (low?, nil): return "Please send \(what) of at least \(low)."
            case let (nil, high?): return "Please send \(what) of at most \(high)."
            case (nil, nil): return "Please send \(what), for example \(example)."
            }
        }
    }

    /// `5` rather than `5.0`; a decimal comma in Russian and Kyrgyz.
    static func formatted(_ value: Double, _ language: Language) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = String(value)
        return language == .en ? text : String(text.map { $0 == "." ? "," : $0 })
    }
}
