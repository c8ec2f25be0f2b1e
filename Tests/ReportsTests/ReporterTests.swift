import Foundation
import GRDB
import Store
import Testing
@testable import Reports

@Suite struct ReporterTests {
    @Test func everyReportIsAuditedWithFormatAndPeriodOnly() throws {
        let fixture = try FixtureStore()
        let reporter = Reporter(database: fixture.database, options: fixture.options)
        _ = try reporter.summary(period: fixture.november, actor: "person:1")
        _ = try reporter.html(period: fixture.november, actor: "cli")
        _ = try reporter.mentees(mentorId: fixture.people["Mentor1"]!, actor: "person:2")
        let sink = try TemporaryFolder()
        let file = sink.url.appendingPathComponent("out.json")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try reporter.writeJSON(period: .allTime, actor: "cli", to: handle)
        try handle.close()
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) is [String: Any])

        let entries = try fixture.database.writer.read { db in try AuditEntry.recent(limit: 10, in: db) }
        #expect(Set(entries.map { "\($0.actor) \($0.action) \($0.detail ?? "")" }) == [
            "person:1 report summary 2026-11", "cli report html 2026-11", "person:2 report mentees", "cli report json all",
        ])
    }

    @Test func anAttemptIsAuditedEvenWhenNothingComesOfIt() throws {
        let fixture = try FixtureStore()
        let reporter = Reporter(database: fixture.database, options: fixture.options)
        #expect(throws: ReportError.self) {
            _ = try reporter.summary(sections: [.ccm], period: try ReportPeriod.parse("2027", now: fixture.now), actor: "cli")
        }
        let entries = try fixture.database.writer.read { db in try AuditEntry.recent(limit: 10, in: db) }
        #expect(entries.map { $0.detail } == ["summary 2027"])
    }

    @Test func aSectionWithoutDataIsEmptyEvenIfOthersHaveSome() throws {
        let fixture = try FixtureStore()
        let reporter = Reporter(database: fixture.database, options: fixture.options)
        // December has a check-in and an upcoming meeting, but no monitoring report.
        let december = try ReportPeriod.parse("2026-12", now: fixture.now)
        #expect(throws: ReportError.self) { _ = try reporter.summary(sections: [.monitoring], period: december, actor: "cli") }
        #expect(try reporter.summary(sections: [.mentorship], period: december, actor: "cli").contains("Дневники: 1"))
    }

    @Test func readsWhileTheBotWrites() throws {
        let fixture = try FixtureStore()
        let reporter = Reporter(database: fixture.database, options: fixture.options)
        // A second opener (the running bot) holds a write transaction while the report reads its snapshot.
        let bot = try AppDatabase(folder: fixture.folder.url)
        try bot.writer.write { db in
            try db.execute(sql: "UPDATE person SET lastSeenAt = ? WHERE id = ?", arguments: [Date(), fixture.people["Aigul"]!])
            let html = try fixture.database.writer.read { db in
                try ReportBuilder.indicators(in: db, period: fixture.november, options: fixture.options)
            }
            #expect(html.mentoring.leadersSupported == 2)
        }
        _ = try reporter.html(period: fixture.november, actor: "cli")
    }
}
