import ArgumentParser
import Foundation
import Store

/// `kenesh status`: a health check for people and for monitoring (systemd timers, cron, scripts).
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show whether the bot is polling, the outbox, who is enrolled, and the database size.",
        discussion: """
            Prints one `key: value` per line. Only reads, so it works while `kenesh run` runs on the same data folder.
            Exits 0 when the last successful poll is at most --max-poll-age seconds old, 1 when it is older or there \
            never was one (with the reason as the last line on stderr), 2 when the data folder holds no database.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .customLong("max-poll-age"), help: ArgumentHelp("Oldest last successful poll that counts as healthy.", valueName: "SECONDS"))
    var maxPollAge: Int = 300

    func validate() throws {
        guard maxPollAge > 0 else {
            throw ValidationError("--max-poll-age must be a positive number of seconds, got \(maxPollAge)")
        }
    }

    func run() throws {
        let folder = dataOptions.dataFolder
        // Opening the store would create an empty database (and the folder): a typo in --data
        // must not look like a bot that never polled.
        let file = folder.appendingPathComponent(AppDatabase.fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            printError("kenesh: no database in \(folder.path) (no \(AppDatabase.fileName)): check --data or KENESH_DATA")
            throw ExitCode(2)
        }
        let database = try StoreOpener.open(folder)
        let now = Date()
        let report = try database.writer.read { db in try HealthReport.read(in: db, now: now) }
        for line in HealthReportText.lines(report) {
            print(line)
        }
        if let warning = HealthReportText.stalePollWarning(report, maxPollAge: maxPollAge) {
            printError("kenesh: \(warning)")
            throw ExitCode(1)
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
