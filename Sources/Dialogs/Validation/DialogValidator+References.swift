/// `when`, `next` and `{answer.X}`: every name must exist, be an earlier question, and be in scope.
extension DialogValidator {
    mutating func checkReferences(of entry: Entry) {
        let step = entry.step
        if let condition = step.condition {
            checkCondition(condition, from: entry, allowSelf: false, key: "when")
        }
        for jump in step.jumps {
            if let condition = jump.condition {
                checkCondition(condition, from: entry, allowSelf: true, key: "next")
            }
            checkJumpTarget(jump, from: entry)
        }
        for text in [step.text, step.label].compactMap({ $0 }) {
            checkPlaceholders(in: text, owner: entry)
        }
    }

    private mutating func checkJumpTarget(_ jump: Jump, from entry: Entry) {
        guard let target = entryById[jump.target] else {
            error(jump.line, "'next' goes to '\(jump.target)', but there is no step with that id" + suggestion(for: jump.target))
            return
        }
        if target.group != entry.group {
            let place = entry.group == nil ? "the top level" : "its repeat group"
            error(jump.line, "'next' goes to '\(jump.target)', which is not in the same list; step '\(entry.step.id)' can only jump within \(place)")
        }
    }

    /// Checks that `stepId` names an answer that exists by the time `entry` needs it; returns that step if so.
    private mutating func referencedAnswer(_ stepId: String, from entry: Entry, allowSelf: Bool, line: Int, key: String) -> Step? {
        guard let target = entryById[stepId] else {
            error(line, "'\(key)' uses the answer to '\(stepId)', but there is no step with that id" + suggestion(for: stepId))
            return nil
        }
        if draft.brokenStepIds.contains(stepId) { return nil }
        guard target.step.takesAnswer else {
            error(line, "'\(key)' uses the answer to '\(stepId)', but that is a \(target.step.kind.typeName) step, which has no answer")
            return nil
        }
        let isEarlier = target.order < entry.order || (allowSelf && target.order == entry.order)
        guard isEarlier else {
            error(line, "'\(key)' uses the answer to '\(stepId)', which is asked later; only earlier answers can be used")
            return nil
        }
        if let group = target.group, group != entry.group {
            error(line, "'\(key)' uses the answer to '\(stepId)', which is inside a repeat group; only steps in that group can use it")
            return nil
        }
        return target.step
    }

    private mutating func checkCondition(_ condition: Condition, from entry: Entry, allowSelf: Bool, key: String) {
        for clause in condition.clauses {
            switch clause.subject {
            case .answer(let stepId):
                guard let target = referencedAnswer(stepId, from: entry, allowSelf: allowSelf, line: clause.line, key: key) else { continue }
                checkTest(clause.test, on: target, line: clause.line)
            case .profile(let field):
                switch clause.test {
                case .empty, .isAny, .isNone: break
                default: error(clause.line, "a profile field ('\(field.rawValue)') can only be tested with is, is_not or empty")
                }
            }
        }
    }

    private mutating func checkTest(_ test: Clause.Test, on target: Step, line: Int) {
        let name = "'\(target.id)'"
        switch (test, target.kind) {
        case (.empty, _):
            return
        case (.includes(let values), .multiChoice(let spec)):
            checkValues(values, allowed: spec.options.map(\.id) + (spec.allowsOther ? ["_other"] : []), of: name, line: line)
        case (.includes, _):
            error(line, "'includes' only works on a multi_choice answer; \(name) is a \(target.kind.typeName) step")
        case (.isAny, .multiChoice), (.isNone, .multiChoice):
            error(line, "\(name) is a multi_choice step: use 'includes' to test whether an option was ticked")
        case (.isAny(let values), .choice(let spec)), (.isNone(let values), .choice(let spec)):
            checkValues(values, allowed: spec.options.map(\.id) + (spec.allowsOther ? ["_other"] : []), of: name, line: line)
        case (.isAny(let values), .yesNo), (.isNone(let values), .yesNo):
            checkValues(values, allowed: ["yes", "no"], of: name, line: line)
        case (.atLeast, .scale), (.atLeast, .integer), (.atLeast, .number),
             (.atMost, .scale), (.atMost, .integer), (.atMost, .number):
            return
        case (.atLeast, _), (.atMost, _):
            error(line, "'at_least' and 'at_most' only work on scale, integer and number answers; \(name) is a \(target.kind.typeName) step")
        case (.isAny, _), (.isNone, _):
            return
        }
    }

    private mutating func checkValues(_ values: [String], allowed: [String], of name: String, line: Int) {
        for value in values where !allowed.contains(value) {
            error(line, "'\(value)' is not an option of \(name); its options are: \(allowed.joined(separator: ", "))")
        }
    }

    mutating func checkPlaceholders(in text: LocalizedText, owner: Entry?) {
        for language in Language.allCases where text.has(language) {
            let line = text.line(in: language)
            for placeholder in text.template(in: language).placeholders {
                switch placeholder {
                case .alias, .city:
                    continue
                case .unknown(let name):
                    error(line, "unknown placeholder '{\(name)}'; use {alias}, {city} or {answer.STEP_ID}")
                case .answer(let stepId):
                    if let owner {
                        _ = referencedAnswer(stepId, from: owner, allowSelf: false, line: line, key: "{answer.\(stepId)}")
                    } else if entryById[stepId] == nil {
                        error(line, "'{answer.\(stepId)}' names no step" + suggestion(for: stepId))
                    }
                }
            }
        }
    }

    private func suggestion(for id: String) -> String {
        KeySuggestion.closest(to: id, among: entries.map(\.step.id)).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
