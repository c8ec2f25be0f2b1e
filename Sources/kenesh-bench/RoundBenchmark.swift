import Foundation
import GRDB
import Store
import TelegramDouble

/// Scenario "round": a coordinator starts a monitoring round for N monitors (default 5,000)
/// through a double that refuses, with 429, anything past Telegram's limits. The bot runs with
/// its default pacing; the ideal time is the number of messages divided by 30 per second.
enum RoundBenchmark {
    static func run(_ arguments: [String]) throws {
        let people = BenchArguments.int("--people", in: arguments) ?? 5_000
        let network = BenchNetwork(arguments)
        let store = try BenchStore()
        defer { store.remove() }
        _ = try store.enrol(people, role: .monitor, firstUserId: 9_000_000, city: "Ош")
        let coordinator = try store.enrol(1, role: .coordinator, firstUserId: 9_900_000)[0]
        let double = try BotAPIDouble()
        double.maxLongPoll = 5
        double.enforceTelegramLimits(true)
        network.apply(to: double)
        let bot = try BotProcess(data: store.data, dialogs: BenchDialogs.folder, apiURL: double.baseURL, token: double.token,
                                 extraArguments: ["--quiet-hours", "off"] + network.botArguments)
        defer { bot.stop() }
        guard double.waitUntil(timeout: 30, { !$0.requests(method: "getUpdates").isEmpty }) else {
            throw BenchError("the bot never polled; see \(bot.logFile.path)")
        }
        let database = try AppDatabase(folder: store.data)
        let started = Date()
        double.enqueueMessage(from: coordinator, text: "/round monitoring")
        // Wait for the round to be queued and started, then for the outbox to drain.
        guard double.waitUntil(timeout: 120, { $0.sentTexts(to: coordinator).count >= 1 }) else {
            throw BenchError("the coordinator got no answer; see \(bot.logFile.path)")
        }
        var drained = false
        while Date().timeIntervalSince(started) < 3600 {
            let (pending, invited) = try database.writer.read { db in
                (try OutboxMessage.count(.pending, in: db),
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dialogInvitation WHERE dialogId = 'city-monitoring'") ?? 0)
            }
            if pending == 0 && invited >= people { drained = true; break }
            Thread.sleep(forTimeInterval: 0.5)
        }
        guard drained else { throw BenchError("the round did not finish within an hour") }
        let elapsed = Date().timeIntervalSince(started)
        let messages = double.requests.filter {
            limitedMethods.contains($0.method) && $0.params["chat_id"] != String(coordinator)
        }.count - double.limitRefusals
        let ideal = Double(messages) / 30

        var report = BenchReport(scenario: "round: \(people) monitors, Telegram's limits enforced by the double\(network.label)")
        report.add("messages delivered", Double(messages), "")
        report.add("time to deliver all", elapsed, "s")
        report.add("ideal at 30 messages/s", ideal, "s")
        report.add("time / ideal", elapsed / ideal, "x", target: "≤ 1.05")
        report.add("429 answers received", Double(double.limitRefusals), "", target: "0")
        report.add("bot peak RSS", bot.peakRSSMegabytes, "MB")
        report.add("bot CPU", bot.cpuSeconds, "s")
        report.print()
    }

    static let limitedMethods: Set<String> = ["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument"]
}
