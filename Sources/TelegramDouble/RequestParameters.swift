import Foundation

/// The Bot API parameters of one request: from the query string and from a JSON, form or multipart body.
struct RequestParameters {
    var values: [String: String] = [:]
    var files: [String: BotAPIDouble.UploadedFile] = [:]

    /// Why the body could not be decoded (Telegram answers such a request with 400); nil when it could.
    var bodyError: String?

    /// Query parameters first; body parameters of the same name win.
    init(_ request: HTTPRequest) {
        values = Self.decodeURLEncoded(request.head.query)
        guard !request.body.isEmpty else { return }
        let contentType = request.head.headers["content-type"] ?? ""
        let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        do {
            switch mediaType {
            case "application/json":
                try decodeJSON(request.body)
            case "application/x-www-form-urlencoded":
                values.merge(Self.decodeURLEncoded(String(decoding: request.body, as: UTF8.self))) { $1 }
            case "multipart/form-data":
                try decodeMultipart(request.body, contentType: contentType)
            default:
                break
            }
        } catch {
            bodyError = "\(error)"
        }
    }

    /// Decodes "a=1&b=x+y%21"; a key without "=" gets an empty value.
    static func decodeURLEncoded(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = percentDecode(parts[0])
            guard !key.isEmpty else { continue }
            result[key] = parts.count > 1 ? percentDecode(parts[1]) : ""
        }
        return result
    }

    private static func percentDecode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private mutating func decodeJSON(_ body: [UInt8]) throws(HTTPParseError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)),
              let dictionary = object as? [String: Any]
        else { throw HTTPParseError("can't parse JSON object") }
        for (key, value) in dictionary {
            if let text = TelegramJSON.parameterString(value) {
                values[key] = text
            }
        }
    }

    private mutating func decodeMultipart(_ body: [UInt8], contentType: String) throws(HTTPParseError) {
        guard let boundary = Self.headerAttribute("boundary", in: contentType), !boundary.isEmpty else {
            throw HTTPParseError("multipart body without a boundary")
        }
        for part in try MultipartParser.parts(of: body, boundary: boundary) {
            if let filename = part.filename {
                files[part.name] = BotAPIDouble.UploadedFile(
                    filename: filename, data: Data(part.data), contentType: part.contentType
                )
            } else {
                values[part.name] = String(decoding: part.data, as: UTF8.self)
            }
        }
    }

    /// The value of `name=` (quoted or not) among the ";"-separated attributes of a header value.
    static func headerAttribute(_ name: String, in headerValue: String) -> String? {
        for attribute in headerValue.split(separator: ";").dropFirst() {
            let pair = attribute.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}

/// Splits a multipart/form-data body (RFC 7578) into its parts.
enum MultipartParser {
    struct Part {
        let name: String
        let filename: String?
        let contentType: String?
        let data: ArraySlice<UInt8>
    }

    static func parts(of body: [UInt8], boundary: String) throws(HTTPParseError) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var position = body.firstIndex(of: delimiter, from: 0) else {
            throw HTTPParseError("multipart boundary not found")
        }
        position += delimiter.count
        var parts: [Part] = []
        while true {
            // After a delimiter comes "--" (the end) or CRLF and the next part.
            if body[position...].starts(with: Array("--".utf8)) { return parts }
            guard body[position...].starts(with: [13, 10]) else { throw HTTPParseError("malformed multipart delimiter") }
            let headStart = position + 2
            guard let headEnd = body.firstIndex(of: Array("\r\n\r\n".utf8), from: headStart),
                  let partEnd = body.firstIndex(of: separator, from: headEnd + 4)
            else { throw HTTPParseError("truncated multipart body") }
            parts.append(try part(head: body[headStart..<headEnd], data: body[(headEnd + 4)..<partEnd]))
            position = partEnd + separator.count
        }
    }

    private static func part(head: ArraySlice<UInt8>, data: ArraySlice<UInt8>) throws(HTTPParseError) -> Part {
        var headers: [String: String] = [:]
        for line in String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let disposition = headers["content-disposition"],
              let name = RequestParameters.headerAttribute("name", in: disposition)
        else { throw HTTPParseError("multipart part without a name") }
        return Part(
            name: name,
            filename: RequestParameters.headerAttribute("filename", in: disposition),
            contentType: headers["content-type"],
            data: data
        )
    }
}
