import Foundation
import GRDB
import Store
import Testing
@testable import Reports

@Suite struct CSVExportTests {
    let fixture: FixtureStore
    let files: [String: Data]

    init() throws {
        fixture = try FixtureStore()
        let reporter = Reporter(database: fixture.database, options: fixture.options)
        let archive = try reporter.exportArchive(period: fixture.november, actor: "person:1")
        #expect(archive.fileName == "kenesh-2026-11.zip")
        files = Dictionary(uniqueKeysWithValues: try ZipReader.entries(archive.data).map { ($0.name, $0.data) })
    }

    @Test func holdsTheLongFileOneWideFilePerDialogAndTheAggregates() {
        #expect(Set(files.keys) == ["answers.csv", "ccm-debrief.csv", "city-monitoring.csv", "mentorship-checkin.csv",
                                    "old-survey.csv", "indicators.csv"])
        for data in files.values { #expect(data.starts(with: CSVReader.byteOrderMark)) }
    }

    @Test func longFileHasOneRowPerAnswerMatchingTheStore() throws {
        let (headers, records) = try CSVReader.records(files["answers.csv"]!)
        #expect(headers == CSVExport.longHeaders)
        let stored = try fixture.database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.responseId, a.stepId, a.value, COALESCE(a.label, '') AS label, a.repeatIndex FROM answer a JOIN response r ON r.id = a.responseId
                WHERE r.finishedAt >= ? AND r.finishedAt < ? ORDER BY a.responseId, a.id
                """, arguments: [fixture.november.start, fixture.november.end])
        }
        #expect(records.count == stored.count)
        for (record, row) in zip(records, stored) {
            #expect(record["response_id"] == String(row["responseId"] as Int64))
            #expect(record["step_id"] == row["stepId"] as String)
            let value: String = row["value"]
            let guarded = value.hasPrefix("=") ? "'" + value : value
            #expect(record["value"] == guarded)
            #expect(record["repeat"] == ((row["repeatIndex"] as Int?).map { String($0 + 1) } ?? ""))
        }
        #expect(records.contains { $0["value"] == "Выступила, \"смело\"\nи коротко" })
        #expect(records.contains { $0["value"] == "'=HYPERLINK(\"x\")" })
        #expect(records.contains { $0["label"] == "Другое: охрана" && $0["step_id"] == "v_by" && $0["repeat"] == "2" })
    }

    @Test func peopleAppearOnlyUnderPseudonyms() throws {
        let (_, records) = try CSVReader.records(files["answers.csv"]!)
        let ids = Set(records.compactMap { $0["participant"] })
        #expect(ids.allSatisfy { $0.count == 9 && $0.hasPrefix("P") && $0.dropFirst().allSatisfy(\.isHexDigit) })
        #expect(ids.count == 5)
        let everything = files.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for alias in ["Aigul", "Bermet", "Nurs1", "Mentor1", "Coord"] { #expect(!everything.contains(alias)) }
        let checkIns = records.filter { $0["dialog"] == "mentorship-checkin" && $0["response_id"] == String(fixture.responses["R1"]!) }
        #expect(Set(checkIns.compactMap { $0["participant"] }).count == 1)
    }

    @Test func citiesAndLocalTimes() throws {
        let (_, records) = try CSVReader.records(files["answers.csv"]!)
        // The participant's profile city; a monitoring report's own city is its "city" answer.
        let m2 = records.filter { $0["response_id"] == String(fixture.responses["M2"]!) }
        #expect(m2.allSatisfy { $0["city"] == "Бишкек" })
        #expect(m2.contains { $0["step_id"] == "city" && $0["value"] == "бишкек " })
        let m3 = records.filter { $0["response_id"] == String(fixture.responses["M3"]!) }
        #expect(m3.allSatisfy { $0["city"] == "Ош" })
        let r1 = records.filter { $0["response_id"] == String(fixture.responses["R1"]!) }
        #expect(r1.allSatisfy { $0["city"] == "Бишкек" })
        #expect(r1.first?["answered_at"] == "2026-11-03T09:59:10+06:00")
        #expect(records.allSatisfy { $0["status"] == "complete" || $0["status"] == "partial" })
    }

    @Test func wideFilesHaveOneRowPerResponse() throws {
        let (headers, rows) = try CSVReader.records(files["mentorship-checkin.csv"]!)
        #expect(Array(headers.prefix(8)) == WideLayout.fixedHeaders)
        #expect(Array(headers.dropFirst(8)) == ["topic", "topic_label", "did", "confidence", "need_support", "support_with",
                                                "support_with_label", "next_step"])
        #expect(rows.count == 6)
        let r1 = rows.first { $0["response_id"] == String(fixture.responses["R1"]!) }
        #expect(r1?["topic"] == "speaking")
        #expect(r1?["confidence"] == "2")
        #expect(r1?["support_with"] == "speaking,_other")
        #expect(r1?["support_with_label"] == "Выступления, Другое: бюджет")
        #expect(r1?["started_at"] == "2026-11-03T09:50:00+06:00")

        let (monitoringHeaders, reports) = try CSVReader.records(files["city-monitoring.csv"]!)
        #expect(monitoringHeaders.contains("service_2"))
        #expect(monitoringHeaders.filter { $0 == "city" }.count == 1)
        #expect(monitoringHeaders.contains("city_answer"))
        #expect(monitoringHeaders.firstIndex(of: "quality_1")! < monitoringHeaders.firstIndex(of: "service_2")!)
        #expect(monitoringHeaders.contains("v_by_2_label"))
        #expect(reports.first { $0["response_id"] == String(fixture.responses["M2"]!) }?["city_answer"] == "бишкек ")
        let m1 = reports.first { $0["response_id"] == String(fixture.responses["M1"]!) }
        #expect(m1?["availability_2"] == "not_available")
        #expect(m1?["v_what_2"] == "extortion")

        let (_, debriefs) = try CSVReader.records(files["ccm-debrief.csv"]!)
        #expect(debriefs.first { $0["response_id"] == String(fixture.responses["D2"]!) }?["meeting_id"] == String(fixture.meetings["G1"]!))
        let (oldHeaders, old) = try CSVReader.records(files["old-survey.csv"]!)
        #expect(oldHeaders.suffix(2) == ["q1", "q1_label"])
        #expect(old.first?["q1_label"] == "Ответ А")
    }

    @Test func aggregatesAreProtected() throws {
        let (_, rows) = try CSVReader.records(files["indicators.csv"]!)
        let byCity = rows.filter { $0["indicator_id"] == "violations_by_city" }
        #expect(byCity.map { [$0["city"]!, $0["value"]!] } == [["Бишкек", "*"], ["Ош", "<3"]])
        #expect(rows.contains { $0["indicator_id"] == "leaders_supported" && $0["value"] == "2" })
        let perpetrators = rows.filter { $0["indicator_id"] == "violations_by_city_and_perpetrator" }
        #expect(!perpetrators.contains { $0["value"] == "1" || $0["value"] == "2" })
        // National counts and reports by city are margins of the city tables, protected with them;
        // SmallNumbersTests checks with a reader's equations that no hidden cell can be worked out.
        let margins = ["reports_by_city", "barriers", "violations_by_kind", "violations_by_perpetrator"]
        #expect(!rows.contains { margins.contains($0["indicator_id"]!) && ($0["value"] == "1" || $0["value"] == "2") })
    }

    @Test func anArchiveOverTheLimitIsNotReadIntoMemory() throws {
        let options = fixture.options
        try fixture.database.writer.write { db in
            let pseudonym = try ParticipantPseudonym.forStore(db)
            let whole = try CSVExport.archive(in: db, period: fixture.november, options: options, pseudonym: pseudonym)
            let fits = try #require(try CSVExport.archive(in: db, period: fixture.november, options: options, pseudonym: pseudonym,
                                                          smallerThan: whole.data.count + 1))
            #expect(fits.data == whole.data)
            #expect(fits.fileName == whole.fileName)
            #expect(try CSVExport.archive(in: db, period: fixture.november, options: options, pseudonym: pseudonym,
                                          smallerThan: whole.data.count) == nil)
        }
    }

    @Test func dialogFilterUnknownDialogAndEmptyPeriod() throws {
        let options = fixture.options
        try fixture.database.writer.write { db in
            let pseudonym = try ParticipantPseudonym.forStore(db)
            let only = try CSVExport.archive(in: db, period: fixture.november, options: options, pseudonym: pseudonym, dialogs: ["ccm-debrief"])
            let names = try ZipReader.entries(only.data).map(\.name)
            #expect(names == ["answers.csv", "ccm-debrief.csv", "indicators.csv"])
            #expect(throws: ReportError.unknownDialog("nope", known: ["ccm-debrief", "city-monitoring", "mentorship-checkin", "old-survey"])) {
                try CSVExport.archive(in: db, period: fixture.november, options: options, pseudonym: pseudonym, dialogs: ["nope"])
            }
            let empty = try ReportPeriod.parse("2025-01", now: fixture.now)
            #expect(throws: ReportError.self) {
                try CSVExport.archive(in: db, period: empty, options: options, pseudonym: pseudonym)
            }
        }
    }

    @Test func exportIsAudited() throws {
        let entries = try fixture.database.writer.read { db in try AuditEntry.recent(limit: 10, in: db) }
        #expect(entries.map { [$0.actor, $0.action, $0.detail ?? ""] } == [["person:1", "report", "csv 2026-11"]])
    }
}

@Suite struct CSVExportOrderTests {
    /// Answers the bot writes are adjacent per response; if a store ever holds them interleaved, the
    /// export reads again in response order instead of splitting a response over two wide rows.
    @Test func interleavedAnswersStillMakeOneWideRowPerResponse() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.url)
        let at = local("2026-11-10 10:00")
        try database.writer.write { db in
            var person = Person(telegramUserId: 1, alias: "A", role: .leader, city: "Ош", createdAt: at)
            try person.insert(db)
            var first = Response(personId: person.id!, conversationId: nil, dialogId: "mentorship-checkin", dialogVersion: "v1",
                                 status: .complete, startedAt: at, finishedAt: at)
            try first.insert(db)
            var second = first
            second.id = nil
            try second.insert(db)
            for (response, step, value) in [(first.id!, "topic", "speaking"), (second.id!, "topic", "events"),
                                            (first.id!, "confidence", "4"), (second.id!, "confidence", "2")] {
                var answer = AnswerRecord(responseId: response, personId: person.id!, dialogId: "mentorship-checkin", dialogVersion: "v1",
                                          stepId: step, repeatIndex: nil, value: value, label: value, answeredAt: at)
                try answer.insert(db)
            }
        }
        let files = try allTimeExport(of: database, at: at)
        let (_, rows) = try CSVReader.records(files["mentorship-checkin.csv"]!)
        #expect(rows.map { [$0["topic"]!, $0["confidence"]!] } == [["speaking", "4"], ["events", "2"]])
        #expect(try CSVReader.records(files["answers.csv"]!).records.count == 4)
    }

    /// Spool records use short forms (seeded step codes, a round byte, two-byte lengths) with escapes:
    /// a step the catalog does not have, a round past 253 and a value of 64 KB or more still come out whole.
    @Test func wideCellsPastTheSpoolsShortFormsComeOutWhole() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.url)
        let at = local("2026-11-10 10:00")
        let long = String(repeating: "ы", count: 40_000) + "\"end"
        try insertCheckIn(answers: [("topic", nil, long), ("extra_step", 299, "x"), ("confidence", nil, "4")], at: at, in: database)
        let files = try allTimeExport(of: database, at: at)
        let (headers, rows) = try CSVReader.records(files["mentorship-checkin.csv"]!)
        #expect(headers.last == "extra_step_300_label")
        #expect(rows.count == 1)
        #expect(rows.first?["topic"] == long)
        #expect(rows.first?["confidence"] == "4")
        #expect(rows.first?["extra_step_300"] == "x")
        #expect(rows.first?["extra_step_1"] == "")
    }

    /// The bot never stores a negative round; a damaged store that holds one still exports, with
    /// the answer in the step's plain column, instead of stopping the export.
    @Test func aNegativeRoundFromADamagedStoreStillExports() throws {
        let folder = try TemporaryFolder()
        let database = try AppDatabase(folder: folder.url)
        let at = local("2026-11-10 10:00")
        try insertCheckIn(answers: [("topic", -5, "speaking"), ("confidence", nil, "4")], at: at, in: database)
        let files = try allTimeExport(of: database, at: at)
        let (_, rows) = try CSVReader.records(files["mentorship-checkin.csv"]!)
        #expect(rows.count == 1)
        #expect(rows.first?["topic"] == "speaking")
        #expect(rows.first?["confidence"] == "4")
        #expect(try CSVReader.records(files["answers.csv"]!).records.count == 2)
    }
}

/// One leader's complete check-in with `answers` (step, round, value), each labelled with its value.
private func insertCheckIn(answers: [(String, Int?, String)], at: Date, in database: AppDatabase) throws {
    try database.writer.write { db in
        var person = Person(telegramUserId: 1, alias: "A", role: .leader, city: "Ош", createdAt: at)
        try person.insert(db)
        var response = Response(personId: person.id!, conversationId: nil, dialogId: "mentorship-checkin", dialogVersion: "v1",
                                status: .complete, startedAt: at, finishedAt: at)
        try response.insert(db)
        for (step, round, value) in answers {
            var answer = AnswerRecord(responseId: response.id!, personId: person.id!, dialogId: "mentorship-checkin",
                                      dialogVersion: "v1", stepId: step, repeatIndex: round, value: value, label: value, answeredAt: at)
            try answer.insert(db)
        }
    }
}

/// The files of an all-time export of `database`, by name.
private func allTimeExport(of database: AppDatabase, at: Date) throws -> [String: Data] {
    let archive = try database.writer.write { db in
        try CSVExport.archive(in: db, period: .allTime, options: ReportOptions(catalog: shippedCatalog, now: at),
                              pseudonym: try ParticipantPseudonym.forStore(db))
    }
    return Dictionary(uniqueKeysWithValues: try ZipReader.entries(archive.data).map { ($0.name, $0.data) })
}
