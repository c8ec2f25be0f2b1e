import Foundation
import Store
import Testing
@testable import Reports

/// Every figure here was worked out by hand from FixtureStore.
@Suite struct IndicatorTests {
    let fixture: FixtureStore
    let indicators: Indicators

    init() throws {
        fixture = try FixtureStore()
        indicators = try fixture.indicators()
    }

    private func counts(_ list: [CategoryCount]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0.count) })
    }

    @Test func mentoring() {
        let m = indicators.mentoring
        #expect(m.leadersEnrolled == 2)
        #expect(m.leadersSupported == 2)
        #expect(m.checkInsCompleted == 5)
        #expect(m.checkInsPartial == 1)
        #expect(m.checkInsInvited == 6)
        #expect(m.invitationsAnswered == 5)
        #expect(m.responseRate == 5.0 / 6.0)
        #expect(counts(m.topics) == ["decisions": 1, "monitoring": 0, "gf_request": 0, "donors": 0, "donor_reports": 0,
                                     "events": 1, "speaking": 2, "fundraising": 1])
        #expect(m.topics.map(\.id) == ["decisions", "monitoring", "gf_request", "donors", "donor_reports", "events", "speaking", "fundraising"])
        #expect(m.topics.first { $0.id == "speaking" }?.name.en == "Public speaking, training, leading a discussion")
        #expect(m.topics.first { $0.id == "fundraising" }?.name == Wording(everywhere: "Сбор средств"))
    }

    @Test func confidence() {
        let c = indicators.mentoring.confidence
        #expect(c.leaders == 2)
        #expect(c.leadersAt4or5 == 1)
        #expect(c.shareAt4or5 == 0.5)
        #expect((c.rose, c.unchanged, c.fell) == (1, 0, 1))
        #expect(c.byMonth == [MonthPoint(month: "2026-11", mean: 3.5, answers: 4, shareAt4or5: 0.5)])
        #expect(c.perLeader.count == 2)
        #expect(c.perLeader.allSatisfy { $0.participant.hasPrefix("P") && $0.participant.count == 9 })
        #expect(Set(c.perLeader.map { $0.points.map(\.value) }) == [[2, 4], [5, 3]])
    }

    @Test func support() {
        let s = indicators.mentoring.support
        #expect((s.requested, s.acknowledged, s.open) == (4, 3, 1))
        #expect(s.medianHoursToAcknowledge == 5)
        #expect(counts(s.topics)["speaking"] == 1)
        #expect(counts(s.topics)["_other"] == 1)
    }

    @Test func monitoringReportsAndServices() {
        let m = indicators.monitoring
        #expect(m.reports == 5)
        #expect(m.partialReports == 1)
        #expect(m.monitorsReporting == 3)
        #expect(m.reportsByCity == [CityCount(city: "Бишкек", count: 3), CityCount(city: "Каракол", count: 1), CityCount(city: "Ош", count: 1)])
        #expect(m.services.map(\.id) == ["hiv_testing", "sti", "condoms", "legal"])
        let testing = m.services[0]
        #expect((testing.checks, testing.available, testing.partly, testing.notAvailable, testing.unknown) == (2, 1, 1, 0, 0))
        #expect(testing.meanQuality == 3)
        #expect(testing.qualityRatings == 2)
        #expect(m.services[3].notAvailable == 1)
        #expect(m.services[3].meanQuality == nil)
        #expect(m.services[2].meanQuality == 5)
        #expect(m.services[1].unknown == 1)
    }

    @Test func barriers() {
        let m = indicators.monitoring
        #expect(counts(m.barriers) == ["stigma": 1, "documents": 1, "cost": 1, "hours": 0, "police": 3, "confidentiality": 0,
                                       "no_info": 0, "_other": 1])
        #expect(m.barriers.last?.name.ru == "Другое")
        #expect(m.reportsWithoutBarriers == 1)
        #expect(m.barriersByCity.rows.map(\.city) == ["Бишкек", "Каракол"])
        let columns = m.barriersByCity.categories.map(\.id)
        let bishkek = Dictionary(uniqueKeysWithValues: zip(columns, m.barriersByCity.rows[0].counts))
        #expect(bishkek == ["stigma": 1, "documents": 0, "cost": 1, "hours": 0, "police": 3, "confidentiality": 0, "no_info": 0, "_other": 0])
        #expect(m.barriersByCity.rows[0].total == 3)
        #expect(m.barriersByCity.rows[1].total == 1)
    }

    @Test func rightsViolations() {
        let m = indicators.monitoring
        #expect(m.violations == 6)
        #expect(m.reportsWithViolations == 4)
        #expect(counts(m.violationsByKind).filter { $0.value > 0 } == ["detention": 3, "extortion": 1, "physical": 1, "threats": 1])
        #expect(counts(m.violationsByPerpetrator) == ["police": 3, "clients": 1, "health_workers": 1, "_other": 1])
        #expect(m.violationsByPerpetrator.last?.name.en == "Others")
        #expect(counts(m.helpOutcomes) == ["helped": 1, "referred": 2, "declined": 1, "no": 1, "unknown": 1])
        #expect((m.referrals, m.helpGiven) == (2, 1))
        #expect(m.violationsByCity == [CityCount(city: "Бишкек", count: 5), CityCount(city: "Ош", count: 1)])
        let table = m.violationsByCityAndPerpetrator
        #expect(table.categories.map(\.id) == ["police", "clients", "health_workers", "_other"])
        #expect(table.rows.map(\.counts) == [[2, 1, 1, 1], [1, 0, 0, 0]])
        #expect(counts(m.participation) == ["meaningful": 1, "token": 2, "no": 1, "unknown": 1])
    }

    @Test func ccm() {
        let c = indicators.ccm
        #expect((c.meetingsHeld, c.meetingsCancelled, c.meetingsUpcoming) == (3, 1, 0))
        #expect(counts(c.meetingsByKind) == ["plenary": 1, "working_group": 2, "oversight": 0])
        #expect(c.meetingsWithRepresentative == 3)
        #expect(c.attendanceConfirmedByDebrief == 2)
        #expect(c.meetingsWhereSpoke == 1)
        #expect(c.participations == 4)
        #expect((c.debriefs, c.debriefsNotLinkedToMeeting) == (4, 1))
        #expect(counts(c.issues).filter { $0.value > 0 } == ["services": 1, "rights": 2, "clm_data": 1])
        #expect(c.meetingsWithIssuesRaised == 2)
        #expect(c.monitoringDataRaised == 1)
        #expect(counts(c.missedReasons)["no_time"] == 1)
        #expect(c.followUpsNeeded == 1)
    }

    @Test func keyIndicatorsCarryTheFrameworkNames() {
        let values = Dictionary(uniqueKeysWithValues: indicators.keyIndicators.map { ($0.id, $0.value) })
        #expect(values["leaders_supported"] == 2)
        #expect(values["ccm_participations"] == 4)
        #expect(values["data_used_for_advocacy"] == 1)
        #expect(values["community_data_collected"] == 5)
        #expect(values["support_median_hours"] == 5)
        let leaders = indicators.keyIndicators.first { $0.id == "leaders_supported" }
        #expect(leaders?.name.en == "Number of sex worker leaders supported through mentoring")
        #expect(leaders?.source?.contains("NSWP") == true)
    }

    @Test func notesSayWhereNamesCameFrom() {
        #expect(indicators.notes.contains { $0.en.contains("\"fundraising\"") })
    }

    @Test func anOptionRemovedFromTheFileIsNamedFromTheStoredVersion() throws {
        let current = try String(contentsOf: shippedDialogs.appendingPathComponent("mentorship-checkin.yaml"), encoding: .utf8)
        let older = current.replacingOccurrences(of: "      - id: speaking\n", with: """
                  - id: fundraising
                    text: {ru: "Сбор средств", ky: "Каражат чогултуу", en: "Fundraising"}
                  - id: speaking

            """)
        #expect(older != current)
        try fixture.database.writer.write { db in
            try DialogSource.remember(dialogId: "mentorship-checkin", version: "old", fileName: "mentorship-checkin.yaml",
                                      source: older, now: fixture.now, in: db)
        }
        let named = try fixture.indicators()
        #expect(named.mentoring.topics.first { $0.id == "fundraising" }?.name.en == "Fundraising")
        #expect(named.notes.contains { $0.en.contains("earlier version") })
    }

    @Test func withoutDialogFilesStoredLabelsAreUsed() throws {
        var options = fixture.options
        options.catalog = nil
        let bare = try fixture.database.writer.read { db in
            try ReportBuilder.indicators(in: db, period: fixture.november, options: options)
        }
        #expect(bare.mentoring.topics.first { $0.id == "speaking" }?.name == Wording(everywhere: "Выступления"))
        #expect(bare.notes.contains { $0.en.contains("not loaded") })
        #expect(bare.monitoring.violations == 6)
    }

    @Test func allTimeIncludesTheEdges() throws {
        let all = try fixture.indicators(.allTime)
        #expect(all.mentoring.checkInsCompleted == 7)
        #expect(all.monitoring.reports == 6)
        #expect(all.ccm.meetingsUpcoming == 1)
    }

    @Test func emptyPeriodIsAnError() throws {
        let empty = try ReportPeriod.parse("2025", now: fixture.now)
        #expect(throws: ReportError.self) {
            try fixture.database.writer.read { db in
                try ReportBuilder.nonEmptyIndicators(in: db, period: empty, options: fixture.options)
            }
        }
    }

    @Test func encodesAndDecodesAsJSON() throws {
        let data = try JSONEncoder().encode(indicators)
        #expect(try JSONDecoder().decode(Indicators.self, from: data) == indicators)
    }
}
