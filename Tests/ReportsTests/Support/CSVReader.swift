import Foundation

/// A strict RFC 4180 reader for checking exports: quoted fields, doubled quotes, CRLF records.
enum CSVReader {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Rows of the file after its byte-order mark (which must be there).
    static func rows(_ data: Data) throws -> [[String]] {
        guard data.starts(with: byteOrderMark) else { throw Problem("no UTF-8 byte-order mark") }
        guard let text = String(data: data.dropFirst(3), encoding: .utf8) else { throw Problem("not UTF-8") }
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, atFieldStart = true
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart: quoted = true; atFieldStart = false
            case ",": row.append(field); field = ""; atFieldStart = true
            case "\r":
                guard characters.next() == "\n" else { throw Problem("a CR without LF") }
                row.append(field); rows.append(row); row = []; field = ""; atFieldStart = true
            case "\n": throw Problem("a bare LF ends a record")
            default: field.unicodeScalars.append(character); atFieldStart = false
            }
        }
        guard !quoted else { throw Problem("an unterminated quote") }
        if !row.isEmpty || !field.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Rows as dictionaries keyed by the header row.
    static func records(_ data: Data) throws -> (headers: [String], records: [[String: String]]) {
        let all = try rows(data)
        guard let headers = all.first else { throw Problem("no header") }
        let records = try all.dropFirst().map { row -> [String: String] in
            guard row.count == headers.count else { throw Problem("a row with \(row.count) fields under \(headers.count) headers") }
            return Dictionary(uniqueKeysWithValues: zip(headers, row))
        }
        return (headers, records)
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
