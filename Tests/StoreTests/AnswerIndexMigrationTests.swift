import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct AnswerIndexMigrationTests {
    static let v5 = "v5: scheduler: pending invitations, meeting reminders, mentor prompts"

    @Test func aStoreOfVersion5GainsTheIndicatorIndexWithItsAnswersKept() throws {
        let temp = try TemporaryFolder()
        let queue = try DatabaseQueue(path: temp.url.appendingPathComponent("old.sqlite").path)
        try AppDatabase.migrator.migrate(queue, upTo: Self.v5)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO person (telegramUserId, alias, role, createdAt) VALUES (1, 'a', 'leader', '2026-01-01 00:00:00.000');
                INSERT INTO response (personId, dialogId, dialogVersion, status, startedAt, finishedAt)
                VALUES (1, 'mentorship-checkin', 'v', 'complete', '2026-01-01 00:00:00.000', '2026-01-01 00:01:00.000');
                INSERT INTO answer (responseId, personId, dialogId, dialogVersion, stepId, value, answeredAt)
                VALUES (1, 1, 'mentorship-checkin', 'v', 'confidence', '4', '2026-01-01 00:00:30.000');
                """)
        }
        try AppDatabase.migrator.migrate(queue)
        try queue.read { db in
            let columns = try db.indexes(on: "answer").first { $0.name == "answer_by_dialog_step" }?.columns
            #expect(columns == ["dialogId", "stepId", "responseId", "repeatIndex", "value"])
            #expect(try String.fetchOne(db, sql: """
                SELECT value FROM answer WHERE dialogId = 'mentorship-checkin' AND stepId = 'confidence'
                """) == "4")
        }
    }

    @Test func indicatorReadsNeedNothingButTheIndex() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        let plan = try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT responseId, repeatIndex, value FROM answer
                WHERE dialogId = ? AND stepId = ? AND responseId BETWEEN ? AND ?
                """, arguments: ["city-monitoring", "service", 1, 100]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX answer_by_dialog_step") })
    }
}
