import Foundation
import Testing
@testable import Dialogs

/// Cancel, expiry, version pinning and the stored state.
struct EngineLifecycleTests {
    static let versionA = """
    id: diary
    title: {ru: "Дневник"}
    languages: [ru]
    expiry: 2d
    steps:
      - id: topic
        type: choice
        text: {ru: "Тема (версия А)?"}
        options:
          - {id: ccm, text: {ru: "СКК"}}
          - {id: data, text: {ru: "Данные"}}
      - id: did
        type: text
        text: {ru: "Что сделали (версия А)?"}
      - id: next_step
        type: text
        text: {ru: "Следующий шаг (версия А)?"}
      - id: review
        type: review
    """

    /// The same file after staff edited it: new wording, a step removed, a step added.
    static let versionB = """
    id: diary
    title: {ru: "Дневник"}
    languages: [ru]
    expiry: 2d
    steps:
      - id: topic
        type: choice
        text: {ru: "Тема (версия Б)?"}
        options:
          - {id: ccm, text: {ru: "СКК"}}
      - id: mood
        type: scale
        text: {ru: "Настроение?"}
      - id: review
        type: review
    """

    @Test func cancelKeepsTheAnswersSoFarAsPartial() throws {
        var chat = Chat(try loadDialog(Self.versionA))
        chat.press("data")
        chat.send(.cancel)
        #expect(chat.outcome.finished == .cancelled)
        #expect(chat.state.finished == .cancelled)
        #expect(chat.answers.map(\.value) == ["data"])
        #expect(chat.notices == ["Опрос остановлен. Ответы, которые вы успели дать, сохранены как неполные."])
        #expect(chat.state.position == nil)
        #expect(chat.state.nextDeadline == nil)
    }

    @Test func aFinishedConversationIgnoresFurtherInput() throws {
        var chat = Chat(try loadDialog(Self.versionA))
        chat.send(.cancel)
        let finished = chat.state
        chat.type("ещё")
        #expect(chat.outputs.isEmpty)
        #expect(chat.state == finished)
        #expect(chat.outcome.finished == .cancelled)
    }

    @Test func expiryNudgesOnceAtHalfTimeThenClosesAsPartial() throws {
        var chat = Chat(try loadDialog(Self.versionA))
        let start = chat.state.startedAt
        #expect(chat.state.expiresAt == start.addingTimeInterval(2 * 86_400))
        #expect(chat.state.nextDeadline == start.addingTimeInterval(86_400))
        chat.press("ccm")

        chat.now = start.addingTimeInterval(3600)
        chat.send(.expiryTick, after: 0)
        #expect(chat.outputs.isEmpty, "a tick before the deadline does nothing")

        chat.now = start.addingTimeInterval(86_400)
        chat.send(.expiryTick, after: 0)
        #expect(chat.notices == ["Напоминание: вы ещё не закончили «Дневник». Ответьте на вопрос, когда будет удобно."])
        #expect(chat.prompt?.stepId == "did", "the question is asked again under the reminder")
        #expect(chat.state.nudged)
        #expect(chat.state.nextDeadline == start.addingTimeInterval(2 * 86_400))

        chat.send(.expiryTick, after: 60)
        #expect(chat.outputs.isEmpty, "only one reminder")

        chat.now = start.addingTimeInterval(2 * 86_400)
        chat.send(.expiryTick, after: 0)
        #expect(chat.outcome.finished == .expired)
        #expect(chat.notices == ["Время на «Дневник» закончилось. Ваши ответы сохранены как неполные."])
        #expect(chat.answers.map(\.stepId) == ["topic"])
    }

    @Test func anAnswerAfterExpiryIsNotAccepted() throws {
        var chat = Chat(try loadDialog(Self.versionA))
        chat.send(.text("поздно"), after: 3 * 86_400)
        #expect(chat.outcome.finished == .expired)
        #expect(chat.answers.isEmpty)
    }

    @Test func aDialogWithoutExpiryHasNoDeadline() throws {
        let chat = Chat(try loadDialog(EngineFlowTests.report))
        #expect(chat.state.expiresAt == nil)
        #expect(chat.state.nextDeadline == nil)
    }

    @Test func theVersionIsAHashOfTheFileAndChangesWithIt() throws {
        let a = try loadDialog(Self.versionA)
        let b = try loadDialog(Self.versionB)
        #expect(a.version.count == 16)
        #expect(a.version.allSatisfy { $0.isHexDigit })
        #expect(a.version != b.version)
        #expect(try loadDialog(Self.versionA).version == a.version)
        #expect(Chat(a).state.version == a.version)
    }

