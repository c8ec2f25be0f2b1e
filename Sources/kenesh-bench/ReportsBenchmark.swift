import Dialogs
import Foundation
import GRDB
import Reports
import Store

/// `kenesh-bench reports [--answers 1000000] [--data DIR] [--dialogs DIR] [--runs 3] [--formats text,json,csv,html,mentees]
/// [--periods all,2026] [--json FILE]`: fills a store with about a million answers (some 100,000 responses from
/// 500 participants over three years), then times every report format for all time and for one year, each run
/// in a fresh process (as each `kenesh report` is), with that process's peak memory.
/// Targets: under 1 s and under 200 MB per format. `--data DIR` keeps the store (and reuses a filled one).
func runReportsBenchmark(arguments: [String]) throws {
    if arguments.first == "--measure" { return try measureOneReport(Array(arguments.dropFirst())) }
    let options = try ReportsBenchmarkOptions(arguments)
    let folder = options.data.map(URL.init(fileURLWithPath:))
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("kenesh-bench-reports-\(UUID().uuidString)")
    defer { if options.data == nil { try? FileManager.default.removeItem(at: folder) } }
    let catalog = DialogCatalog.load(directory: URL(fileURLWithPath: options.dialogs)).catalog
    let database = try AppDatabase(folder: folder)

    let existing = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer") ?? 0 }
    if existing == 0 {
        let clock = ContinuousClock()
        let started = clock.now
        try BenchmarkStore.fill(database, answers: options.answers, catalog: catalog)
        try database.checkpoint()
        log(String(format: "filled in %.1f s", (clock.now - started).seconds))
    }
    let shape = try database.writer.read { db in
        (answers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer") ?? 0,
         responses: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0,
         people: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT personId) FROM response") ?? 0)
    }
    log("store: \(shape.answers) answers, \(shape.responses) responses, \(shape.people) participants, "
        + "\(fileSize(folder.appendingPathComponent(AppDatabase.fileName)) / 1_000_000) MB")

    // How fast this machine is right now (it is shared): SQLite alone reading every answer once, no Swift work.
    let baselineClock = ContinuousClock()
    let baselineStart = baselineClock.now
    _ = try database.writer.read { db in
        try Int.fetchOne(db, sql: "SELECT SUM(length(stepId) + length(value) + length(label) + length(answeredAt)) FROM answer")
    }
    let baseline = (baselineClock.now - baselineStart).seconds
    log(String(format: "baseline: SQLite alone reads every answer once in %.3f s", baseline))

    // Each run is a fresh process, as each `kenesh report` is: its time and its peak memory are the run's own.
    var results: [[String: Any]] = []
    for periodText in options.periods {
        for format in options.formats where format != "mentees" || periodText == options.periods.first {
            var samples: [ReportsBenchmarkSample] = []
            for _ in 0..<options.runs {
                samples.append(try ReportsBenchmarkSample.inChildProcess(format: format, period: periodText, data: folder, dialogs: options.dialogs))
            }
            let sorted = samples.sorted { $0.seconds < $1.seconds }
            let median = sorted[sorted.count / 2]
            let peak = samples.map(\.peakMegabytes).max() ?? 0
            results.append([
                "format": format, "period": periodText, "runs": samples.count,
                "median_seconds": rounded(median.seconds), "best_seconds": rounded(sorted[0].seconds),
                "median_cpu_seconds": rounded(median.cpuSeconds), "peak_rss_mb": rounded(peak),
                "output_mb": rounded(Double(median.outputBytes) / 1_000_000),
                "meets_target": median.seconds < 1 && peak < 200,
            ])
            log(String(format: "%-8@ %-5@ median %6.3f s (best %.3f, cpu %.3f)  peak RSS %6.1f MB  output %7.1f MB %@",
                       format as NSString, periodText as NSString, median.seconds, sorted[0].seconds, median.cpuSeconds,
                       peak, Double(median.outputBytes) / 1_000_000, (median.seconds < 1 && peak < 200 ? "ok" : "MISSES TARGET") as NSString))
        }
    }
    let report: [String: Any] = [
        "scenario": "reports", "answers": shape.answers, "responses": shape.responses, "participants": shape.people,
        "target_seconds": 1, "target_peak_rss_mb": 200, "baseline_scan_seconds": rounded(baseline), "results": results,
        "meets_target": results.allSatisfy { $0["meets_target"] as? Bool == true },
    ]
    let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
    if let path = options.jsonPath { try json.write(to: URL(fileURLWithPath: path)) }
}

