import Foundation
import TelegramDouble

/// The real `kenesh` binary, built next to the test bundle, run as a child process.
final class KeneshProcess {
    static var executable: URL {
        // The test bundle and the kenesh executable are built into the same products folder.
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("kenesh")
    }

    let process = Process()
    let logFile: URL

    /// Starts `kenesh run` against `double`, with its data in `folder`.
    /// `dialogs` defaults to an empty folder: the spine's tests run without any dialog.
    init(runIn folder: TemporaryFolder, double: BotAPIDouble, token: String? = nil, pollTimeout: Int = 1,
         dialogs: URL? = nil, extraEnvironment: [String: String] = [:], logName: String = "bot") throws {
        let tokenFile = folder.url.appendingPathComponent("bot.token")
        try Data("  \(token ?? double.token)\n".utf8).write(to: tokenFile)
        let emptyDialogs = folder.url.appendingPathComponent("dialogs")
        try FileManager.default.createDirectory(at: emptyDialogs, withIntermediateDirectories: true)
        let dialogs = dialogs ?? emptyDialogs
        logFile = folder.url.appendingPathComponent("\(logName)-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)

        process.executableURL = Self.executable
        process.arguments = [
            "run", "--data", folder.dataPath, "--dialogs", dialogs.path, "--api-url", double.baseURL,
            "--token-file", tokenFile.path, "--poll-timeout", String(pollTimeout), "--log-level", "debug",
        ]
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("KENESH_") { environment[key] = nil }
        environment.merge(extraEnvironment) { $1 }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
    }

    var log: String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    func terminate() {
        kill(process.processIdentifier, SIGTERM)
    }

    /// Waits for the process to end; false if it is still running after `timeout` seconds.
    @discardableResult
    func waitForExit(timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { return false }
        process.waitUntilExit()
        return true
    }

    var wasKilled: Bool {
        process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Runs a one-shot kenesh command and returns (exit status, stdout, stderr).
    static func command(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("KENESH_") { environment[key] = nil }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// `kenesh invite`, returning the code (the last line of stdout).
    static func invite(data folder: TemporaryFolder, role: String, alias: String? = nil) throws -> String {
        var arguments = ["invite", "--data", folder.dataPath, "--role", role]
        if let alias { arguments += ["--alias", alias] }
        let result = try command(arguments)
        guard result.status == 0, let code = result.stdout.split(separator: "\n").last else {
            throw InviteFailed(status: result.status, stderr: result.stderr)
        }
        return String(code)
    }

    struct InviteFailed: Error {
        let status: Int32
        let stderr: String
    }
}

extension TemporaryFolder {
    var dataPath: String { url.appendingPathComponent("data").path }
    var dataURL: URL { url.appendingPathComponent("data") }

    /// Every byte of every file in the data folder.
    func dataBytes() throws -> Data {
        var data = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: dataPath).sorted() {
            data.append(try Data(contentsOf: dataURL.appendingPathComponent(name)))
        }
        return data
    }
}
