import Foundation

/// The request line and headers of one HTTP/1.x request.
struct HTTPRequestHead: Sendable {
    /// "GET", "POST", ...
    let method: String
    /// The percent-decoded path, e.g. "/bot123:abc/getMe".
    let path: String
    /// The raw query string without "?", still percent-encoded.
    let query: String
    /// "HTTP/1.1" or "HTTP/1.0".
    let version: String
    /// Header values by lower-cased name; repeated headers are joined with ", ".
    let headers: [String: String]

    /// How the body is framed.
    enum BodyFraming: Equatable {
        case noBody
        case contentLength(Int)
        case chunked
    }

    let bodyFraming: BodyFraming

    /// HTTP/1.1 keeps the connection open unless told otherwise; HTTP/1.0 only when asked.
    var wantsKeepAlive: Bool {
        let tokens = Set((headers["connection"] ?? "").lowercased().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        })
        if tokens.contains("close") { return false }
        return version == "HTTP/1.1" || tokens.contains("keep-alive")
    }

    /// libcurl sends `Expect: 100-continue` before large POST bodies and waits for the interim answer.
    var expectsContinue: Bool {
        headers["expect"]?.lowercased() == "100-continue" && bodyFraming != .noBody
    }
}

/// A complete request as read from the socket.
struct HTTPRequest: Sendable {
    let head: HTTPRequestHead
    let body: [UInt8]
}

/// Why a request could not be understood; the server answers 400 and closes.
struct HTTPParseError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Parses request heads; pure functions so they can be tested without sockets.
enum HTTPRequestParser {
    /// Larger Content-Length values are refused (Telegram's own upload limit is 50 MB).
    static let maxBodySize = 64 << 20

    static func parseHead(_ bytes: [UInt8]) throws -> HTTPRequestHead {
        // Works on bytes, not with Foundation's string searches: the double parses every request
        // of a benchmark on the same two cores as the bot it measures.
        var lines = Self.lineRanges(of: bytes)
        guard !lines.isEmpty else { throw HTTPParseError("empty request") }
        let requestLine = String(decoding: bytes[lines.removeFirst()], as: UTF8.self)
            .split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3 else { throw HTTPParseError("malformed request line") }
        let method = String(requestLine[0])
        let version = String(requestLine[2])
        guard !method.isEmpty, method.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw HTTPParseError("malformed method")
        }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw HTTPParseError("unsupported HTTP version") }

        let (path, query) = try splitTarget(String(requestLine[1]))
        let headers = try parseHeaderLines(lines, in: bytes)
        return HTTPRequestHead(
            method: method, path: path, query: query, version: version, headers: headers,
            bodyFraming: try bodyFraming(headers)
        )
    }

    /// Where the head's lines are, without their CRLFs; leading and trailing CR and LF bytes dropped first.
    private static func lineRanges(of bytes: [UInt8]) -> [Range<Int>] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == cr || bytes[start] == lf { start += 1 }
        while end > start, bytes[end - 1] == cr || bytes[end - 1] == lf { end -= 1 }
        guard start < end else { return [] }
        var lines: [Range<Int>] = []
        var lineStart = start
        var index = start
        while index + 1 < end {
            if bytes[index] == cr, bytes[index + 1] == lf {
                lines.append(lineStart..<index)
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(lineStart..<end)
        return lines
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func splitTarget(_ rawTarget: String) throws -> (path: String, query: String) {
        var target = Substring(rawTarget)
        // Absolute form ("http://host/path"), as a client talking to a proxy would send.
        if !target.hasPrefix("/"), let schemeEnd = target.utf8.firstRange(of: "://".utf8) {
            let afterAuthority = target[schemeEnd.upperBound...]
            target = afterAuthority.firstIndex(of: "/").map { afterAuthority[$0...] } ?? "/"
        }
        guard target.hasPrefix("/") else { throw HTTPParseError("malformed request target") }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(parts[0])
        let query = parts.count > 1 ? String(parts[1]) : ""
        guard rawPath.utf8.contains(UInt8(ascii: "%")) else { return (rawPath, query) }
        guard let path = rawPath.removingPercentEncoding else { throw HTTPParseError("malformed percent-encoding in path") }
        return (path, query)
    }

    private static func parseHeaderLines(_ lines: [Range<Int>], in bytes: [UInt8]) throws -> [String: String] {
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")) else {
                throw HTTPParseError("header line without a colon")
            }
            let nameBytes = bytes[line.lowerBound..<colon]
            guard !nameBytes.isEmpty, !nameBytes.contains(where: isBlank) else {
                throw HTTPParseError("malformed header name")
            }
            // Header names are ASCII tokens, so lower-casing their ASCII letters is enough.
            let name = String(decoding: nameBytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            var valueStart = colon + 1, valueEnd = line.upperBound
            while valueStart < valueEnd, isBlank(bytes[valueStart]) { valueStart += 1 }
            while valueEnd > valueStart, isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return headers
    }

    private static func bodyFraming(_ headers: [String: String]) throws -> HTTPRequestHead.BodyFraming {
        if let transferEncoding = headers["transfer-encoding"] {
            guard transferEncoding.lowercased() == "chunked" else {
                throw HTTPParseError("unsupported Transfer-Encoding \(transferEncoding)")
            }
            guard headers["content-length"] == nil else {
                throw HTTPParseError("both Content-Length and Transfer-Encoding")
            }
            return .chunked
        }
        guard let lengthText = headers["content-length"] else { return .noBody }
        guard let length = Int(lengthText), length >= 0 else { throw HTTPParseError("malformed Content-Length") }
        guard length <= maxBodySize else { throw HTTPParseError("body larger than \(maxBodySize) bytes") }
        return length == 0 ? .noBody : .contentLength(length)
    }
}
