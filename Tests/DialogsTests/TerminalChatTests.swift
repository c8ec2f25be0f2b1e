import Foundation
import Testing
@testable import Dialogs

/// `kenesh chat` without a terminal: lines in, lines out.
struct TerminalChatTests {
    final class Script: @unchecked Sendable {
        var lines: [String]
        var output: [String] = []
        init(_ lines: [String]) { self.lines = lines }
        func next() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    }

    func run(_ lines: [String], dialog: Dialog, language: Language = .ru) -> (Outcome, [String]) {
        let script = Script(lines)
        let chat = TerminalChat(dialog: dialog, context: RespondentContext(language: language),
                                readLine: script.next, write: { script.output.append($0) }, now: { noon })
        let outcome = chat.run()
        return (outcome, script.output)
    }

    @Test func numbersPressButtonsAndTheAnswersArePrintedAtTheEnd() throws {
        let dialog = try loadDialog(EngineFlowTests.report)
        let (outcome, output) = run(["1", "Юрист <b>", "2", "#1", "1"], dialog: dialog)
        #expect(outcome.finished == .completed)
        #expect(output.contains("Нужна поддержка?"))
        #expect(output.contains("  1) Да"))
        #expect(output.contains("  #1  Пропустить"), "a typed-answer question shows its buttons as #n")
        #expect(output.joined(separator: "\n").contains("\nКакая: Юрист <b>\n"), "the terminal shows plain text, not HTML")
        #expect(output.suffix(5) == [
            "--- answers: report version \(dialog.version), completed ---",
            "support: yes  — Да",
            "support_what: Юрист <b>",
            "had_cases: no  — Нет",
            "note: (skipped)",
        ])
    }

    @Test func commandsAndRepromptsWork() throws {
        let dialog = try loadDialog(EngineFlowTests.report)
        let (outcome, output) = run(["/back", "maybe", "2", "/back", "1", "/cancel"], dialog: dialog, language: .en)
        #expect(outcome.finished == .cancelled)
        #expect(output.contains("» Please answer with the buttons under the question."))
        #expect(output.contains("» Stopped. The answers you gave so far are kept as an unfinished response."))
        #expect(output.last == "support: yes  — Yes")
    }

    @Test func endOfInputCancels() throws {
        let dialog = try loadDialog(EngineFlowTests.report)
        let (outcome, _) = run([], dialog: dialog)
        #expect(outcome.finished == .cancelled)
    }

    @Test func typedLinesMapToInputs() {
        let buttons = Prompt(stepId: "q", text: "?", buttons: [[Button(optionId: "a", label: "A"), Button(optionId: "b", label: "B")]], acceptsText: false)
        #expect(TerminalChat.input(from: "2", prompt: buttons) == .button(stepId: "q", optionId: "b"))
        #expect(TerminalChat.input(from: "3", prompt: buttons) == .text("3"))
        #expect(TerminalChat.input(from: " /skip ", prompt: buttons) == .skip)
        let typed = Prompt(stepId: "n", text: "?", buttons: [[Button(optionId: "_skip", label: "Skip")]], acceptsText: true)
        #expect(TerminalChat.input(from: "1", prompt: typed) == .text("1"))
        #expect(TerminalChat.input(from: "#1", prompt: typed) == .button(stepId: "n", optionId: "_skip"))
    }
}
