/// Escaping for Telegram's parse_mode HTML.
public enum HTML {
    /// Escapes `&`, `<`, `>` and `"`; everything else (any script, emoji) is kept as is.
    public static func escape(_ s: String) -> String {
        guard needsEscaping(s) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Most texts need no escaping at all, so this scan is the common cost: eight bytes at a time.
    static func needsEscaping(_ s: String) -> Bool {
        let special = { (byte: UInt8) in byte < 0x3F && (byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22) }
        return s.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= bytes.count {
                    if wordHasSpecialByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return true }
                    index += 8
                }
            }
            return bytes[index...].contains(where: special)
        } ?? s.utf8.contains(where: special)
    }

    /// SWAR test: does any byte of `word` equal `&`, `<`, `>` or `"`?
    @inline(__always)
    private static func wordHasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasByte(_ value: UInt64) -> Bool {
            let x = word ^ (ones &* value)
            return (x &- ones) & ~x & highs != 0
        }
        return hasByte(0x26) || hasByte(0x3C) || hasByte(0x3E) || hasByte(0x22)
    }

    /// Turns text made for parse_mode HTML back into plain text (for the terminal): drops tags, decodes entities.
    public static func plainText(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(8).firstIndex(of: ";") {
                switch html[index...semicolon] {
                case "&amp;": out += "&"
                case "&lt;": out += "<"
                case "&gt;": out += ">"
                case "&quot;": out += "\""
                default: out += html[index...semicolon]
                }
                index = html.index(after: semicolon)
                continue
            }
            out.append(character)
            index = html.index(after: index)
        }
        return out
    }

    /// Visible length of text made for parse_mode HTML: tags count as nothing, each entity as one character.
    static func visibleCount(ofEscaped text: String) -> Int {
        var count = 0
        var index = text.startIndex
        while index < text.endIndex {
            index = skipMarkup(in: text, at: index, countsAsCharacter: &count)
        }
        return count
    }

    /// Cuts HTML text to at most `limit` visible characters, adding "…", never splitting an entity or a tag,
    /// and closing any tag left open.
    static func truncate(escaped text: String, toVisible limit: Int) -> String {
        guard limit > 0 else { return "" }
        if text.utf8.count <= limit || visibleCount(ofEscaped: text) <= limit { return text }
        var count = 0
        var index = text.startIndex
        var openTags: [Substring] = []
        while index < text.endIndex, count < limit - 1 {
            if text[index] == "<", let close = text[index...].firstIndex(of: ">") {
                let tag = text[text.index(after: index)..<close]
                if tag.hasPrefix("/") {
                    if !openTags.isEmpty { openTags.removeLast() }
                } else {
                    openTags.append(tag.prefix { $0 != " " })
                }
                index = text.index(after: close)
                continue
            }
            index = skipMarkup(in: text, at: index, countsAsCharacter: &count)
        }
        return String(text[..<index]) + "…" + openTags.reversed().map { "</\($0)>" }.joined()
    }

    /// Steps over one character, entity or tag starting at `index`, counting the visible ones.
    private static func skipMarkup(in text: String, at index: String.Index, countsAsCharacter count: inout Int) -> String.Index {
        switch text[index] {
        case "<":
            if let close = text[index...].firstIndex(of: ">") { return text.index(after: close) }
        case "&":
            if let semicolon = text[index...].prefix(8).firstIndex(of: ";") {
                count += 1
                return text.index(after: semicolon)
            }
        default:
            break
        }
        count += 1
        return text.index(after: index)
    }

    /// Escapes plain text and cuts it to `limit` visible characters.
    static func escape(_ s: String, limit: Int) -> String {
        truncate(escaped: escape(s), toVisible: limit)
    }
}
