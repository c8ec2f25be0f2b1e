import Foundation
import GRDB
import Testing
@testable import Store

/// The numbers behind `kenesh status`, read from a real database, and how they are printed.
@Suite struct HealthTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    private func enrol(_ userId: Int64, _ role: Role, active: Bool = true, in db: Database) throws {
        var person = Person(telegramUserId: userId, alias: nil, role: role, active: active, createdAt: now)
        try person.insert(db)
    }

    private func enqueue(_ chatId: Int64, in db: Database) throws -> Int64 {
        var row = OutboxMessage(chatId: chatId, method: "sendMessage", payload: Data("{}".utf8), createdAt: now)
        try row.insert(db)
        return try #require(row.id)
    }

    private func fileSize(_ url: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    @Test func aNewDatabaseHasNothingToReportButItsSize() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        let report = try database.writer.read { db in try HealthReport.read(in: db, now: now) }
        #expect(report.checkedAt == now)
        #expect(report.lastPollAt == nil)
        #expect(report.pollAge == nil)
        #expect(!report.isPolling(withinSeconds: 300))
        #expect(report.pendingOutbox == 0)
        #expect(report.failedOutbox == 0)
        #expect(report.people == Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, HealthReport.Headcount()) }))
        #expect(report.databaseFileBytes > 0)
    }

    @Test func countsPeopleOutboxAndTheLastPoll() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            try enrol(1, .leader, in: db)
            try enrol(2, .leader, in: db)
            try enrol(3, .leader, active: false, in: db)
            try enrol(4, .mentor, in: db)
            try enrol(5, .monitor, active: false, in: db)
            try enrol(6, .coordinator, in: db)
            _ = try enqueue(1, in: db)
            _ = try enqueue(2, in: db)
            let refused = try enqueue(3, in: db)
            try OutboxMessage.markFailed(id: refused, error: "403", in: db)
            try BotState.setLastPollAt(now.addingTimeInterval(-42.7), in: db)
        }
        let report = try database.writer.read { db in try HealthReport.read(in: db, now: now) }
        #expect(report.lastPollAt == now.addingTimeInterval(-42.7))
        #expect(report.pollAge == 42)
        #expect(report.isPolling(withinSeconds: 42))
        #expect(!report.isPolling(withinSeconds: 41))
        #expect(report.pendingOutbox == 2)
        #expect(report.failedOutbox == 1)
        #expect(report.people[.leader] == HealthReport.Headcount(active: 2, inactive: 1))
        #expect(report.people[.mentor] == HealthReport.Headcount(active: 1, inactive: 0))
        #expect(report.people[.monitor] == HealthReport.Headcount(active: 0, inactive: 1))
        #expect(report.people[.coordinator] == HealthReport.Headcount(active: 1, inactive: 0))
    }

    @Test func theSizeIsTheMainFilePlusTheWAL() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            for chat in Int64(1)...200 { _ = try enqueue(chat, in: db) }
        }
        let file = temp.url.appendingPathComponent(AppDatabase.fileName)
        let report = try database.writer.read { db in try HealthReport.read(in: db, now: now) }
        #expect(report.walFileBytes > 0)
        #expect(report.databaseFileBytes == fileSize(file))
        #expect(report.walFileBytes == fileSize(URL(fileURLWithPath: file.path + "-wal")))
        #expect(report.databaseBytes == report.databaseFileBytes + report.walFileBytes)

        try database.checkpoint()
        let afterCheckpoint = try database.writer.read { db in try HealthReport.read(in: db, now: now) }
        #expect(afterCheckpoint.walFileBytes == 0)
        #expect(afterCheckpoint.databaseFileBytes == fileSize(file))
    }

    @Test func printsOneStableKeyValueLinePerFact() {
        var report = HealthReport(
            checkedAt: now, lastPollAt: now.addingTimeInterval(-42), pendingOutbox: 3, failedOutbox: 1,
            people: [.leader: .init(active: 12, inactive: 1), .mentor: .init(active: 3), .coordinator: .init(active: 2)],
            databaseFileBytes: 1_245_184, walFileBytes: 13_107
        )
        report.dueJobs = 4
        #expect(HealthReportText.lines(report) == [
            "last_poll: 2026-09-21T14:12:38Z (42 s ago)",
            "outbox_pending: 3",
            "outbox_failed: 1",
            "due_jobs: 4",
            "people_leader: 12 active, 1 inactive",
            "people_mentor: 3 active, 0 inactive",
            "people_monitor: 0 active, 0 inactive",
            "people_coordinator: 2 active, 0 inactive",
            "database_size: 1.2 MiB (1258291 bytes: main file 1245184, WAL 13107)",
        ])
        #expect(HealthReportText.stalePollWarning(report, maxPollAge: 300) == nil)
    }

    @Test func aBotThatStoppedPollingOrNeverPolledGetsAWarning() {
        var report = HealthReport(checkedAt: now, lastPollAt: nil, pendingOutbox: 0, failedOutbox: 0,
                                  people: [:], databaseFileBytes: 4096, walFileBytes: 0)
        #expect(HealthReportText.lines(report).first == "last_poll: never")
        #expect(HealthReportText.stalePollWarning(report, maxPollAge: 300) == "no successful poll has ever been recorded (limit 300 s)")

        report.lastPollAt = now.addingTimeInterval(-301)
        #expect(HealthReportText.stalePollWarning(report, maxPollAge: 300) == "the last successful poll was 301 s ago (limit 300 s)")
        report.lastPollAt = now.addingTimeInterval(-300)
        #expect(HealthReportText.stalePollWarning(report, maxPollAge: 300) == nil)
        // A poll stamped a moment in the future (clocks of two processes) counts as just now.
        report.lastPollAt = now.addingTimeInterval(2)
        #expect(report.pollAge == 0)
    }

    @Test func sizesAreReadableByPeople() {
        #expect(HealthReportText.byteCount(0) == "0 B")
        #expect(HealthReportText.byteCount(1023) == "1023 B")
        #expect(HealthReportText.byteCount(1024) == "1.0 KiB")
        #expect(HealthReportText.byteCount(1536) == "1.5 KiB")
        #expect(HealthReportText.byteCount(5 * 1024 * 1024) == "5.0 MiB")
        #expect(HealthReportText.byteCount(3 * 1024 * 1024 * 1024) == "3.0 GiB")
    }

    @Test func dueJobsCountWaitingInvitationsAndPassedDeadlines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenesh-due-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase(folder: folder)
        let count = try database.writer.write { db -> Int in
            var person = Person(telegramUserId: 1, alias: "A", role: .leader, createdAt: now)
            try person.insert(db)
            var late = Conversation(personId: person.id!, dialogId: "d", dialogVersion: "v", state: Data("{}".utf8),
                                    startedAt: now, nextDeadline: now.addingTimeInterval(-60))
            try late.insert(db)
            try db.execute(sql: "UPDATE conversation SET status = 'completed'")
            var due = Conversation(personId: person.id!, dialogId: "d", dialogVersion: "v", state: Data("{}".utf8),
                                   startedAt: now, nextDeadline: now.addingTimeInterval(-1))
            try due.insert(db)
            return try HealthReport.read(in: db, now: now).dueJobs
        }
        #expect(count == 1)
    }
}
