import ArgumentParser
import Dialogs
import Foundation
import Reports
import Store

/// `kenesh report`: the bot's summaries, exports and reports from the command line.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Indicators and exports for a period: text, csv, json or html.",
        discussion: """
            Without --period, --from or --to the report covers all time. Periods: 2026-11 (a month), 2026-Q4 (a quarter), \
            2026 (a year), last30 (the last 30 days), 2026-01-01..2026-03-31; days are local (--timezone).
            csv to stdout prints the tidy answers file only; with --out it writes the ZIP that /export sends \
            (answers.csv, one wide file per dialog, indicators.csv). Only reads the data (and records the access \
            in the audit log), so it works while `kenesh run` runs on the same folder.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: ArgumentHelp("Folder of dialog files, for option names (env KENESH_DIALOGS; default ./dialogs if present).", valueName: "DIR"))
    var dialogs: String?

    @Option(help: ArgumentHelp("A period: 2026-11, 2026-Q4, 2026, last30 or FROM..TO.", valueName: "P"))
    var period: String?

    @Option(help: ArgumentHelp("First day included.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day included.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: "text, csv, json or html.")
    var format: String = "text"

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "FILE"))
    var out: String?

    @Option(help: "ru, ky or en.")
    var lang: String = "ru"

    @Option(name: .customLong("section"), help: ArgumentHelp("text only: mentorship, monitoring or ccm (repeatable; default all).", valueName: "S"))
    var sections: [String] = []

    @Option(name: .customLong("dialog"), help: ArgumentHelp("csv only: export this dialog id (repeatable; default all).", valueName: "ID"))
    var dialogIds: [String] = []

    @Option(name: .customLong("small-numbers"), help: ArgumentHelp("Counts below this show as \"<N\" in city breakdowns.", valueName: "N"))
    var smallNumbers: Int = 3

    @Option(help: ArgumentHelp("IANA time zone of the periods (env KENESH_TIMEZONE; default Asia/Bishkek).", valueName: "ZONE"))
    var timezone: String?

    func validate() throws {
        guard Reporter.Format(rawValue: format) != nil else { throw ValidationError("--format must be text, csv, json or html, got \(format)") }
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be ru, ky or en, got \(lang)") }
        if period != nil, from != nil || to != nil { throw ValidationError("use either --period or --from/--to, not both") }
        guard smallNumbers >= 1 else { throw ValidationError("--small-numbers must be at least 1, got \(smallNumbers)") }
    }

    func run() throws {
        let folder = dataOptions.dataFolder
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(AppDatabase.fileName).path) else {
            throw SettingError("no database in \(folder.path): check --data or KENESH_DATA")
        }
        let zoneName = Setting.resolve(timezone, environment: "KENESH_TIMEZONE", default: "Asia/Bishkek")!
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw SettingError("unknown time zone \(zoneName) (--timezone or KENESH_TIMEZONE): use an IANA name such as Asia/Bishkek")
        }
        let now = Date()
        let options = ReportOptions(catalog: try loadCatalog(), timeZone: timeZone, language: Language(rawValue: lang) ?? .ru,
                                    smallNumbers: SmallNumbers(threshold: smallNumbers), now: now)
        do {
            let chosen = try period.map { try ReportPeriod.parse($0, now: now, timeZone: timeZone) }
                ?? ReportPeriod.between(from: from, to: to, timeZone: timeZone)
            let chosenSections = try sections.isEmpty ? ReportSection.allCases : sections.map(ReportSection.parse)
            let reporter = Reporter(database: try StoreOpener.open(folder), options: options)
            try ReportOutput.write(to: out) { handle in
                try produce(reporter, period: chosen, sections: chosenSections, to: handle)
            }
        } catch let error as ReportError {
            throw SettingError(error.description)
        }
    }

    private func produce(_ reporter: Reporter, period: ReportPeriod, sections: [ReportSection], to handle: FileHandle) throws {
        let dialogs = dialogIds.isEmpty ? nil : dialogIds
        switch Reporter.Format(rawValue: format) ?? .text {
        case .text:
            let text = try reporter.summary(sections: sections, period: period, actor: "cli", markup: .plain)
            try handle.write(contentsOf: Data((text + "\n").utf8))
        case .html:
            try handle.write(contentsOf: Data(try reporter.html(period: period, actor: "cli").utf8))
        case .json:
            try reporter.writeJSON(period: period, actor: "cli", to: handle)
        case .csv where out == nil:
            try reporter.writeAnswersCSV(period: period, dialogs: dialogs, actor: "cli", to: handle)
        case .csv:
            try reporter.writeExportArchive(period: period, dialogs: dialogs, actor: "cli", to: handle)
        }
    }

    /// The dialog files are only for names: a missing default folder is fine, a missing --dialogs is not.
    private func loadCatalog() throws -> DialogCatalog? {
        let explicit = Setting.resolve(dialogs, environment: "KENESH_DIALOGS")
        let path = explicit ?? "dialogs"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if explicit != nil { throw SettingError("the dialogs folder \(path) does not exist (--dialogs or KENESH_DIALOGS)") }
            return nil
        }
        let (catalog, diagnostics) = DialogCatalog.load(directory: URL(fileURLWithPath: path))
        let errors = diagnostics.filter(\.isError).count
        if errors > 0 {
            FileHandle.standardError.write(Data("kenesh: note: \(errors) problem(s) in the dialog files in \(path); those dialogs are named from stored versions\n".utf8))
        }
        return catalog
    }
}

/// Where a report goes: stdout, or a file that appears only once the report is complete (written
/// beside it under a temporary name, then renamed), so a failure never leaves a half or empty report.
enum ReportOutput {
    static func write(to path: String?, _ body: (FileHandle) throws -> Void) throws {
        guard let path else { return try body(FileHandle.standardOutput) }
        let target = URL(fileURLWithPath: path)
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        // Exports hold what people answered: readable by the owner only.
        guard FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw SettingError("cannot write \(path): check that its folder exists and is writable")
        }
        do {
            let handle = try FileHandle(forWritingTo: partial)
            defer { try? handle.close() }
            try body(handle)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        if rename(partial.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: partial)
            throw SettingError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
