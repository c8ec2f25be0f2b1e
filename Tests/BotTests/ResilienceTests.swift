import Bot
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// Faults, kills, full disks and shutdowns: every answer is kept once and every reply arrives.
@Suite(.serialized) struct ResilienceTests {
    private func storedAnswers(_ database: AppDatabase) throws -> [Int64: [String: String]] {
        try database.writer.read { db in
            var byPerson: [Int64: [String: String]] = [:]
            for response in try Response.filter(Column("status") == "complete").fetchAll(db) {
                let person = try Person.fetchOne(db, key: response.personId)
                let answers = try AnswerRecord.filter(Column("responseId") == response.id).fetchAll(db)
                #expect(Set(answers.map(\.stepId)).count == answers.count, "an answer was stored twice")
                byPerson[person?.telegramUserId ?? 0] = Dictionary(answers.map { ($0.stepId, $0.value) }, uniquingKeysWith: { $1 })
            }
            return byPerson
        }
    }

    private func consent(_ userIds: [Int64], in database: AppDatabase) throws {
        try database.writer.write { db in
            for userId in userIds {
                var person = Person(telegramUserId: userId, alias: "Л\(userId)", role: .leader, createdAt: Date())
                person.consentedAt = Date()
                try person.insert(db)
            }
        }
    }

    /// Interleaves the scripts until all are done.
    private func runAll(_ scripts: inout [CheckInScript]) {
        while scripts.contains(where: { !$0.isDone }) {
            for index in scripts.indices where !scripts[index].isDone { scripts[index].advance() }
        }
    }

    @Test func threeCheckInsCompleteWhileOneRequestInFiveFails() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.dataURL)
        let double = try BotAPIDouble()
        let users: [Int64] = [301, 302, 303]
        try consent(users, in: database)
        // Faults the double answers without acting on the request (as when Telegram refuses or the
        // connection drops before it reads the request), so each retry is the only delivery.
        double.setRandomFaults(rate: 0.2, faults: [.tooManyRequests(retryAfter: 1), .serverError(500), .serverError(502),
                                                   .closeWithoutResponse, .html(status: 502), .truncatedJSON], seed: 11)
        // A long poll that stalls past its timeout is given up and made again.
        double.injectFault(.delay(6), method: "getUpdates", count: 2)
        let bot = RunningBot(database: database, double: double, library: ShippedDialogs.library())
        var scripts = users.enumerated().map { index, userId in
            let chat = TestChat(userId: userId, double: double, database: database)
            chat.settleTimeout = 60
            return CheckInScript(chat: chat, topic: ["donors", "events", "speaking"][index], did: "Сделано \(userId)")
        }
        runAll(&scripts)
        bot.stop()

        let stored = try storedAnswers(database)
        for script in scripts {
            #expect(stored[script.chat.userId] == script.expectedAnswers, "answers of \(script.chat.userId)")
            // Once per answer and in order: no text arrives twice, and the review came last.
            let texts = script.chat.texts
            #expect(Set(texts).count == texts.count, "a reply to \(script.chat.userId) arrived twice")
            #expect(texts.last?.contains("Спасибо") == true || texts.last?.contains("отправлен") == true)
        }
    }

    @Test func aBotKilledAtRandomManyTimesLosesAndDoublesNothing() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let database = try AppDatabase(folder: folder.dataURL)
        let users: [Int64] = [401, 402, 403]
        try consent(users, in: database)
        let chaos = Chaos(folder: folder, double: double)
        chaos.start()
        var scripts = users.enumerated().map { index, userId in
            let chat = TestChat(userId: userId, double: double, database: database)
            chat.settleTimeout = 60
            return CheckInScript(chat: chat, topic: ["monitoring", "gf_request", "donor_reports"][index], did: "Отчёт \(userId)")
        }
        runAll(&scripts)
        let kills = chaos.stop()
        #expect(kills >= 5, "only \(kills) kills happened")

        let stored = try storedAnswers(database)
        #expect(stored.count == 3)
        for script in scripts {
            #expect(stored[script.chat.userId] == script.expectedAnswers, "answers of \(script.chat.userId)")
        }
        #expect(try database.writer.read { db in try Response.fetchCount(db) } == 3)
    }

    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func aFullDiskPausesUpdatesUntilItCanWriteAgain() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let disk = try SmallDisk(at: folder.dataURL, size: "4m")
        defer { disk.unmount() }
        let first = try KeneshProcess.invite(data: folder, role: "leader")
        let second = try KeneshProcess.invite(data: folder, role: "monitor")
        let bot = try KeneshProcess(runIn: folder, double: double)
        let one = double.enqueueMessage(from: 501, text: "/start \(first)")
        #expect(double.waitUntil { ($0.lastOffset ?? 0) > one && !$0.sentTexts(to: 501).isEmpty })

        // Disk full: the update is not acknowledged, nothing of it is kept, and the log says why.
        try disk.fill()
        let two = double.enqueueMessage(from: 502, text: "/start \(second)")
        #expect(double.waitUntil(timeout: 15) { _ in bot.log.contains("cannot write to the database") })
        usleep(1_500_000)
        #expect((double.lastOffset ?? 0) <= two, "an update was acknowledged that was not stored")
        #expect(double.sentTexts(to: 502).isEmpty)
        #expect(bot.process.isRunning)

        // Space again: the same update is taken and answered.
        try disk.freeSpace()
        #expect(double.waitUntil(timeout: 20) { ($0.lastOffset ?? 0) > two && !$0.sentTexts(to: 502).isEmpty })
        #expect(bot.log.contains("writable again"))
        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(bot.process.terminationStatus == 0)
        let database = try AppDatabase(folder: folder.dataURL)
        #expect(try database.writer.read { db in try Person.fetchCount(db) } == 2)
    }

    /// Linux will not turn a filesystem read-only under a process writing to it, so read-only is
    /// tested where it happens in practice: at start, with one clear line and a non-zero exit.
    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func aReadOnlyDataFolderIsReportedInOneLine() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let disk = try SmallDisk(at: folder.dataURL, size: "4m")
        defer { disk.unmount() }
        _ = try KeneshProcess.invite(data: folder, role: "leader")
        try disk.remount(readOnly: true)
        let bot = try KeneshProcess(runIn: folder, double: double)
        #expect(bot.waitForExit(timeout: 10))
        #expect(bot.process.terminationStatus != 0)
        let lines = bot.log.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("kenesh: cannot open the database") == true)
        #expect(double.requests(method: "getUpdates").isEmpty, "it polled without being able to store")
    }

    @Test func sigtermDuringABusyRunExitsZeroAndARestartFinishesTheWork() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let database = try AppDatabase(folder: folder.dataURL)
        let users: [Int64] = [601, 602, 603]
        try consent(users, in: database)
        double.setRandomFaults(rate: 0.3, faults: [.serverError(502), .tooManyRequests(retryAfter: 2)], seed: 5,
                               methods: ["sendMessage", "editMessageText"])
        var bot = try KeneshProcess(runIn: folder, double: double, dialogs: ShippedDialogs.folder)
        for userId in users { double.enqueueMessage(from: userId, text: "/checkin") }
        #expect(double.waitUntil { d in users.allSatisfy { !d.sentTexts(to: $0).isEmpty } })
        for userId in users { double.enqueueMessage(from: userId, text: "/help") }
        usleep(300_000)
        let asked = Date()
        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(Date().timeIntervalSince(asked) < 10)
        #expect(bot.process.terminationStatus == 0)

        double.setRandomFaults(rate: 0, faults: [])
        bot = try KeneshProcess(runIn: folder, double: double, dialogs: ShippedDialogs.folder, logName: "restarted")
        var scripts = users.map { userId in
            let chat = TestChat(userId: userId, double: double, database: database)
            chat.settleTimeout = 30
            var script = CheckInScript(chat: chat, topic: "events", did: "После перезапуска \(userId)")
            script.skipStart()
            return script
        }
        runAll(&scripts)
        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        let stored = try storedAnswers(database)
        for script in scripts {
            #expect(stored[script.chat.userId] == script.expectedAnswers)
        }
    }
}

