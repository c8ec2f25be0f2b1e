/// A response the server writes back; it always carries Content-Length.
struct HTTPResponse: Sendable {
    let status: Int
    let contentType: String
    let body: [UInt8]

    init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    init(status: Int, contentType: String, text: String) {
        self.init(status: status, contentType: contentType, body: Array(text.utf8))
    }

    /// Status line and headers, ending with the blank line.
    func headBytes(keepAlive: Bool) -> [UInt8] {
        let head = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
            + "Server: TelegramDouble\r\n"
            + "Content-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\n"
            + "Connection: \(keepAlive ? "keep-alive" : "close")\r\n"
            + "\r\n"
        return Array(head.utf8)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Request Entity Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}

/// What the server should do once a request has been read.
enum HTTPReply: Sendable {
    /// Send the response; keep the connection if the client wants to.
    case respond(HTTPResponse)
    /// Send the head (with the full Content-Length) and only the first half of the body, then close.
    case respondTruncated(HTTPResponse)
    /// Close the connection without writing anything.
    case closeWithoutResponse
}
