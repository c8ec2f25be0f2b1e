/// Builds, once per step and language, the escaped prompt template: the staff text plus the engine's hints.
enum PromptText {
    static func build(kind: StepKind, text: LocalizedText?, language: Language) -> TextTemplate {
        let base = text?.template(in: language)
        switch kind {
        case .multiChoice:
            return (base ?? TextTemplate(segments: [])).appending(literal: "\n\n<i>" + EngineText.multiHint.string(language) + "</i>")
        case .scale(let scale) where !scale.labels.isEmpty:
            var legend = ""
            for point in scale.min...scale.max {
                guard let label = scale.labels[point] else { continue }
                legend += "\n\(point) — " + HTML.escape(label.string(in: language))
            }
            return (base ?? TextTemplate(segments: [])).appending(literal: "\n" + legend)
        case .repeatGroup:
            return base ?? TextTemplate(segments: [.literal(EngineText.addAnotherQuestion.string(language))])
        case .review:
            return base ?? TextTemplate(segments: [.literal(EngineText.reviewHeader.string(language))])
        default:
            return base ?? TextTemplate(segments: [])
        }
    }
}
