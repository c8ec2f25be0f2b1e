import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// `kenesh status` through the real binary: its output, its exit codes, and beside a running bot.
@Suite(.serialized) struct StatusCommandTests {
    private func database(in folder: TemporaryFolder, lastPoll: Date?) throws {
        let database = try AppDatabase(folder: folder.dataURL)
        try database.writer.write { db in
            var leader = Person(telegramUserId: 880001, alias: nil, role: .leader, createdAt: Date())
            try leader.insert(db)
            var gone = Person(telegramUserId: 880002, alias: nil, role: .monitor, active: false, createdAt: Date())
            try gone.insert(db)
            if let lastPoll { try BotState.setLastPollAt(lastPoll, in: db) }
        }
    }

    private func value(_ key: String, in stdout: String) -> String? {
        stdout.split(separator: "\n").first { $0.hasPrefix("\(key): ") }.map { String($0.dropFirst(key.count + 2)) }
    }

    @Test func aRecentPollExitsZeroAndPrintsEveryLine() throws {
        let folder = try TemporaryFolder()
        try database(in: folder, lastPoll: Date().addingTimeInterval(-5))
        let result = try KeneshProcess.command(["status", "--data", folder.dataPath])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let keys = result.stdout.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
        #expect(keys == ["last_poll", "outbox_pending", "outbox_failed", "due_jobs", "people_leader", "people_mentor",
                         "people_monitor", "people_coordinator", "database_size"])
        #expect(value("last_poll", in: result.stdout)?.hasSuffix("s ago)") == true)
        #expect(value("outbox_pending", in: result.stdout) == "0")
        #expect(value("people_leader", in: result.stdout) == "1 active, 0 inactive")
        #expect(value("people_monitor", in: result.stdout) == "0 active, 1 inactive")
        #expect(value("database_size", in: result.stdout)?.contains(" bytes: main file ") == true)
    }

    @Test func anOldPollExitsOneAndSaysWhyOnStderr() throws {
        let folder = try TemporaryFolder()
        try database(in: folder, lastPoll: Date().addingTimeInterval(-400))
        let result = try KeneshProcess.command(["status", "--data", folder.dataPath])
        #expect(result.status == 1)
        #expect(value("people_leader", in: result.stdout) == "1 active, 0 inactive")
        let lastLine = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("kenesh: the last successful poll was 40"))
        #expect(lastLine.hasSuffix(" s ago (limit 300 s)"))

        let lenient = try KeneshProcess.command(["status", "--data", folder.dataPath, "--max-poll-age", "3600"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.isEmpty)
    }

    @Test func aBotThatNeverPolledExitsOne() throws {
        let folder = try TemporaryFolder()
        try database(in: folder, lastPoll: nil)
        let result = try KeneshProcess.command(["status", "--data", folder.dataPath])
        #expect(result.status == 1)
        #expect(value("last_poll", in: result.stdout) == "never")
        #expect(result.stderr == "kenesh: no successful poll has ever been recorded (limit 300 s)\n")
    }

    @Test func aFolderWithoutADatabaseExitsTwoAndCreatesNothing() throws {
        let folder = try TemporaryFolder()
        let missing = try KeneshProcess.command(["status", "--data", folder.dataPath])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.contains("no database in \(folder.dataPath)"))
        #expect(!FileManager.default.fileExists(atPath: folder.dataPath))

        try FileManager.default.createDirectory(at: folder.dataURL, withIntermediateDirectories: true)
        let empty = try KeneshProcess.command(["status", "--data", folder.dataPath])
        #expect(empty.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.dataPath).isEmpty)
    }

    @Test func aBadMaxPollAgeIsRefused() throws {
        let folder = try TemporaryFolder()
        try database(in: folder, lastPoll: Date())
        let result = try KeneshProcess.command(["status", "--data", folder.dataPath, "--max-poll-age", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--max-poll-age"))
    }

    @Test func worksWhileTheBotRunsOnTheSameFolder() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let bot = try KeneshProcess(runIn: folder, double: double)
        #expect(double.waitUntil { $0.requests(method: "getUpdates").count >= 2 }, "the bot never finished a poll")

        let result = try KeneshProcess.command(["status", "--data", folder.dataPath])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(value("last_poll", in: result.stdout) != "never")
        #expect(bot.process.isRunning)

        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(bot.process.terminationStatus == 0)
    }
}
