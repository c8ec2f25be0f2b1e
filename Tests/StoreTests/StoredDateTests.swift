import Foundation
import GRDB
import Store
import Testing

/// Dates bound through `StoredDate` are stored as the very text GRDB writes for a `Date`, so
/// comparisons and reports over old and new rows agree.
@Suite struct StoredDateTests {
    private func grdbText(_ date: Date) -> String? {
        String.fromDatabaseValue(date.databaseValue)
    }

    @Test func matchesGRDBOnEdgeDates() {
        let texts = [
            "1970-01-01 00:00:00.000", "1969-12-31 23:59:59.999", "2000-02-29 12:00:00.500", "2024-02-29 23:59:59.999",
            "2100-03-01 00:00:00.001", "1900-01-01 00:00:00.000", "2026-11-21 12:34:56.789", "9999-12-31 23:59:59.999",
            "1600-03-01 00:00:00.000",
        ]
        for text in texts {
            let date = Date.fromDatabaseValue(text.databaseValue)!
            #expect(StoredDate.text(date) == text)
            #expect(StoredDate.text(date) == grdbText(date))
        }
    }

    @Test func matchesGRDBOnRandomInstants() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let seconds = Double.random(in: -2_300_000_000...7_300_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoredDate.text(date) == grdbText(date), "\(seconds)")
        }
        // Instants a hair either side of a millisecond boundary, where rounding could differ.
        for base in [1_763_700_000.0, 0, -1, 1_000_000_000.123, 1_799_999_999.999] {
            for nudge in [-1e-7, -1e-9, 0, 1e-9, 1e-7, 0.0005, 0.0009999] {
                let date = Date(timeIntervalSince1970: base + nudge)
                #expect(StoredDate.text(date) == grdbText(date), "\(base) \(nudge)")
            }
        }
    }

    @Test func readsBackAsTheSameMillisecond() {
        let date = Date(timeIntervalSince1970: 1_763_700_000.25)
        #expect(StoredDate.fromDatabaseValue(StoredDate(date).databaseValue)?.date == date)
    }
}
