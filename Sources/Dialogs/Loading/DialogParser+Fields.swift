import Foundation
import Yams

/// Reading the small values of a dialog file: texts, conditions, jumps, options, numbers, flags.
extension DialogParser {
    /// `keyLine` is where `what:` itself is written, for "no Russian text" (the node starts on the next line).
    mutating func localizedText(_ node: Node, what: String, keyLine: Int? = nil) -> LocalizedText? {
        if let text = node.rawScalar {
            guard !isBlank(text) else {
                error(node.line, "'\(what)' is empty")
                return nil
            }
            return LocalizedText(ru: text, ky: nil, en: nil, lines: [node.line, node.line, node.line])
        }
        guard let map = YAMLMap(node) else {
            error(node.line, "'\(what)' must be a text, or a block of ru:, ky: and en: texts")
            return nil
        }
        var texts: [Language: (text: String, line: Int)] = [:]
        for entry in map.entries {
            guard let language = Language(rawValue: entry.key) else {
                error(entry.keyLine, "unknown language '\(entry.key)' in '\(what)'; use ru, ky or en")
                continue
            }
            guard let text = entry.value.rawScalar else {
                error(entry.value.line, "the \(language.rawValue) '\(what)' must be a plain text")
                continue
            }
            if !isBlank(text) { texts[language] = (text, entry.value.line) }
        }
        guard let russian = texts[.ru] else {
            error(keyLine ?? map.line, "'\(what)' has no Russian text (ru:); Russian is required")
            return nil
        }
        return LocalizedText(ru: russian.text, ky: texts[.ky]?.text, en: texts[.en]?.text,
                             lines: [russian.line, texts[.ky]?.line ?? russian.line, texts[.en]?.line ?? russian.line])
    }

