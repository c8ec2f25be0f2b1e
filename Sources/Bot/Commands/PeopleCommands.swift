import Dialogs
import Foundation
import GRDB
import Store

/// Coordinators' /invite and /people.
struct PeopleCommands {
    let inviteValidity: TimeInterval
    let timeZone: TimeZone

    static let inviteUsage = Phrase(
        ru: "Как пригласить: /invite leader [псевдоним ментора] [город], /invite mentor, /invite monitor [город] или /invite coordinator.",
        ky: "Кантип чакыруу: /invite leader [устаттын лакап аты] [шаар], /invite mentor, /invite monitor [шаар] же /invite coordinator.",
        en: "How to invite: /invite leader [mentor alias] [city], /invite mentor, /invite monitor [city] or /invite coordinator."
    )
    static let noSuchMentor = Phrase(ru: "Нет ментора с таким псевдонимом.", ky: "Мындай лакап аттуу устат жок.",
                                     en: "There is no mentor with that alias.")
    static let peopleUsage = Phrase(
        ru: "/people — список; /people deactivate ПСЕВДОНИМ — закрыть доступ; /people activate ПСЕВДОНИМ — вернуть.",
        ky: "/people — тизме; /people deactivate ЛАКАП_АТ — кирүүнү жабуу; /people activate ЛАКАП_АТ — кайтаруу.",
        en: "/people lists everyone; /people deactivate ALIAS closes access; /people activate ALIAS restores it."
    )
    static let noSuchPerson = Phrase(ru: "Нет участника с таким псевдонимом.", ky: "Мындай лакап аттуу катышуучу жок.",
                                     en: "Nobody has that alias.")
    static let nobody = Phrase(ru: "Пока никто не подключён.", ky: "Азырынча эч ким туташкан жок.", en: "Nobody has joined yet.")

    /// `/invite ROLE [mentor alias] [city]` for a leader, `/invite monitor [city]`, `/invite mentor|coordinator`.
    func invite(_ argument: String, by coordinator: Person, at now: Date, in db: Database) throws {
        let words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let language = coordinator.language
        let chatId = coordinator.telegramUserId
        guard let first = words.first, let role = Role(rawValue: first.lowercased()) else {
            try OutboxItem.say(Self.inviteUsage.text(for: language), to: chatId, at: now, in: db)
            return
        }
        var mentorAlias: String?
        var city: String?
        switch role {
        case .leader:
            mentorAlias = words.count > 1 ? words[1] : nil
            city = words.count > 2 ? words[2...].joined(separator: " ") : nil
        case .monitor:
            city = words.count > 1 ? words[1...].joined(separator: " ") : nil
        case .mentor, .coordinator:
            break
        }
        let made: (code: String, invite: Invite)
        do {
            made = try Invite.create(role: role, alias: nil, city: city, mentorAlias: mentorAlias, validFor: inviteValidity,
                                     now: now, in: db)
        } catch InviteError.noSuchMentor {
            try OutboxItem.say(Self.noSuchMentor.text(for: language), to: chatId, at: now, in: db)
            return
        }
        try AuditEntry.record(actor: AuditEntry.actor(for: coordinator), action: "invite", detail: role.rawValue, at: now, in: db)
        let link = try BotState.botUsername(in: db).map { "https://t.me/\($0)?start=\(made.code)" }
        let until = LocalTime.format(made.invite.expiresAt, in: timeZone)
        let text = Phrase(
            ru: "Одноразовое приглашение (роль: \(role.rawValue)), действует до \(until).\n\(link ?? "")\nКод: <code>\(made.code)</code>",
            ky: "Бир жолку чакыруу (ролу: \(role.rawValue)), \(until) чейин жарактуу.\n\(link ?? "")\nКод: <code>\(made.code)</code>",
            en: "Single-use invitation (role: \(role.rawValue)), valid until \(until).\n\(link ?? "")\nCode: <code>\(made.code)</code>"
        )
        try OutboxItem.say(text.text(for: language), to: chatId, at: now, in: db)
    }

    /// `/people`, `/people deactivate ALIAS`, `/people activate ALIAS`.
    func people(_ argument: String, by coordinator: Person, at now: Date, in db: Database) throws {
        let language = coordinator.language
        let chatId = coordinator.telegramUserId
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        if let verb = words.first?.lowercased() {
            guard ["deactivate", "activate"].contains(verb), words.count == 2 else {
                try OutboxItem.say(Self.peopleUsage.text(for: language), to: chatId, at: now, in: db)
                return
            }
            guard var target = try Person.filter(Person.Columns.alias == words[1]).fetchOne(db), target.id != coordinator.id else {
                try OutboxItem.say(Self.noSuchPerson.text(for: language), to: chatId, at: now, in: db)
                return
            }
            target.deactivatedAt = verb == "deactivate" ? now : nil
            try target.update(db)
            try AuditEntry.record(actor: AuditEntry.actor(for: coordinator), action: "people." + verb, detail: nil, at: now, in: db)
            try OutboxItem.say("✓ " + HTML.escape(words[1]), to: chatId, at: now, in: db)
            return
        }
        try AuditEntry.record(actor: AuditEntry.actor(for: coordinator), action: "people", detail: nil, at: now, in: db)
        let everyone = try Person.order(Column("role"), Column("alias")).fetchAll(db)
        guard !everyone.isEmpty else {
            try OutboxItem.say(Self.nobody.text(for: language), to: chatId, at: now, in: db)
            return
        }
        let aliases = Dictionary(everyone.compactMap { p in p.id.map { ($0, p.alias ?? "—") } }, uniquingKeysWith: { a, _ in a })
        let lines = everyone.map { person -> String in
            var parts = [HTML.escape(person.alias ?? "—"), BotTexts.roleNames[person.role]?.text(for: language) ?? person.role.rawValue]
            if let city = person.city { parts.append(HTML.escape(city)) }
            if let mentorId = person.mentorId, let mentor = aliases[mentorId] { parts.append("→ " + HTML.escape(mentor)) }
            parts.append(person.lastSeenAt.map { LocalTime.format($0, in: timeZone) } ?? "—")
            if person.deactivatedAt != nil { parts.append("⛔") } else if !person.active { parts.append("✖") }
            return "• " + parts.joined(separator: ", ")
        }
        try OutboxItem.say(lines.joined(separator: "\n"), to: chatId, at: now, in: db)
    }
}

/// Local date and time as people read it.
enum LocalTime {
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date)
    }
}
