import Foundation
import Testing
@testable import Dialogs

/// One small broken file per kind of mistake, checking the exact `file:line: message`.
struct ValidatorTests {
    /// A valid start every broken file below builds on (lines 1-4).
    static let header = """
    id: broken
    title: {ru: "Сломанный"}
    languages: [ru]
    steps:
    """

    /// The errors of a file made of the header and `steps` (warnings are checked on their own below).
    func problems(_ steps: String) -> [String] {
        DialogCatalog.parse(yaml: Self.header + "\n" + steps, fileName: "broken.yaml").1.filter(\.isError).map(\.description)
    }

    @Test func yamlSyntaxErrorPointsAtTheLine() {
        let result = problems("""
          - id: a
            type: info
           text: {ru: "сдвиг"}
        """)
        #expect(result == ["broken.yaml:7: YAML syntax error: did not find expected '-' indicator (while parsing a block collection that starts on line 5); check the indentation"])
    }

    @Test func unclosedQuoteIsASyntaxError() {
        let result = problems("""
          - id: a
            type: info
            text: {ru: "нет кавычки}
        """)
        #expect(result == ["broken.yaml:7: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar that starts on line 7)"])
    }

    @Test func duplicateKeyIsReportedWithItsLine() {
        let result = problems("""
          - id: a
            type: info
            text: {ru: "раз"}
            text: {ru: "два"}
        """)
        #expect(result == ["broken.yaml:7: key 'text' is written more than once in the same block (first here)"])
    }

    @Test func unknownStepType() {
        let result = problems("""
          - id: a
            type: multichoice
            text: {ru: "Вопрос"}
        """)
        #expect(result == ["broken.yaml:6: unknown step type 'multichoice'; use one of: info, choice, multi_choice, yes_no, scale, integer, number, date, text, repeat, review (did you mean 'multi_choice'?)"])
    }

    @Test func duplicateStepId() {
        let result = problems("""
          - id: topic
            type: text
            text: {ru: "Раз"}
          - id: topic
            type: text
            text: {ru: "Два"}
        """)
        #expect(result == ["broken.yaml:8: duplicate step id 'topic' (first used on line 5)"])
    }

    @Test func nextToAStepThatDoesNotExist() {
        let result = problems("""
          - id: a
            type: yes_no
            text: {ru: "Да?"}
            next: reviw
          - id: review
            type: review
        """)
        #expect(result == ["broken.yaml:8: 'next' goes to 'reviw', but there is no step with that id (did you mean 'review'?)"])
    }

    @Test func whenOnAnAnswerThatDoesNotExist() {
        let result = problems("""
          - id: a
            type: yes_no
            text: {ru: "Да?"}
          - id: b
            type: text
            when: {answer: aa, is: "yes"}
            text: {ru: "Почему?"}
        """)
        #expect(result == ["broken.yaml:10: 'when' uses the answer to 'aa', but there is no step with that id (did you mean 'a'?)"])
    }

    @Test func whenOnALaterAnswer() {
        let result = problems("""
          - id: a
            type: text
            when: {answer: b, is: "yes"}
            text: {ru: "Почему?"}
          - id: b
            type: yes_no
            text: {ru: "Да?"}
        """)
        #expect(result == ["broken.yaml:7: 'when' uses the answer to 'b', which is asked later; only earlier answers can be used"])
    }

    @Test func whenWithAValueThatIsNotAnOption() {
        let result = problems("""
          - id: a
            type: yes_no
            text: {ru: "Да?"}
          - id: b
            type: text
            when: {answer: a, is: "da"}
            text: {ru: "Почему?"}
        """)
        #expect(result == ["broken.yaml:10: 'da' is not an option of 'a'; its options are: yes, no"])
    }

