import Foundation
import Testing
@testable import Dialogs

/// One test (or a few) per kind of step: what is asked, what is accepted, what is stored.
struct EngineStepTypeTests {
    static let allTypes = """
    id: all-types
    title: {ru: "Все типы", ky: "Бардык түрлөр", en: "All types"}
    steps:
      - id: hello
        type: info
        text: {ru: "Привет!", en: "Hello!"}
      - id: topic
        type: choice
        other: true
        text: {ru: "Тема?", en: "Topic?"}
        options:
          - id: ccm
            text: {ru: "СКК", en: "CCM"}
          - id: data
            text: {ru: "Данные", en: "Data"}
      - id: barriers
        type: multi_choice
        other: true
        text: {ru: "Барьеры?", en: "Barriers?"}
        options:
          - id: stigma
            text: {ru: "Стигма", en: "Stigma"}
          - id: cost
            text: {ru: "Цена", en: "Cost"}
          - id: police
            text: {ru: "Полиция", en: "Police"}
      - id: support
        type: yes_no
        text: {ru: "Нужна поддержка?", en: "Need support?"}
      - id: confidence
        type: scale
        min: 1
        max: 5
        text: {ru: "Уверенность?", en: "Confidence?"}
        labels:
          1: {ru: "нет", en: "none"}
          5: {ru: "полная", en: "full"}
      - id: people
        type: integer
        min: 0
        max: 100
        text: {ru: "Сколько человек?", en: "How many people?"}
      - id: share
        type: number
        min: 0
        max: 10
        text: {ru: "Сколько часов?", en: "How many hours?"}
      - id: when
        type: date
        past_only: true
        text: {ru: "Когда?", en: "When?"}
      - id: note
        type: text
        max_length: 20
        text: {ru: "Заметка для {alias}: «{answer.topic}»", en: "Note for {alias}: “{answer.topic}”"}
    """

    func startedAt(_ stepId: String, language: Language = .ru) throws -> Chat {
        var chat = Chat(try loadDialog(Self.allTypes), context: RespondentContext(alias: "Айгуль <3", language: language))
        let order = ["topic", "barriers", "support", "confidence", "people", "share", "when", "note"]
        let inputs: [String: EngineInput] = [
            "topic": .button(stepId: "topic", optionId: "ccm"),
            "barriers": .button(stepId: "barriers", optionId: "_done"),
            "support": .button(stepId: "support", optionId: "yes"),
            "confidence": .button(stepId: "confidence", optionId: "3"),
            "people": .text("5"), "share": .text("1"), "when": .text("01.03.2026"),
        ]
        for id in order {
            guard id != stepId, let input = inputs[id] else { break }
            if id == "barriers" { chat.press("cost") }
            chat.send(input)
        }
        #expect(chat.state.position?.stepId == stepId)
        return chat
    }

    @Test func infoIsShownAndTheFirstQuestionFollowsInTheSameTurn() throws {
        let chat = Chat(try loadDialog(Self.allTypes))
        #expect(chat.outputs.count == 2)
        guard case .ask(let info) = chat.outputs[0] else { Issue.record("expected the info message"); return }
        #expect(info.text == "Привет!" && info.buttons.isEmpty)
        #expect(chat.prompt?.stepId == "topic")
        #expect(chat.prompt?.buttonIds == ["ccm", "data", "_other"])
        #expect(chat.prompt?.acceptsText == false)
        #expect(chat.state.position == Position(stepId: "topic"))
    }

    @Test func choiceStoresTheOptionIdAndLabelAndMarksTheQuestionAnswered() throws {
        var chat = try startedAt("topic")
        chat.press("data")
        #expect(chat.answer("topic")?.value == "data")
        #expect(chat.answer("topic")?.label == "Данные")
        #expect(chat.displays == ["Тема?\n\n✓ <b>Данные</b>"])
        #expect(chat.prompt?.stepId == "barriers")
    }

    @Test func choiceAcceptsAnOptionTypedAsItsLabel() throws {
        var chat = try startedAt("topic")
        chat.type("  скк ")
        #expect(chat.answer("topic")?.value == "ccm")
    }

    @Test func choiceOtherAsksForTextAndStoresIt() throws {
        var chat = try startedAt("topic")
        chat.press("_other")
        #expect(chat.prompt?.text == "Уточните, пожалуйста, одним сообщением:")
        #expect(chat.state.position == Position(stepId: "topic", phase: .other))
        chat.type("Работа с прессой")
        let answer = try #require(chat.answer("topic"))
        #expect(answer.value == "_other")
        #expect(answer.otherText == "Работа с прессой")
        #expect(answer.label == "Другое: Работа с прессой")
        #expect(chat.prompt?.stepId == "barriers")
    }

