import Dialogs
import Foundation
import Store

/// A plain-text document of everything kept about one person, in their language.
struct PersonalDataText {
    let library: DialogLibrary
    let language: String

    private var lang: Language { Language(rawValue: language) ?? .ru }

    private func t(_ ru: String, _ ky: String, _ en: String) -> String {
        Phrase(ru: ru, ky: ky, en: en).text(for: language)
    }

    func render(_ data: PersonalData) -> String {
        let person = data.person
        var lines = [t("Данные, которые хранит бот Кеңеш", "Кеңеш боту сактаган маалыматтар", "Data kept by the Kenesh bot"), ""]
        lines.append(t("Профиль", "Профиль", "Profile"))
        lines.append("  " + t("Псевдоним", "Лакап ат", "Alias") + ": " + (person.alias ?? "—"))
        lines.append("  " + t("Роль", "Ролу", "Role") + ": " + (BotTexts.roleNames[person.role]?.text(for: language) ?? person.role.rawValue))
        lines.append("  " + t("Язык", "Тил", "Language") + ": " + person.language)
        lines.append("  " + t("Город", "Шаар", "City") + ": " + (person.city ?? "—"))
        lines.append("  " + t("Ментор", "Устат", "Mentor") + ": " + (data.mentorAlias ?? "—"))
        lines.append("  Telegram ID: \(person.telegramUserId)")
        lines.append("  " + t("Подключены", "Туташкан", "Joined") + ": " + day(person.createdAt))
        lines.append("  " + t("Согласие", "Макулдук", "Consent") + ": " + (person.consentedAt.map(day) ?? "—"))
        lines.append("  " + t("Последняя активность", "Акыркы аракет", "Last activity") + ": " + (person.lastSeenAt.map(day) ?? "—"))
        lines.append("  " + t("Приглашений к опросам", "Сурамжылоого чакыруулар", "Questionnaire invitations") + ": \(data.invitations)")

        lines.append("")
        lines.append(t("Ответы", "Жооптор", "Answers") + " (\(data.responses.count))")
        for entry in data.responses {
            let response = entry.response
            let dialog = library.current(response.dialogId)
            let title = dialog?.title.string(in: lang) ?? response.dialogId
            let status = response.status == .complete ? "" : " (" + t("неполный", "толук эмес", "partial") + ")"
            lines.append("")
            lines.append("■ \(title), \(day(response.finishedAt))\(status)")
            for answer in entry.answers {
                let question = dialog?.step(id: answer.stepId)?.label?.string(in: lang) ?? answer.stepId
                let repeatMark = answer.repeatIndex.map { " #\($0 + 1)" } ?? ""
                let shown = answer.value.isEmpty ? t("пропущено", "өткөрүлдү", "skipped") : (answer.label ?? answer.value)
                lines.append("  \(question)\(repeatMark): \(shown)")
            }
        }
        if !data.inProgress.isEmpty {
            lines.append("")
            lines.append(t("Незаконченные опросы", "Бүтпөгөн сурамжылоолор", "Questionnaires in progress"))
            for (dialogId, startedAt) in data.inProgress {
                lines.append("  \(library.current(dialogId)?.title.string(in: lang) ?? dialogId), \(day(startedAt))")
            }
        }
        if !data.rsvps.isEmpty {
            lines.append("")
            lines.append(t("Ответы на приглашения на заседания", "Жыйындарга чакырууга жооптор", "Meeting replies"))
            for rsvp in data.rsvps { lines.append("  \(rsvp.meetingTitle): \(rsvp.answer), \(day(rsvp.answeredAt))") }
        }
        if !data.supportRequests.isEmpty {
            lines.append("")
            lines.append(t("Запросы поддержки", "Колдоо сурамдары", "Support requests"))
            for request in data.supportRequests {
                let acknowledged = request.acknowledgedAt.map { t("ментор ответил", "устат жооп берди", "mentor replied") + " " + day($0) } ?? "—"
                lines.append("  \(day(request.createdAt)): \(acknowledged)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Bishkek")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
