import Dialogs
import Foundation
import GRDB
import Logging
import Store
import Telegram

/// Decides what an update means and writes its effects (state and outbox rows) into `db`.
/// It does no network I/O: replies go through the outbox.
public struct UpdateRouter: Sendable {
    let logger: Logger
    let pseudonym: LogPseudonym
    let driver: ConversationDriver
    let people: PeopleCommands
    let privacy: PrivacyCommands
    let reports: ReportCommands
    let meetings: MeetingCommands

    public init(logger: Logger, pseudonym: LogPseudonym, driver: ConversationDriver,
                inviteValidity: TimeInterval = Invite.defaultValidity, schedule: ScheduleSettings = ScheduleSettings()) {
        self.logger = logger
        self.pseudonym = pseudonym
        self.driver = driver
        self.people = PeopleCommands(inviteValidity: inviteValidity, timeZone: driver.timeZone)
        self.privacy = PrivacyCommands(library: driver.library)
        self.reports = ReportCommands(library: driver.library, timeZone: driver.timeZone)
        self.meetings = MeetingCommands(scheduler: Scheduler(settings: schedule, driver: driver))
    }

    func route(_ update: Update, now: Date, in db: Database) throws {
        switch update.kind {
        case .message(let message):
            try handle(message, now: now, in: db)
        case .callbackQuery(let query):
            try handle(query, now: now, in: db)
        case .editedMessage, .unsupported:
            // Edits of earlier answers are not taken as answers: what was stored stays as it was.
            break
        }
    }

    // MARK: Messages

    private func handle(_ message: Message, now: Date, in db: Database) throws {
        guard message.chat.isPrivate else {
            try leave(message.chat, now: now, in: db)
            return
        }
        guard let sender = message.from, !sender.isBot else { return }
        if var person = try Person.find(telegramUserId: sender.id, in: db) {
            guard person.deactivatedAt == nil else {
                try say(BotTexts.deactivated.text(for: person.language), to: message.chat.id, now: now, in: db)
                return
            }
            let languageBefore = person.language
            person.lastSeenAt = now
            person.active = true
            try handleEnrolled(message, person: &person, now: now, in: db)
            try save(person, in: db)
            if person.language != languageBefore, try person.exists(db) {
                try CommandMenu.refresh(for: person, at: now, in: db)
            }
            return
        }
        guard let command = message.command, command.name == "/start", !command.argument.isEmpty else {
            try say(BotTexts.closedBot.ru, to: message.chat.id, now: now, in: db)
            return
        }
        try enrol(code: command.argument, userId: sender.id, chatId: message.chat.id, now: now, in: db)
    }

    private func enrol(code: String, userId: Int64, chatId: Int64, now: Date, in db: Database) throws {
        switch try Invite.redeem(code: code, telegramUserId: userId, now: now, in: db) {
        case .enrolled(var person):
            logger.info("person enrolled", metadata: ["person.tag": "\(pseudonym.tag(userId))", "person.role": "\(person.role.rawValue)"])
            try say(BotTexts.welcome(role: person.role).text(for: person.language), to: chatId, now: now, in: db)
            try CommandMenu.refresh(for: person, at: now, in: db)
            if try driver.start(DialogIds.onboarding, for: &person, now: now, in: db) {
                try save(person, in: db)
            }
        case .unknown:
            try say(BotTexts.unknownInvite.ru, to: chatId, now: now, in: db)
        case .alreadyUsed:
            try say(BotTexts.usedInvite.ru, to: chatId, now: now, in: db)
        case .expired:
            try say(BotTexts.expiredInvite.ru, to: chatId, now: now, in: db)
        }
    }

