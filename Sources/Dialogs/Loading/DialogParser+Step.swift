import Yams

extension DialogParser {
    static let typeList = StepKind.typeNames.joined(separator: ", ")

    mutating func step(_ node: Node, insideGroup: Bool, broken: inout Set<String>) -> Step? {
        guard let map = YAMLMap(node) else {
            error(node.line, "each step must be a block of keys starting with '- id:'")
            return nil
        }
        let idNode = map["id"]
        let id = idNode?.rawScalar ?? ""
        let line = idNode?.line ?? map.line
        if id.isEmpty { error(map.line, "this step has no 'id'") }
        let name = id.isEmpty ? "this step" : "step '\(id)'"

        let typeName = map["type"]?.rawScalar ?? ""
        let text = map["text"].flatMap { localizedText($0, what: "text", keyLine: map.keyLine("text")) }
        let label = map["label"].flatMap { localizedText($0, what: "label", keyLine: map.keyLine("label")) }
        let when = map["when"].flatMap { self.condition($0) }
        let next = map["next"].map { self.jumps($0) } ?? []
        let isOptional = map["optional"].flatMap { bool($0, key: "optional") } ?? false
        let savesTo = map["saves_to"].flatMap { profileField($0, key: "saves_to", allowed: ProfileField.allCases) }

        guard let typeKeys = Self.typeKeys[typeName] else {
            if typeName.isEmpty {
                error(line, "\(name) has no 'type'; use one of: \(Self.typeList)")
            } else {
                var message = "unknown step type '\(typeName)'; use one of: \(Self.typeList)"
                if let suggestion = KeySuggestion.closest(to: typeName, among: StepKind.typeNames) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                error(map["type"]?.line ?? line, message)
            }
            return Step(id: id, kind: .info, text: text, label: label, condition: when, jumps: next,
                        isOptional: false, savesTo: nil, line: line)
        }
        reportUnknownKeys(in: map, allowed: Self.commonStepKeys + typeKeys, what: "a \(typeName) step", known: Self.allStepKeys)

        let kind = stepKind(typeName, map: map, name: name, insideGroup: insideGroup, broken: &broken)
        if text == nil, map["text"] == nil, !["repeat", "review"].contains(typeName) {
            error(line, "\(name) needs a 'text': the question in Russian (ru:), and in ky:/en: if you have them")
        }
        return Step(id: id, kind: kind, text: text, label: label, condition: when, jumps: next,
                    isOptional: isOptional, savesTo: savesTo, line: line)
    }

    // swiftlint:disable:next cyclomatic_complexity
    private mutating func stepKind(_ typeName: String, map: YAMLMap, name: String, insideGroup: Bool,
                                   broken: inout Set<String>) -> StepKind {
        switch typeName {
        case "choice", "multi_choice":
            let choices = map["options"].map { self.options($0) } ?? []
            if map["options"] == nil { error(map.line, "\(name) needs 'options': a list of '- id:' and 'text:'") }
            let spec = ChoiceSpec(options: choices, allowsOther: map["other"].flatMap { bool($0, key: "other") } ?? false)
            return typeName == "choice" ? .choice(spec) : .multiChoice(spec)
        case "yes_no":
            return .yesNo
        case "scale":
            let min = map["min"].flatMap { integer($0, key: "min") } ?? 1
            let max = map["max"].flatMap { integer($0, key: "max") } ?? 5
            var labels: [Int: LocalizedText] = [:]
            if let labelsNode = map["labels"] {
                if let labelsMap = YAMLMap(labelsNode) {
                    for entry in labelsMap.entries {
                        guard let point = Int(entry.key) else {
                            error(entry.keyLine, "scale labels are keyed by a point of the scale, like 1: or 5:")
                            continue
                        }
                        labels[point] = localizedText(entry.value, what: "label", keyLine: entry.keyLine)
                    }
                } else {
                    error(labelsNode.line, "'labels' must be a block like  1: {ru: ...}  5: {ru: ...}")
                }
            }
            return .scale(ScaleSpec(min: min, max: max, labels: labels))
        case "integer":
            return .integer(NumberSpec(min: map["min"].flatMap { integer($0, key: "min") }.map(Double.init),
                                       max: map["max"].flatMap { integer($0, key: "max") }.map(Double.init)))
        case "number":
            return .number(NumberSpec(min: map["min"].flatMap { number($0, key: "min") },
                                      max: map["max"].flatMap { number($0, key: "max") }))
        case "date":
            return .date(DateSpec(pastOnly: map["past_only"].flatMap { bool($0, key: "past_only") } ?? false))
        case "text":
            let maxLength = map["max_length"].flatMap { integer($0, key: "max_length") } ?? TextSpec.defaultMaxLength
            let prefill = map["prefill"].flatMap { profileField($0, key: "prefill", allowed: [.alias, .city]) }
            return .text(TextSpec(maxLength: maxLength, prefill: prefill))
        case "repeat":
            if insideGroup { error(map.line, "\(name): a repeat group cannot contain another repeat group") }
            let inner = map["steps"].map { steps($0, insideGroup: true, broken: &broken) } ?? []
            if map["steps"] == nil { error(map.line, "\(name) needs 'steps': the questions asked for each item") }
            let rounds = map["max"].flatMap { integer($0, key: "max") } ?? RepeatGroup.defaultMaxIterations
            return .repeatGroup(RepeatGroup(steps: inner, maxIterations: rounds))
        case "review":
            if insideGroup { error(map.line, "\(name): the review step must be at the top level, not inside a repeat group") }
            return .review
        default:
            return .info
        }
    }
}