    @Test func aConversationKeepsRunningOnTheVersionItStartedWith() throws {
        var catalog = DialogCatalog(dialogs: [try loadDialog(Self.versionA)])
        let started = try #require(catalog.dialog(id: "diary"))
        var outcome = Engine.start(dialog: started, context: RespondentContext(), now: noon)
        outcome = Engine.handle(dialog: started, state: outcome.state, input: .button(stepId: "topic", optionId: "data"),
                                context: RespondentContext(), now: noon)

        // Staff change the file; the bot loads the new version as current and keeps the old one for pinning.
        let edited = try loadDialog(Self.versionB)
        catalog = DialogCatalog(dialogs: [edited])
        catalog.register(started)
        #expect(catalog.dialog(id: "diary")?.version == edited.version)

        let pinned = try #require(catalog.dialog(id: outcome.state.dialogId, version: outcome.state.version))
        outcome = Engine.handle(dialog: pinned, state: outcome.state, input: .text("Собрала данные"),
                                context: RespondentContext(), now: noon)
        guard case .ask(let next)? = outcome.outputs.last else { Issue.record("expected a question"); return }
        #expect(next.text == "Следующий шаг (версия А)?")
        #expect(outcome.state.version == started.version)
        #expect(outcome.state.answers.map(\.stepId) == ["topic", "did"])
    }

    @Test func runningAStateOnAnotherVersionEndsItSafely() throws {
        let a = try loadDialog(Self.versionA)
        let b = try loadDialog(Self.versionB)
        var outcome = Engine.start(dialog: a, context: RespondentContext(), now: noon)
        outcome = Engine.handle(dialog: a, state: outcome.state, input: .button(stepId: "topic", optionId: "data"),
                                context: RespondentContext(), now: noon)
        outcome = Engine.handle(dialog: b, state: outcome.state, input: .text("x"), context: RespondentContext(), now: noon)
        #expect(outcome.finished == .cancelled)
        #expect(outcome.state.answers.map(\.value) == ["data"])
        #expect(outcome.outputs == [.notice("Этот опрос изменился, и продолжить его нельзя. Ответы, которые вы успели дать, сохранены.")])
    }

    @Test func stateRoundTripsThroughJSONAndStaysCompact() throws {
        var chat = Chat(try loadDialog(EngineFlowTests.report))
        chat.press("no")
        chat.press("yes")
        chat.press("clients")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let json = try encoder.encode(chat.state)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        #expect(try decoder.decode(ConversationState.self, from: json) == chat.state)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"at\":\"cases#0+more\""))
        #expect(!text.contains("nudged") && !text.contains("sel") && !text.contains("profile"))
        #expect(json.count < 600)
    }

    @Test func aDecodedStateContinuesWhereItStopped() throws {
        let dialog = try loadDialog(EngineFlowTests.report)
        var chat = Chat(dialog)
        chat.press("yes")
        let restored = try JSONDecoder().decode(ConversationState.self, from: JSONEncoder().encode(chat.state))
        let outcome = Engine.handle(dialog: dialog, state: restored, input: .text("Юрист"), context: RespondentContext(), now: noon)
        #expect(outcome.state.answers.map(\.stepId) == ["support", "support_what"])
    }

    @Test func languageChosenInTheDialogSwitchesLaterQuestions() throws {
        var catalog = DialogCatalog.load(directory: shippedDialogs).catalog
        let onboarding = try #require(catalog.dialog(id: "onboarding"))
        catalog.register(onboarding)
        var chat = Chat(onboarding, context: RespondentContext(alias: nil, language: .ru))
        chat.press("ky")
        #expect(chat.state.language == .ky)
        #expect(chat.state.profileUpdates["language"] == "ky")
        #expect(chat.prompt?.buttonLabels == ["Макулмун", "Макул эмесмин"])
        chat.press("agree")
        #expect(chat.prompt?.stepId == "alias")
        chat.type("Жылдыз")
        #expect(chat.outcome.finished == .completed)
        #expect(chat.state.profileUpdates == ["language": "ky", "consent": "agree", "alias": "Жылдыз"])
        guard case .ask(let welcome)? = chat.outputs.last else { Issue.record("expected the welcome"); return }
        #expect(welcome.text.hasPrefix("Рахмат, Жылдыз!"))
    }

    @Test func onboardingDoesNotAskForAnAliasTheInviteAlreadyCarried() throws {
        let onboarding = try #require(DialogCatalog.load(directory: shippedDialogs).catalog.dialog(id: "onboarding"))
        var chat = Chat(onboarding, context: RespondentContext(alias: "Роза", language: .ru))
        chat.press("ru")
        chat.press("agree")
        #expect(chat.outcome.finished == .completed)
        #expect(chat.state.profileUpdates["alias"] == nil)
        var declined = Chat(onboarding)
        declined.press("en")
        declined.press("decline")
        #expect(declined.outcome.finished == .completed)
        guard case .ask(let goodbye)? = declined.outputs.last else { Issue.record("expected the goodbye"); return }
        #expect(goodbye.text.hasPrefix("All right."))
    }

    @Test func prefillOffersTheProfileCity() throws {
        let monitoring = try #require(DialogCatalog.load(directory: shippedDialogs).catalog.dialog(id: "city-monitoring"))
        var chat = Chat(monitoring, context: RespondentContext(city: "Ош"))
        #expect(chat.prompt?.buttonLabels == ["Ош"])
        #expect(chat.prompt?.acceptsText == true)
        chat.press("_prefill")
        #expect(chat.answer("city")?.value == "Ош")
        var noCity = Chat(monitoring)
        #expect(noCity.prompt?.buttons.isEmpty == true)
        noCity.type("Каракол")
        #expect(noCity.answer("city")?.value == "Каракол")
    }
}