/// The child side of a run: `--measure FORMAT PERIOD DATA DIALOGS [KEEP]` makes one report and prints
/// `seconds cpu-seconds peak-megabytes output-bytes`; with KEEP, the report is left in that file (to compare
/// outputs before and after a change).
private func measureOneReport(_ arguments: [String]) throws {
    guard arguments.count == 4 || arguments.count == 5 else {
        throw BenchmarkStore.Failure(description: "--measure FORMAT PERIOD DATA DIALOGS [KEEP]")
    }
    let folder = URL(fileURLWithPath: arguments[2])
    let catalog = DialogCatalog.load(directory: URL(fileURLWithPath: arguments[3])).catalog
    let database = try AppDatabase(folder: folder)
    let now = BenchmarkStore.end
    let reporter = Reporter(database: database, options: ReportOptions(catalog: catalog, language: .ru, now: now))
    let period = try ReportPeriod.parse(arguments[1], now: now)
    let mentor = try database.writer.read { db in
        try Int64.fetchOne(db, sql: "SELECT mentorId FROM person WHERE mentorId IS NOT NULL GROUP BY mentorId ORDER BY COUNT(*) DESC LIMIT 1")
    } ?? 0
    let keep = arguments.count == 5 ? URL(fileURLWithPath: arguments[4]) : nil
    let output = keep ?? folder.appendingPathComponent("bench-output-\(getpid())")
    defer { if keep == nil { try? FileManager.default.removeItem(at: output) } }
    let sample = try ReportsBenchmarkSample.measure {
        try produce(arguments[0], reporter: reporter, period: period, mentor: mentor, to: output)
    }
    print(sample.seconds, sample.cpuSeconds, sample.peakMegabytes, sample.outputBytes)
}

/// Makes one report the way the bot and the CLI do, into `file`; returns its size.
private func produce(_ format: String, reporter: Reporter, period: ReportPeriod, mentor: Int64, to file: URL) throws -> Int {
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    let handle = try FileHandle(forWritingTo: file)
    defer { try? handle.close() }
    switch format {
    case "text": try handle.write(contentsOf: Data(try reporter.summary(period: period, actor: "bench", markup: .plain).utf8))
    case "html": try handle.write(contentsOf: Data(try reporter.html(period: period, actor: "bench").utf8))
    case "json": try reporter.writeJSON(period: period, actor: "bench", to: handle)
    case "csv": try reporter.writeExportArchive(period: period, actor: "bench", to: handle)
    default: try handle.write(contentsOf: Data(try reporter.mentees(mentorId: mentor, actor: "bench").utf8))
    }
    return Int(try handle.offset())
}

/// One timed run: wall and CPU seconds, and the peak resident memory of its process (VmHWM).
struct ReportsBenchmarkSample {
    var seconds: Double
    var cpuSeconds: Double
    var peakMegabytes: Double
    var outputBytes: Int

    /// Runs one report in a fresh copy of this program and reads its figures.
    static func inChildProcess(format: String, period: String, data: URL, dialogs: String) throws -> ReportsBenchmarkSample {
        let process = Process()
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.executableURL = FileManager.default.isExecutableFile(atPath: me.path) ? me : URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["reports", "--measure", format, period, data.path, dialogs]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard process.terminationStatus == 0, fields.count == 4 else {
            throw BenchmarkStore.Failure(description: "the \(format) report for \(period) failed (exit \(process.terminationStatus))")
        }
        return ReportsBenchmarkSample(seconds: fields[0], cpuSeconds: fields[1], peakMegabytes: fields[2], outputBytes: Int(fields[3]))
    }

