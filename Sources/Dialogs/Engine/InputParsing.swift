import Foundation

/// Turns what a person typed into clean values; no regexes or formatters, so the hot path stays fast.
enum InputParsing {
    /// Removes NUL and other control characters (keeping line breaks), then trims spaces at both ends.
    /// Letters of any script and emoji (including joiners and variation selectors) are kept as typed.
    static func sanitize(_ raw: String) -> String {
        let needsCleaning = mayContainControl(raw) && raw.unicodeScalars.contains { isControl($0) && $0 != "\n" }
        guard needsCleaning else { return trimmed(raw) }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in raw.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n": if !previousWasCR { scalars.append("\n") }
            case "\t": scalars.append(" ")
            default: if !isControl(scalar) { scalars.append(scalar) }
            }
        }
        return trimmed(String(scalars))
    }

    /// Drops white space and line breaks at both ends; cheap when there are none.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !isWhitespace(first), !isWhitespace(last) { return text }
        guard let start = scalars.firstIndex(where: { !isWhitespace($0) }),
              let end = scalars.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// Unicode White_Space, spelled out: the property lookup is far slower and this runs on every message.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Length in characters as people count them (emoji = 1), without walking the text when its bytes already fit.
    static func fits(_ text: String, within limit: Int) -> (fits: Bool, count: Int) {
        let bytes = text.utf8.count
        if bytes <= limit { return (true, bytes) }
        let count = text.count
        return (count <= limit, count)
    }

    /// A quick byte scan, eight at a time: false means surely no control character (C1 controls start with 0xC2).
    static func mayContainControl(_ text: String) -> Bool {
        let suspicious = { (byte: UInt8) in byte < 0x20 || byte == 0x7F || byte == 0xC2 }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                while index + 8 <= bytes.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let below20 = (word &- ones &* 0x20) & ~word & highs
                    let x7F = word ^ (ones &* 0x7F), xC2 = word ^ (ones &* 0xC2)
                    if below20 | ((x7F &- ones) & ~x7F & highs) | ((xC2 &- ones) & ~xC2 & highs) != 0 { return true }
                    index += 8
                }
            }
            return bytes[index...].contains(where: suspicious)
        } ?? text.utf8.contains(where: suspicious)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A whole number, or with `decimals` a number with `.` or `,`; spaces between digit groups are allowed.
    /// Exponents, "inf", "nan" and numbers too long to hold exactly are refused.
    /// Returns the value and its canonical text (`-12`, `2.5`).
    static func parseNumber(_ text: String, decimals: Bool) -> (value: Double, canonical: String)? {
        var canonical = ""
        var digits = 0
        var seenSeparator = false
        var digitsAfterSeparator = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9":
                canonical.unicodeScalars.append(scalar)
                digits += 1
                if seenSeparator { digitsAfterSeparator += 1 }
            case "-", "+", "−":
                guard offset == 0 else { return nil }
                if scalar != "+" { canonical += "-" }
            case ".", ",":
                guard decimals, !seenSeparator, digits > 0 else { return nil }
                seenSeparator = true
                canonical += "."
            case " ", "\u{00A0}", "\u{202F}":
                continue
            default:
                return nil
            }
        }
        guard digits > 0, digits <= 15, !seenSeparator || digitsAfterSeparator > 0 else { return nil }
        if !seenSeparator {
            guard let whole = Int(canonical) else { return nil }
            return (Double(whole), String(whole))
        }
        guard let value = Double(canonical), value.isFinite else { return nil }
        return (value, canonical)
    }

    /// `dd.mm.yyyy` (also `/` or `-`, one-digit day and month, two-digit year), or today/yesterday in any language.
    static func parseDate(_ text: String, today: CivilDate) -> CivilDate? {
        switch text.lowercased() {
        case "сегодня", "today", "бүгүн": return today
        case "вчера", "yesterday", "кечээ": return today.addingDays(-1)
        default: break
        }
        var parts: [Int] = []
        var current = 0
        var length = 0
        var lengths: [Int] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                guard length < 4 else { return nil }
                current = current * 10 + Int(scalar.value - 48)
                length += 1
            case ".", "/", "-":
                guard length > 0, parts.count < 2 else { return nil }
                parts.append(current)
                lengths.append(length)
                current = 0
                length = 0
            default:
                return nil
            }
        }
        guard length > 0, parts.count == 2 else { return nil }
        parts.append(current)
        lengths.append(length)
        guard lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4 || lengths[2] == 2 else { return nil }
        let year = lengths[2] == 2 ? 2000 + parts[2] : parts[2]
        return CivilDate(year: year, month: parts[1], day: parts[0])
    }

    /// Yes/no typed in Russian, Kyrgyz or English.
    static func parseYesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "да", "yes", "ооба", "ага", "y", "д": true
        case "нет", "no", "жок", "n", "н": false
        default: nil
        }
    }
}

/// A calendar day without a time, validated (no 31.02).
struct CivilDate: Sendable, Equatable, Comparable {
    let year: Int
    let month: Int
    let day: Int

    init?(year: Int, month: Int, day: Int) {
        guard (1900...2100).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day `date` falls on in `timeZone`.
    init(_ date: Date, in timeZone: TimeZone) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self = CivilDate(daysSince1970: days)
    }

    /// Howard Hinnant's days-from-civil algorithm, inverted.
    init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    func addingDays(_ count: Int) -> CivilDate {
        CivilDate(daysSince1970: daysSince1970 + count)
    }

    /// `2026-03-05`
    var iso: String { "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))" }
    /// `05.03.2026`
    var display: String { "\(Self.twoDigits(day)).\(Self.twoDigits(month)).\(year)" }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
