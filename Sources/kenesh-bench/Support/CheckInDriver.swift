import Foundation
import TelegramDouble

/// Plays many people answering the check-in as fast as the bot asks: each question delivered to a
/// chat is answered at once, and the time from an answer becoming available to the next question
/// arriving is one latency sample.
final class CheckInDriver: @unchecked Sendable {
    private let double: BotAPIDouble
    private let people: Set<Int64>
    private let lock = NSLock()
    private var availableAt: [Int64: Date] = [:]
    private(set) var latencies: [Double] = []
    private(set) var updatesSent = 0
    private(set) var finished = 0

    init(double: BotAPIDouble, people: [Int64]) {
        self.double = double
        self.people = Set(people)
    }

    func start() {
        for person in people { send(person) { $0.enqueueMessage(from: person, text: "/checkin") } }
    }

    var progress: (finished: Int, updates: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (finished, updatesSent)
    }

    var samples: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return latencies
    }

    /// Reacts to one delivered request from the bot.
    func observe(_ request: BotAPIDouble.RecordedRequest) {
        guard request.method == "sendMessage", let chat = request.params["chat_id"].flatMap(Int64.init), people.contains(chat),
              let text = request.params["text"] else { return }
        if let markup = request.params["reply_markup"], let data = Self.firstCallbackData(markup) {
            let parts = data.split(separator: "|")
            guard parts.count == 4, let option = Self.choice[String(parts[2])] else { return }
            let press = "k1|\(parts[1])|\(parts[2])|\(option)"
            answered(chat, at: request.receivedAt) { $0.enqueueCallbackQuery(from: chat, messageId: 1, data: press) }
        } else if text.hasPrefix("Что вы сделали") {
            answered(chat, at: request.receivedAt) { $0.enqueueMessage(from: chat, text: "Провела встречу с донорами") }
        } else if text.hasPrefix("Какой ваш следующий шаг") {
            answered(chat, at: request.receivedAt) { $0.enqueueMessage(from: chat, text: "Подготовить отчёт к пятнице") }
        } else if text.hasPrefix("Спасибо") {
            lock.lock()
            finished += 1
            if let since = availableAt.removeValue(forKey: chat) { latencies.append(request.receivedAt.timeIntervalSince(since)) }
            lock.unlock()
        }
    }

    static let choice = ["topic": "speaking", "progress": "3", "confidence": "4", "need_support": "no", "review": "_send"]

    private func answered(_ chat: Int64, at arrival: Date, _ enqueue: (BotAPIDouble) -> Int) {
        lock.lock()
        if let since = availableAt[chat] { latencies.append(arrival.timeIntervalSince(since)) }
        lock.unlock()
        send(chat, enqueue)
    }

    private func send(_ chat: Int64, _ enqueue: (BotAPIDouble) -> Int) {
        lock.lock()
        availableAt[chat] = Date()
        updatesSent += 1
        lock.unlock()
        _ = enqueue(double)
    }

    private static func firstCallbackData(_ markup: String) -> String? {
        guard let range = markup.range(of: "\"callback_data\":\"") else { return nil }
        let rest = markup[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
