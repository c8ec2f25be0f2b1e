import Foundation
import Testing
@testable import Dialogs

/// The dialogs in `dialogs/` validate cleanly and can be answered to the end in every language.
struct ShippedDialogsTests {
    @Test func everyShippedDialogValidatesWithoutErrorsOrWarnings() {
        let (catalog, diagnostics) = DialogCatalog.load(directory: shippedDialogs)
        #expect(diagnostics.map(\.description) == [])
        #expect(catalog.dialogs.map(\.id) == ["ccm-debrief", "city-monitoring", "mentorship-checkin", "onboarding"])
    }

    @Test func theCheckInOffersTheSevenMentoringTopicsAndOther() throws {
        let checkin = try #require(DialogCatalog.load(directory: shippedDialogs).catalog.dialog(id: "mentorship-checkin"))
        guard case .choice(let topics)? = checkin.step(id: "topic")?.kind else { Issue.record("topic must be a choice"); return }
        #expect(topics.options.map(\.id) == ["decisions", "monitoring", "gf_request", "donors", "donor_reports", "events", "speaking"])
        #expect(topics.allowsOther)
    }

    @Test func violationsAreARepeatGroupAskingByWhom() throws {
        let monitoring = try #require(DialogCatalog.load(directory: shippedDialogs).catalog.dialog(id: "city-monitoring"))
        #expect(monitoring.step(id: "violations")?.innerSteps.map(\.id) == ["v_what", "v_by", "v_date", "v_details", "v_help"])
        guard case .choice(let by)? = monitoring.step(id: "v_by")?.kind else { Issue.record("v_by must be a choice"); return }
        #expect(by.options.map(\.id) == ["police", "clients", "health_workers"])
        #expect(by.allowsOther)
    }

    @Test(arguments: ["onboarding", "mentorship-checkin", "city-monitoring", "ccm-debrief"])
    func eachDialogCanBeAnsweredToTheEndInEveryLanguage(_ id: String) throws {
        let dialog = try #require(DialogCatalog.load(directory: shippedDialogs).catalog.dialog(id: id))
        for language in Language.allCases {
            var chat = Chat(dialog, context: RespondentContext(alias: "Тест", city: "Бишкек", language: language))
            var turns = 0
            while chat.outcome.finished == nil, turns < 100, let prompt = chat.prompt {
                turns += 1
                chat.send(Self.plausibleAnswer(to: prompt, in: dialog, addAnother: turns < 30))
                #expect(chat.notices.isEmpty || chat.outcome.finished != nil, "\(id)/\(language): refused at \(prompt.stepId): \(chat.notices)")
            }
            #expect(chat.outcome.finished == .completed, "\(id) in \(language) did not finish")
        }
    }

    /// What a cooperative person would answer: the first sensible button, or a well-formed typed value.
    static func plausibleAnswer(to prompt: Prompt, in dialog: Dialog, addAnother: Bool) -> EngineInput {
        let ids = prompt.buttonIds
        let press = { (option: String) in EngineInput.button(stepId: prompt.stepId, optionId: option) }
        if ids.contains("_send") { return press("_send") }
        if ids.contains("_add") { return press(addAnother ? "_add" : "_stop") }
        if ids.contains("_done") {
            return prompt.buttonLabels.contains { $0.hasPrefix("✓") } ? press("_done") : press(ids[0])
        }
        if prompt.acceptsText {
            switch dialog.step(id: prompt.stepId)?.kind {
            case .date?: return .text("01.02.2026")
            case .integer?, .number?: return .text("3")
            default: return .text("Тестовый ответ ✓")
            }
        }
        if ids.contains("agree") { return press("agree") }
        return press(ids.first { !$0.hasPrefix("_") } ?? ids[0])
    }

    @Test func engineStringsAreHTMLSafeInEveryLanguage() {
        let all: [EngineText] = [
            .skip, .done, .send, .edit, .addAnother, .noMore, .otherButton, .otherLabel, .specifyOther, .yes, .no,
            .backToReview, .whichToEdit, .reviewHeader, .reviewFooter, .thanks, .sentMark, .cancelled,
            .nudge(title: "T"), .expired(title: "T"), .cannotSkip, .firstQuestion, .useButtons, .sendText,
            .sendTextUpTo(max: 5), .wholeNumber(min: 1, max: 5), .wholeNumber(min: nil, max: nil), .number(min: 0.5, max: nil),
            .number(min: nil, max: 2), .date, .dateInFuture, .textTooLong(count: 9, max: 5), .chooseAtLeastOne,
            .multiHint, .skipped, .addAnotherQuestion, .round(2), .dialogChanged,
        ]
        for text in all {
            for language in Language.allCases {
                let string = text.string(language)
                #expect(!string.isEmpty)
                #expect(HTML.escape(string) == string, "\(text) in \(language) needs escaping")
                if language != .en { #expect(string != text.string(.en) || string.hasPrefix("№"), "\(text) is not translated to \(language)") }
            }
        }
    }
}

/// The full example in docs/dialogs.md stays valid and runs.
struct DocumentationExampleTests {
    @Test func theDocumentedExampleValidatesAndRuns() throws {
        let docs = try String(contentsOf: shippedDialogs.deletingLastPathComponent().appendingPathComponent("docs/dialogs.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "```yaml\n"))
        let end = try #require(docs.range(of: "\n```", range: start.upperBound..<docs.endIndex))
        let yaml = String(docs[start.upperBound..<end.lowerBound])
        let (dialog, diagnostics) = DialogCatalog.parse(yaml: yaml, fileName: "example.yaml")
        #expect(diagnostics.map(\.description) == [])
        let example = try #require(dialog)
        var chat = Chat(example, context: RespondentContext(alias: "Айгуль", city: "Ош"))
        chat.press("_prefill")
        chat.press("ccm")
        chat.type("Выступила")
        chat.press("4")
        chat.press("no")
        chat.press("yes")
        chat.press("police")
        chat.type("01.03.2026")
        chat.press("_stop")
        #expect(chat.state.position == Position(stepId: "review"))
        chat.press("_send")
        #expect(chat.outcome.finished == .completed)
        #expect(chat.notices == ["Спасибо, Айгуль!"])
        #expect(chat.answers.map(\.stepId) == ["city", "topic", "did", "confidence", "need_help", "had_cases", "by", "when_it_was"])
    }
}