    private func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0.isWhitespace || $0.isNewline }
    }

    mutating func condition(_ node: Node) -> Condition? {
        let nodes = node.sequence.map(Array.init) ?? [node]
        let clauses = nodes.compactMap { clause($0) }
        return clauses.isEmpty ? nil : Condition(clauses: clauses)
    }

    private static let testKeys = ["is", "is_not", "includes", "at_least", "at_most", "empty"]

    private mutating func clause(_ node: Node) -> Clause? {
        guard let map = YAMLMap(node) else {
            error(node.line, "'when' must look like {answer: STEP_ID, is: OPTION_ID} or {profile: alias, empty: true}")
            return nil
        }
        reportUnknownKeys(in: map, allowed: ["answer", "profile"] + Self.testKeys, what: "'when'")
        let subject: Clause.Subject
        let line: Int
        switch (map["answer"], map["profile"]) {
        case (let answer?, nil):
            guard let stepId = answer.rawScalar, !stepId.isEmpty else {
                error(answer.line, "'answer' must name a step id")
                return nil
            }
            subject = .answer(stepId: stepId)
            line = answer.line
        case (nil, let profile?):
            guard let field = profileField(profile, key: "profile", allowed: ProfileField.allCases) else { return nil }
            subject = .profile(field)
            line = profile.line
        default:
            error(map.line, "'when' needs exactly one of 'answer: STEP_ID' or 'profile: FIELD'")
            return nil
        }
        let tests = Self.testKeys.filter { map[$0] != nil }
        guard tests.count == 1, let testKey = tests.first, let value = map[testKey] else {
            error(map.line, "'when' needs exactly one test: \(Self.testKeys.joined(separator: ", "))")
            return nil
        }
        let test: Clause.Test
        switch testKey {
        case "is": test = .isAny(scalarList(value, key: testKey))
        case "is_not": test = .isNone(scalarList(value, key: testKey))
        case "includes": test = .includes(scalarList(value, key: testKey))
        case "at_least": test = .atLeast(number(value, key: testKey) ?? 0)
        case "at_most": test = .atMost(number(value, key: testKey) ?? 0)
        default: test = .empty(bool(value, key: testKey) ?? true)
        }
        return Clause(subject: subject, test: test, line: line)
    }

    private mutating func scalarList(_ node: Node, key: String) -> [String] {
        if let single = node.rawScalar { return [single] }
        guard let sequence = node.sequence else {
            error(node.line, "'\(key)' must be a value or a list of values like [a, b]")
            return []
        }
        return sequence.compactMap { item in
            guard let value = item.rawScalar else {
                error(item.line, "'\(key)' must list plain values")
                return nil
            }
            return value
        }
    }

    mutating func jumps(_ node: Node) -> [Jump] {
        if let target = node.rawScalar { return [Jump(condition: nil, target: target, line: node.line)] }
        let nodes = node.sequence.map(Array.init) ?? [node]
        return nodes.compactMap { ruleNode in
            guard let map = YAMLMap(ruleNode) else {
                error(ruleNode.line, "each 'next' rule must look like {when: {...}, goto: STEP_ID}")
                return nil
            }
            reportUnknownKeys(in: map, allowed: ["when", "goto"], what: "'next'")
            guard let gotoNode = map["goto"], let target = gotoNode.rawScalar, !target.isEmpty else {
                error(map.line, "this 'next' rule has no 'goto: STEP_ID'")
                return nil
            }
            return Jump(condition: map["when"].flatMap { condition($0) }, target: target, line: gotoNode.line)
        }
    }

    mutating func options(_ node: Node) -> [ChoiceOption] {
        guard let sequence = node.sequence else {
            error(node.line, "'options' must be a list, each option starting with '- id:'")
            return []
        }
        return sequence.compactMap { optionNode in
            guard let map = YAMLMap(optionNode) else {
                error(optionNode.line, "each option needs 'id:' and 'text:'")
                return nil
            }
            reportUnknownKeys(in: map, allowed: ["id", "text"], what: "an option")
            guard let idNode = map["id"], let id = idNode.rawScalar, !id.isEmpty else {
                error(map.line, "this option has no 'id'")
                return nil
            }
            guard let textNode = map["text"] else {
                error(idNode.line, "option '\(id)' needs a 'text' (the button label)")
                return nil
            }
            guard let text = localizedText(textNode, what: "text", keyLine: map.keyLine("text")) else { return nil }
            return ChoiceOption(id: id, text: text, line: idNode.line)
        }
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        switch node.rawScalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node.line, "'\(key)' must be true or false")
            return nil
        }
    }

    mutating func integer(_ node: Node, key: String) -> Int? {
        guard let raw = node.rawScalar, let value = Int(raw) else {
            error(node.line, "'\(key)' must be a whole number")
            return nil
        }
        return value
    }

    mutating func number(_ node: Node, key: String) -> Double? {
        guard let raw = node.rawScalar, let value = Double(raw), value.isFinite else {
            error(node.line, "'\(key)' must be a number")
            return nil
        }
        return value
    }

    mutating func profileField(_ node: Node, key: String, allowed: [ProfileField]) -> ProfileField? {
        guard let raw = node.rawScalar, let field = ProfileField(rawValue: raw), allowed.contains(field) else {
            error(node.line, "'\(key)' must be one of: \(allowed.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return field
    }

    mutating func languages(_ node: Node) -> [Language] {
        let names = scalarList(node, key: "languages")
        var result: [Language] = []
        for name in names {
            guard let language = Language(rawValue: name) else {
                error(node.line, "unknown language '\(name)' in 'languages'; use ru, ky and en")
                continue
            }
            if !result.contains(language) { result.append(language) }
        }
        if !result.contains(.ru) { error(node.line, "'languages' must include ru: Russian is always required") }
        return result
    }

    /// `30m`, `48h`, `7d` or `2w`.
    mutating func duration(_ node: Node) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        guard let raw = node.rawScalar?.trimmingCharacters(in: .whitespaces), let unit = raw.last,
              let seconds = units[unit], let count = Int(raw.dropLast()), count > 0 else {
            error(node.line, "'expiry' must be a number with a unit, like 30m, 48h, 7d or 2w")
            return nil
        }
        return TimeInterval(count) * seconds
    }
}
