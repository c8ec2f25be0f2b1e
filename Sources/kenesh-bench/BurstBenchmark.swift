import Foundation
import TelegramDouble

/// Scenario "burst": N leaders (default 200) start /checkin at the same moment and answer every
/// step as soon as it is asked, against the double in this process and the real bot in another.
enum BurstBenchmark {
    static func run(_ arguments: [String]) throws {
        let people = BenchArguments.int("--people", in: arguments) ?? 200
        let network = BenchNetwork(arguments)
        let store = try BenchStore()
        defer { store.remove() }
        let ids = try store.enrol(people, role: .leader, firstUserId: 7_000_000)
        let double = try BotAPIDouble()
        double.maxLongPoll = 5
        network.apply(to: double)
        let driver = CheckInDriver(double: double, people: ids)
        double.onRequest { driver.observe($0) }
        let bot = try BotProcess(data: store.data, dialogs: BenchDialogs.folder, apiURL: double.baseURL, token: double.token,
                                 extraArguments: BenchArguments.unpaced + network.botArguments)
        defer { bot.stop() }
        guard double.waitUntil(timeout: 120, { !$0.requests(method: "getUpdates").isEmpty }) else {
            throw BenchError("the bot never polled; see \(bot.logFile.path)")
        }
        let cpuBefore = bot.cpuSeconds
        let doubleCPUBefore = BotProcess.ownCPUSeconds
        let started = Date()
        driver.start()
        guard double.waitUntil(timeout: 300, { _ in driver.progress.finished == people }) else {
            throw BenchError("only \(driver.progress.finished) of \(people) check-ins finished; see \(bot.logFile.path)")
        }
        let elapsed = Date().timeIntervalSince(started)
        let cpu = bot.cpuSeconds - cpuBefore
        let doubleCPU = BotProcess.ownCPUSeconds - doubleCPUBefore
        let updates = Double(driver.progress.updates)
        let latencies = driver.samples.map { $0 * 1000 }

        var report = BenchReport(scenario: "burst: \(people) leaders complete a check-in at once\(network.label)")
        report.add("updates", updates, "")
        report.add("wall time", elapsed, "s")
        report.add("updates per second", updates / elapsed, "/s", target: "≥ 2000")
        report.add("latency p50", latencies.percentile(50), "ms")
        report.add("latency p99", latencies.percentile(99), "ms", target: "≤ 50")
        report.add("latency max", latencies.max() ?? 0, "ms")
        report.add("bot CPU per 1000 updates", cpu / updates * 1000, "s", target: "≤ 0.25")
        report.add("bot peak RSS", bot.peakRSSMegabytes, "MB", target: "≤ 40")
        report.add("double's CPU per 1000 updates", doubleCPU / updates * 1000, "s")
        report.add("updates per getUpdates batch", updates / Double(max(1, double.requests(method: "getUpdates").count)), "")
        report.add("Bot API calls per update", Double(double.requests.count) / updates, "")
        report.print()
    }
}

/// Scenario "backlog": N updates (default 20,000) are waiting when the bot starts.
enum BacklogBenchmark {
    static func run(_ arguments: [String]) throws {
        let total = BenchArguments.int("--updates", in: arguments) ?? 20_000
        let network = BenchNetwork(arguments)
        let peopleCount = 500
        let store = try BenchStore()
        defer { store.remove() }
        let ids = try store.enrol(peopleCount, role: .leader, firstUserId: 8_000_000)
        let double = try BotAPIDouble()
        double.maxLongPoll = 5
        network.apply(to: double)
        var last = 0
        for index in 0..<total {
            last = double.enqueueMessage(from: ids[index % peopleCount], text: "/help")
        }
        let started = Date()
        let bot = try BotProcess(data: store.data, dialogs: BenchDialogs.folder, apiURL: double.baseURL, token: double.token,
                                 extraArguments: BenchArguments.unpaced + network.botArguments)
        defer { bot.stop() }
        guard double.waitUntil(timeout: 300, { ($0.lastOffset ?? 0) > last }) else {
            throw BenchError("the backlog was not drained; see \(bot.logFile.path)")
        }
        let drained = Date().timeIntervalSince(started)
        let rssAfterDrain = bot.peakRSSMegabytes
        guard double.waitUntil(timeout: 600, { $0.requests(method: "sendMessage").count >= total }) else {
            throw BenchError("not every reply was sent; see \(bot.logFile.path)")
        }
        let replied = Date().timeIntervalSince(started)

        var report = BenchReport(scenario: "backlog: \(total) updates waiting at start\(network.label)")
        report.add("time to commit every update", drained, "s", target: "≤ 15")
        report.add("time until every reply was sent", replied, "s")
        report.add("bot peak RSS while draining", rssAfterDrain, "MB", target: "≤ 60")
        report.add("bot peak RSS overall", bot.peakRSSMegabytes, "MB")
        report.add("bot CPU", bot.cpuSeconds, "s")
        report.print()
    }
}

/// Command-line helpers shared by the scenarios.
enum BenchArguments {
    /// Pacing off: the bot's own cost, not Telegram's limits, is what these scenarios measure.
    static let unpaced = ["--send-rate", "1000000", "--chat-rate", "1000000"]

    static func int(_ name: String, in arguments: [String]) -> Int? {
        string(name, in: arguments).flatMap { Int($0) }
    }

    static func string(_ name: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
}

/// `--rtt MS` puts a network round trip into every call to the double, as a bot far from
/// Telegram's servers sees; `--workers N` runs the bot with N outbox workers (`--send-workers`).
struct BenchNetwork {
    let roundTripMilliseconds: Int
    let workers: Int

    init(_ arguments: [String]) {
        roundTripMilliseconds = BenchArguments.int("--rtt", in: arguments) ?? 0
        workers = BenchArguments.int("--workers", in: arguments) ?? 1
    }

    func apply(to double: BotAPIDouble) {
        double.roundTrip = Double(roundTripMilliseconds) / 1000
    }

    var botArguments: [String] { ["--send-workers", String(workers)] }

    var label: String {
        var parts: [String] = []
        if roundTripMilliseconds > 0 { parts.append("\(roundTripMilliseconds) ms round trip") }
        if workers != 1 { parts.append("\(workers) send workers") }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }
}

/// A benchmark that could not complete, with where to look.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