    @Test func multiChoiceTogglesTicksAndDoneConfirmsInOptionOrder() throws {
        var chat = try startedAt("topic")
        chat.press("ccm")
        #expect(chat.prompt?.buttonIds == ["stigma", "cost", "police", "_other", "_done"])
        chat.press("police")
        guard case .updateButtons(let redrawn)? = chat.outputs.first else { Issue.record("expected updateButtons"); return }
        #expect(redrawn.buttonLabels == ["Стигма", "Цена", "✓ Полиция", "Другое (уточните)", "Готово"])
        chat.press("stigma")
        chat.press("cost")
        chat.press("cost")
        #expect(chat.prompt?.buttonLabels.filter { $0.hasPrefix("✓") } == ["✓ Стигма", "✓ Полиция"])
        chat.press("_done")
        #expect(chat.answer("barriers")?.value == "stigma,police")
        #expect(chat.answer("barriers")?.label == "Стигма, Полиция")
        #expect(chat.prompt?.stepId == "support")
    }

    @Test func multiChoiceDoneWithNothingTickedAsksForOne() throws {
        var chat = try startedAt("barriers")
        chat.press("_done")
        #expect(chat.notices == ["Отметьте хотя бы один вариант, затем нажмите «Готово»."])
        #expect(chat.state.position?.stepId == "barriers")
    }

    @Test func multiChoiceWithOtherAsksForTheTextAfterDone() throws {
        var chat = try startedAt("barriers")
        chat.press("_other")
        chat.press("cost")
        chat.press("_done")
        #expect(chat.state.position?.phase == .other)
        chat.type("Очереди")
        #expect(chat.answer("barriers")?.value == "cost,_other")
        #expect(chat.answer("barriers")?.label == "Цена, Другое: Очереди")
        #expect(chat.answer("barriers")?.otherText == "Очереди")
    }

    @Test func yesNoTakesButtonsAndTypedWordsInEveryLanguage() throws {
        var chat = try startedAt("support")
        #expect(chat.prompt?.buttonLabels == ["Да", "Нет"])
        chat.type("Ооба")
        #expect(chat.answer("support")?.value == "yes")
        chat.send(.back)
        chat.type("no")
        #expect(chat.answer("support")?.value == "no")
        #expect(chat.answer("support")?.label == "Нет")
    }

    @Test func scaleShowsLabelsAndOneButtonPerPoint() throws {
        var chat = try startedAt("confidence")
        #expect(chat.prompt?.text == "Уверенность?\n\n1 — нет\n5 — полная")
        #expect(chat.prompt?.buttonIds == ["1", "2", "3", "4", "5"])
        chat.press("5")
        #expect(chat.answer("confidence")?.value == "5")
        #expect(chat.answer("confidence")?.label == "5 — полная")
    }

    @Test func scaleAcceptsATypedPointInRangeOnly() throws {
        var chat = try startedAt("confidence")
        chat.type("9")
        #expect(chat.notices == ["Пожалуйста, отправьте целое число от 1 до 5."])
        chat.type("2")
        #expect(chat.answer("confidence")?.value == "2")
    }

    @Test func integerAcceptsWholeNumbersInRange() throws {
        var chat = try startedAt("people")
        #expect(chat.prompt?.acceptsText == true)
        chat.type("042")
        #expect(chat.answer("people")?.value == "42")
    }

    @Test(arguments: ["abc", "1e309", "101", "-1", "3.5", "", "nan", "∞"])
    func integerRefusesAndSaysWhatIsExpected(_ typed: String) throws {
        var chat = try startedAt("people")
        chat.type(typed)
        #expect(chat.notices == ["Пожалуйста, отправьте целое число от 0 до 100."])
        #expect(chat.answer("people") == nil)
        #expect(chat.state.position?.stepId == "people")
    }

    @Test func integerRePromptIsInThePersonsLanguage() throws {
        var chat = try startedAt("people", language: .ky)
        chat.type("abc")
        #expect(chat.notices == ["Сураныч, 0 – 100 аралыгындагы бүтүн сан жөнөтүңүз."])
        var english = try startedAt("people", language: .en)
        english.type("abc")
        #expect(english.notices == ["Please send a whole number from 0 to 100."])
    }

    @Test func numberAcceptsADecimalCommaAndRefusesOverflow() throws {
        var chat = try startedAt("share")
        chat.type("1e309")
        #expect(chat.notices == ["Пожалуйста, отправьте число от 0 до 10."])
        chat.type("2,5")
        #expect(chat.answer("share")?.value == "2.5")
        #expect(chat.answer("share")?.label == "2,5")
    }

