import ArgumentParser
import Foundation
import Store

/// `kenesh audit`: who looked at or exported data, and when.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List recorded access to data (summaries, exports, reports, people lists, invites), newest first."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "How many entries to show.")
    var limit: Int = 100

    @Option(help: ArgumentHelp("Only entries on or after this day (YYYY-MM-DD, UTC).", valueName: "DATE"))
    var since: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive, got \(limit)") }
        if let since, Self.day(since) == nil {
            throw ValidationError("--since must be a date as YYYY-MM-DD, got \(since)")
        }
    }

    func run() throws {
        let folder = dataOptions.dataFolder
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(AppDatabase.fileName).path) else {
            throw SettingError("no database in \(folder.path): check --data or KENESH_DATA")
        }
        let database = try StoreOpener.open(folder)
        let entries = try database.writer.read { db in
            try AuditEntry.recent(limit: limit, since: since.flatMap(Self.day), in: db)
        }
        let formatter = ISO8601DateFormatter()
        for entry in entries {
            print([formatter.string(from: entry.at), entry.actor, entry.action, entry.detail ?? ""].joined(separator: "\t"))
        }
        if entries.isEmpty {
            FileHandle.standardError.write(Data("kenesh: no audit entries\n".utf8))
        }
    }

    private static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