extension CheckInScript {
    /// For a check-in already started (by /checkin sent before).
    mutating func skipStart() {
        precondition(step == 0)
        self = CheckInScript(chat: chat, topic: topic, did: did, startingAt: 1)
    }
}

/// Kills the real bot with SIGKILL at random moments and starts it again on the same folder.
final class Chaos: @unchecked Sendable {
    private let folder: TemporaryFolder
    private let double: BotAPIDouble
    private let lock = NSLock()
    private var running = true
    private var kills = 0
    private let finished = DispatchSemaphore(value: 0)

    init(folder: TemporaryFolder, double: BotAPIDouble) {
        self.folder = folder
        self.double = double
    }

    func start() {
        Thread { [self] in
            var generator = SystemRandomNumberGenerator()
            var bot = try? KeneshProcess(runIn: folder, double: double, dialogs: ShippedDialogs.folder)
            while isRunning {
                usleep(UInt32.random(in: 300_000...900_000, using: &generator))
                guard isRunning, let current = bot else { break }
                kill(current.process.processIdentifier, SIGKILL)
                current.waitForExit(timeout: 5)
                lock.lock()
                kills += 1
                lock.unlock()
                bot = try? KeneshProcess(runIn: folder, double: double, dialogs: ShippedDialogs.folder, logName: "chaos")
            }
            // Let the last one finish what is committed, then stop it cleanly.
            if let bot {
                _ = double.waitUntil(timeout: 5) { _ in false }
                bot.terminate()
                bot.waitForExit(timeout: 10)
            }
            finished.signal()
        }.start()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Stops the chaos and returns how many kills happened.
    func stop() -> Int {
        lock.lock()
        running = false
        lock.unlock()
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        return kills
    }
}

/// A tiny tmpfs mounted over a folder, to run out of space or turn read-only for real.
struct SmallDisk {
    let path: String

    init(at folder: URL, size: String) throws {
        path = folder.path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path])
    }

    /// Writes a filler file until the disk is full.
    func fill() throws {
        let filler = path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
        let chunk = Data(count: 64 * 1024)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        try? handle.close()
    }

    func freeSpace() throws {
        try FileManager.default.removeItem(atPath: path + "/filler")
    }

    func remount(readOnly: Bool) throws {
        try Self.run("/bin/mount", ["-o", readOnly ? "remount,ro" : "remount,rw", path])
    }

    func unmount() {
        try? Self.run("/bin/umount", ["-l", path])
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw MountFailed(command: ([tool] + arguments).joined(separator: " ")) }
    }

    struct MountFailed: Error {
        let command: String
    }
}
