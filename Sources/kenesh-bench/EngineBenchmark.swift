import Dialogs
import Foundation

/// `kenesh-bench engine [--dialogs DIR] [--seconds 2] [--rounds 10] [--conversations N] [--json FILE]`:
/// engine steps per second on the check-in dialog. The headline figure divides by this thread's CPU time,
/// so it measures one core even on a busy shared machine; wall-clock figures (overall, best and median of
/// the rounds) come with it. `--conversations` runs a fixed amount of work instead, for profilers.
/// One step is one `Engine.handle` call. Complete check-ins are replayed from a script recorded once,
/// so the loop measures the engine and nothing else.
enum EngineBenchmark {
    static let targetStepsPerSecond = 500_000.0

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: [String]) throws {
        let options = try Options(arguments)
        let (catalog, diagnostics) = DialogCatalog.load(directory: URL(fileURLWithPath: options.dialogs))
        guard let dialog = catalog.dialog(id: "mentorship-checkin") else {
            let reasons = diagnostics.filter(\.isError).map(\.description).joined(separator: "\n")
            throw Failure(description: "no valid mentorship-checkin dialog in \(options.dialogs)\n\(reasons)")
        }
        let context = RespondentContext(alias: "Bench", city: "Бишкек", language: .ru)
        let script = try recordCheckIn(dialog: dialog, context: context)

        let report: [String: Any]
        if let conversations = options.conversations {
            let result = replay(script, dialog: dialog, context: context, for: 0, atLeast: conversations)
            report = summary(dialog: dialog, stepsPerConversation: script.count, rounds: [result])
        } else {
            _ = replay(script, dialog: dialog, context: context, for: 0.2)
            // Several short rounds, so a noisy neighbour shows up as a spread between best and median.
            let rounds = (0..<options.rounds).map { _ in
                replay(script, dialog: dialog, context: context, for: options.seconds / Double(options.rounds))
            }
            report = summary(dialog: dialog, stepsPerConversation: script.count, rounds: rounds)
        }
        let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        let line = String(format: "engine: %.0f steps per CPU second on one core (target %.0f); wall clock %.0f steps/s, best round %.0f — %@ steps, %@ s CPU, %@ s wall\n",
                          report["steps_per_cpu_second"] as? Double ?? 0, targetStepsPerSecond,
                          report["steps_per_second"] as? Double ?? 0, report["best_round_steps_per_second"] as? Double ?? 0,
                          "\(report["steps"] ?? 0)", "\(report["cpu_seconds"] ?? 0)", "\(report["seconds"] ?? 0)")
        FileHandle.standardError.write(Data(line.utf8))
        print(String(decoding: json, as: UTF8.self))
        if let path = options.jsonPath {
            try json.write(to: URL(fileURLWithPath: path))
        }
    }

    static func summary(dialog: Dialog, stepsPerConversation: Int, rounds: [Result]) -> [String: Any] {
        let perCPUSecond = rounds.map { Double($0.steps) / $0.cpuSeconds }.sorted()
        let perSecond = rounds.map { Double($0.steps) / $0.seconds }.sorted()
        let steps = rounds.reduce(0) { $0 + $1.steps }
        let seconds = rounds.reduce(0) { $0 + $1.seconds }
        let cpuSeconds = rounds.reduce(0) { $0 + $1.cpuSeconds }
        let oneCore = Double(steps) / cpuSeconds
        return [
            "scenario": "engine",
            "dialog": dialog.id,
            "version": dialog.version,
            "steps_per_conversation": stepsPerConversation,
            "conversations": rounds.reduce(0) { $0 + $1.conversations },
            "steps": steps,
            "rounds": rounds.count,
            "seconds": (seconds * 1000).rounded() / 1000,
            "cpu_seconds": (cpuSeconds * 1000).rounded() / 1000,
            "steps_per_cpu_second": oneCore.rounded(),
            "best_round_steps_per_cpu_second": (perCPUSecond.last ?? 0).rounded(),
            "steps_per_second": (Double(steps) / seconds).rounded(),
            "best_round_steps_per_second": (perSecond.last ?? 0).rounded(),
            "median_round_steps_per_second": (perSecond.isEmpty ? 0 : perSecond[perSecond.count / 2]).rounded(),
            "target_steps_per_second": targetStepsPerSecond,
            "meets_target": oneCore >= targetStepsPerSecond,
        ]
    }

    /// Plays one check-in with typical answers (including a multi-choice, an optional skip and the review)
    /// and returns the inputs it took.
    static func recordCheckIn(dialog: Dialog, context: RespondentContext) throws -> [EngineInput] {
        var outcome = Engine.start(dialog: dialog, context: context, now: Date(timeIntervalSince1970: 0))
        var inputs: [EngineInput] = []
        var ticked = false
        while outcome.finished == nil, inputs.count < 50, let stepId = outcome.state.position?.stepId {
            let input: EngineInput
            switch stepId {
            case "topic": input = .button(stepId: stepId, optionId: "speaking")
            case "did": input = .text("Провела тренинг для равных консультантов и выступила на встрече")
            case "progress": input = .button(stepId: stepId, optionId: "4")
            case "confidence": input = .button(stepId: stepId, optionId: "3")
            case "need_support": input = .button(stepId: stepId, optionId: "yes")
            case "support_with":
                input = .button(stepId: stepId, optionId: ticked ? "_done" : "donor_reports")
                ticked = true
            case "support_note": input = .skip
            case "next_step": input = .text("Подготовить выступление к заседанию СКК")
            case "review": input = .button(stepId: stepId, optionId: "_send")
            default: throw Failure(description: "the check-in asks '\(stepId)', which this benchmark does not know")
            }
            inputs.append(input)
            outcome = Engine.handle(dialog: dialog, state: outcome.state, input: input, context: context, now: Date(timeIntervalSince1970: 1))
        }
        guard outcome.finished == .completed else { throw Failure(description: "the scripted check-in did not complete") }
        return inputs
    }

    struct Result {
        var steps = 0
        var conversations = 0
        var seconds = 0.0
        /// CPU time of this thread: what one core spent, whatever else the machine was running.
        var cpuSeconds = 0.0
        var outputs = 0
    }

    static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Replays the script for `duration` seconds, or exactly `atLeast` times when that is set.
    static func replay(_ script: [EngineInput], dialog: Dialog, context: RespondentContext, for duration: Double, atLeast count: Int = 0) -> Result {
        var result = Result()
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = threadCPUTime()
        var now = Date(timeIntervalSince1970: 1_772_690_400)
        repeat {
            // Like the bot, which decodes a fresh state per update, hand the engine the only copy of the state.
            var state = Engine.start(dialog: dialog, context: context, now: now).state
            for input in script {
                now = now.addingTimeInterval(1)
                let outcome = Engine.handle(dialog: dialog, state: consume state, input: input, context: context, now: now)
                result.outputs &+= outcome.outputs.count
                state = outcome.state
            }
            result.steps += script.count
            result.conversations += 1
        } while count > 0 ? result.conversations < count : (clock.now - start) < .milliseconds(Int(duration * 1000))
        let elapsed = clock.now - start
        result.cpuSeconds = threadCPUTime() - cpuStart
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return result
    }

    struct Options {
        var dialogs = "dialogs"
        var seconds = 2.0
        var jsonPath: String?
        var conversations: Int?
        var rounds = 10

        init(_ arguments: [String]) throws {
            var rest = arguments[...]
            while let flag = rest.popFirst() {
                guard let value = rest.popFirst() else { throw Failure(description: "\(flag) needs a value") }
                switch flag {
                case "--dialogs": dialogs = value
                case "--seconds":
                    guard let parsed = Double(value), parsed > 0 else { throw Failure(description: "--seconds must be a positive number") }
                    seconds = parsed
                case "--json": jsonPath = value
                case "--rounds":
                    guard let parsed = Int(value), parsed > 0 else { throw Failure(description: "--rounds must be a positive whole number") }
                    rounds = parsed
                case "--conversations":
                    guard let parsed = Int(value), parsed > 0 else { throw Failure(description: "--conversations must be a positive whole number") }
                    conversations = parsed
                default: throw Failure(description: "unknown option \(flag) (use --dialogs DIR, --seconds N, --rounds N, --conversations N, --json FILE)")
                }
            }
        }
    }
}
