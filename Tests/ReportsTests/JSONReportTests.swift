import Foundation
import GRDB
import Store
import Testing
@testable import Reports

@Suite struct JSONReportTests {
    @Test func holdsEveryIndicatorAndEveryResponse() throws {
        let fixture = try FixtureStore()
        let data = try fixture.database.writer.write { db in
            try JSONReport.data(in: db, period: fixture.november, options: fixture.options, pseudonym: try ParticipantPseudonym.forStore(db))
        }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? String == "kenesh-report")
        #expect(object["formatVersion"] as? Int == 1)
        let indicatorsData = try JSONSerialization.data(withJSONObject: try #require(object["indicators"]))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let indicators = try decoder.decode(Indicators.self, from: indicatorsData)
        #expect(indicators.ccm.participations == 4)
        #expect(indicators.monitoring.violationsByCity.first?.count == 5)
        #expect(indicators.mentoring.confidence.perLeader.count == 2)

        let responses = try #require(object["responses"] as? [[String: Any]])
        let answers = try #require(object["answers"] as? [[String: Any]])
        let stored = try fixture.database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE finishedAt >= ? AND finishedAt < ?",
                              arguments: [fixture.november.start, fixture.november.end]),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer a JOIN response r ON r.id = a.responseId WHERE r.finishedAt >= ? AND r.finishedAt < ?",
                              arguments: [fixture.november.start, fixture.november.end]))
        }
        #expect(responses.count == stored.0)
        #expect(answers.count == stored.1)
        let r2Id = Int(fixture.responses["R2"]!)
        let r2 = try #require(responses.first { $0["id"] as? Int == r2Id })
        #expect(r2["dialog"] as? String == "mentorship-checkin")
        #expect(r2["city"] as? String == "Бишкек")
        #expect((r2["participant"] as? String)?.hasPrefix("P") == true)
        #expect(r2["finishedAt"] as? String == "2026-11-20T12:00:00+06:00")
        let r2Answers = answers.filter { $0["response"] as? Int == r2Id }
        #expect(r2Answers.first { $0["step"] as? String == "did" }?["value"] as? String == "Выступила, \"смело\"\nи коротко")
        #expect(r2Answers.first?["answeredAt"] as? String == "2026-11-20T11:59:20+06:00")
        #expect(r2Answers.first?["repeat"] is NSNull)
        let m1Id = Int(fixture.responses["M1"]!)
        #expect(answers.contains { $0["response"] as? Int == m1Id && $0["step"] as? String == "v_what" && $0["repeat"] as? Int == 2 })
        let d2 = try #require(responses.first { $0["id"] as? Int == Int(fixture.responses["D2"]!) })
        #expect(d2["meetingId"] as? Int == Int(fixture.meetings["G1"]!))
        let text = String(decoding: data, as: UTF8.self)
        for alias in ["Aigul", "Bermet", "Nurs1"] { #expect(!text.contains(alias)) }
    }

    @Test func emptyPeriodIsRefused() throws {
        let fixture = try FixtureStore()
        #expect(throws: ReportError.emptyPeriod("2025-01 (2025-01-01 – 2025-01-31)")) {
            try fixture.database.writer.write { db in
                try JSONReport.data(in: db, period: try ReportPeriod.parse("2025-01", now: fixture.now), options: fixture.options,
                                    pseudonym: try ParticipantPseudonym.forStore(db))
            }
        }
    }
}