    static func measure(_ body: () throws -> Int) throws -> ReportsBenchmarkSample {
        let clock = ContinuousClock()
        let cpuStart = processCPUTime()
        let start = clock.now
        let bytes = try body()
        let seconds = (clock.now - start).seconds
        return ReportsBenchmarkSample(seconds: seconds, cpuSeconds: processCPUTime() - cpuStart,
                                      peakMegabytes: peakMemoryMegabytes(), outputBytes: bytes)
    }

    static func peakMemoryMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }

    static func processCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

struct ReportsBenchmarkOptions {
    var answers = 1_000_000
    var data: String?
    var dialogs = "dialogs"
    var runs = 3
    var jsonPath: String?
    var formats = ["text", "json", "csv", "html", "mentees"]
    var periods = ["all", "2026"]

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchmarkStore.Failure(description: "\(flag) needs a value") }
            switch flag {
            case "--answers": answers = Int(value) ?? answers
            case "--data": data = value
            case "--dialogs": dialogs = value
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--json": jsonPath = value
            case "--formats": formats = value.split(separator: ",").map(String.init)
            case "--periods": periods = value.split(separator: ",").map(String.init)
            default: throw BenchmarkStore.Failure(description: "unknown option \(flag) (use --answers, --data, --dialogs, --runs, --formats, --periods, --json)")
            }
        }
    }
}

fileprivate func log(_ line: String) {
    FileHandle.standardError.write(Data("reports: \(line)\n".utf8))
}

private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

private func fileSize(_ url: URL) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.int64Value ?? 0
}

fileprivate extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Writes a realistic store quickly: every row in one transaction through prepared statements, dates as
/// the text GRDB stores, responses in time order as the bot would write them.
enum BenchmarkStore {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let start = local(2024, 1, 1)
    static let end = local(2027, 1, 1)
    static let cities = ["Бишкек", "Ош", "Каракол", "Джалал-Абад", "Нарын"]

    /// Midnight of a day in Bishkek (UTC+6).
    static func local(_ year: Int, _ month: Int, _ day: Int) -> Date {
        Date(timeIntervalSince1970: Double(CalendarDay(year: year, month: month, day: day)!.daysSinceEpoch * 86400 - 6 * 3600))
    }

