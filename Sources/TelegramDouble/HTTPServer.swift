import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1: one thread accepts, one thread serves each connection.
final class HTTPServer: @unchecked Sendable {
    /// Answers one request; called on the connection's thread and may block (long polls, delays).
    typealias Handler = @Sendable (_ request: HTTPRequest, _ connectionID: Int) -> HTTPReply

    let port: UInt16

    private let listenerFD: Int32
    private var handler: Handler?
    private let lock = NSCondition()
    private var stopped = false
    private var acceptLoopFinished = false
    private var acceptedCount = 0
    /// Open connections by id; a connection thread removes itself here before it closes its descriptor,
    /// so `stop()` never shuts down a descriptor number that has already been reused.
    private var openConnections: [Int: Int32] = [:]

    private static let maxHeadSize = 1 << 16
    private static let acceptPollMilliseconds: Int32 = 250

    /// Binds 127.0.0.1 on a free port; connections queue in the backlog until `start(handler:)`.
    init() throws {
        (listenerFD, port) = try Socket.listenOnLoopback()
    }

    /// Starts accepting; call once.
    func start(handler: @escaping Handler) {
        let canStart = lock.withLock {
            guard !stopped, self.handler == nil else { return false }
            self.handler = handler
            return true
        }
        guard canStart else { return }
        let acceptThread = Thread { [self] in acceptLoop() }
        acceptThread.name = "TelegramDouble.accept.\(port)"
        acceptThread.start()
    }

    /// Number of TCP connections accepted so far.
    var connectionsAccepted: Int {
        lock.withLock { acceptedCount }
    }

    var isStopped: Bool {
        lock.withLock { stopped }
    }

    /// Stops accepting, shuts down every open connection and waits (briefly) until the port is released.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        guard handler != nil else {
            close(listenerFD)  // never started, so no accept thread owns it
            return
        }
        // On Linux this wakes the accept thread at once; elsewhere its poll timeout does.
        shutdown(listenerFD, Int32(SHUT_RDWR))
        for fd in openConnections.values {
            shutdown(fd, Int32(SHUT_RDWR))
        }
        let deadline = Date().addingTimeInterval(2)
        while !acceptLoopFinished && lock.wait(until: deadline) {}
    }

    private func acceptLoop() {
        defer {
            close(listenerFD)
            lock.withLock {
                acceptLoopFinished = true
                lock.broadcast()
            }
        }
        while !isStopped {
            guard Socket.waitReadable(listenerFD, milliseconds: Self.acceptPollMilliseconds) else { continue }
            let fd = accept(listenerFD, nil, nil)
            guard fd >= 0 else {
                if errno != EINTR && errno != EAGAIN && !isStopped { usleep(10_000) }  // e.g. out of descriptors
                continue
            }
            Socket.configureAccepted(fd)
            let connectionID: Int? = lock.withLock {
                guard !stopped else { return nil }
                acceptedCount += 1
                openConnections[acceptedCount] = fd
                return acceptedCount
            }
            guard let connectionID else {
                close(fd)
                return
            }
            let thread = Thread { [self] in serve(connectionID: connectionID, fd: fd) }
            thread.name = "TelegramDouble.connection.\(connectionID)"
            thread.start()
        }
    }

    private func serve(connectionID: Int, fd: Int32) {
        defer {
            lock.withLock { _ = openConnections.removeValue(forKey: connectionID) }
            close(fd)
        }
        guard let handler = lock.withLock({ handler }) else { return }
        let reader = SocketReader(fd: fd)
        while !isStopped {
            let head: HTTPRequestHead
            switch reader.readHead(limit: Self.maxHeadSize) {
            case .closed:
                return
            case .tooLarge:
                rejectMalformed(fd, HTTPParseError("request head larger than \(Self.maxHeadSize) bytes"))
                return
            case .head(let bytes):
                do {
                    head = try HTTPRequestParser.parseHead(bytes)
                } catch {
                    rejectMalformed(fd, error)
                    return
                }
            }
            if head.expectsContinue {
                guard Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)[...]) else { return }
            }
            let body: [UInt8]
            do {
                guard let read = try readBody(framing: head.bodyFraming, from: reader) else { return }
                body = read
            } catch {
                rejectMalformed(fd, error)
                return
            }

            let reply = handler(HTTPRequest(head: head, body: body), connectionID)
            let keepAlive = head.wantsKeepAlive && !isStopped
            switch reply {
            case .respond(let response):
                guard Socket.sendAll(fd, (response.headBytes(keepAlive: keepAlive) + response.body)[...]),
                      keepAlive
                else { return }
            case .respondTruncated(let response):
                let half = response.body.prefix(response.body.count / 2)
                _ = Socket.sendAll(fd, (response.headBytes(keepAlive: keepAlive) + half)[...])
                return
            case .closeWithoutResponse:
                return
            }
        }
    }

    /// Reads the body as framed; nil when the client hangs up midway.
    private func readBody(framing: HTTPRequestHead.BodyFraming, from reader: SocketReader) throws -> [UInt8]? {
        switch framing {
        case .noBody:
            return []
        case .contentLength(let length):
            return reader.readExactly(length)
        case .chunked:
            var body: [UInt8] = []
            while true {
                guard let sizeLine = reader.readLine(limit: 1024) else { return nil }
                let sizeText = String(decoding: sizeLine, as: UTF8.self)
                    .split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .trimmingCharacters(in: .whitespaces)
                guard let size = Int(sizeText, radix: 16), size >= 0 else { throw HTTPParseError("malformed chunk size") }
                if size == 0 {
                    while let trailer = reader.readLine(limit: Self.maxHeadSize), !trailer.isEmpty {}
                    return body
                }
                guard body.count + size <= HTTPRequestParser.maxBodySize else { throw HTTPParseError("body too large") }
                guard let chunk = reader.readExactly(size), let end = reader.readExactly(2) else { return nil }
                guard end == [13, 10] else { throw HTTPParseError("chunk not followed by CRLF") }
                body += chunk
            }
        }
    }

    private func rejectMalformed(_ fd: Int32, _ error: any Error) {
        let response = HTTPResponse(status: 400, contentType: "text/plain; charset=utf-8", text: "Bad Request: \(error)\n")
        guard Socket.sendAll(fd, (response.headBytes(keepAlive: false) + response.body)[...]) else { return }
        Socket.drainBeforeClose(fd)
    }
}
