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

    func validate() throws {
        guard (1...50).contains(pollTimeout) else {
            throw ValidationError("--poll-timeout must be between 1 and 50 seconds, got \(pollTimeout)")
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
        let token = try TokenSource.load(tokenFile: tokenFile)
        let library = try DialogLoading.load(dialogsPath)

        LogSetup.bootstrap(level: level)
        let logger = Logger(label: "kenesh")
        let database = try StoreOpener.open(dataOptions.dataFolder)

        let settings = BotSettings(api: BotAPIConfiguration(baseURL: apiURL, token: token), pollTimeout: pollTimeout,
                                   timeZone: timeZone)
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
