import Foundation
import GRDB

/// Reads the `yyyy-MM-dd HH:mm:ss.SSS` UTC text GRDB stores dates as, without a DateFormatter:
/// exports read one per answer, and a formatter costs microseconds each.
enum StoredTime {
    /// Milliseconds since 1970 for GRDB's date text (a `T` separator and missing seconds or milliseconds are accepted).
    static func milliseconds(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        if bytes.count == 23, let exact = exactMilliseconds(bytes) { return exact }
        guard bytes.count >= 16 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2),
              let date = CalendarDay(year: year, month: month, day: day) else { return nil }
        let second = bytes.count >= 19 ? number(17, 2) ?? 0 : 0
        var millisecond = 0
        if bytes.count >= 21, bytes[19] == UInt8(ascii: ".") {
            var digits = 0
            var index = 20
            while index < bytes.count, digits < 3, let digit = number(index, 1) {
                millisecond = millisecond * 10 + digit
                digits += 1
                index += 1
            }
            while digits < 3 { millisecond *= 10; digits += 1 }
        }
        let seconds = Int64(date.daysSinceEpoch) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1000 + Int64(millisecond)
    }

    /// The common case, `2026-11-03 14:22:05.123`, with no branches per digit.
    @inline(__always)
    private static func exactMilliseconds(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        func digit(_ index: Int) -> Int { Int(bytes[index]) &- 48 }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6), day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15), second = digit(17) * 10 + digit(18)
        let millisecond = digit(20) * 100 + digit(21) * 10 + digit(22)
        guard (1...12).contains(month), (1...31).contains(day), (0..<24).contains(hour), (0..<60).contains(minute),
              (0..<61).contains(second), (0...999).contains(millisecond),
              (0...9999).contains(year), let date = CalendarDay(year: year, month: month, day: day) else { return nil }
        return (Int64(date.daysSinceEpoch) * 86400 + Int64(hour * 3600 + minute * 60 + second)) * 1000 + Int64(millisecond)
    }

}

extension Row {
    /// A stored date column as milliseconds since 1970, read in place; nil for NULL or text that is not a date.
    func storedMilliseconds(_ index: Int) -> Int64? {
        (try? withUnsafeData(atIndex: index) { data in
            data.flatMap { bytes in bytes.withUnsafeBytes { StoredTime.milliseconds($0) } }
        }) ?? nil
    }
}

extension ReportPeriod {
    /// `start` and `end` in milliseconds since 1970, open ends as the extremes.
    var millisecondBounds: (start: Int64, end: Int64) {
        (start.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? Int64.min,
         end.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? Int64.max)
    }
}
