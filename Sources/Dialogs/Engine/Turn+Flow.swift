/// Moving through the steps: conditions, `next` jumps, repeat rounds, and the path actually taken.
extension Turn {
    /// The following step in file order, ignoring jumps (used when a step's `when` does not hold).
    func sequential(after cursor: Cursor) -> FlowTarget {
        if let inner = cursor.inner {
            if inner + 1 < dialog.steps[cursor.top].innerSteps.count {
                return .step(Cursor(top: cursor.top, inner: inner + 1, iteration: cursor.iteration))
            }
            return .endOfRound(top: cursor.top, iteration: cursor.iteration ?? 0)
        }
        return cursor.top + 1 < dialog.steps.count ? .step(Cursor(top: cursor.top + 1, inner: nil, iteration: nil)) : .end
    }

    /// Where to go once `step` has been shown: the first `next` jump that holds, else the following step.
    func successor(ofShown cursor: Cursor, step: Step) -> FlowTarget {
        for jump in step.jumps where holds(jump.condition, at: cursor) {
            guard let address = dialog.address(of: jump.target) else { break }
            return .step(Cursor(top: address.top, inner: address.inner, iteration: address.inner == nil ? nil : cursor.iteration))
        }
        return sequential(after: cursor)
    }

    func leavingGroup(at top: Int) -> FlowTarget {
        successor(ofShown: Cursor(top: top, inner: nil, iteration: nil), step: dialog.steps[top])
    }

    func hasAnswers(inGroupAt top: Int, iteration: Int) -> Bool {
        let ids = dialog.steps[top].innerSteps.map(\.id)
        return state.answers.contains { $0.repeatIndex == iteration && ids.contains($0.stepId) }
    }

    /// Moves forward from `target` until something needs the person: a question, "add another?", the review, or the end.
    mutating func proceed(to target: FlowTarget) {
        var target = target
        for _ in 0..<Self.autoMoveLimit {
            switch target {
            case .end:
                finish(.completed, notice: thanksText)
                return
            case .endOfRound(let top, let iteration):
                let group = dialog.group(at: top)
                if state.editing {
                    target = hasAnswers(inGroupAt: top, iteration: iteration + 1)
                        ? .step(Cursor(top: top, inner: 0, iteration: iteration + 1))
                        : leavingGroup(at: top)
                } else if iteration + 1 >= group?.maxIterations ?? 1 {
                    target = leavingGroup(at: top)
                } else {
                    wait(at: Position(stepId: dialog.steps[top].id, iteration: iteration, phase: .addAnother))
                    return
                }
            case .step(let cursor):
                let step = dialog.step(at: cursor.address)
                guard holds(step.condition, at: cursor) else {
                    target = sequential(after: cursor)
                    continue
                }
                switch step.kind {
                case .info:
                    if !state.editing { outputs.append(.ask(prompt(at: position(of: cursor), cursor: cursor))) }
                    target = successor(ofShown: cursor, step: step)
                case .repeatGroup(let group):
                    target = group.steps.isEmpty ? leavingGroup(at: cursor.top) : .step(Cursor(top: cursor.top, inner: 0, iteration: 0))
                case .review:
                    state.editing = false
                    pruneAnswers()
                    wait(at: position(of: cursor), cursor: cursor)
                    return
                default:
                    if state.editing, state.answerIndex(stepId: step.id, repeatIndex: cursor.iteration) != nil {
                        rememberLeaving(position(of: cursor))
                        target = successor(ofShown: cursor, step: step)
                    } else {
                        wait(at: position(of: cursor), cursor: cursor)
                        return
                    }
                }
            }
        }
        finish(.cancelled, notice: EngineText.dialogChanged.string(language))
    }

    /// The dialog's `thanks`, else the engine's default when there is a review; a dialog with neither
    /// ends on its own last message.
    var thanksText: String? {
        if let thanks = dialog.thanks {
            return render(thanks.template(in: language), at: nil)
        }
        return dialog.reviewIndex == nil ? nil : EngineText.thanks.string(language)
    }

    /// After /back or Edit, keeps only the answers that still apply; going only forward, they all do.
    mutating func pruneAnswers() {
        guard state.revisited else { return }
        state.answers = liveAnswers()
        state.revisited = false
    }

    /// The answers on the path the dialog takes with the answers as they are now, in that order.
    /// Drops answers to questions that no longer apply (after /back or Edit changed an earlier answer).
    func liveAnswers() -> [Answer] {
        var kept: [Answer] = []
        kept.reserveCapacity(state.answers.count)
        var target = dialog.steps.isEmpty ? FlowTarget.end : .step(Cursor(top: 0, inner: nil, iteration: nil))
        // A backward `next` can make the walk go round; the validator rules out loops with no exit,
        // and this bound stops the walk for any the answers keep going.
        for _ in 0..<Self.autoMoveLimit {
            switch target {
            case .end:
                return kept
            case .endOfRound(let top, let iteration):
                target = hasAnswers(inGroupAt: top, iteration: iteration + 1)
                    ? .step(Cursor(top: top, inner: 0, iteration: iteration + 1))
                    : leavingGroup(at: top)
            case .step(let cursor):
                let step = dialog.step(at: cursor.address)
                guard holds(step.condition, at: cursor) else {
                    target = sequential(after: cursor)
                    continue
                }
                switch step.kind {
                case .review:
                    return kept
                case .repeatGroup(let group):
                    target = !group.steps.isEmpty && hasAnswers(inGroupAt: cursor.top, iteration: 0)
                        ? .step(Cursor(top: cursor.top, inner: 0, iteration: 0))
                        : leavingGroup(at: cursor.top)
                case .info:
                    target = successor(ofShown: cursor, step: step)
                default:
                    if let index = state.answerIndex(stepId: step.id, repeatIndex: cursor.iteration),
                       !dialog.jumpsBackward || !kept.contains(where: { $0.stepId == step.id && $0.repeatIndex == cursor.iteration }) {
                        kept.append(state.answers[index])
                    }
                    target = successor(ofShown: cursor, step: step)
                }
            }
        }
        return kept
    }
}
