import Foundation
import GRDB
import Bot
import Store
import TelegramDouble
import Testing

/// A real `kill -9` of the real binary at each commit point, then a restart on the same data
/// folder: every update's effect happens once, and the offset ends right after the last update.
@Suite(.serialized) struct ExactlyOnceTests {
    /// Where the first run kills itself (KENESH_CRASH_AT). The outbox thread runs alongside the
    /// poller, so any crash may also catch one message sent but not yet marked sent.
    static let crashPoints = [
        "before-commit:1", "before-commit:2", "after-commit:1", "after-commit:3", "after-send:1", "after-send:2",
    ]

    @Test(arguments: crashPoints)
    func aKilledBotResumesWithoutLossOrRepeat(_ crashPoint: String) throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let codeA = try KeneshProcess.invite(data: folder, role: "leader")
        let codeB = try KeneshProcess.invite(data: folder, role: "monitor")
        double.enqueueMessage(from: 880001, text: "/start \(codeA)")
        double.enqueueMessage(from: 880002, text: "/start \(codeB)")
        double.enqueueMessage(from: 880001, text: "как дела?")
        let last = double.enqueueMessage(from: 880003, text: "привет")

        let doomed = try KeneshProcess(runIn: folder, double: double, extraEnvironment: ["KENESH_CRASH_AT": crashPoint])
        #expect(doomed.waitForExit(timeout: 20), "the crash point was never reached")
        #expect(doomed.wasKilled)

        let survivor = try KeneshProcess(runIn: folder, double: double, logName: "restarted")
        let everyoneAnswered = double.waitUntil(timeout: 20) { d in
            (d.lastOffset ?? 0) > last && [880001, 880002, 880003].allSatisfy { !d.sentTexts(to: $0).isEmpty }
                && d.sentTexts(to: 880001).count >= 2
        }
        #expect(everyoneAnswered)
        let database = try AppDatabase(folder: folder.dataURL)
        #expect(double.waitUntil(timeout: 10) { _ in
            (try? database.writer.read { db in try OutboxMessage.fetchCount(db) }) == 0
        }, "the outbox never drained")
        survivor.terminate()
        #expect(survivor.waitForExit(timeout: 10))
        #expect(survivor.process.terminationStatus == 0)

        // Each person enrolled once, each update processed once, the offset right after the last.
        let people = try database.writer.read { db in try Person.order(Column("telegramUserId")).fetchAll(db) }
        #expect(people.map(\.telegramUserId) == [880001, 880002])
        #expect(try database.writer.read { db in try ProcessedUpdate.count(in: db) } == 4)
        #expect(try database.writer.read { db in try BotState.offset(in: db) } == Int64(last + 1))
        #expect(double.lastOffset == last + 1)

        // Every reply arrived, in order, and at most the one in flight at the crash was repeated.
        let welcome = BotTexts.welcome(role: .leader).ru
        #expect(withoutRepeats(double.sentTexts(to: 880001)) == [welcome, BotTexts.nothingToAnswer.ru])
        #expect(withoutRepeats(double.sentTexts(to: 880002)) == [BotTexts.welcome(role: .monitor).ru])
        #expect(withoutRepeats(double.sentTexts(to: 880003)) == [BotTexts.closedBot.ru])
        let repeats = double.requests(method: "sendMessage").count - 4
        #expect((0...1).contains(repeats), "\(repeats) messages were repeated")
    }
}

/// With several outbox workers, a crash may catch one call in flight per worker: at most that many
/// messages are repeated, never two to one person, each chat keeps its order, and nothing is lost.
@Suite(.serialized) struct SeveralSendWorkersTests {
    static let workers = 3

    @Test(arguments: ["after-send:2", "after-send:9"])
    func aKilledBotRepeatsAtMostOneMessagePerWorker(_ crashPoint: String) throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        // A round trip long enough that calls from different workers are seen in flight together.
        double.roundTrip = 0.04
        let people: [Int64] = (1...6).map { 881_000 + $0 }
        var last = 0
        for person in people {
            let code = try KeneshProcess.invite(data: folder, role: "leader")
            double.enqueueMessage(from: person, text: "/start \(code)")
            double.enqueueMessage(from: person, text: "/help")
            last = double.enqueueMessage(from: person, text: "как дела?")
        }
        let workers = ["KENESH_SEND_WORKERS": "\(Self.workers)"]

        let doomed = try KeneshProcess(runIn: folder, double: double,
                                       extraEnvironment: workers.merging(["KENESH_CRASH_AT": crashPoint]) { $1 })
        #expect(doomed.waitForExit(timeout: 30), "the crash point was never reached")
        #expect(doomed.wasKilled)

        let survivor = try KeneshProcess(runIn: folder, double: double, extraEnvironment: workers, logName: "restarted")
        let database = try AppDatabase(folder: folder.dataURL)
        #expect(double.waitUntil(timeout: 30) { d in
            (d.lastOffset ?? 0) > last && (try? database.writer.read { db in try OutboxMessage.fetchCount(db) }) == 0
        }, "the outbox never drained")
        survivor.terminate()
        #expect(survivor.waitForExit(timeout: 10))

        let expected = [BotTexts.welcome(role: .leader).ru, BotTexts.help(role: .leader).ru, BotTexts.nothingToAnswer.ru]
        var repeats = 0
        for person in people {
            let texts = double.sentTexts(to: person)
            #expect(withoutRepeats(texts) == expected, "chat \(person) got its replies out of order or lost one")
            #expect(texts.count <= expected.count + 1, "chat \(person) got \(texts.count - expected.count) repeats")
            repeats += texts.count - expected.count
        }
        #expect(repeats <= Self.workers, "\(repeats) messages were repeated")
        // The workers really overlapped: one worker's calls are a full round trip apart.
        let sends = double.requests(method: "sendMessage").map(\.receivedAt).sorted()
        let closest = zip(sends.dropFirst(), sends).map { $0.timeIntervalSince($1) }.min() ?? 1
        #expect(closest < double.roundTrip / 2, "no two messages were in flight at once")
    }
}

/// The texts with immediate repeats folded, so "sent twice because of a crash" compares equal to "sent once".
private func withoutRepeats(_ texts: [String]) -> [String] {
    texts.enumerated().filter { $0.offset == 0 || $0.element != texts[$0.offset - 1] }.map(\.element)
}
