import Foundation

/// The real `kenesh run` as a child process, so its CPU time and memory can be read from /proc
/// apart from the benchmark's own (which hosts the Bot API double).
final class BotProcess {
    let process = Process()
    let logFile: URL

    static var executable: URL {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("kenesh")
    }

    init(data: URL, dialogs: URL, apiURL: String, token: String, extraArguments: [String] = []) throws {
        let tokenFile = data.deletingLastPathComponent().appendingPathComponent("bench.token")
        try Data(token.utf8).write(to: tokenFile)
        logFile = data.deletingLastPathComponent().appendingPathComponent("bot.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = Self.executable
        process.arguments = ["run", "--data", data.path, "--dialogs", dialogs.path, "--api-url", apiURL,
                             "--token-file", tokenFile.path, "--poll-timeout", "5", "--log-level", "warning"] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
    }

    /// User plus system CPU seconds the bot has used so far.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// User plus system CPU seconds this benchmark process (the double and the simulated people) has used:
    /// on a 2-core machine it competes with the bot, so it is printed beside the bot's.
    static var ownCPUSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The bot's peak resident memory (VmHWM), in MB.
    var peakRSSMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return kilobytes / 1024
    }

    func stop() {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
