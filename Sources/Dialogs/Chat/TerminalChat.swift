import Foundation

/// Runs a dialog in a terminal against the real engine, so staff can try it before it goes live.
///
/// Buttons are numbered: type the number to press one. Where a typed answer is expected, buttons are shown
/// as `#1`, `#2` and pressed by typing that. `/back`, `/skip` and `/cancel` work as in Telegram; end of input cancels.
public struct TerminalChat {
    let dialog: Dialog
    let context: RespondentContext
    let readLine: () -> String?
    let write: (String) -> Void
    let now: () -> Date

    public init(dialog: Dialog, context: RespondentContext,
                readLine: @escaping () -> String?, write: @escaping (String) -> Void,
                now: @escaping () -> Date = Date.init) {
        self.dialog = dialog
        self.context = context
        self.readLine = readLine
        self.write = write
        self.now = now
    }

    /// Plays the dialog to its end and prints the collected answers; returns the final outcome.
    @discardableResult
    public func run() -> Outcome {
        write("== \(dialog.title.string(in: context.language)) (\(dialog.id), version \(dialog.version))")
        write("Type a number to press a button, or type your answer. Commands: /back /skip /cancel")
        var outcome = Engine.start(dialog: dialog, context: context, now: now())
        var prompt = show(outcome.outputs, current: nil)
        while outcome.finished == nil {
            let input: EngineInput
            if let line = readLine() {
                input = Self.input(from: line, prompt: prompt)
            } else {
                input = .cancel
            }
            outcome = Engine.handle(dialog: dialog, state: outcome.state, input: input, context: context, now: now())
            prompt = show(outcome.outputs, current: prompt)
        }
        printAnswers(outcome)
        return outcome
    }

    /// Maps a typed line to an engine input, given the question on screen.
    static func input(from line: String, prompt: Prompt?) -> EngineInput {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "/back": return .back
        case "/skip": return .skip
        case "/cancel": return .cancel
        default: break
        }
        guard let prompt else { return .text(line) }
        let buttons = prompt.buttons.flatMap { $0 }
        let number = prompt.acceptsText ? (trimmed.hasPrefix("#") ? Int(trimmed.dropFirst()) : nil) : Int(trimmed)
        if let number, buttons.indices.contains(number - 1) {
            return .button(stepId: prompt.stepId, optionId: buttons[number - 1].optionId)
        }
        return .text(line)
    }

    /// Prints the outputs and returns the question now on screen.
    private func show(_ outputs: [Output], current: Prompt?) -> Prompt? {
        var current = current
        for output in outputs {
            switch output {
            case .ask(let prompt):
                write("")
                write(HTML.plainText(prompt.text))
                showButtons(prompt)
                current = prompt
            case .updateButtons(let prompt):
                let ticked = prompt.buttons.flatMap { $0 }.filter { $0.label.hasPrefix(ButtonLayout.tick) }
                write("  ticked: " + (ticked.isEmpty ? "none" : ticked.map { String($0.label.dropFirst(ButtonLayout.tick.count)) }.joined(separator: "; ")))
                current = prompt
            case .answered(_, let display):
                if let answer = display.components(separatedBy: "\n\n").last {
                    write("  " + HTML.plainText(answer))
                }
            case .notice(let text):
                write("» " + HTML.plainText(text))
            case .staleButton:
                write("» (that button belongs to an earlier question)")
            }
        }
        return current
    }

    private func showButtons(_ prompt: Prompt) {
        for (index, button) in prompt.buttons.flatMap({ $0 }).enumerated() {
            write(prompt.acceptsText ? "  #\(index + 1)  \(button.label)" : "  \(index + 1)) \(button.label)")
        }
    }

    private func printAnswers(_ outcome: Outcome) {
        let state = outcome.state
        write("")
        write("--- answers: \(state.dialogId) version \(state.version), \(outcome.finished?.rawValue ?? "unfinished") ---")
        for answer in state.answers {
            let step = answer.repeatIndex.map { "\(answer.stepId)#\($0 + 1)" } ?? answer.stepId
            let value = answer.isSkipped ? "(skipped)" : answer.value
            var line = "\(step): \(value)"
            if let label = answer.label, label != answer.value { line += "  — \(label)" }
            write(line)
        }
        for (field, value) in state.profileUpdates.sorted(by: { $0.key < $1.key }) {
            write("profile.\(field): \(value)")
        }
    }
}
