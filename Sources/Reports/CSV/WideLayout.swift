import Dialogs

/// The columns of one dialog's wide file: fixed response columns, then one per step in dialog order
/// (repeat groups once per round: service_1, availability_1, …, service_2, …), choices with a `_label`
/// column beside the value. Steps only older versions had come after, then any others stored.
/// A step whose id is a fixed column's name gets `_answer` added (city-monitoring's `city_answer`).
struct WideLayout {
    static let fixedHeaders = ["response_id", "dialog_version", "status", "participant", "city", "started_at", "finished_at", "meeting_id"]

    let dialogId: String
    private(set) var headers: [String] = fixedHeaders
    /// (step, round or -1) → value column, label column.
    private var places: [String: [Int: (value: Int, label: Int?)]] = [:]

    var columnCount: Int { headers.count }

    func place(stepId: String, repeatIndex: Int?) -> (value: Int, label: Int?)? {
        places[stepId]?[repeatIndex ?? -1]
    }

    /// `stored` maps every step id stored for this dialog to its highest repeat index (nil outside groups).
    init(dialogId: String, versions: [Dialog], stored: [String: Int?]) {
        self.dialogId = dialogId
        var remaining = stored
        for dialog in versions {
            for step in dialog.steps {
                if case .repeatGroup = step.kind {
                    let inner = step.innerSteps.filter { remaining[$0.id] != nil }
                    let rounds = inner.compactMap { remaining[$0.id] ?? nil }.max() ?? -1
                    if rounds >= 0 {
                        for round in 0...rounds {
                            for innerStep in inner { add(innerStep.id, round: round, withLabel: Self.hasLabel(innerStep)) }
                        }
                    }
                    for innerStep in inner { remaining[innerStep.id] = nil }
                } else if step.takesAnswer, let entry = remaining[step.id] {
                    addAll(step.id, maxRound: entry, withLabel: Self.hasLabel(step))
                    remaining[step.id] = nil
                }
            }
        }
        for (stepId, maxRound) in remaining.sorted(by: { $0.key < $1.key }) {
            addAll(stepId, maxRound: maxRound, withLabel: true)
        }
    }

    private mutating func addAll(_ stepId: String, maxRound: Int?, withLabel: Bool) {
        guard let maxRound else { return add(stepId, round: nil, withLabel: withLabel) }
        for round in 0...max(0, maxRound) { add(stepId, round: round, withLabel: withLabel) }
    }

    private mutating func add(_ stepId: String, round: Int?, withLabel: Bool) {
        var name = round.map { "\(stepId)_\($0 + 1)" } ?? stepId
        // A step named like a fixed column (monitoring's "city") keeps both: the step's column says so.
        if Self.fixedHeaders.contains(name) { name += "_answer" }
        let valueColumn = headers.count
        headers.append(name)
        var labelColumn: Int?
        if withLabel {
            labelColumn = headers.count
            headers.append(name + "_label")
        }
        places[stepId, default: [:]][round ?? -1] = (valueColumn, labelColumn)
    }

    /// Choices store an option id; the label (with any "other" text) is what a person reads.
    private static func hasLabel(_ step: Step) -> Bool {
        switch step.kind {
        case .choice, .multiChoice: true
        default: false
        }
    }
}
