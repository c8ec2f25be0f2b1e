import Foundation
import Testing
@testable import Dialogs

/// Conditions, jumps, repeat groups, review and edit, /back, /skip and stale buttons.
struct EngineFlowTests {
    static let report = """
    id: report
    title: {ru: "Отчёт"}
    languages: [ru]
    steps:
      - id: support
        type: yes_no
        label: {ru: "Поддержка"}
        text: {ru: "Нужна поддержка?"}
      - id: support_what
        type: text
        when: {answer: support, is: "yes"}
        label: {ru: "Какая"}
        text: {ru: "Какая поддержка?"}
      - id: had_cases
        type: yes_no
        text: {ru: "Были случаи?"}
      - id: cases
        type: repeat
        max: 3
        when: {answer: had_cases, is: "yes"}
        label: {ru: "Случай"}
        text: {ru: "Добавить ещё случай?"}
        steps:
          - id: by
            type: choice
            label: {ru: "Кто"}
            text: {ru: "Кто?"}
            options:
              - id: police
                text: {ru: "Полиция"}
              - id: clients
                text: {ru: "Клиенты"}
          - id: help
            type: yes_no
            when: {answer: by, is: police}
            label: {ru: "Помощь"}
            text: {ru: "Помощь оказана? ({answer.by})"}
      - id: note
        type: text
        optional: true
        label: {ru: "Заметка"}
        text: {ru: "Заметка?"}
      - id: review
        type: review
    """

