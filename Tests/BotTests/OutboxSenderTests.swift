import Bot
import Foundation
import GRDB
import Store
import Telegram
import TelegramDouble
import Testing

/// How the outbox sender treats each of Telegram's answers, with the real client and store.
@Suite struct OutboxSenderTests {
    private func enrolled(_ userId: Int64, in database: AppDatabase) throws {
        _ = try database.writer.write { db in
            var person = Person(telegramUserId: userId, alias: nil, role: .leader, createdAt: Date())
            try person.insert(db)
        }
    }

    private func enqueue(_ texts: [String], to chatId: Int64, in database: AppDatabase) throws {
        _ = try database.writer.write { db in
            for text in texts { try OutboxItem.text(text, to: chatId).enqueue(at: Date(), in: db) }
        }
    }

    private func outbox(_ database: AppDatabase) throws -> [OutboxMessage] {
        try database.writer.read { db in try OutboxMessage.order(Column("id")).fetchAll(db) }
    }

    @Test func a429WaitsRetryAfterThenSendsTheSameMessageInOrder() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        double.injectFault(.tooManyRequests(retryAfter: 1), method: "sendMessage")
        try enqueue(["первое", "второе"], to: 31, in: database)
        let started = Date()
        let bot = RunningBot(database: database, double: double)
        #expect(double.waitUntil { $0.sentTexts(to: 31).count == 2 })
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(double.sentTexts(to: 31) == ["первое", "второе"])
        let drained = double.waitUntil { _ in (try? self.outbox(database).isEmpty) == true }
        #expect(drained)
        bot.stop()
    }

    @Test func serverErrorsAndDroppedConnectionsAreRetried() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        double.injectFault(.serverError(502), method: "sendMessage")
        double.injectFault(.closeWithoutResponse, method: "sendMessage")
        try enqueue(["один"], to: 32, in: database)
        let bot = RunningBot(database: database, double: double)
        #expect(double.waitUntil(timeout: 15) { $0.sentTexts(to: 32) == ["один"] })
        bot.stop()
    }

    @Test func blockedByThePersonMarksThemInactive() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        try enrolled(33, in: database)
        let double = try BotAPIDouble()
        double.injectFault(.status(403, body: #"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#),
                           method: "sendMessage")
        try enqueue(["текст"], to: 33, in: database)
        let bot = RunningBot(database: database, double: double)
        let markedInactive = double.waitUntil { _ in
            (try? database.writer.read { db in try Person.find(telegramUserId: 33, in: db)?.active }) == false
        }
        #expect(markedInactive)
        bot.stop()
        let rows = try outbox(database)
        #expect(rows.count == 1)
        #expect(rows.first?.status == .failed)
        #expect(rows.first?.payload.isEmpty == true)
    }

    @Test func aRefusedMessageIsDroppedAndTheNextOneStillGoes() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        double.injectFault(.status(400, body: #"{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities"}"#),
                           method: "sendMessage")
        try enqueue(["сломанное", "следующее"], to: 34, in: database)
        let bot = RunningBot(database: database, double: double)
        #expect(double.waitUntil { $0.sentTexts(to: 34) == ["следующее"] })
        bot.stop()
        let rows = try outbox(database)
        #expect(rows.map(\.status) == [.failed])
        #expect(rows.first?.lastError == "Bad Request: can't parse entities")
    }

    @Test func anEditThatChangesNothingCountsAsDone() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        double.injectFault(.status(400, body: #"{"ok":false,"error_code":400,"description":"Bad Request: message is not modified"}"#),
                           method: "editMessageText")
        _ = try database.writer.write { db in
            try OutboxItem.editMessageText(EditMessageText(chatId: 35, messageId: 1, text: "то же")).enqueue(at: Date(), in: db)
        }
        let bot = RunningBot(database: database, double: double)
        let drained = double.waitUntil { _ in (try? self.outbox(database).isEmpty) == true }
        #expect(drained)
        bot.stop()
    }

    @Test func oneChatIsPacedWithoutHoldingOthersBack() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        try enqueue((1...5).map { "сообщение \($0)" }, to: 36, in: database)
        try enqueue(["другой чат"], to: 37, in: database)
        let bot = RunningBot(database: database, double: double, pacing: SendRateLimiter())
        #expect(double.waitUntil { $0.sentTexts(to: 36).count == 5 })
        bot.stop()
        let times = double.requests(method: "sendMessage").filter { $0.params["chat_id"] == "36" }.map(\.receivedAt)
        let other = try #require(double.requests(method: "sendMessage").first { $0.params["chat_id"] == "37" })
        // A burst of three, then one a second.
        #expect(times[3].timeIntervalSince(times[0]) >= 0.9)
        #expect(times[4].timeIntervalSince(times[3]) >= 0.9)
        #expect(other.receivedAt < times[3], "a paced chat held another chat back")
        #expect(double.sentTexts(to: 36) == (1...5).map { "сообщение \($0)" })
    }

    @Test func aLongTextIsSplitIntoSeveralMessagesWithButtonsOnTheLast() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        let paragraph = String(repeating: "Отчёт о мониторинге. ", count: 60)
        let long = Array(repeating: paragraph, count: 8).joined(separator: "\n\n")
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Ок", callbackData: "k1|1|s|o")]])
        _ = try database.writer.write { db in
            try OutboxItem.sendMessage(SendMessage(chatId: 38, text: long, replyMarkup: .inline(keyboard))).enqueue(at: Date(), in: db)
        }
        let bot = RunningBot(database: database, double: double)
        #expect(double.waitUntil { _ in (try? database.writer.read { db in try OutboxMessage.fetchCount(db) }) == 0 })
        bot.stop()
        let sent = double.requests(method: "sendMessage")
        #expect(sent.count > 1)
        #expect(sent.allSatisfy { ($0.params["text"]?.utf16.count ?? 0) <= 4096 })
        #expect(sent.dropLast().allSatisfy { $0.params["reply_markup"] == nil })
        #expect(sent.last?.params["reply_markup"] != nil)
        #expect(sent.compactMap { $0.params["text"] }.joined(separator: "\n\n") == long)
    }

    /// With one message allowed in flight (the default), calls a person would not see twice go
    /// alongside other people's messages, and each chat still gets its calls in order.
    @Test func safeCallsGoAlongsideMessagesButMessagesGoOneAtATime() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        // Long enough that calls in flight together are told apart from calls one after another.
        double.roundTrip = 0.06
        let chats: [Int64] = (1...6).map { 39_000 + $0 }
        _ = try database.writer.write { db in
            for chat in chats {
                for item in [OutboxItem.leaveChat(chatId: chat), .text("первое", to: chat), .leaveChat(chatId: chat), .text("второе", to: chat)] {
                    try item.enqueue(at: Date(), in: db)
                }
            }
        }
        let bot = RunningBot(database: database, double: double)
        #expect(double.waitUntil(timeout: 20) { _ in (try? self.outbox(database).isEmpty) == true })
        bot.stop()

        for chat in chats {
            let calls = double.requests.filter { $0.params["chat_id"] == String(chat) }.map { $0.params["text"] ?? $0.method }
            #expect(calls == ["leaveChat", "первое", "leaveChat", "второе"], "chat \(chat) got its calls out of order")
        }
        // One message in flight: the double sees each a full round trip after the one before.
        let messages = double.requests(method: "sendMessage").map(\.receivedAt).sorted()
        let closestMessages = zip(messages.dropFirst(), messages).map { $0.timeIntervalSince($1) }.min() ?? 0
        #expect(closestMessages >= double.roundTrip * 0.9, "two messages were in flight at once")
        // Safe calls went alongside: some arrived well within a round trip of a message.
        let safe = double.requests(method: "leaveChat").map(\.receivedAt)
        let closestSafe = safe.map { call in messages.map { abs($0.timeIntervalSince(call)) }.min() ?? 1 }.min() ?? 1
        #expect(closestSafe < double.roundTrip / 2, "no call went alongside a message")
    }

    /// A person whose replies pile up (paced at one a second) must not hold everyone else back.
    @Test func oneChatsLongQueueDoesNotHoldOthersBack() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        try enqueue((1...300).map { "очередь \($0)" }, to: 40_001, in: database)
        try enqueue(["другой чат"], to: 40_002, in: database)
        let started = Date()
        let bot = RunningBot(database: database, double: double, pacing: SendRateLimiter())
        #expect(double.waitUntil(timeout: 10) { $0.sentTexts(to: 40_002) == ["другой чат"] })
        bot.stop()
        #expect(Date().timeIntervalSince(started) < 5, "the other chat waited behind the long queue")
        #expect(double.sentTexts(to: 40_001).count < 10)
    }

    /// Many chats, calls of both kinds, and one request in five refused or dropped without being
    /// acted on: each chat still gets each message once, in order, however the workers interleave.
    @Test func underRandomFaultsEveryChatGetsEachMessageOnceInOrder() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        double.setRandomFaults(rate: 0.2, faults: [.tooManyRequests(retryAfter: 1), .serverError(500), .closeWithoutResponse], seed: 5)
        let chats: [Int64] = (1...20).map { 41_000 + $0 }
        let texts = ["раз", "два", "три"]
        _ = try database.writer.write { db in
            for chat in chats {
                for (index, text) in texts.enumerated() {
                    try OutboxItem.text(text, to: chat).enqueue(at: Date(), in: db)
                    if index < texts.count - 1 { try OutboxItem.leaveChat(chatId: chat).enqueue(at: Date(), in: db) }
                }
            }
        }
        let bot = RunningBot(database: database, double: double)
        #expect(double.waitUntil(timeout: 90) { _ in (try? self.outbox(database).isEmpty) == true }, "the outbox never drained")
        bot.stop()
        for chat in chats {
            #expect(double.sentTexts(to: chat) == texts, "chat \(chat)")
        }
        #expect(double.requests.count > chats.count * 5, "no request was refused")
    }

    /// A safe call's row waits to be deleted with the next commit; with nothing after it, it is
    /// deleted on its own a moment later.
    @Test func aSafeCallWithNothingAfterItIsStillDeleted() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        _ = try database.writer.write { db in try OutboxItem.leaveChat(chatId: 42_001).enqueue(at: Date(), in: db) }
        let bot = RunningBot(database: database, double: double)
        #expect(double.waitUntil(timeout: 10) { _ in (try? self.outbox(database).isEmpty) == true }, "the row was never deleted")
        bot.stop()
        #expect(double.requests(method: "leaveChat").count == 1)
    }
}