    static func fill(_ database: AppDatabase, answers target: Int, catalog: DialogCatalog) throws {
        var random = SplitMix64(seed: 20_261_121)
        let names = OptionLabels(catalog: catalog)
        // Estimate answers per response, then space that many responses evenly (with jitter) over three years.
        var pilot = SplitMix64(seed: 7)
        var sample = ResponsePlan.Generator(names: names)
        let mix = (0..<470).map { Participant(id: Int64($0), role: $0 < 320 ? "leader" : "monitor", city: 0) }
        let perResponse = Double((0..<4000).reduce(0) { sum, _ in
            sum + sample.next(&pilot, person: mix.randomElement(using: &pilot)!).answers.count
        }) / 4000
        let count = Int((Double(target) / perResponse).rounded(.up))
        var generator = ResponsePlan.Generator(names: names)
        try database.writer.write { db in
            _ = try BotState.logKey(in: db)
            let people = try insertPeople(db, &random)
            let meetings = try insertMeetings(db, people: people, &random)
            let insertResponse = try db.makeStatement(sql: """
                INSERT INTO response (personId, dialogId, dialogVersion, status, startedAt, finishedAt, meetingId) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let insertAnswer = try db.makeStatement(sql: """
                INSERT INTO answer (responseId, personId, dialogId, dialogVersion, stepId, repeatIndex, value, label, answeredAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertInvitation = try db.makeStatement(sql: """
                INSERT INTO dialogInvitation (personId, dialogId, source, invitedAt) VALUES (?, ?, 'round', ?)
                """)
            let insertSupport = try db.makeStatement(sql: """
                INSERT INTO supportRequest (personId, mentorId, responseId, createdAt, acknowledgedAt) VALUES (?, ?, ?, ?, ?)
                """)
            let span = end.timeIntervalSince(start)
            var written = 0
            for index in 0..<count where written < target {
                let finished = start.addingTimeInterval(span * (Double(index) + random.unit() * 0.9) / Double(count))
                var plan = generator.next(&random, person: people.randomElement(using: &random)!)
                if plan.dialogId == "ccm-debrief" {
                    let meeting = meetings.last { $0.starts < finished } ?? meetings[0]
                    plan.meetingId = meeting.id
                }
                let version = names.version(plan.dialogId)
                insertResponse.setUncheckedArguments([plan.person.id, plan.dialogId, version, plan.complete ? "complete" : "partial",
                                                      stamp(finished.addingTimeInterval(-Double(plan.answers.count) * 40)), stamp(finished),
                                                      plan.meetingId])
                try insertResponse.execute()
                let responseId = db.lastInsertedRowID
                for (offset, answer) in plan.answers.enumerated() {
                    insertAnswer.setUncheckedArguments([responseId, plan.person.id, plan.dialogId, version, answer.step, answer.round,
                                                        answer.value, answer.label,
                                                        stamp(finished.addingTimeInterval(-Double(plan.answers.count - offset) * 40))])
                    try insertAnswer.execute()
                }
                written += plan.answers.count
                if plan.dialogId == "mentorship-checkin" {
                    insertInvitation.setUncheckedArguments([plan.person.id, plan.dialogId, stamp(finished.addingTimeInterval(-random.unit() * 3 * 86400))])
                    try insertInvitation.execute()
                    if random.unit() < 0.15 {
                        insertInvitation.setUncheckedArguments([plan.person.id, plan.dialogId, stamp(finished.addingTimeInterval(random.unit() * 86400))])
                        try insertInvitation.execute()
                    }
                    if plan.answers.contains(where: { $0.step == "need_support" && $0.value == "yes" }) {
                        let acknowledged: String? = random.unit() < 0.8 ? stamp(finished.addingTimeInterval(3600 + random.unit() * 71 * 3600)) : nil
                        insertSupport.setUncheckedArguments([plan.person.id, plan.person.mentor, responseId, stamp(finished), acknowledged])
                        try insertSupport.execute()
                    }
                }
            }
        }
    }

    /// 320 leaders (each with one of 30 mentors), 150 monitors, the mentors, and a few coordinators.
    private static func insertPeople(_ db: Database, _ random: inout SplitMix64) throws -> [Participant] {
        let insert = try db.makeStatement(sql: """
            INSERT INTO person (telegramUserId, alias, role, language, city, mentorId, active, createdAt) VALUES (?, ?, ?, 'ru', ?, ?, 1, ?)
            """)
        var mentors: [Int64] = []
        var participants: [Participant] = []
        var telegramId: Int64 = 100_000
        for (role, count) in [("coordinator", 3), ("mentor", 30), ("leader", 320), ("monitor", 150)] {
            for number in 0..<count {
                telegramId += 1
                let city = Int(random.next() % UInt64(cities.count))
                let mentor: Int64? = role == "leader" ? mentors[number % mentors.count] : nil
                insert.setUncheckedArguments([telegramId, "\(role)\(number)", role,
                                              cities[city], mentor, stamp(start)])
                try insert.execute()
                let id = db.lastInsertedRowID
                if role == "mentor" { mentors.append(id) }
                if role == "leader" || role == "monitor" { participants.append(Participant(id: id, role: role, city: city, mentor: mentor)) }
            }
        }
        return participants
    }

    /// About one CCM meeting a week, with RSVPs from a dozen leaders each.
    private static func insertMeetings(_ db: Database, people: [Participant], _ random: inout SplitMix64) throws -> [(id: Int64, starts: Date)] {
        let insert = try db.makeStatement(sql: """
            INSERT INTO meeting (title, kind, startsAt, durationMinutes, createdAt, cancelledAt) VALUES (?, ?, ?, 120, ?, ?)
            """)
        let rsvp = try db.makeStatement(sql: "INSERT OR IGNORE INTO rsvp (meetingId, personId, answer, answeredAt) VALUES (?, ?, ?, ?)")
        let leaders = people.filter { $0.role == "leader" }
        var meetings: [(Int64, Date)] = []
        var starts = start.addingTimeInterval(3 * 86400 + 4 * 3600)
        while starts < end {
            let kind = ["plenary", "working_group", "working_group", "oversight"].randomElement(using: &random)!
            insert.setUncheckedArguments(["Meeting", kind, stamp(starts), stamp(starts.addingTimeInterval(-14 * 86400)),
                                          random.unit() < 0.05 ? stamp(starts.addingTimeInterval(-86400)) : nil])
            try insert.execute()
            let id = db.lastInsertedRowID
            for _ in 0..<12 {
                rsvp.setUncheckedArguments([id, leaders.randomElement(using: &random)!.id, ["yes", "yes", "no", "maybe"].randomElement(using: &random)!,
                                            stamp(starts.addingTimeInterval(-3 * 86400))])
                try rsvp.execute()
            }
            meetings.append((id, starts))
            starts = starts.addingTimeInterval(7 * 86400)
        }
        return meetings
    }

    /// GRDB's stored date text, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, without a DateFormatter.
    static func stamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int(milliseconds / 1000)
        let day = CalendarDay(daysSinceEpoch: seconds / 86400)
        let second = seconds % 86400
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", day.year, day.month, day.day,
                      second / 3600, second / 60 % 60, second % 60, Int(milliseconds % 1000))
    }
}