    @Test func aConditionThatHoldsAsksTheStep() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("yes")
        #expect(chat.prompt?.stepId == "support_what")
    }

    @Test func aConditionThatFailsPassesTheStepOver() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("no")
        #expect(chat.prompt?.stepId == "had_cases")
        chat.press("no")
        #expect(chat.prompt?.stepId == "note")
    }

    @Test func conditionsOnMultiChoiceNumbersAndProfile() throws {
        let dialog = try loadDialog("""
        id: conditions
        title: {ru: "Условия"}
        languages: [ru]
        steps:
          - id: alias
            type: text
            saves_to: alias
            when: {profile: alias, empty: true}
            text: {ru: "Псевдоним?"}
          - id: barriers
            type: multi_choice
            text: {ru: "Барьеры?"}
            options:
              - {id: police, text: {ru: "Полиция"}}
              - {id: cost, text: {ru: "Цена"}}
          - id: police_more
            type: text
            when: {answer: barriers, includes: police}
            text: {ru: "Расскажите про полицию, {alias}"}
          - id: confidence
            type: scale
            text: {ru: "Уверенность?"}
          - id: low
            type: info
            when: [{answer: confidence, at_most: 2}, {answer: barriers, includes: [cost, police]}]
            text: {ru: "Ментор свяжется с вами."}
          - id: review
            type: review
        """)
        var known = Chat(dialog, context: RespondentContext(alias: "Бэла"))
        #expect(known.prompt?.stepId == "barriers")
        known.press("police")
        known.press("_done")
        #expect(known.prompt?.text == "Расскажите про полицию, Бэла")
        known.type("…")
        known.press("2")
        #expect(known.outputs.contains(.notice("Ментор свяжется с вами.")) == false)
        guard case .ask(let info)? = known.outputs.dropLast().last else { Issue.record("expected the info step"); return }
        #expect(info.text == "Ментор свяжется с вами.")

        var unknown = Chat(dialog)
        #expect(unknown.prompt?.stepId == "alias")
        unknown.type("Нур")
        #expect(unknown.state.profileUpdates == ["alias": "Нур"])
        unknown.press("cost")
        unknown.press("_done")
        #expect(unknown.prompt?.stepId == "confidence")
        unknown.press("3")
        #expect(unknown.prompt?.stepId == "review")
    }

    @Test func nextJumpsToTheFirstRuleThatHolds() throws {
        let dialog = try loadDialog("""
        id: jumps
        title: {ru: "Переходы"}
        languages: [ru]
        steps:
          - id: attended
            type: yes_no
            text: {ru: "Были на заседании?"}
            next:
              - when: {answer: attended, is: "no"}
                goto: why_not
          - id: spoke
            type: yes_no
            text: {ru: "Выступали?"}
            next: end_note
          - id: why_not
            type: text
            text: {ru: "Почему?"}
          - id: end_note
            type: info
            text: {ru: "Спасибо."}
        """)
        var yes = Chat(dialog)
        yes.press("yes")
        #expect(yes.prompt?.stepId == "spoke")
        yes.press("no")
        #expect(yes.outcome.finished == .completed)
        #expect(yes.answers.map(\.stepId) == ["attended", "spoke"])

        var no = Chat(dialog)
        no.press("no")
        #expect(no.prompt?.stepId == "why_not")
        no.type("Не пригласили")
        #expect(no.outcome.finished == .completed)
        #expect(no.notices.isEmpty, "no review and no thanks: the last info step is the goodbye")
    }

    @Test func repeatGroupAsksAgainWhileAddAnotherIsChosen() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("no")
        chat.press("yes")
        #expect(chat.prompt?.stepId == "by")
        chat.press("police")
        #expect(chat.prompt?.text == "Помощь оказана? (Полиция)")
        chat.press("yes")
        #expect(chat.prompt?.stepId == "cases")
        #expect(chat.prompt?.text == "Добавить ещё случай?")
        #expect(chat.prompt?.buttonIds == ["_add", "_stop"])
        chat.press("_add")
        #expect(chat.state.position == Position(stepId: "by", iteration: 1))
        chat.press("clients")
        #expect(chat.prompt?.stepId == "cases", "the condition inside the group sees this round's answer")
        chat.press("_stop")
        #expect(chat.prompt?.stepId == "note")
        #expect(chat.answer("by", round: 0)?.value == "police")
        #expect(chat.answer("help", round: 0)?.value == "yes")
        #expect(chat.answer("by", round: 1)?.value == "clients")
        #expect(chat.answer("help", round: 1) == nil)
    }

    @Test func repeatGroupStopsAtItsMaximum() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("no")
        chat.press("yes")
        for round in 0..<3 {
            chat.press("clients")
            if round < 2 { chat.press("_add") }
        }
        #expect(chat.prompt?.stepId == "note")
        #expect(chat.answers.filter { $0.stepId == "by" }.map(\.repeatIndex) == [0, 1, 2])
    }

    func atReview() throws -> Chat {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("yes")
        chat.type("Юрист")
        chat.press("yes")
        chat.press("police")
        chat.press("no")
        chat.press("_add")
        chat.press("clients")
        chat.press("_stop")
        chat.press("_skip")
        #expect(chat.state.position == Position(stepId: "review"))
        return chat
    }

    @Test func reviewShowsEveryAnswerWithSendAndEdit() throws {
        let chat = try atReview()
        let expected = """
        Проверьте ваши ответы:

        <b>Поддержка:</b> Да
        <b>Какая:</b> Юрист
        <b>Были случаи?:</b> Да

        <b>Случай №1</b>
        <b>Кто:</b> Полиция
        <b>Помощь:</b> Нет

        <b>Случай №2</b>
        <b>Кто:</b> Клиенты

        <b>Заметка:</b> — (пропущено)

        Всё верно? Нажмите «Отправить» или «Изменить».
        """
        #expect(chat.prompt?.text == expected)
        #expect(chat.prompt?.buttonIds == ["_send", "_edit"])
    }

    @Test func sendCompletesWithTheAnswersAndThanks() throws {
        var chat = try atReview()
        chat.press("_send")
        #expect(chat.outcome.finished == .completed)
        #expect(chat.notices == ["Спасибо! Ваши ответы отправлены."])
        #expect(chat.displays == ["<b>Отчёт</b>\n✓ Отправлено"], "the summary does not stay readable in the chat after sending")
        #expect(chat.answers.map(\.stepId) == ["support", "support_what", "had_cases", "by", "help", "by", "note"])
        #expect(chat.answer("note")?.isSkipped == true)
        #expect(chat.state.position == nil && chat.state.history.isEmpty)
    }

    @Test func editJumpsBackToTheChosenStepAndReturnsToReview() throws {
        var chat = try atReview()
        chat.press("_edit")
        #expect(chat.prompt?.buttonLabels == ["Поддержка", "Какая", "Были случаи?", "Случай №1 · Кто", "Случай №1 · Помощь",
                                              "Случай №2 · Кто", "Заметка", "« Назад к проверке"])
        chat.press("_e5")
        #expect(chat.state.position == Position(stepId: "by", iteration: 1))
        chat.press("police")
        #expect(chat.prompt?.stepId == "help", "a question that now applies is asked")
        chat.press("yes")
        #expect(chat.state.position == Position(stepId: "review"), "answered questions are passed over on the way back")
        #expect(chat.answer("help", round: 1)?.value == "yes")
        #expect(chat.state.editing == false)
    }

    @Test func editThatMakesAQuestionObsoleteDropsItsAnswer() throws {
        var chat = try atReview()
        chat.press("_edit")
        chat.press("_e0")
        chat.press("no")
        #expect(chat.state.position == Position(stepId: "review"))
        #expect(chat.answer("support_what") == nil)
        #expect(chat.prompt?.text.contains("Юрист") == false)
    }

    @Test func backToReviewFromTheEditList() throws {
        var chat = try atReview()
        chat.press("_edit")
        chat.press("_back")
        #expect(chat.state.position == Position(stepId: "review"))
        #expect(chat.prompt?.buttonIds == ["_send", "_edit"])
    }

    @Test func backReturnsToThePreviousQuestionAndKeepsGoingFromThere() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("yes")
        chat.type("Юрист")
        chat.send(.back)
        #expect(chat.prompt?.stepId == "support_what")
        chat.send(.back)
        #expect(chat.prompt?.stepId == "support")
        chat.press("no")
        #expect(chat.prompt?.stepId == "had_cases")
        chat.send(.cancel)
        #expect(chat.answers.map(\.stepId) == ["support"], "the answer that no longer applies is not kept")
    }

    @Test func backOnTheFirstQuestionSaysSo() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.send(.back)
        #expect(chat.notices == ["Это первый вопрос, назад идти некуда."])
        #expect(chat.state.position == Position(stepId: "support"))
    }

    @Test func backFromAddAnotherReturnsIntoTheRound() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("no")
        chat.press("yes")
        chat.press("clients")
        chat.send(.back)
        #expect(chat.state.position == Position(stepId: "by", iteration: 0))
    }

    @Test func backToOtherSpecifyKeepsTheChoice() throws {
        let dialog = try loadDialog("""
        id: other
        title: {ru: "Другое"}
        languages: [ru]
        steps:
          - id: pick
            type: multi_choice
            other: true
            text: {ru: "Что?"}
            options:
              - {id: a, text: {ru: "А"}}
              - {id: b, text: {ru: "Б"}}
          - id: last
            type: text
            text: {ru: "Ещё?"}
          - id: review
            type: review
        """)
        var chat = Chat(dialog)
        chat.press("a")
        chat.press("_other")
        chat.press("_done")
        chat.type("В")
        chat.send(.back)
        #expect(chat.state.position == Position(stepId: "pick", phase: .other))
        chat.type("Г")
        #expect(chat.answer("pick")?.value == "a,_other")
        #expect(chat.answer("pick")?.label == "А, Другое: Г")
    }

    @Test func skipWorksOnOptionalQuestionsOnly() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.send(.skip)
        #expect(chat.notices == ["Этот вопрос нельзя пропустить."])
        chat.press("no")
        chat.press("no")
        #expect(chat.prompt?.buttonIds == ["_skip"])
        chat.send(.skip)
        #expect(chat.answer("note")?.value == "")
        #expect(chat.answer("note")?.label == nil)
        #expect(chat.displays == ["Заметка?\n\n✓ <b>пропущено</b>"])
    }

    @Test func staleButtonsLeaveTheStateAlone() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.press("yes")
        let before = chat.state
        chat.send(.button(stepId: "support", optionId: "no"))
        #expect(chat.outputs == [.staleButton])
        #expect(chat.state == before)
        chat.send(.button(stepId: "support_what", optionId: "nonsense"))
        #expect(chat.outputs == [.staleButton])
        chat.send(.button(stepId: "support_what", optionId: "_skip"))
        #expect(chat.outputs == [.staleButton], "a question that is not optional has no Skip button")
        #expect(chat.state == before)
    }

    @Test func typedTextOnAButtonQuestionAsksForTheButtons() throws {
        var chat = Chat(try loadDialog(Self.report))
        chat.type("может быть")
        #expect(chat.notices == ["Пожалуйста, ответьте кнопками под вопросом."])
    }
}
