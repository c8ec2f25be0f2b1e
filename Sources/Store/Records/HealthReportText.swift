import Foundation

/// `kenesh status` output: one `key: value` per line, keys fixed for scripts, values plain for people.
public enum HealthReportText {
    public static func lines(_ report: HealthReport) -> [String] {
        var lines = ["last_poll: \(lastPoll(report))"]
        lines.append("outbox_pending: \(report.pendingOutbox)")
        lines.append("outbox_failed: \(report.failedOutbox)")
        lines.append("due_jobs: \(report.dueJobs)")
        for role in Role.allCases {
            let count = report.people[role] ?? HealthReport.Headcount()
            lines.append("people_\(role.rawValue): \(count.active) active, \(count.inactive) inactive")
        }
        lines.append("database_size: \(byteCount(report.databaseBytes)) (\(report.databaseBytes) bytes: "
            + "main file \(report.databaseFileBytes), WAL \(report.walFileBytes))")
        return lines
    }

    /// Why the bot counts as not polling, for stderr; nil when it polled within `maxPollAge` seconds.
    public static func stalePollWarning(_ report: HealthReport, maxPollAge: Int) -> String? {
        if report.isPolling(withinSeconds: maxPollAge) { return nil }
        guard let age = report.pollAge else {
            return "no successful poll has ever been recorded (limit \(maxPollAge) s)"
        }
        return "the last successful poll was \(age) s ago (limit \(maxPollAge) s)"
    }

    private static func lastPoll(_ report: HealthReport) -> String {
        guard let lastPollAt = report.lastPollAt, let age = report.pollAge else { return "never" }
        return "\(ISO8601DateFormatter().string(from: lastPollAt)) (\(age) s ago)"
    }

    /// 1024-based, one decimal above a KiB: "812 B", "4.0 KiB", "1.2 MiB".
    static func byteCount(_ bytes: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }
}