/// Someone who answers dialogs in the benchmark store.
struct Participant {
    let id: Int64
    let role: String
    let city: Int
    var mentor: Int64? = nil
}

/// One response to write: which dialog, whose, complete or not, and its answers.
struct ResponsePlan {
    struct Answer {
        let step: String
        let round: Int?
        let value: String
        let label: String
    }

    let dialogId: String
    let person: Participant
    let complete: Bool
    var meetingId: Int64?
    var answers: [Answer] = []

    /// Makes plausible answers for each dialog: leaders write check-ins and debriefs, monitors write reports.
    struct Generator {
        let names: OptionLabels

        mutating func next(_ random: inout SplitMix64, person: Participant) -> ResponsePlan {
            let dialog = person.role == "monitor" ? "city-monitoring" : (random.unit() < 0.7 ? "mentorship-checkin" : "ccm-debrief")
            var plan = ResponsePlan(dialogId: dialog, person: person, complete: random.unit() < 0.95)
            func add(_ step: String, _ value: String, round: Int? = nil, label: String? = nil) {
                plan.answers.append(Answer(step: step, round: round, value: value, label: label ?? names.label(dialog, step, value)))
            }
            func pick(_ step: String) -> String {
                let options = names.options(dialog, step)
                return random.unit() < 0.04 ? "_other" : options[Int(random.next() % UInt64(options.count))]
            }
            func picks(_ step: String, upTo count: Int) -> String {
                let options = names.options(dialog, step)
                var chosen = Set<String>()
                for _ in 0..<(1 + Int(random.next() % UInt64(count))) { chosen.insert(options[Int(random.next() % UInt64(options.count))]) }
                return options.filter(chosen.contains).joined(separator: ",")
            }
            func text(_ phrases: [String]) -> String { phrases[Int(random.next() % UInt64(phrases.count))] }
            switch dialog {
            case "mentorship-checkin":
                let topic = pick("topic")
                add("topic", topic, label: topic == "_other" ? "Другое: подготовка бюджета" : nil)
                add("did", text(Self.didTexts))
                add("progress", String(1 + random.next() % 5))
                add("confidence", String(1 + (person.id + Int64(random.next() % 3)) % 5))
                let needs = random.unit() < 0.3
                add("need_support", needs ? "yes" : "no")
                if needs {
                    add("support_with", picks("support_with", upTo: 2))
                    add("support_note", random.unit() < 0.5 ? "" : "Нужна помощь с выступлением на заседании")
                }
                add("next_step", text(Self.nextTexts))
            case "city-monitoring":
                add("city", BenchmarkStore.cities[person.city])
                add("period_from", "2026-10-01")
                add("period_to", "2026-10-31")
                for round in 0..<(1 + Int(random.next() % 3)) {
                    add("service", pick("service"), round: round)
                    let availability = names.options(dialog, "availability").randomElement(using: &random)!
                    add("availability", availability, round: round)
                    if availability == "available" || availability == "partly" { add("quality", String(1 + random.next() % 5), round: round) }
                    add("service_note", random.unit() < 0.7 ? "" : "Очереди, не хватает тестов", round: round)
                }
                add("barriers", random.unit() < 0.15 ? "none" : picks("barriers", upTo: 3))
                let violations = random.unit() < 0.5
                add("had_violations", violations ? "yes" : "no")
                if violations {
                    for round in 0..<(1 + Int(random.next() % 2)) {
                        add("v_what", pick("v_what"), round: round)
                        add("v_by", pick("v_by"), round: round)
                        add("v_date", random.unit() < 0.5 ? "" : "2026-10-15", round: round)
                        add("v_details", random.unit() < 0.6 ? "" : "Задержали на улице, требовали деньги", round: round)
                        add("v_help", names.options(dialog, "v_help").randomElement(using: &random)!, round: round)
                    }
                }
                let participation = names.options(dialog, "participation").randomElement(using: &random)!
                add("participation", participation)
                add("notes", random.unit() < 0.6 ? "" : "Обстановка спокойная, но полиция проводит рейды")
            default:
                let attended = random.unit() < 0.8
                add("attended", attended ? "yes" : "no")
                if attended {
                    add("capacity", pick("capacity"))
                    add("spoke", random.unit() < 0.5 ? "yes" : "no")
                    add("issues", picks("issues", upTo: 3))
                    add("decided", "Обсудили заявку в Глобальный фонд и план работы")
                    let followUp = random.unit() < 0.3
                    add("follow_up", followUp ? "yes" : "no")
                    if followUp { add("follow_up_what", "Подготовить письмо в СКК до конца месяца") }
                } else {
                    add("missed_reason", pick("missed_reason"))
                }
            }
            return plan
        }

