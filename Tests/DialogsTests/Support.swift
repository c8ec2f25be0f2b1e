import Foundation
import Testing
@testable import Dialogs

/// Parses a dialog written inline in a test; fails the test if it has errors.
func loadDialog(_ yaml: String, file: String = "test.yaml") throws -> Dialog {
    let (dialog, diagnostics) = DialogCatalog.parse(yaml: yaml, fileName: file)
    let errors = diagnostics.filter(\.isError).map(\.description)
    #expect(errors.isEmpty, "unexpected errors: \(errors)")
    return try #require(dialog)
}

/// The diagnostics for an inline file, as `file:line: message` strings.
func diagnose(_ yaml: String, file: String = "broken.yaml") -> [String] {
    DialogCatalog.parse(yaml: yaml, fileName: file).1.map(\.description)
}

/// 2026-03-05 12:00 in Bishkek.
let noon = Date(timeIntervalSince1970: 1_772_690_400)

/// A conversation driven step by step, keeping the latest outcome.
struct Chat {
    let dialog: Dialog
    var context: RespondentContext
    var now: Date
    var outcome: Outcome

    init(_ dialog: Dialog, context: RespondentContext = RespondentContext(), now: Date = noon) {
        self.dialog = dialog
        self.context = context
        self.now = now
        outcome = Engine.start(dialog: dialog, context: context, now: now)
    }

    var state: ConversationState { outcome.state }
    var outputs: [Output] { outcome.outputs }
    var answers: [Answer] { outcome.state.answers }

    @discardableResult
    mutating func send(_ input: EngineInput, after seconds: TimeInterval = 1) -> Outcome {
        now = now.addingTimeInterval(seconds)
        outcome = Engine.handle(dialog: dialog, state: outcome.state, input: input, context: context, now: now)
        return outcome
    }

    @discardableResult
    mutating func type(_ text: String) -> Outcome { send(.text(text)) }

    /// Presses a button of the current question.
    @discardableResult
    mutating func press(_ optionId: String) -> Outcome {
        send(.button(stepId: state.position?.stepId ?? "", optionId: optionId))
    }

    /// The last question asked or redrawn in this turn.
    var prompt: Prompt? {
        for output in outputs.reversed() {
            switch output {
            case .ask(let prompt), .updateButtons(let prompt): return prompt
            default: continue
            }
        }
        return nil
    }

    var notices: [String] {
        outputs.compactMap { if case .notice(let text) = $0 { text } else { nil } }
    }

    var displays: [String] {
        outputs.compactMap { if case .answered(_, let display) = $0 { display } else { nil } }
    }

    func answer(_ stepId: String, round: Int? = nil) -> Answer? {
        answers.first { $0.stepId == stepId && $0.repeatIndex == round }
    }
}

extension Prompt {
    var buttonIds: [String] { buttons.flatMap { $0 }.map(\.optionId) }
    var buttonLabels: [String] { buttons.flatMap { $0 }.map(\.label) }
}

/// The package's `dialogs/` folder.
let shippedDialogs = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("dialogs")
