import Dialogs
import Foundation
import Testing
@testable import Reports

@Suite struct ReportPeriodTests {
    let now = local("2026-11-21 15:00")

    private func iso(_ date: Date?) -> String? {
        date.map { ISO8601DateFormatter().string(from: $0) }
    }

    @Test func monthStartsAtLocalMidnight() throws {
        let period = try ReportPeriod.parse("2026-11", now: now)
        #expect(period.label == "2026-11")
        #expect(period.firstDay?.iso == "2026-11-01")
        #expect(period.lastDay?.iso == "2026-11-30")
        #expect(iso(period.start) == "2026-10-31T18:00:00Z")
        #expect(iso(period.end) == "2026-11-30T18:00:00Z")
        #expect(period.displayName == "2026-11 (2026-11-01 – 2026-11-30)")
    }

    @Test func quarterYearDayAndRange() throws {
        let quarter = try ReportPeriod.parse("2026-q4", now: now)
        #expect(quarter.label == "2026-Q4")
        #expect((quarter.firstDay?.iso, quarter.lastDay?.iso) == ("2026-10-01", "2026-12-31"))
        let february = try ReportPeriod.parse("2028-Q1", now: now)
        #expect(february.lastDay?.iso == "2028-03-31")
        let year = try ReportPeriod.parse("2026", now: now)
        #expect((year.firstDay?.iso, year.lastDay?.iso) == ("2026-01-01", "2026-12-31"))
        let leap = try ReportPeriod.parse("2028-02", now: now)
        #expect(leap.lastDay?.iso == "2028-02-29")
        let day = try ReportPeriod.parse("2026-11-05", now: now)
        #expect(iso(day.start) == "2026-11-04T18:00:00Z")
        #expect(iso(day.end) == "2026-11-05T18:00:00Z")
        let range = try ReportPeriod.parse("2026-01-01..2026-03-31", now: now)
        #expect(range.label == "2026-01-01..2026-03-31")
        #expect(iso(range.end) == "2026-03-31T18:00:00Z")
    }

    @Test func lastThirtyDaysEndsToday() throws {
        let period = try ReportPeriod.parse("last30", now: now)
        #expect(period.label == "last30")
        #expect(period.firstDay?.iso == "2026-10-23")
        #expect(period.lastDay?.iso == "2026-11-21")
        // 23:30 local on the 21st is already the 21st in Bishkek but the 21st in UTC too; 01:00 local on the 22nd is not in it.
        #expect(period.contains(local("2026-11-21 23:30")))
        #expect(!period.contains(local("2026-11-22 01:00")))
        #expect(period.contains(local("2026-10-23 00:00")))
        #expect(!period.contains(local("2026-10-22 23:59")))
    }

    @Test func localDaysFollowTheGivenZone() throws {
        let utc = TimeZone(identifier: "UTC")!
        let period = try ReportPeriod.parse("2026-11", now: now, timeZone: utc)
        #expect(iso(period.start) == "2026-11-01T00:00:00Z")
    }

    @Test func allTimeAndOpenEnds() throws {
        #expect(try ReportPeriod.parse("all", now: now) == .allTime)
        #expect(try ReportPeriod.between(from: nil, to: nil) == .allTime)
        let from = try ReportPeriod.between(from: "2026-11-01", to: nil)
        #expect(from.label == "2026-11-01..")
        #expect(from.end == nil)
        #expect(iso(from.start) == "2026-10-31T18:00:00Z")
        let to = try ReportPeriod.between(from: nil, to: "2026-11-30")
        #expect(to.start == nil)
        #expect(iso(to.end) == "2026-11-30T18:00:00Z")
    }

    @Test(arguments: ["2026-13", "2026-Q5", "2026-Q0", "26-11", "november", "last0", "last", "last-5", "1999", "2026-1", "2026-11-31", ""])
    func refusesWhatItCannotRead(_ text: String) {
        #expect(throws: ReportError.self) { try ReportPeriod.parse(text, now: now) }
    }

