import Bot
import Dialogs
import Foundation
import GRDB
import Store
import Testing

/// Prompts to mentors, with the scheduler called directly.
@Suite struct SchedulingMentorTests {
    private func supportRequests(_ bench: SchedulerBench) throws -> [SupportRequest] {
        try bench.database.writer.read { db in try SupportRequest.order(Column("id")).fetchAll(db) }
    }

    @Test func aCheckInAskingForSupportPromptsTheMentorInTheirLanguage() throws {
        let bench = try SchedulerBench()
        let mentor = try bench.person(100, role: .mentor, language: "en")
        let leader = try bench.person(101, role: .leader, alias: "Луна <3", mentorId: mentor.id)
        let unmentored = try bench.person(102, role: .leader)
        for person in [leader, unmentored] {
            try bench.database.writer.write { db in
                var person = person
                _ = try bench.driver.start(DialogIds.checkin, for: &person, now: Bishkek.at("2026-03-10 12:00"), in: db)
            }
            try bench.completeCheckin(person.id!, needSupport: true, at: Bishkek.at("2026-03-10 12:10"))
        }
        let requests = try supportRequests(bench)
        #expect(requests.count == 2, "every request for support is kept, mentor or not")
        #expect(requests.first?.mentorId == mentor.id)
        #expect(requests.last?.mentorId == nil)

        let report = try bench.tick(at: Bishkek.at("2026-03-10 12:10"))
        #expect(report.mentorPromptsSent == 1)
        let prompt = try #require(try bench.drain().messages(to: 100).first)
        #expect(prompt.text.contains("<b>Луна &lt;3</b>"))
        #expect(prompt.text.contains("Public speaking, training, leading a discussion"), "the topic in the mentor's language")
        #expect(prompt.text.contains("Organising events"))
        #expect(prompt.text.contains("Нужна помощь с &lt;залом&gt;"), "the leader's note, escaped")
        #expect(prompt.buttons == [CallbackData.acknowledgeSupport(requestId: requests[0].id!).encoded])
        try bench.tick(at: Bishkek.at("2026-03-10 12:20"))
        #expect(try bench.drain().isEmpty, "the prompt was sent twice")
    }

    @Test func aPromptDuringQuietHoursWaitsForTheMorningAndAnUnreachableMentorGetsNone() throws {
        let bench = try SchedulerBench()
        let mentor = try bench.person(110, role: .mentor)
        var closedMentor = try bench.person(111, role: .mentor)
        let leader = try bench.person(112, role: .leader, mentorId: mentor.id)
        let other = try bench.person(113, role: .leader, mentorId: closedMentor.id)
        closedMentor.deactivatedAt = Bishkek.at("2026-03-01 10:00")
        try bench.database.writer.write { db in try closedMentor.update(db) }
        for person in [leader, other] {
            try bench.database.writer.write { db in
                var person = person
                _ = try bench.driver.start(DialogIds.checkin, for: &person, now: Bishkek.at("2026-03-10 22:00"), in: db)
            }
            try bench.completeCheckin(person.id!, needSupport: true, at: Bishkek.at("2026-03-10 22:30"))
        }
        try bench.tick(from: Bishkek.at("2026-03-10 22:30"), to: Bishkek.at("2026-03-11 08:30"), every: 1800) { _ in
            let items = try bench.drain()
            #expect(items.isEmpty)
        }
        let report = try bench.tick(at: Bishkek.at("2026-03-11 09:00"))
        #expect(report.mentorPromptsSent == 1)
        let items = try bench.drain()
        #expect(items.messages(to: 110).count == 1)
        #expect(items.messages(to: 111).isEmpty)
    }

    @Test func twoMissedCheckInsInARowPromptTheMentorOnce() throws {
        let bench = try SchedulerBench()
        let mentor = try bench.person(120, role: .mentor)
        let silent = try bench.person(121, role: .leader, alias: "Тихая", mentorId: mentor.id,
                                      consentedAt: Bishkek.at("2026-03-01 12:00"))
        let answersOne = try bench.person(122, role: .leader, alias: "Ответила", mentorId: mentor.id,
                                          consentedAt: Bishkek.at("2026-03-01 12:00"))
        var prompts: [String] = []
        var checkIns = 0
        try bench.tick(from: Bishkek.at("2026-03-01 13:00"), to: Bishkek.at("2026-05-05 13:00"), every: 7200) { now in
            let items = try bench.drain()
            for message in items.messages(to: 120) {
                prompts.append("\(Bishkek.format(now)) \(message.text.contains("Тихая") ? "Тихая" : "Ответила")")
            }
            // The second leader answers every other check-in: never two misses in a row.
            if try bench.activeConversation(of: answersOne.id!)?.dialogId == DialogIds.checkin, !items.messages(to: 122).isEmpty {
                checkIns += 1
                if checkIns % 2 == 0 { try bench.completeCheckin(answersOne.id!, at: now) }
            }
        }
        // Invited 15 and 29 March, 12 and 26 April; each check-in expires 7 days after it starts.
        // The second expiry makes two misses in a row; the third alone does not; the fourth does.
        #expect(prompts == ["2026-04-05 11:00 Тихая", "2026-05-03 11:00 Тихая"])
        #expect(try bench.invitations(silent.id!).count == 4)
    }
}
