import Dialogs
import Foundation
import Testing
@testable import Reports

@Suite struct SummaryAndMenteesTests {
    let fixture: FixtureStore
    let indicators: Indicators

    init() throws {
        fixture = try FixtureStore()
        indicators = try fixture.indicators()
    }

    @Test func summaryHasTheKeyNumbersOfEachSection() {
        let text = SummaryText.render(indicators, language: .ru)
        #expect(text.hasPrefix("<b>Сводка: 2026-11 (2026-11-01 – 2026-11-30)</b>"))
        #expect(text.contains("Лидеров с поддержкой: 2"))
        #expect(text.contains("ответ на 5 из 6 приглашений (83\u{00A0}%)"))
        #expect(text.contains("медиана 5 ч"))
        // Karakol and Osh sent one report each; with 5 reports published, Bishkek's 3 would give them away.
        #expect(text.contains("Отчётов: 5 (Бишкек *, Каракол &lt;3, Ош &lt;3)"))
        // Osh's one case is by the police, so each other perpetrator's national 1 is Bishkek's hidden cell,
        // and police 3 less Osh's would give Bishkek's: national counts are protected with the city table,
        // shown counts first, then hidden ones in category order so a place in the list bounds nothing.
        #expect(text.contains("Нарушения прав: 6 — Полиция (МВД) *, Клиенты &lt;3, Медицинские работники &lt;3, Другие &lt;3"))
        #expect(text.contains("По городам: Бишкек *, Ош &lt;3"))
        #expect(text.contains("Участий в принятии решений: 4"))
        #expect(text.count < 3000)
    }

    @Test func summaryIsTelegramSafeHTML() {
        let text = SummaryText.render(indicators, language: .en)
        let tags = text.components(separatedBy: "<").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(Set(tags).isSubset(of: ["b", "/b", "i", "/i"]))
        #expect(tags.filter { $0 == "b" }.count == tags.filter { $0 == "/b" }.count)
        for alias in ["Aigul", "Bermet", "Nurs1"] { #expect(!text.contains(alias)) }
    }

    @Test func summaryForOneSectionAndPlainText() {
        let text = SummaryText.render(indicators, sections: [.ccm], language: .en, markup: .plain)
        #expect(text.contains("Meetings held: 3 (CCM plenary 1, Working group 2)"))
        #expect(!text.contains("Mentoring"))
        #expect(!text.contains("<"))
        let monitoring = SummaryText.render(indicators, sections: [.monitoring], language: .en, markup: .plain)
        #expect(monitoring.contains("By city: Бишкек *, Ош <3"))
    }

    @Test(arguments: ["mentorship", "Monitoring", "ccm", "СКК"])
    func sectionsParse(_ name: String) throws {
        _ = try ReportSection.parse(name)
    }

    @Test func unknownSectionIsAnError() {
        #expect(throws: ReportError.unknownSection("money")) { try ReportSection.parse("money") }
    }

    @Test func menteesShowsOnlyTheMentorsOwn() throws {
        let mentor = fixture.people["Mentor1"]!
        let text = try fixture.database.writer.read { db in
            try MenteeOverview.render(mentorId: mentor, in: db, language: .en, now: fixture.now, catalog: shippedCatalog)
        }
        #expect(text.contains("<b>Aigul</b>"))
        #expect(text.contains("<b>Bermet</b>"))
        #expect(!text.contains("Cholpon"))
        #expect(text.contains("Last check-in: 2026-11-25 (10 days ago), topic: Сбор средств"))
        #expect(text.contains("Confidence: 1 → 2 → 4 ↑"))
        #expect(text.contains("Confidence: 5 → 3 ↓"))
        #expect(text.contains("Open support requests: 2 (since 2026-10-15)"))
        #expect(text.contains("No open support requests"))
    }

    @Test func menteesWithoutAny() throws {
        let text = try fixture.database.writer.read { db in
            try MenteeOverview.render(mentorId: fixture.people["Coord"]!, in: db, language: .ky, now: fixture.now)
        }
        #expect(text == "Азырынча сиздин шакирттериңиз жок.")
    }
}
