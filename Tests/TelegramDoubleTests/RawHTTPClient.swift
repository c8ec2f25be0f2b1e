import Foundation
import TelegramDouble
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a raw exchange did not produce a whole response.
enum RawClientError: Error, Equatable {
    case connectFailed(Int32)
    /// The server closed the connection; `received` is every byte it sent before that.
    case closed(received: [UInt8])
    case timedOut
    case malformedResponse(String)
}

/// A response as read off the wire.
struct RawResponse: Sendable {
    let status: Int
    /// Header values by lower-cased name.
    let headers: [String: String]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// `result` of a `{"ok":true,"result":...}` body.
    var result: Any? { json["result"] }
}

/// A tiny HTTP/1.1 client on one TCP connection, so tests see exactly the bytes (and closes) the double sends.
final class RawConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, receiveTimeout: TimeInterval = 5) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: .init(receiveTimeout.truncatingRemainder(dividingBy: 1) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw RawClientError.connectFailed(code)
        }
    }

    deinit {
        close(fd)
    }

    func write(_ bytes: [UInt8]) {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Reads one response framed by its Content-Length.
    func readResponse() throws -> RawResponse {
        let headEnd = try readUntil(Array("\r\n\r\n".utf8))
        let headText = String(decoding: buffer[..<headEnd], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawClientError.malformedResponse(headText)
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw RawClientError.malformedResponse(line) }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let bodyStart = headEnd + 4
        let length = Int(headers["content-length"] ?? "") ?? 0
        while buffer.count < bodyStart + length {
            guard try receiveMore() else { throw RawClientError.closed(received: buffer) }
        }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return RawResponse(status: status, headers: headers, body: body)
    }

    /// Everything the server sends until it closes the connection.
    func readUntilClosed() throws -> [UInt8] {
        while try receiveMore() {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Whether the server has closed its side (reads end-of-stream), within the receive timeout.
    func isClosedByServer() -> Bool {
        (try? receiveMore()) == false && buffer.isEmpty
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        while true {
            if let index = firstIndex(of: marker) { return index }
            guard try receiveMore() else { throw RawClientError.closed(received: buffer) }
        }
    }

    private func firstIndex(of marker: [UInt8]) -> Int? {
        guard buffer.count >= marker.count else { return nil }
        return (0...(buffer.count - marker.count)).first { buffer[$0..<($0 + marker.count)].elementsEqual(marker) }
    }

    /// False at end of stream.
    private func receiveMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw RawClientError.timedOut }
            return false  // ECONNRESET and friends: the server is gone too
        }
        buffer += chunk[..<count]
        return count > 0
    }
}

/// Request texts and one-shot calls against a double.
enum Raw {
    static func get(_ path: String, headers: [String] = []) -> [UInt8] {
        Array((["GET \(path) HTTP/1.1", "Host: 127.0.0.1"] + headers + ["", ""]).joined(separator: "\r\n").utf8)
    }

    static func post(_ path: String, contentType: String, body: [UInt8], headers: [String] = []) -> [UInt8] {
        let head = ["POST \(path) HTTP/1.1", "Host: 127.0.0.1", "Content-Type: \(contentType)", "Content-Length: \(body.count)"]
            + headers + ["", ""]
        return Array(head.joined(separator: "\r\n").utf8) + body
    }

    static func json(_ object: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    /// Sends one request on a fresh connection and reads the response.
    static func exchange(_ double: BotAPIDouble, _ request: [UInt8], receiveTimeout: TimeInterval = 5) throws -> RawResponse {
        let connection = try RawConnection(port: double.port, receiveTimeout: receiveTimeout)
        connection.write(request)
        return try connection.readResponse()
    }

    /// GET /bot<token>/<method>?<query> on a fresh connection.
    static func call(_ double: BotAPIDouble, _ method: String, query: String = "") throws -> RawResponse {
        let path = "/bot\(double.token)/\(method)" + (query.isEmpty ? "" : "?\(query)")
        return try exchange(double, get(path))
    }

    /// POST /bot<token>/<method> with a JSON body on a fresh connection.
    static func call(_ double: BotAPIDouble, _ method: String, json object: [String: Any]) throws -> RawResponse {
        try exchange(double, post("/bot\(double.token)/\(method)", contentType: "application/json", body: json(object)))
    }
}

/// Runs blocking work on its own thread: the raw client blocks, and blocking the few threads of
/// Swift's cooperative pool would stall every other test.
final class BackgroundCall<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            let result = Result { try work() }
            condition.withLock {
                outcome = result
                condition.broadcast()
            }
        }.start()
    }

    /// The work's result, waiting for it at most `timeout` seconds.
    func value(timeout: TimeInterval = 10) throws -> Value {
        let deadline = Date().addingTimeInterval(timeout)
        return try condition.withLock {
            while outcome == nil && condition.wait(until: deadline) {}
            guard let outcome else { throw RawClientError.timedOut }
            return try outcome.get()
        }
    }
}
