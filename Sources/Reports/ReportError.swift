import Dialogs

/// Why a report could not be made: one line a person can act on, in their language.
/// Never carries answers or aliases, only what the person typed as a period, section or dialog id.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownPeriod(String)
    case invalidDate(String)
    case fromAfterTo(from: String, to: String)
    case unknownSection(String)
    case unknownDialog(String, known: [String])
    /// Nothing was recorded in the period for what was asked.
    case emptyPeriod(String)

    public var description: String { message(in: .en) }

    public func message(in language: Language) -> String {
        switch self {
        case .unknownPeriod(let text):
            pick(language,
                 "Не понимаю период «\(text)». Примеры: 2026-11 (месяц), 2026-Q4 (квартал), 2026 (год), last30 (последние 30 дней), 2026-01-01..2026-03-31.",
                 "«\(text)» мезгилин түшүнгөн жокмун. Мисалдар: 2026-11 (ай), 2026-Q4 (чейрек), 2026 (жыл), last30 (акыркы 30 күн), 2026-01-01..2026-03-31.",
                 "Unknown period \"\(text)\". Use 2026-11 (a month), 2026-Q4 (a quarter), 2026 (a year), last30 (the last 30 days) or 2026-01-01..2026-03-31.")
        case .invalidDate(let text):
            pick(language,
                 "«\(text)» — не дата. Пишите дату так: 2026-11-30.",
                 "«\(text)» — күн эмес. Күндү мындай жазыңыз: 2026-11-30.",
                 "\"\(text)\" is not a date: write it as 2026-11-30.")
        case .fromAfterTo(let from, let to):
            pick(language,
                 "Начало периода (\(from)) позже его конца (\(to)): поменяйте даты местами.",
                 "Мезгилдин башы (\(from)) аягынан (\(to)) кийин: күндөрдү алмаштырыңыз.",
                 "The start of the period (\(from)) is after its end (\(to)): swap the dates.")
        case .unknownSection(let text):
            pick(language,
                 "Нет раздела «\(text)». Разделы: mentorship, monitoring, ccm.",
                 "«\(text)» бөлүмү жок. Бөлүмдөр: mentorship, monitoring, ccm.",
                 "No section \"\(text)\". Sections: mentorship, monitoring, ccm.")
        case .unknownDialog(let id, let known):
            pick(language,
                 "Диалога «\(id)» нет ни в файлах, ни в сохранённых ответах. Есть: \(list(known)).",
                 "«\(id)» диалогу файлдарда да, сакталган жоопторуда да жок. Бар болгондор: \(list(known)).",
                 "There is no dialog \"\(id)\" in the dialog files or the stored answers. Known: \(list(known)).")
        case .emptyPeriod(let period):
            pick(language,
                 "За период \(period) ничего не записано: отчёт не сделан. Выберите другой период.",
                 "\(period) мезгилинде эч нерсе жазылган эмес: отчёт түзүлгөн жок. Башка мезгилди тандаңыз.",
                 "Nothing was recorded in \(period), so there is no report. Choose another period.")
        }
    }

    private func list(_ ids: [String]) -> String { ids.isEmpty ? "—" : ids.joined(separator: ", ") }
}

/// One of three wordings by language; Russian is the fallback everywhere in the bot.
func pick(_ language: Language, _ ru: String, _ ky: String, _ en: String) -> String {
    switch language {
    case .ru: ru
    case .ky: ky
    case .en: en
    }
}
