import Bot
import Foundation
import GRDB
import Store
import TelegramDouble
import Testing

/// The real binary, killed with SIGKILL after a reminder went out and restarted on the same data
/// folder: the reminder is not sent again.
@Suite(.serialized) struct SchedulingRestartTests {
    @Test func aReminderIsSentOnceAcrossAKillAndARestart() throws {
        let folder = try TemporaryFolder()
        let double = try BotAPIDouble()
        let database = try AppDatabase(folder: folder.dataURL)
        let people: [Int64] = [7_700_001, 7_700_002]
        let now = Date()
        try database.writer.write { db in
            for (userId, role) in zip(people, [Role.leader, .coordinator]) {
                var person = Person(telegramUserId: userId, alias: "R\(userId)", role: role, createdAt: now.addingTimeInterval(-86400))
                person.consentedAt = now.addingTimeInterval(-86400)
                try person.insert(db)
            }
            // An hour from now: every reminder (72h, 24h, 2h) is overdue; one goes.
            var meeting = Meeting(title: "Заседание СКК", kind: .plenary, place: nil, startsAt: now.addingTimeInterval(3600),
                                  durationMinutes: 120, createdAt: now)
            try meeting.insert(db)
        }
        func pending() -> Int? {
            try? database.writer.read { db in try OutboxMessage.filter(Column("status") == "pending").fetchCount(db) }
        }

        let first = try KeneshProcess(runIn: folder, double: double, extraEnvironment: ["KENESH_QUIET_HOURS": "off"])
        let reminded = double.waitUntil(timeout: 20) { d in
            people.allSatisfy { d.sentTexts(to: $0).count == 1 } && pending() == 0
        }
        #expect(reminded, "the reminders did not go out")
        kill(first.process.processIdentifier, SIGKILL)
        #expect(first.waitForExit(timeout: 10))
        #expect(first.wasKilled)

        let polledBefore = double.requests(method: "getUpdates").count
        let second = try KeneshProcess(runIn: folder, double: double, extraEnvironment: ["KENESH_QUIET_HOURS": "off"],
                                       logName: "restarted")
        // Each poll loop (1 s long-poll here) runs the scheduler once.
        #expect(double.waitUntil(timeout: 20) { d in d.requests(method: "getUpdates").count >= polledBefore + 5 })
        for userId in people {
            #expect(double.sentTexts(to: userId).count == 1, "chat \(userId) got the reminder again")
        }
        let rows = try database.writer.read { db in try MeetingReminder.fetchCount(db) }
        #expect(rows == 2)
        second.terminate()
        #expect(second.waitForExit(timeout: 10))
        #expect(second.process.terminationStatus == 0)
        for log in [first.log, second.log] {
            #expect(!log.contains("Заседание"), "a meeting title reached the log")
            #expect(!people.contains { log.contains(String($0)) }, "a user id reached the log")
        }
    }
}
