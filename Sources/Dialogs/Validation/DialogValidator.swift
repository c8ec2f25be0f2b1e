/// Checks a parsed dialog for everything the parser cannot see alone: ids, limits, references, flow.
struct DialogValidator {
    let file: String
    let draft: DialogDraft
    private(set) var diagnostics: [Diagnostic] = []
    /// Every step, in file order, with where it lives.
    let entries: [Entry]
    let entryById: [String: Entry]

    struct Entry {
        let step: Step
        /// Position in file order over all steps, nested ones included.
        let order: Int
        /// Index of the enclosing top-level repeat group, for steps inside one.
        let group: Int?
    }

    static func check(_ draft: DialogDraft, file: String) -> [Diagnostic] {
        var validator = DialogValidator(file: file, draft: draft)
        validator.run()
        return validator.diagnostics
    }

    init(file: String, draft: DialogDraft) {
        self.file = file
        self.draft = draft
        var entries: [Entry] = []
        for (top, step) in draft.steps.enumerated() {
            entries.append(Entry(step: step, order: entries.count, group: nil))
            for inner in step.innerSteps {
                entries.append(Entry(step: inner, order: entries.count, group: top))
            }
        }
        self.entries = entries
        var byId: [String: Entry] = [:]
        for entry in entries where byId[entry.step.id] == nil {
            byId[entry.step.id] = entry
        }
        entryById = byId
    }

    mutating func error(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message))
    }

    mutating func warning(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message, severity: .warning))
    }

    mutating func run() {
        checkDialogHeader()
        checkIds()
        for entry in entries {
            checkTexts(of: entry.step)
            checkSettings(of: entry.step, isTopLevel: entry.group == nil)
            checkReferences(of: entry)
        }
        checkReviewPlacement()
        checkEnding()
        diagnostics += FlowCheck.check(steps: draft.steps, file: file)
    }

    private mutating func checkDialogHeader() {
        if !draft.id.isEmpty, !Limits.isValidId(draft.id) || draft.id.utf8.count > Limits.dialogIdBytes {
            error(draft.idLine, "dialog id '\(draft.id)' must use only a-z, 0-9, '_' and '-' (at most \(Limits.dialogIdBytes) characters)")
        }
        if let title = draft.title { checkLocalized(title, what: "title", owner: "the dialog", maxLength: Limits.buttonLabel) }
        if let thanks = draft.thanks {
            checkLocalized(thanks, what: "thanks", owner: "the dialog", maxLength: Limits.messageText)
            checkPlaceholders(in: thanks, owner: nil)
        }
    }

    private mutating func checkIds() {
        var firstLine: [String: Int] = [:]
        for entry in entries {
            let id = entry.step.id
            guard !id.isEmpty else { continue }
            if !Limits.isValidId(id) {
                error(entry.step.line, "step id '\(id)' must use only a-z, 0-9, '_' and '-'")
            } else if id.utf8.count > Limits.stepIdBytes {
                error(entry.step.line, "step id '\(id)' is \(id.utf8.count) bytes; step ids must be at most \(Limits.stepIdBytes) bytes to fit in Telegram's 64-byte callback data")
            }
            if let first = firstLine[id] {
                error(entry.step.line, "duplicate step id '\(id)' (first used on line \(first))")
            } else {
                firstLine[id] = entry.step.line
            }
        }
    }

    /// Without a review or `thanks`, the last message the person sees is the last step: it should say "done".
    private mutating func checkEnding() {
        guard draft.thanks == nil, let last = draft.steps.last else { return }
        switch last.kind {
        case .review, .info: return
        default:
            warning(last.line, "the dialog has no review step and no 'thanks', so nothing tells the person it is finished; add one, or end with an info step")
        }
    }

    private mutating func checkReviewPlacement() {
        let reviews = draft.steps.enumerated().filter { if case .review = $0.element.kind { true } else { false } }
        for (index, review) in reviews.enumerated() where index > 0 {
            error(review.element.line, "a dialog can have only one review step")
        }
        if let first = reviews.first, first.offset != draft.steps.count - 1 {
            error(first.element.line, "the review step must be the last step of the dialog")
        }
    }
}