    @Test func dateAcceptsDayMonthYearAndToday() throws {
        var chat = try startedAt("when")
        chat.type("5.3.2026")
        #expect(chat.answer("when")?.value == "2026-03-05")
        #expect(chat.answer("when")?.label == "05.03.2026")
        chat.send(.back)
        chat.type("Сегодня")
        #expect(chat.answer("when")?.value == "2026-03-05")
    }

    @Test func todayIsTheDayInBishkekNotInUTC() throws {
        var chat = try startedAt("when")
        // 2026-03-05 20:30 UTC is already 6 March in Bishkek (UTC+6).
        chat.now = Date(timeIntervalSince1970: 1_772_742_600)
        chat.type("today")
        #expect(chat.answer("when")?.value == "2026-03-06")
    }

    @Test(arguments: ["31.02.2026", "29.02.2027", "00.01.2026", "12.13.2026", "1.1.26.1", "завтра", "2026-03-01"])
    func dateRefusesImpossibleDates(_ typed: String) throws {
        var chat = try startedAt("when")
        chat.type(typed)
        #expect(chat.notices == ["Пожалуйста, отправьте дату в виде дд.мм.гггг (например, 05.03.2026) или слово «сегодня»."])
        #expect(chat.answer("when") == nil)
    }

    @Test func dateInTheFutureIsRefusedWhenPastOnly() throws {
        var chat = try startedAt("when")
        chat.type("29.02.2028")
        #expect(chat.notices == ["Эта дата ещё не наступила. Отправьте сегодняшнюю или более раннюю дату."])
        chat.type("28.02.2024")
        #expect(chat.answer("when")?.value == "2024-02-28")
    }

    @Test func textFillsPlaceholdersEscaped() throws {
        let chat = try startedAt("note")
        #expect(chat.prompt?.text == "Заметка для Айгуль &lt;3: «СКК»")
        #expect(chat.prompt?.buttons.isEmpty == true)
    }

    @Test func textOverTheLimitIsRefusedWithTheCount() throws {
        var chat = try startedAt("note")
        chat.type(String(repeating: "я", count: 21))
        #expect(chat.notices == ["Слишком длинный ответ (символов: 21). Пожалуйста, уложитесь в 20."])
        chat.type(String(repeating: "я", count: 20))
        #expect(chat.outcome.finished == .completed)
    }

    @Test func textStripsControlCharactersAndKeepsEmojiAndAnyScript() throws {
        var chat = try startedAt("note")
        chat.type("\u{0}  Ок\u{7}👩🏽‍⚕️ Бишкек\u{1B}\r\nسلام  ")
        #expect(chat.answer("note")?.value == "Ок👩🏽‍⚕️ Бишкек\nسلام")
    }

    @Test func textThatIsOnlyControlCharactersIsRefused() throws {
        var chat = try startedAt("note")
        chat.type("\u{0}\u{1}\u{2}")
        #expect(chat.notices == ["Пожалуйста, отправьте ответ текстом, не длиннее 20 символов."])
    }

    @Test func typedHTMLIsEscapedEverywhereItIsShown() throws {
        var chat = try startedAt("topic")
        chat.press("_other")
        chat.type("<b>x</b> & \"y\"")
        #expect(chat.answer("topic")?.otherText == "<b>x</b> & \"y\"")
        var later = chat
        later.press("cost")
        later.press("_done")
        later.press("no")
        later.press("1")
        later.type("1")
        later.type("1")
        later.type("01.01.2026")
        #expect(later.prompt?.text == "Заметка для Айгуль &lt;3: «Другое: &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;»")
    }

    @Test func stickersAndPhotosGetTheExpectationOfTheQuestion() throws {
        var chat = try startedAt("topic")
        chat.send(.unsupportedContent)
        #expect(chat.notices == ["Пожалуйста, ответьте кнопками под вопросом."])
        var number = try startedAt("people")
        number.send(.unsupportedContent)
        #expect(number.notices == ["Пожалуйста, отправьте целое число от 0 до 100."])
        var date = try startedAt("when", language: .en)
        date.send(.unsupportedContent)
        #expect(date.notices == ["Please send a date as dd.mm.yyyy (for example 05.03.2026) or the word “today”."])
        var text = try startedAt("note")
        text.send(.unsupportedContent)
        #expect(text.notices == ["Пожалуйста, отправьте ответ текстом, не длиннее 20 символов."])
        let untouched = try startedAt("note")
        #expect(text.state == untouched.state)
    }

    @Test func aMissingTranslationFallsBackToRussian() throws {
        let chat = Chat(try loadDialog(Self.allTypes), context: RespondentContext(language: .ky))
        #expect(chat.prompt?.text == "Тема?")
        #expect(chat.prompt?.buttonLabels.last == "Башка (тактаңыз)")
    }
}
