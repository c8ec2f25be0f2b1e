import Foundation
import Store
import TelegramDouble
import Testing

/// How the real binary starts, fails and stops.
@Suite(.serialized) struct LifecycleTests {
    @Test func sigtermDuringALongPollExitsCleanlyAndQuickly() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        double.maxLongPoll = 25
        let bot = try KeneshProcess(runIn: folder, double: double, pollTimeout: 25)
        #expect(double.waitUntil { !$0.requests(method: "getUpdates").isEmpty })
        usleep(200_000)
        let asked = Date()
        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(Date().timeIntervalSince(asked) < 10)
        #expect(bot.process.terminationStatus == 0)
        #expect(bot.process.terminationReason == .exit)
    }

    @Test func aRefusedTokenStopsWithOneClearLine() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let wrong = "42:definitely-not-the-token"
        let bot = try KeneshProcess(runIn: folder, double: double, token: wrong)
        #expect(bot.waitForExit(timeout: 10))
        #expect(bot.process.terminationStatus != 0)
        let lastLine = bot.log.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("kenesh: Telegram refused the bot token (401"))
        #expect(!bot.log.contains(wrong))
    }

    @Test func anUnreachableAPIIsRetriedNotFatal() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        double.injectFault(.serverError(502), method: "deleteWebhook", count: 2)
        double.injectFault(.closeWithoutResponse, method: "getUpdates", count: 1)
        double.injectFault(.html(status: 200), method: "getUpdates", count: 1)
        double.injectFault(.status(409, body: #"{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}"#),
                           method: "getUpdates", count: 1)
        let code = try KeneshProcess.invite(data: folder, role: "coordinator")
        double.enqueueMessage(from: 990001, text: "/start \(code)")
        let bot = try KeneshProcess(runIn: folder, double: double)
        #expect(double.waitUntil(timeout: 40) { !$0.sentTexts(to: 990001).isEmpty }, "the bot gave up on a flaky API")
        #expect(bot.process.isRunning)
        bot.terminate()
        #expect(bot.waitForExit(timeout: 10))
        #expect(bot.process.terminationStatus == 0)
        #expect(bot.log.contains("409"))
    }

    @Test func badSettingsGetOneLineAndANonZeroExit() throws {
        let folder = try TemporaryFolder()
        let tokenFile = folder.url.appendingPathComponent("t")
        try Data("not a token".utf8).write(to: tokenFile)
        let cases: [[String]] = [
            ["run", "--data", folder.dataPath, "--dialogs", folder.url.path],
            ["run", "--data", folder.dataPath, "--dialogs", folder.url.path, "--token-file", tokenFile.path],
            ["run", "--data", folder.dataPath, "--dialogs", folder.url.appendingPathComponent("nope").path, "--token-file", tokenFile.path],
            ["run", "--data", folder.dataPath, "--dialogs", folder.url.path, "--token-file", "/nonexistent/token"],
            ["run", "--poll-timeout", "abc"],
            ["run", "--send-workers", "0"],
            ["run", "--send-workers", "17"],
            ["run", "--no-such-flag"],
            ["invite", "--data", folder.dataPath, "--role", "boss"],
            ["invite", "--data", folder.dataPath, "--role", "leader", "--mentor", "nobody"],
        ]
        for arguments in cases {
            let result = try KeneshProcess.command(arguments)
            #expect(result.status != 0, "\(arguments) succeeded")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments) printed \(lines.count) lines")
            #expect(lines.first?.hasPrefix("kenesh: ") == true)
            #expect(!result.stderr.contains("not a token"))
        }
    }
}
