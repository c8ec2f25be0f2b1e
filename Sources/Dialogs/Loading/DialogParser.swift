import Foundation
import Yams

/// Reads a dialog file's YAML nodes into a `DialogDraft`, reporting every problem with its line.
struct DialogParser {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    static let dialogKeys = ["id", "title", "languages", "expiry", "thanks", "steps", "description"]
    static let commonStepKeys = ["id", "type", "text", "label", "when", "next", "optional", "saves_to"]
    static let typeKeys: [String: [String]] = [
        "info": [], "review": [], "yes_no": [],
        "choice": ["options", "other"], "multi_choice": ["options", "other"],
        "scale": ["min", "max", "labels"],
        "integer": ["min", "max"], "number": ["min", "max"],
        "date": ["past_only"],
        "text": ["max_length", "prefill"],
        "repeat": ["steps", "max"],
    ]
    static let allStepKeys = commonStepKeys + Array(Set(typeKeys.values.flatMap { $0 })).sorted()

    mutating func error(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message))
    }

    mutating func warning(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message, severity: .warning))
    }

    mutating func parse(root: Node?) -> DialogDraft? {
        guard let root, let map = YAMLMap(root) else {
            error(root?.line ?? 1, "a dialog file must be a block of keys: id, title, languages, steps")
            return nil
        }
        var draft = DialogDraft()
        reportUnknownKeys(in: map, allowed: Self.dialogKeys, what: "dialog")

        if let idNode = map["id"], let id = idNode.rawScalar, !id.isEmpty {
            draft.id = id
            draft.idLine = idNode.line
        } else {
            error(map.line, "the dialog needs an 'id' (for example: id: mentorship-checkin)")
        }
        if let titleNode = map["title"] {
            draft.title = localizedText(titleNode, what: "title", keyLine: map.keyLine("title"))
        } else {
            error(map.line, "the dialog needs a 'title'")
        }
        if let languagesNode = map["languages"] {
            draft.languages = languages(languagesNode)
        }
        if let expiryNode = map["expiry"] {
            draft.expiry = duration(expiryNode)
        }
        if let thanksNode = map["thanks"] {
            draft.thanks = localizedText(thanksNode, what: "thanks", keyLine: map.keyLine("thanks"))
        }
        if let stepsNode = map["steps"] {
            draft.steps = steps(stepsNode, insideGroup: false, broken: &draft.brokenStepIds)
            if draft.steps.isEmpty, stepsNode.sequence != nil {
                error(stepsNode.line, "'steps' is empty: a dialog needs at least one step")
            }
        } else {
            error(map.line, "the dialog needs 'steps': a list of questions")
        }
        return draft
    }

    mutating func reportUnknownKeys(in map: YAMLMap, allowed: [String], what: String, known: [String]? = nil) {
        for entry in map.entries where !allowed.contains(entry.key) {
            if let known, known.contains(entry.key) {
                error(entry.keyLine, "'\(entry.key)' is not used by \(what)")
                continue
            }
            var message = "unknown key '\(entry.key)' in \(what)"
            if let suggestion = KeySuggestion.closest(to: entry.key, among: known ?? allowed) {
                message += " (did you mean '\(suggestion)'?)"
            }
            error(entry.keyLine, message)
        }
    }

    mutating func steps(_ node: Node, insideGroup: Bool, broken: inout Set<String>) -> [Step] {
        guard let sequence = node.sequence else {
            error(node.line, "'steps' must be a list, each step starting with '- id:'")
            return []
        }
        return sequence.compactMap { stepNode in
            let before = diagnostics.filter(\.isError).count
            let step = step(stepNode, insideGroup: insideGroup, broken: &broken)
            if let step, diagnostics.filter(\.isError).count > before { broken.insert(step.id) }
            return step
        }
    }
}
