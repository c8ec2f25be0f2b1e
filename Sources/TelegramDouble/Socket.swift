#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed POSIX call while setting up the listening socket.
public struct SocketError: Error, CustomStringConvertible {
    /// The system call that failed, e.g. "bind".
    public let call: String
    /// The `errno` it left behind.
    public let code: Int32

    init(_ call: String) {
        self.call = call
        self.code = errno
    }

    /// "bind failed: Address already in use (errno 98)".
    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}

/// Thin wrappers over the POSIX socket calls the server needs; they all work on raw file descriptors.
enum Socket {
    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif

    /// Opens a listening TCP socket on 127.0.0.1 with a port chosen by the kernel.
    static func listenOnLoopback() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw SocketError("socket") }
        do {
            var reuse: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))

            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
            #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
            #endif
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            guard bound == 0 else { throw SocketError("bind") }
            guard listen(fd, 128) == 0 else { throw SocketError("listen") }
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            guard named == 0 else { throw SocketError("getsockname") }
            return (fd, UInt16(bigEndian: address.sin_port))
        } catch {
            close(fd)
            throw error
        }
    }

    /// Prepares an accepted connection: no Nagle delay, and no SIGPIPE on Darwin (Linux uses MSG_NOSIGNAL per send).
    static func configureAccepted(_ fd: Int32) {
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Waits up to `milliseconds` for `fd` to become readable (or hung up); true when it is.
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Sends every byte, retrying short writes; false when the peer is gone.
    static func sendAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let sent = remaining.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, sendFlags) }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            remaining = remaining.dropFirst(sent)
        }
        return true
    }

    /// Closing with unread input makes the kernel send RST, which can destroy a response the client has not read yet;
    /// so half-close and swallow what the client is still sending, for a short while (as nginx's lingering close does).
    static func drainBeforeClose(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        var drained = 0
        while drained < 4 << 20, waitReadable(fd, milliseconds: 200) {
            let chunk = receive(fd, capacity: 1 << 16)
            if chunk.isEmpty { return }
            drained += chunk.count
        }
    }

    /// Receives at most `capacity` bytes; an empty array means the peer closed (or the socket was shut down).
    static func receive(_ fd: Int32, capacity: Int) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, capacity, 0) }
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Array(chunk[..<count]) : []
        }
    }
}