    private func handleEnrolled(_ message: Message, person: inout Person, now: Date, in db: Database) throws {
        guard let personId = person.id else { return }
        let language = person.language
        let active = try Conversation.active(personId: personId, in: db)
        let needsConsent = person.consentedAt == nil && driver.library.current(DialogIds.onboarding) != nil

        guard let command = message.command else {
            if let active {
                let input: EngineInput = message.content == .unsupported ? .unsupportedContent : .text(message.text ?? "")
                try driver.feed(input, to: active, person: &person, now: now, in: db)
            } else if needsConsent {
                try driver.start(DialogIds.onboarding, for: &person, now: now, in: db)
            } else {
                try say(BotTexts.nothingToAnswer.text(for: language), to: person.telegramUserId, now: now, in: db)
            }
            return
        }

        guard let name = BotCommandName(command: command.name) else {
            let hint = active == nil ? BotTexts.unknownCommand : BotTexts.unknownCommandInDialog
            try say(hint.text(for: language), to: person.telegramUserId, now: now, in: db)
            return
        }
        guard CommandTable.allows(name, for: person.role) else {
            try say(BotTexts.notAvailable.text(for: language), to: person.telegramUserId, now: now, in: db)
            return
        }
        if needsConsent && !name.steersDialog {
            if active == nil {
                try driver.start(DialogIds.onboarding, for: &person, now: now, in: db)
            } else {
                try say(BotTexts.finishOnboardingFirst.text(for: language), to: person.telegramUserId, now: now, in: db)
            }
            return
        }
        try run(name, argument: command.argument, active: active, person: &person, now: now, in: db)
    }

    private func run(_ name: BotCommandName, argument: String, active: Conversation?, person: inout Person, now: Date,
                     in db: Database) throws {
        let chatId = person.telegramUserId
        let language = person.language
        switch name {
        case .start:
            try say(BotTexts.alreadyEnrolled.text(for: language), to: chatId, now: now, in: db)
        case .help:
            try say(BotTexts.help(role: person.role).text(for: language), to: chatId, now: now, in: db)
        case .cancel, .back, .skip:
            guard let active else {
                try say(BotTexts.nothingInProgress.text(for: language), to: chatId, now: now, in: db)
                return
            }
            let input: EngineInput = name == .cancel ? .cancel : name == .back ? .back : .skip
            try driver.feed(input, to: active, person: &person, now: now, in: db)
        case .checkin, .monitoring:
            guard let dialogId = name.dialogId else { return }
            try startOrOfferSwitch(to: dialogId, active: active, person: &person, now: now, in: db)
        case .language:
            try LanguageCommand.ask(person, at: now, in: db)
        case .mydata:
            try privacy.sendMyData(person, at: now, in: db)
        case .forget:
            try privacy.askToForget(person, at: now, in: db)
        case .invite:
            try people.invite(argument, by: person, at: now, in: db)
        case .people:
            try people.people(argument, by: person, at: now, in: db)
        case .summary:
            try reports.summary(argument, by: person, now: now, in: db)
        case .export:
            try reports.export(argument, by: person, now: now, in: db)
        case .report:
            try reports.report(argument, by: person, now: now, in: db)
        case .mentees:
            try reports.mentees(of: person, now: now, in: db)
        case .meeting, .meetings, .round:
            try meetings.run(name, argument: argument, by: person, at: now, in: db)
        }
    }