    @Test func fromAfterToIsNamed() {
        #expect(throws: ReportError.fromAfterTo(from: "2026-12-01", to: "2026-11-01")) {
            try ReportPeriod.between(from: "2026-12-01", to: "2026-11-01")
        }
        #expect(throws: ReportError.fromAfterTo(from: "2026-12-01", to: "2026-11-01")) {
            try ReportPeriod.parse("2026-12-01..2026-11-01", now: now)
        }
        #expect(throws: ReportError.invalidDate("2026-02-30")) { try ReportPeriod.between(from: "2026-02-30", to: nil) }
    }

    @Test func errorsAreOneLineInEachLanguage() {
        let error = ReportError.unknownPeriod("nov")
        for language in Language.allCases {
            let message = error.message(in: language)
            #expect(!message.contains("\n"))
            #expect(message.contains("nov"))
        }
        #expect(error.message(in: .ru).contains("период"))
        #expect(error.description.hasPrefix("Unknown period"))
    }

    @Test func calendarDaysRoundTrip() {
        for days in [-1, 0, 59, 365, 20_000, 21_000, 24_000] {
            #expect(CalendarDay(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDay(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(CalendarDay(iso: "2026-11-05")?.daysSinceEpoch == 20_762)
    }
}

@Suite struct ReportRequestTests {
    let now = local("2026-11-21 15:00")

    @Test func sectionsAndPeriodInAnyOrder() throws {
        let plain = try ReportRequest.parse("", allowsSections: true, now: now)
        #expect(plain.sections == ReportSection.allCases)
        #expect(plain.period.label == "last30")
        let both = try ReportRequest.parse(" 2026-Q4  ccm ", allowsSections: true, now: now)
        #expect(both.sections == [.ccm])
        #expect(both.period.label == "2026-Q4")
        let two = try ReportRequest.parse("monitoring mentorship", allowsSections: true, now: now)
        #expect(two.sections == [.monitoring, .mentorship])
        #expect(try ReportRequest.parse("2026", allowsSections: false, now: now).period.label == "2026")
    }

    @Test func refusesWhatItCannotRead() {
        #expect(throws: ReportError.unknownSection("money")) { try ReportRequest.parse("money", allowsSections: true, now: now) }
        #expect(throws: ReportError.unknownPeriod("ccm")) { try ReportRequest.parse("ccm", allowsSections: false, now: now) }
        #expect(throws: ReportError.unknownPeriod("2026 2025")) { try ReportRequest.parse("2026 2025", allowsSections: true, now: now) }
        #expect(throws: ReportError.unknownPeriod("2026-13")) { try ReportRequest.parse("ccm 2026-13", allowsSections: true, now: now) }
    }
}

@Suite struct StoredTimeTests {
    private func read(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { StoredTime.milliseconds(UnsafeRawBufferPointer($0)) }
    }

    @Test func readsWhatGRDBStores() {
        #expect(read("2026-11-03 04:22:05.123") == 1_793_679_725_123)
        #expect(read("2026-11-03T04:22:05") == 1_793_679_725_000)
        #expect(read("2026-11-03 04:22") == 1_793_679_720_000)
        #expect(read("2026-11-03 04:2x:05.123") == nil)
        #expect(read("2026-02-30 04:22:05.123") == nil)
        #expect(read("yesterday") == nil)
    }

    @Test func writesLocalTimeWithItsOffset() {
        var clock = LocalClock(timeZone: .bishkek)
        #expect(clock.timestamp(milliseconds: 1_793_679_725_123) == "2026-11-03T10:22:05+06:00")
        var utc = LocalClock(timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.timestamp(milliseconds: 1_793_679_725_123) == "2026-11-03T04:22:05+00:00")
        var berlin = LocalClock(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(berlin.timestamp(milliseconds: 1_782_000_000_000) == "2026-06-21T02:00:00+02:00")
        #expect(berlin.timestamp(milliseconds: 1_793_679_725_123) == "2026-11-03T05:22:05+01:00")
    }
}
