import Foundation
import GRDB
import Store
import Testing
@testable import Reports

/// The reports that use a second connection give exactly what one connection gives, on one snapshot.
@Suite struct ParallelReadTests {
    @Test func jsonOnTwoConnectionsIsByteForByteTheOneConnectionJSON() throws {
        let fixture = try FixtureStore()
        let reporter = Reporter(database: fixture.database, options: fixture.options)
        for period in [fixture.november, ReportPeriod.allTime] {
            let sink = try TemporaryFolder()
            let file = sink.url.appendingPathComponent("out.json")
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            let handle = try FileHandle(forWritingTo: file)
            try reporter.writeJSON(period: period, actor: "cli", to: handle)
            try handle.close()
            let alone = try fixture.database.writer.write { db in
                try JSONReport.data(in: db, period: period, options: fixture.options, pseudonym: try ParticipantPseudonym.forStore(db))
            }
            #expect(try Data(contentsOf: file) == alone)
        }
    }

    @Test func csvArchiveOnTwoConnectionsIsByteForByteTheOneConnectionArchive() throws {
        let fixture = try FixtureStore()
        let reporter = Reporter(database: fixture.database, options: fixture.options)
        let parallel = try reporter.exportArchive(period: fixture.november, actor: "cli")
        let alone = try fixture.database.writer.write { db in
            try CSVExport.archive(in: db, period: fixture.november, options: fixture.options, pseudonym: try ParticipantPseudonym.forStore(db))
        }
        #expect(parallel.data == alone.data)
    }

    @Test func theSecondConnectionSeesTheFirstOnesSnapshotNotLaterCommits() throws {
        let fixture = try FixtureStore()
        // Another opener of the same folder stands for another process writing meanwhile.
        let other = try AppDatabase(folder: fixture.folder.url)
        let counts = try SharedSnapshot.read(fixture.database.writer) { db, second in
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? -1
            try other.writer.write { db in
                try AuditEntry.record(actor: "cli", action: "report", detail: "meanwhile", at: Date(), in: db)
            }
            let seen = SharedWork { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? -1 }
            #expect(second != nil)
            second?.start { db in seen.computeIfWaiting(db) }
            return (before, try seen.value(db))
        }
        #expect(counts.0 == counts.1)
        #expect(try fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") } == counts.0 + 1)
    }

    @Test func chunksComeOutInOrderWhoeverFormatsThem() throws {
        let chunks = OrderedChunks<[Int]>(count: 200, lead: 3)
        let helperDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            chunks.help { chunk, _ in [chunk] }
            helperDone.signal()
        }
        var written: [Int] = []
        try chunks.writeInOrder(format: { chunk, _ in [chunk] }) { output in
            written += output
        }
        helperDone.wait()
        #expect(written == Array(0..<200))
    }

    @Test func aFailingChunkStopsThePass() {
        struct Broken: Error {}
        let chunks = OrderedChunks<Int>(count: 10)
        #expect(throws: Broken.self) {
            try chunks.writeInOrder(format: { chunk, _ in
                if chunk == 4 { throw Broken() }
                return chunk
            }) { _ in }
        }
    }

    @Test func handWrittenLeaderSeriesMatchesJSONEncoder() throws {
        let fixture = try FixtureStore()
        let indicators = try fixture.database.writer.write { db in
            try ReportBuilder.indicators(in: db, period: .allTime, options: fixture.options, pseudonym: try ParticipantPseudonym.forStore(db))
        }
        #expect(!indicators.mentoring.confidence.perLeader.isEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        #expect(try IndicatorsJSON.encode(indicators) == encoder.encode(indicators))
    }
}
