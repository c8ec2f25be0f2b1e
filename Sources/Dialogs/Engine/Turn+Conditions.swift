/// Evaluating `when` conditions and filling in placeholders.
extension Turn {
    func holds(_ condition: Condition?, at cursor: Cursor) -> Bool {
        guard let condition else { return true }
        for clause in condition.clauses where !holds(clause, at: cursor) {
            return false
        }
        return true
    }

    private func holds(_ clause: Clause, at cursor: Cursor) -> Bool {
        let value: String?
        switch clause.subject {
        case .answer(let stepId): value = answer(to: stepId, seenFrom: cursor)?.value
        case .profile(let field): value = profileValue(field)
        }
        let given = value.flatMap { $0.isEmpty ? nil : $0 }
        switch clause.test {
        case .isAny(let values): return given.map(values.contains) ?? false
        case .isNone(let values): return !(given.map(values.contains) ?? false)
        case .includes(let values):
            guard let given else { return false }
            return given.split(separator: ",").contains { values.contains(String($0)) }
        case .atLeast(let bound): return given.flatMap(Double.init).map { $0 >= bound } ?? false
        case .atMost(let bound): return given.flatMap(Double.init).map { $0 <= bound } ?? false
        case .empty(let expected): return (given == nil) == expected
        }
    }

    /// The answer to `stepId` as seen from `cursor`: the same round when both are in one repeat group.
    func answer(to stepId: String, seenFrom cursor: Cursor?) -> Answer? {
        var round: Int?
        if let address = dialog.address(of: stepId), address.inner != nil {
            guard let cursor, cursor.top == address.top else { return nil }
            round = cursor.iteration
        }
        return state.answer(stepId: stepId, repeatIndex: round)
    }

    func profileValue(_ field: ProfileField) -> String? {
        if let updated = state.profileUpdates[field.rawValue] { return updated }
        switch field {
        case .alias: return context.alias
        case .city: return context.city
        case .language: return state.language.rawValue
        case .consent: return nil
        }
    }

    func render(_ template: TextTemplate, at cursor: Cursor?) -> String {
        template.render { placeholder in
            switch placeholder {
            case .alias: HTML.escape(profileValue(.alias) ?? "", limit: Self.quotedAnswerLimit)
            case .city: HTML.escape(profileValue(.city) ?? "", limit: Self.quotedAnswerLimit)
            case .answer(let stepId):
                HTML.escape(answer(to: stepId, seenFrom: cursor).flatMap(\.label) ?? "", limit: Self.quotedAnswerLimit)
            case .unknown(let name): HTML.escape("{\(name)}")
            }
        }
    }
}