    /// Starts a dialog, or, while another is in progress, asks (with buttons) whether to drop it.
    private func startOrOfferSwitch(to dialogId: String, active: Conversation?, person: inout Person, now: Date,
                                    in db: Database) throws {
        let chatId = person.telegramUserId
        guard driver.library.current(dialogId) != nil else {
            try say(BotTexts.dialogUnavailable.text(for: person.language), to: chatId, now: now, in: db)
            return
        }
        guard let active, let activeId = active.id else {
            try driver.start(dialogId, for: &person, now: now, in: db)
            try Invitations.recordCommandStart(dialogId, personId: person.id, now: now, in: db)
            return
        }
        if active.dialogId == dialogId {
            try say(BotTexts.alreadyInThisDialog.text(for: person.language), to: chatId, now: now, in: db)
            return
        }
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[
            InlineKeyboardButton(text: BotTexts.switchYes.text(for: person.language),
                                 callbackData: CallbackData.switchDialog(conversationId: activeId, dialogId: dialogId).encoded),
            InlineKeyboardButton(text: BotTexts.switchNo.text(for: person.language),
                                 callbackData: CallbackData.keepDialog(conversationId: activeId).encoded),
        ]])
        try OutboxItem.sendMessage(SendMessage(chatId: chatId, text: BotTexts.askToSwitch.text(for: person.language),
                                               replyMarkup: .inline(keyboard)))
            .enqueue(at: now, in: db)
    }

    // MARK: Button presses

    private func handle(_ query: CallbackQuery, now: Date, in db: Database) throws {
        guard var person = try Person.find(telegramUserId: query.from.id, in: db), let personId = person.id,
              person.deactivatedAt == nil else {
            try answer(query, notice: BotTexts.buttonExpired.ru, now: now, in: db)
            return
        }
        let languageBefore = person.language
        person.lastSeenAt = now
        person.active = true
        let active = try Conversation.active(personId: personId, in: db)
        let data = query.data.flatMap(CallbackData.init)
        var stale = true

        switch data {
        case .answer(let conversationId, let stepId, let optionId)?:
            if let active, active.id == conversationId {
                stale = try driver.feed(.button(stepId: stepId, optionId: optionId), to: active, person: &person, now: now, in: db)
            }
        case .switchDialog(let conversationId, let dialogId)?:
            if let active, active.id == conversationId, driver.library.current(dialogId) != nil,
               CommandTable.allows(dialogCommand(for: dialogId), for: person.role) {
                stale = false
                try dropButtons(of: query, now: now, in: db)
                try driver.feed(.cancel, to: active, person: &person, now: now, in: db)
                try driver.start(dialogId, for: &person, now: now, in: db)
                try Invitations.recordCommandStart(dialogId, personId: person.id, now: now, in: db)
            }
        case .keepDialog(let conversationId)?:
            if let active, active.id == conversationId {
                stale = false
                try dropButtons(of: query, now: now, in: db)
                try say(BotTexts.keepGoing.text(for: person.language), to: person.telegramUserId, now: now, in: db)
            }
        case .forget(let target, let confirmed)?:
            if target == personId {
                if confirmed {
                    try privacy.forget(person, pressed: query.message, callbackQueryId: query.id, at: now, in: db)
                    logger.info("person erased at their request")
                    return
                }
                stale = false
                try dropButtons(of: query, now: now, in: db)
                try say(PrivacyCommands.notForgotten.text(for: person.language), to: person.telegramUserId, now: now, in: db)
            }
        case .language(let target, let code)?:
            stale = !(try LanguageCommand.choose(code, pressedBy: &person, personId: target, at: now, in: db))
            if !stale { try dropButtons(of: query, now: now, in: db) }
        case .rsvp(let meetingId, let answer)?:
            stale = !(try meetings.rsvp(answer, meetingId: meetingId, pressedBy: person, message: query.message, at: now, in: db))
        case .acknowledgeSupport(let requestId)?:
            stale = !(try MentorPrompts.acknowledge(requestId, pressedBy: person, message: query.message,
                                                    calendar: meetings.calendar, at: now, in: db))
        case nil:
            break
        }
        try save(person, in: db)
        if person.language != languageBefore {
            try CommandMenu.refresh(for: person, at: now, in: db)
        }
        try answer(query, notice: stale ? BotTexts.buttonExpired.text(for: person.language) : nil, now: now, in: db)
    }

    private func dialogCommand(for dialogId: String) -> BotCommandName {
        BotCommandName.allCases.first { $0.dialogId == dialogId } ?? .start
    }

    /// Every press is answered, or the button keeps spinning on the person's phone.
    private func answer(_ query: CallbackQuery, notice: String?, now: Date, in db: Database) throws {
        try OutboxItem.answerCallbackQuery(AnswerCallbackQuery(callbackQueryId: query.id, text: notice), chatId: query.from.id)
            .enqueue(at: now, in: db)
    }

    private func dropButtons(of query: CallbackQuery, now: Date, in db: Database) throws {
        guard let message = query.message else { return }
        try OutboxItem.editMessageReplyMarkup(EditMessageReplyMarkup(chatId: message.chat.id, messageId: message.messageId,
                                                                     replyMarkup: nil))
            .enqueue(at: now, in: db)
    }

    /// Outside private chats the bot says once where it works, then leaves; nothing from the group is stored.
    private func leave(_ chat: Chat, now: Date, in db: Database) throws {
        guard chat.type == .group || chat.type == .supergroup else { return }
        try say(BotTexts.privateOnly.ru, to: chat.id, now: now, in: db)
        try OutboxItem.leaveChat(chatId: chat.id).enqueue(at: now, in: db)
    }

    /// Saves the person unless a dialog erased them meanwhile (consent declined).
    private func save(_ person: Person, in db: Database) throws {
        try person.updateCached(db)
    }

    private func say(_ text: String, to chatId: Int64, now: Date, in db: Database) throws {
        try OutboxItem.text(text, to: chatId).enqueue(at: now, in: db)
    }
}
