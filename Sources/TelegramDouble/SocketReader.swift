/// Buffered reads from one connected socket, so a request head, its body and the next request can be taken apart.
final class SocketReader {
    /// What came of waiting for a request head.
    enum HeadResult {
        case head([UInt8])
        case closed
        case tooLarge
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var consumed = 0

    init(fd: Int32) {
        self.fd = fd
    }

    /// Reads up to and including the blank line that ends a request head; returns the head without it.
    func readHead(limit: Int) -> HeadResult {
        skipLeadingLineBreaks()
        guard let end = scan(for: Self.headTerminator, limit: limit) else {
            return buffer.count - consumed > limit ? .tooLarge : .closed
        }
        let head = Array(buffer[consumed..<end])
        consumed = end + Self.headTerminator.count
        return .head(head)
    }

    /// Reads exactly `count` bytes, or nil when the peer closes first.
    func readExactly(_ count: Int) -> [UInt8]? {
        while buffer.count - consumed < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[consumed..<(consumed + count)])
        consumed += count
        return bytes
    }

    /// Reads one CRLF-terminated line (without the CRLF), or nil when the peer closes first or it exceeds `limit`.
    func readLine(limit: Int) -> [UInt8]? {
        guard let end = scan(for: Self.lineBreak, limit: limit) else { return nil }
        let line = Array(buffer[consumed..<end])
        consumed = end + Self.lineBreak.count
        return line
    }

    /// Receives until `marker` appears after the read position; returns its index, or nil on close or past `limit`.
    private func scan(for marker: [UInt8], limit: Int) -> Int? {
        // Kept relative to `consumed` because `fill()` may compact the buffer.
        var alreadyScanned = 0
        while true {
            if let end = buffer.firstIndex(of: marker, from: consumed + alreadyScanned) {
                return end
            }
            if buffer.count - consumed > limit { return nil }
            alreadyScanned = max(0, buffer.count - consumed - marker.count + 1)
            guard fill() else { return nil }
        }
    }

    private static let headTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    private static let lineBreak: [UInt8] = Array("\r\n".utf8)

    /// Receives more bytes into the buffer; false when the peer closed.
    private func fill() -> Bool {
        if consumed > 0 && consumed == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            consumed = 0
        } else if consumed > 1 << 16 {
            buffer.removeFirst(consumed)
            consumed = 0
        }
        let chunk = Socket.receive(fd, capacity: 1 << 16)
        guard !chunk.isEmpty else { return false }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// RFC 9112 asks servers to ignore empty lines before a request line (some clients send a CRLF after a body).
    private func skipLeadingLineBreaks() {
        while consumed < buffer.count, buffer[consumed] == UInt8(ascii: "\r") || buffer[consumed] == UInt8(ascii: "\n") {
            consumed += 1
        }
    }
}