    @Test func placeholderNamingNoAnswer() {
        let result = problems("""
          - id: a
            type: text
            text: {ru: "Что по теме {answer.topik}? И {nickname}?"}
        """)
        #expect(result == [
            "broken.yaml:7: 'when' uses the answer to 'topik', but there is no step with that id".replacingOccurrences(of: "'when'", with: "'{answer.topik}'"),
            "broken.yaml:7: unknown placeholder '{nickname}'; use {alias}, {city} or {answer.STEP_ID}",
        ].sorted())
    }

    @Test func stepThatCanNeverBeReached() {
        let result = problems("""
          - id: a
            type: yes_no
            text: {ru: "Да?"}
            next: c
          - id: b
            type: text
            text: {ru: "Никогда"}
          - id: c
            type: review
        """)
        #expect(result == ["broken.yaml:9: step 'b' can never be reached: the steps before it always jump past it with 'next'"])
    }

    @Test func loopWithNoWayOut() {
        let result = problems("""
          - id: a
            type: yes_no
            text: {ru: "Да?"}
          - id: b
            type: text
            text: {ru: "Почему?"}
            next: a
          - id: review
            type: review
        """)
        #expect(result == [
            "broken.yaml:11: steps 'a', 'b' form a loop with no way out: give this 'next' a 'when' or point it forward",
            "broken.yaml:12: step 'review' can never be reached: the steps before it always jump past it with 'next'",
        ])
    }

    @Test func loopWithAConditionIsAllowedButInfoStepsGoingRoundAreNot() {
        #expect(problems("""
          - id: a
            type: yes_no
            text: {ru: "Уверены?"}
            next:
              - when: {answer: a, is: "no"}
                goto: a
          - id: review
            type: review
        """).isEmpty)
        let result = problems("""
          - id: q
            type: yes_no
            text: {ru: "Да?"}
          - id: i1
            type: info
            text: {ru: "Раз"}
          - id: i2
            type: info
            text: {ru: "Два"}
            next:
              - when: {answer: q, is: "yes"}
                goto: i1
        """)
        #expect(result == ["broken.yaml:16: steps 'i1', 'i2' jump in a circle without asking anything, so nothing can change to end it"])
    }

    @Test func missingRequiredText() {
        #expect(problems("""
          - id: a
            type: text
        """) == ["broken.yaml:5: step 'a' needs a 'text': the question in Russian (ru:), and in ky:/en: if you have them"])
        #expect(problems("""
          - id: a
            type: text
            text:
              en: "English only"
        """) == ["broken.yaml:7: 'text' has no Russian text (ru:); Russian is required"])
    }

    @Test func buttonLabelOverTelegramsLimit() {
        let long = String(repeating: "ы", count: 65)
        let result = problems("""
          - id: a
            type: choice
            text: {ru: "Что?"}
            options:
              - id: x
                text: {ru: "\(long)"}
        """)
        #expect(result == ["broken.yaml:10: the ru text of option 'x' of step 'a' is 65 characters; Telegram allows at most 64 in a button label"])
    }

    @Test func textOverTelegramsLimit() {
        let long = String(repeating: "ж", count: 4097)
        let result = problems("""
          - id: a
            type: info
            text:
              ru: "\(long)"
        """)
        #expect(result == ["broken.yaml:8: the ru text of step 'a' is 4097 characters; Telegram allows at most 4096 in a message"])
    }

    @Test func optionIdTooLongForCallbackData() {
        let result = problems("""
          - id: a
            type: choice
            text: {ru: "Что?"}
            options:
              - id: health_workers_ok
                text: {ru: "Медики"}
        """)
        #expect(result == ["broken.yaml:9: option id 'health_workers_ok' is 17 bytes; option ids must be at most 16 bytes to fit in Telegram's 64-byte callback data"])
    }

    @Test func stepIdRules() {
        let result = problems("""
          - id: a_step_id_that_is_far_too_long
            type: info
            text: {ru: "Раз"}
          - id: Вопрос
            type: info
            text: {ru: "Два"}
          - id: q
            type: choice
            text: {ru: "Что?"}
            options:
              - id: _done
                text: {ru: "Готово"}
        """)
        #expect(result == [
            "broken.yaml:5: step id 'a_step_id_that_is_far_too_long' is 30 bytes; step ids must be at most 24 bytes to fit in Telegram's 64-byte callback data",
            "broken.yaml:8: step id 'Вопрос' must use only a-z, 0-9, '_' and '-'",
            "broken.yaml:15: option id '_done' must not start with '_' (reserved for the bot's own buttons)",
        ])
    }

    @Test func unknownKeyWithASuggestion() {
        let result = problems("""
          - id: a
            type: text
            optinal: true
            text: {ru: "Что?"}
        """)
        #expect(result == ["broken.yaml:7: unknown key 'optinal' in a text step (did you mean 'optional'?)"])
    }

    @Test func keyOfAnotherStepType() {
        let result = problems("""
          - id: a
            type: text
            options: []
            text: {ru: "Что?"}
        """)
        #expect(result == ["broken.yaml:7: 'options' is not used by a text step"])
    }

    @Test func missingTranslationIsAWarningOnly() throws {
        let yaml = """
        id: partial
        title: {ru: "Частично", ky: "Жарым", en: "Partial"}
        steps:
          - id: a
            type: text
            text: {ru: "Что?", en: "What?"}
          - id: review
            type: review
        """
        let (dialog, diagnostics) = DialogCatalog.parse(yaml: yaml, fileName: "partial.yaml")
        #expect(dialog != nil)
        #expect(diagnostics.map(\.description) == ["partial.yaml:6: warning: step 'a' has no ky text; the Russian text will be shown instead"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func emptyFileAndWrongShape() {
        #expect(diagnose("") == ["broken.yaml:1: the file is empty; a dialog needs id, title and steps"])
        #expect(diagnose("- just\n- a list\n") == ["broken.yaml:1: a dialog file must be a block of keys: id, title, languages, steps"])
    }

    @Test func loadingADirectoryKeepsValidFilesAndNamesEveryProblem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kenesh-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(EngineLifecycleTests.versionA.utf8).write(to: directory.appendingPathComponent("diary.yaml"))
        try Data((Self.header + "\n  - id: a\n    type: bogus\n    text: x\n").utf8).write(to: directory.appendingPathComponent("broken.yaml"))
        try Data([0xFF, 0xFE, 0x00]).write(to: directory.appendingPathComponent("binary.yml"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("notes.txt"))

        let (catalog, diagnostics) = DialogCatalog.load(directory: directory)
        #expect(catalog.dialogs.map(\.id) == ["diary"])
        let base = directory.relativePath
        #expect(diagnostics.map(\.description) == [
            "\(base)/binary.yml:1: the file is not UTF-8 text; save it as UTF-8",
            "\(base)/broken.yaml:6: unknown step type 'bogus'; use one of: info, choice, multi_choice, yes_no, scale, integer, number, date, text, repeat, review",
        ])
    }

    @Test func aMissingDirectoryIsOneClearError() {
        #expect(throws: DialogDirectoryError.self) {
            try DialogCatalog.dialogFiles(in: URL(fileURLWithPath: "/nonexistent/kenesh-dialogs"))
        }
    }
}
