import Foundation
import GRDB

/// What `kenesh status` reports: is the bot polling, is the outbox draining, who is enrolled, how big is the file.
public struct HealthReport: Sendable, Equatable {
    /// Enrolled people of one role, split by whether the bot can still reach them.
    public struct Headcount: Sendable, Equatable {
        public var active: Int
        public var inactive: Int

        public init(active: Int = 0, inactive: Int = 0) {
            self.active = active
            self.inactive = inactive
        }
    }

    public var checkedAt: Date
    /// The end of the last getUpdates that succeeded, nil if there never was one.
    public var lastPollAt: Date?
    public var pendingOutbox: Int
    public var failedOutbox: Int
    /// Work the bot owes now: dialog invitations waiting to start, and unfinished dialogs whose
    /// reminder or closing time has passed. Stays above zero while the bot is down or in quiet hours.
    public var dueJobs: Int = 0
    /// Every role, zero counts included.
    public var people: [Role: Headcount]
    public var databaseFileBytes: Int64
    /// Committed changes not yet checkpointed into the main file.
    public var walFileBytes: Int64

    public init(checkedAt: Date, lastPollAt: Date?, pendingOutbox: Int, failedOutbox: Int,
                people: [Role: Headcount], databaseFileBytes: Int64, walFileBytes: Int64) {
        self.checkedAt = checkedAt
        self.lastPollAt = lastPollAt
        self.pendingOutbox = pendingOutbox
        self.failedOutbox = failedOutbox
        self.people = people
        self.databaseFileBytes = databaseFileBytes
        self.walFileBytes = walFileBytes
    }

    public var databaseBytes: Int64 { databaseFileBytes + walFileBytes }

    /// Whole seconds since the last good poll (never negative), nil if there never was one.
    public var pollAge: Int? {
        lastPollAt.map { max(0, Int(checkedAt.timeIntervalSince($0).rounded(.down))) }
    }

    /// Whether the bot polled successfully within `maxPollAge` seconds.
    public func isPolling(withinSeconds maxPollAge: Int) -> Bool {
        pollAge.map { $0 <= maxPollAge } ?? false
    }

    /// Reads everything in one snapshot. Only reads, so it runs beside a working bot.
    public static func read(in db: Database, now: Date) throws -> HealthReport {
        var people = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, Headcount()) })
        let rows = try Row.fetchAll(db, sql: "SELECT role, active, COUNT(*) AS count FROM person GROUP BY role, active")
        for row in rows {
            // A role written by a newer version of kenesh is not one this one can name.
            let roleName: String = row["role"]
            guard let role = Role(rawValue: roleName) else { continue }
            let count: Int = row["count"]
            let active: Bool = row["active"]
            if active {
                people[role, default: Headcount()].active += count
            } else {
                people[role, default: Headcount()].inactive += count
            }
        }
        let mainPath = try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'") ?? ""
        let dueJobs = try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM pendingInvitation)
                 + (SELECT COUNT(*) FROM conversation WHERE status = 'active' AND nextDeadline <= ?)
            """, arguments: [now]) ?? 0
        var report = HealthReport(
            checkedAt: now,
            lastPollAt: try BotState.lastPollAt(in: db),
            pendingOutbox: try OutboxMessage.count(.pending, in: db),
            failedOutbox: try OutboxMessage.count(.failed, in: db),
            people: people,
            databaseFileBytes: fileSize(mainPath),
            walFileBytes: fileSize(mainPath + "-wal")
        )
        report.dueJobs = dueJobs
        return report
    }

    /// The size of a file, 0 when there is none (an in-memory database, or no WAL yet).
    private static func fileSize(_ path: String) -> Int64 {
        guard !path.isEmpty, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber
        else { return 0 }
        return size.int64Value
    }
}
