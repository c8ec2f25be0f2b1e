import ArgumentParser
import Bot
import Dialogs
import Foundation
import Logging
import Store
import Telegram

/// `kenesh run`: the long-running bot.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the bot until SIGTERM or SIGINT.")

    @OptionGroup var dataOptions: DataOptions

    @Option(help: ArgumentHelp("Folder of dialog files (env KENESH_DIALOGS; default ./dialogs).", valueName: "DIR"))
    var dialogs: String?

    @Option(name: .customLong("api-url"), help: ArgumentHelp("Bot API base URL (env KENESH_API_URL; default \(BotAPIConfiguration.telegramURL)).", valueName: "URL"))
    var apiURL: String?

    @Option(name: .customLong("token-file"), help: ArgumentHelp("File holding the bot token (env KENESH_TOKEN_FILE, or the token itself in KENESH_TOKEN).", valueName: "FILE"))
    var tokenFile: String?

    @Option(name: .customLong("poll-timeout"), help: ArgumentHelp("getUpdates long-poll timeout in seconds (1-50).", valueName: "SECONDS"))
    var pollTimeout: Int = 30

    @Option(help: ArgumentHelp("IANA time zone people live in (env KENESH_TIMEZONE; default Asia/Bishkek).", valueName: "ZONE"))
    var timezone: String?

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (env KENESH_LOG_LEVEL; default info).", valueName: "LEVEL"))
    var logLevel: String?

    @OptionGroup var schedule: ScheduleOptions

    @Option(name: .customLong("send-rate"), help: ArgumentHelp("Most messages per second overall (env KENESH_SEND_RATE; default 30, Telegram's limit).", valueName: "N"))
    var sendRate: Int?

    @Option(name: .customLong("chat-rate"), help: ArgumentHelp("Most messages per second to one chat after a burst of 3 (env KENESH_CHAT_RATE; default 1, Telegram's limit).", valueName: "N"))
    var chatRate: Double?

    @Option(name: .customLong("send-workers"), help: ArgumentHelp("Messages in flight to Telegram at once, each to a different person, 1-16 (env KENESH_SEND_WORKERS; default 1); button answers and edits go alongside. Above 1, a crash can repeat up to this many messages, never two to one person.", valueName: "N"))
    var sendWorkers: Int?

    func validate() throws {
        guard (1...50).contains(pollTimeout) else {
            throw ValidationError("--poll-timeout must be between 1 and 50 seconds, got \(pollTimeout)")
        }
        if let sendWorkers, !BotSettings.sendWorkerRange.contains(sendWorkers) {
            let range = BotSettings.sendWorkerRange
            throw ValidationError("--send-workers must be between \(range.lowerBound) and \(range.upperBound), got \(sendWorkers)")
        }
    }

    func run() throws {
        let level = try LogSetup.level(from: Setting.resolve(logLevel, environment: "KENESH_LOG_LEVEL", default: "info")!)
        let apiURL = Setting.resolve(apiURL, environment: "KENESH_API_URL", default: BotAPIConfiguration.telegramURL)!
        guard let url = URL(string: apiURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw SettingError("the API URL \(apiURL) is not an http:// or https:// URL (--api-url or KENESH_API_URL)")
        }
        let dialogsPath = Setting.resolve(dialogs, environment: "KENESH_DIALOGS", default: "dialogs")!
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dialogsPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SettingError("the dialogs folder \(dialogsPath) does not exist (--dialogs or KENESH_DIALOGS)")
        }
        let zoneName = Setting.resolve(timezone, environment: "KENESH_TIMEZONE", default: "Asia/Bishkek")!
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw SettingError("unknown time zone \(zoneName) (--timezone or KENESH_TIMEZONE): use an IANA name such as Asia/Bishkek")
        }
        let schedule = try self.schedule.resolve()
        let token = try TokenSource.load(tokenFile: tokenFile)
        let library = try DialogLoading.load(dialogsPath)

        LogSetup.bootstrap(level: level)
        let logger = Logger(label: "kenesh")
        let database = try StoreOpener.open(dataOptions.dataFolder)

        let pacing = try PacingOptions.resolve(sendRate: sendRate, chatRate: chatRate)
        let workers = try SendWorkersOption.resolve(sendWorkers)
        let settings = BotSettings(api: BotAPIConfiguration(baseURL: apiURL, token: token), pollTimeout: pollTimeout,
                                   timeZone: timeZone, pacing: pacing, schedule: schedule, sendWorkers: workers)
        let runner = BotRunner(database: database, settings: settings, library: library, logger: logger)
        let signalSources = SignalHandling.onTermination { runner.stop() }
        let outcome = runner.run()
        withExtendedLifetime(signalSources) {}

        switch outcome {
        case .stopped:
            return
        case .unauthorized:
            throw SettingError("Telegram refused the bot token (401 Unauthorized): check --token-file or KENESH_TOKEN")
        case .couldNotStart(let reason):
            throw SettingError("could not start: \(reason)")
        }
    }
}

