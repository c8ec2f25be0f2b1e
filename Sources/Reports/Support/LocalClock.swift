import Foundation

/// Turns stored UTC instants into local days, months and timestamps quickly: the zone's offset is asked
/// of Foundation only when an instant falls outside the stretch where the last answer is known to hold.
struct LocalClock {
    let timeZone: TimeZone
    /// Offsets are valid on [validFrom, validUntil), in seconds since 1970.
    private var validFrom = Int64.max
    private var validUntil = Int64.min
    private var offset: Int64 = 0
    private var cachedDay = Int64.min
    private var cachedOffset = Int64.min
    private var dayPrefix: [UInt8] = []
    private var offsetSuffix: [UInt8] = []

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Seconds to add to UTC to get local wall time at `seconds` since 1970.
    mutating func offset(at seconds: Int64) -> Int64 {
        if seconds >= validFrom, seconds < validUntil { return offset }
        let instant = Date(timeIntervalSince1970: Double(seconds))
        offset = Int64(timeZone.secondsFromGMT(for: instant))
        validFrom = seconds
        validUntil = timeZone.nextDaylightSavingTimeTransition(after: instant)
            .map { Int64($0.timeIntervalSince1970.rounded(.down)) } ?? Int64.max
        return offset
    }

    mutating func localSeconds(milliseconds: Int64) -> Int64 {
        let seconds = Self.floorDiv(milliseconds, 1000)
        return seconds + offset(at: seconds)
    }

    mutating func day(milliseconds: Int64) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int(Self.floorDiv(localSeconds(milliseconds: milliseconds), 86400)))
    }

    mutating func day(_ date: Date) -> CalendarDay {
        day(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// Appends `2026-11-03T14:22:05+06:00` (local time with its offset) as UTF-8. Exports write one per
    /// answer, so the day part and the offset part are formatted once and reused while they stay the same.
    mutating func appendTimestamp<Sink: ByteSink>(milliseconds: Int64, to out: inout Sink) {
        var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            let start = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var end = start
            writeTimestamp(milliseconds: milliseconds, to: &end)
            out.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// The same through a pointer, which it moves past what it wrote (`timestampLength` bytes).
    mutating func writeTimestamp(milliseconds: Int64, to out: inout UnsafeMutablePointer<UInt8>) {
        let seconds = Self.floorDiv(milliseconds, 1000)
        let offset = offset(at: seconds)
        let local = seconds + offset
        let dayNumber = Self.floorDiv(local, 86400)
        if dayNumber != cachedDay || offset != cachedOffset {
            cachedDay = dayNumber
            cachedOffset = offset
            let day = CalendarDay(daysSinceEpoch: Int(dayNumber))
            dayPrefix.removeAll(keepingCapacity: true)
            Self.appendTwoDigits(day.year / 100, &dayPrefix)
            Self.appendTwoDigits(day.year % 100, &dayPrefix)
            dayPrefix.append(UInt8(ascii: "-"))
            Self.appendTwoDigits(day.month, &dayPrefix)
            dayPrefix.append(UInt8(ascii: "-"))
            Self.appendTwoDigits(day.day, &dayPrefix)
            dayPrefix.append(UInt8(ascii: "T"))
            let minutes = Int(abs(offset) / 60)
            offsetSuffix.removeAll(keepingCapacity: true)
            offsetSuffix.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            Self.appendTwoDigits(minutes / 60, &offsetSuffix)
            offsetSuffix.append(UInt8(ascii: ":"))
            Self.appendTwoDigits(minutes % 60, &offsetSuffix)
        }
        let secondOfDay = Int(local - dayNumber * 86400)
        dayPrefix.withUnsafeBufferPointer { PointerWrite.bytes($0, &out) }
        Self.writeTwoDigits(secondOfDay / 3600, &out)
        PointerWrite.byte(UInt8(ascii: ":"), &out)
        Self.writeTwoDigits(secondOfDay / 60 % 60, &out)
        PointerWrite.byte(UInt8(ascii: ":"), &out)
        Self.writeTwoDigits(secondOfDay % 60, &out)
        offsetSuffix.withUnsafeBufferPointer { PointerWrite.bytes($0, &out) }
    }

    /// What `writeTimestamp` writes: always this many bytes (four digits of year).
    static let timestampLength = 25

    @inline(__always)
    private static func writeTwoDigits(_ value: Int, _ out: inout UnsafeMutablePointer<UInt8>) {
        out[0] = UInt8(48 + value / 10 % 10)
        out[1] = UInt8(48 + value % 10)
        out += 2
    }

    mutating func timestamp(milliseconds: Int64) -> String {
        var bytes: [UInt8] = []
        appendTimestamp(milliseconds: milliseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func timestamp(_ date: Date) -> String {
        timestamp(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    @inline(__always)
    private static func appendTwoDigits<Sink: ByteSink>(_ value: Int, _ out: inout Sink) {
        out.append(UInt8(48 + value / 10 % 10))
        out.append(UInt8(48 + value % 10))
    }

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