        static let didTexts = ["Провела тренинг для равных консультантов и выступила на встрече",
                               "Подготовила отчёт для донора, ментор помогла со структурой",
                               "Собрала данные мониторинга в двух клиниках"]
        static let nextTexts = ["Подготовить выступление к заседанию СКК", "Отправить отчёт до 15 числа", "Встретиться с ментором"]
    }
}

/// Option ids and Russian labels from the dialog files, as the engine would have stored them.
struct OptionLabels {
    private var optionIds: [String: [String]] = [:]
    private var labels: [String: String] = [:]
    private var versions: [String: String] = [:]

    init(catalog: DialogCatalog) {
        for dialog in catalog.dialogs {
            versions[dialog.id] = dialog.version
            for step in dialog.steps + dialog.steps.flatMap(\.innerSteps) {
                switch step.kind {
                case .choice(let spec), .multiChoice(let spec):
                    optionIds[dialog.id + "/" + step.id] = spec.options.map(\.id)
                    for option in spec.options { labels[dialog.id + "/" + step.id + "/" + option.id] = option.text.string(in: .ru) }
                default: continue
                }
            }
        }
    }

    func options(_ dialog: String, _ step: String) -> [String] {
        optionIds[dialog + "/" + step] ?? ["a", "b", "c"]
    }

    func label(_ dialog: String, _ step: String, _ value: String) -> String {
        if value == "yes" { return "Да" }
        if value == "no" { return "Нет" }
        let ids = value.split(separator: ",").map(String.init)
        return ids.map { labels[dialog + "/" + step + "/" + $0] ?? $0 }.joined(separator: ", ")
    }

    func version(_ dialog: String) -> String { versions[dialog] ?? "bench" }
}

/// A small, fast, seeded generator, so every run fills the same store.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