/// Telegram's limits by default; raised only for a bot Telegram allows more, or for benchmarks.
enum PacingOptions {
    static func resolve(sendRate: Int?, chatRate: Double?,
                        environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> SendRateLimiter {
        let overall = try sendRate ?? env["KENESH_SEND_RATE"].map { text in
            guard let value = Int(text) else { throw SettingError("KENESH_SEND_RATE must be a whole number, got \(text)") }
            return value
        } ?? 30
        let perChat = try chatRate ?? env["KENESH_CHAT_RATE"].map { text in
            guard let value = Double(text) else { throw SettingError("KENESH_CHAT_RATE must be a number, got \(text)") }
            return value
        } ?? 1
        guard overall >= 1 else { throw SettingError("--send-rate (or KENESH_SEND_RATE) must be at least 1, got \(overall)") }
        guard perChat > 0, perChat.isFinite else {
            throw SettingError("--chat-rate (or KENESH_CHAT_RATE) must be a positive number, got \(perChat)")
        }
        return SendRateLimiter(perChatInterval: 1 / perChat, perChatBurst: 3, globalPerSecond: overall)
    }
}

/// How many outbox workers send at once; one unless asked.
enum SendWorkersOption {
    static func resolve(_ flag: Int?, environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        let range = BotSettings.sendWorkerRange
        let value = try flag ?? env["KENESH_SEND_WORKERS"].map { text in
            guard let value = Int(text) else { throw SettingError("KENESH_SEND_WORKERS must be a whole number, got \(text)") }
            return value
        } ?? 1
        guard range.contains(value) else {
            throw SettingError("--send-workers (or KENESH_SEND_WORKERS) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }
}

/// Loads the dialog files; any error stops the bot before it talks to anyone.
enum DialogLoading {
    static func load(_ path: String) throws -> DialogLibrary {
        let (catalog, diagnostics) = DialogCatalog.load(directory: URL(fileURLWithPath: path))
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
        let errors = diagnostics.filter(\.isError).count
        if errors > 0 {
            throw SettingError("\(errors) problem(s) in the dialog files in \(path), listed above; fix them (kenesh validate \(path)) and start again")
        }
        return DialogLibrary(catalog: catalog)
    }
}

/// Opens the store with a one-line error a person can act on.
enum StoreOpener {
    static func open(_ folder: URL) throws -> AppDatabase {
        do {
            return try AppDatabase(folder: folder)
        } catch let error as StoreError {
            throw SettingError(error.description)
        } catch {
            throw SettingError("cannot open the database in \(folder.path): \(error.localizedDescription)")
        }
    }
}

/// SIGTERM and SIGINT ask the bot to stop gracefully instead of killing it mid-update.
enum SignalHandling {
    static func onTermination(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}

/// Log lines go to stderr; they never carry message text, answers, names or the token.
enum LogSetup {
    static func level(from name: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            throw SettingError("unknown log level \(name): use trace, debug, info, notice, warning, error or critical")
        }
        return level
    }

    static func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// `kenesh run`'s schedule options: each a flag, then an environment variable, then a default.
///
/// | flag | environment | default | meaning |
/// |---|---|---|---|
/// | `--quiet-hours HH:MM-HH:MM\|off` | `KENESH_QUIET_HOURS` | `21:00-09:00` | no proactive message in these local hours; what falls inside waits for their end |
/// | `--checkin-every-days N` | `KENESH_CHECKIN_EVERY_DAYS` | `14` | each leader gets the check-in N days after their last invitation to it (1-365) |
/// | `--checkin-time HH:MM` | `KENESH_CHECKIN_TIME` | `11:00` | local time the check-in invitations go out |
/// | `--monitoring-day D` | `KENESH_MONITORING_DAY` | `1` | day of the month monitors get the monitoring report (1-31; the last day in shorter months) |
/// | `--monitoring-time HH:MM` | `KENESH_MONITORING_TIME` | `11:00` | local time the monitoring invitations go out |
/// | `--meeting-reminders LIST\|off` | `KENESH_MEETING_REMINDERS` | `72h,24h,2h` | reminders before each CCM meeting (units d, h, m) |
/// | `--meeting-length DURATION` | `KENESH_MEETING_LENGTH` | `120m` | length of a meeting added with /meeting add (15m-24h) |
/// | `--debrief-after DURATION` | `KENESH_DEBRIEF_AFTER` | `2h` | how long after a meeting ends those who said they would attend get the debrief (0m-7d) |
struct ScheduleOptions: ParsableArguments {
    @Option(name: .customLong("quiet-hours"), help: ArgumentHelp("Local hours with no message sent by the bot itself, or off (env KENESH_QUIET_HOURS; default 21:00-09:00).", valueName: "HH:MM-HH:MM"))
    var quietHours: String?

    @Option(name: .customLong("checkin-every-days"), help: ArgumentHelp("Days between a leader's check-in invitations (env KENESH_CHECKIN_EVERY_DAYS; default 14).", valueName: "N"))
    var checkinEveryDays: String?

    @Option(name: .customLong("checkin-time"), help: ArgumentHelp("Local time check-in invitations go out (env KENESH_CHECKIN_TIME; default 11:00).", valueName: "HH:MM"))
    var checkinTime: String?

    @Option(name: .customLong("monitoring-day"), help: ArgumentHelp("Day of the month monitors are asked for their report, 1-31 (env KENESH_MONITORING_DAY; default 1).", valueName: "DAY"))
    var monitoringDay: String?

    @Option(name: .customLong("monitoring-time"), help: ArgumentHelp("Local time monitoring invitations go out (env KENESH_MONITORING_TIME; default 11:00).", valueName: "HH:MM"))
    var monitoringTime: String?

    @Option(name: .customLong("meeting-reminders"), help: ArgumentHelp("Reminders before a CCM meeting, or off (env KENESH_MEETING_REMINDERS; default 72h,24h,2h).", valueName: "LIST"))
    var meetingReminders: String?

    @Option(name: .customLong("meeting-length"), help: ArgumentHelp("Length of a meeting added with /meeting add (env KENESH_MEETING_LENGTH; default 120m).", valueName: "DURATION"))
    var meetingLength: String?

    @Option(name: .customLong("debrief-after"), help: ArgumentHelp("Time after a meeting ends before the debrief is sent (env KENESH_DEBRIEF_AFTER; default 2h).", valueName: "DURATION"))
    var debriefAfter: String?

    /// The settings, or a `SettingError` naming the option and what it expects.
    func resolve(environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> ScheduleSettings {
        func value(_ flag: String?, _ name: String, _ fallback: String) -> String {
            Setting.resolve(flag, environment: name, default: fallback, environment: env)!
        }
        func parse<T>(_ flag: String?, option: String, environment name: String, default fallback: String,
                      _ parser: (String) throws(ScheduleSettingError) -> T) throws -> T {
            do {
                return try parser(value(flag, name, fallback))
            } catch {
                throw SettingError("--\(option) (or \(name)): \(error.description)")
            }
        }
        var settings = ScheduleSettings()
        settings.quietHours = try parse(quietHours, option: "quiet-hours", environment: "KENESH_QUIET_HOURS", default: "21:00-09:00",
                                        ScheduleSettingParser.quietHours)
        settings.checkinEveryDays = try parse(checkinEveryDays, option: "checkin-every-days", environment: "KENESH_CHECKIN_EVERY_DAYS",
                                              default: "14") { (text: String) throws(ScheduleSettingError) -> Int in
            try ScheduleSettingParser.integer(text, in: 1...365, what: "a whole number of days")
        }
        settings.checkinTime = try parse(checkinTime, option: "checkin-time", environment: "KENESH_CHECKIN_TIME", default: "11:00",
                                         ScheduleSettingParser.timeOfDay)
        settings.monitoringDay = try parse(monitoringDay, option: "monitoring-day", environment: "KENESH_MONITORING_DAY",
                                           default: "1") { (text: String) throws(ScheduleSettingError) -> Int in
            try ScheduleSettingParser.integer(text, in: 1...31, what: "a day of the month")
        }
        settings.monitoringTime = try parse(monitoringTime, option: "monitoring-time", environment: "KENESH_MONITORING_TIME",
                                            default: "11:00", ScheduleSettingParser.timeOfDay)
        settings.meetingReminders = try parse(meetingReminders, option: "meeting-reminders", environment: "KENESH_MEETING_REMINDERS",
                                              default: "72h,24h,2h", ScheduleSettingParser.durationList)
        settings.meetingLength = try parse(meetingLength, option: "meeting-length", environment: "KENESH_MEETING_LENGTH",
                                           default: "120m") { (text: String) throws(ScheduleSettingError) -> TimeInterval in
            try ScheduleSettingParser.duration(text, minimum: 15 * 60, maximum: 24 * 3600)
        }
        settings.debriefDelay = try parse(debriefAfter, option: "debrief-after", environment: "KENESH_DEBRIEF_AFTER",
                                          default: "2h") { (text: String) throws(ScheduleSettingError) -> TimeInterval in
            try ScheduleSettingParser.duration(text, minimum: 0, maximum: 7 * 86400)
        }
        return settings
    }
}
