internal import CCurl
import Foundation

/// What one HTTP exchange returned.
struct HTTPResponse {
    let status: Int
    let body: Data
}

/// The body of a POST.
enum HTTPBody {
    case json(Data)
    case multipart([MultipartPart])
}

/// One field of a multipart/form-data body.
struct MultipartPart {
    let name: String
    let data: Data
    let fileName: String?
    let mimeType: String?
}

/// One libcurl easy handle, reused for every request so the TCP/TLS connection is kept alive.
/// Not thread-safe: each thread that talks to Telegram owns its own session.
final class CurlSession {
    private static let globalInit: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let jsonHeaders: UnsafeMutablePointer<curl_slist>?
    private let connectTimeout: TimeInterval
    private let cancellation: CancellationFlag?

    init(connectTimeout: TimeInterval, cancellation: CancellationFlag?) throws(TransportFailure) {
        guard Self.globalInit, let handle = curl_easy_init() else {
            throw .other(code: -1, message: "libcurl could not be initialised")
        }
        self.handle = handle
        self.connectTimeout = connectTimeout
        self.cancellation = cancellation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headers = curl_slist_append(nil, "Content-Type: application/json")
        // Without this, curl waits for "100 Continue" before sending bodies over 1 KiB.
        headers = curl_slist_append(headers, "Expect:")
        jsonHeaders = headers
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(jsonHeaders)
        errorBuffer.deallocate()
    }

    /// POSTs `body` to `url` and returns the HTTP status and body, whatever the status.
    func post(url: String, body: HTTPBody, timeout: TimeInterval) throws(TransportFailure) -> HTTPResponse {
        // reset clears options but keeps live connections and the DNS cache.
        curl_easy_reset(handle)
        let sink = ResponseSink(cancellation: cancellation)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        errorBuffer[0] = 0

        var mime: OpaquePointer?
        defer { if let mime { curl_mime_free(mime) } }

        var code = kenesh_curl_setopt_string(handle, CURLOPT_URL, url)
        code = chain(code, kenesh_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        code = chain(code, kenesh_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(connectTimeout)))
        code = chain(code, kenesh_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(timeout)))
        code = chain(code, kenesh_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        code = chain(code, kenesh_curl_setopt_string(handle, CURLOPT_USERAGENT, "kenesh"))
        code = chain(code, kenesh_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        code = chain(code, kenesh_curl_setopt_write_function(handle, writeToSink))
        code = chain(code, kenesh_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer))
        code = chain(code, kenesh_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
        code = chain(code, kenesh_curl_setopt_xferinfo_function(handle, abortWhenCancelled))
        code = chain(code, kenesh_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, sinkPointer))

        switch body {
        case .json(let data):
            code = chain(code, kenesh_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, jsonHeaders))
            code = chain(code, kenesh_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(data.count)))
            code = chain(code, data.withUnsafeBytes { raw in
                // COPYPOSTFIELDS copies, so the bytes need not outlive this call.
                kenesh_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
            })
        case .multipart(let parts):
            mime = curl_mime_init(handle)
            for part in parts {
                let field = curl_mime_addpart(mime)
                curl_mime_name(field, part.name)
                part.data.withUnsafeBytes { raw in
                    _ = curl_mime_data(field, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
                }
                if let fileName = part.fileName { curl_mime_filename(field, fileName) }
                if let mimeType = part.mimeType { curl_mime_type(field, mimeType) }
            }
            code = chain(code, kenesh_curl_setopt_mime(handle, mime))
        }
        guard code == CURLE_OK else { throw failure(for: code) }

        let result = curl_easy_perform(handle)
        guard result == CURLE_OK else { throw failure(for: result) }

        var status = 0
        _ = kenesh_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, body: sink.data)
    }

    private func chain(_ previous: CURLcode, _ next: @autoclosure () -> CURLcode) -> CURLcode {
        previous == CURLE_OK ? next() : previous
    }

    private func milliseconds(_ seconds: TimeInterval) -> Int {
        Int((seconds * 1000).rounded())
    }

    private func failure(for code: CURLcode) -> TransportFailure {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .couldNotResolveHost
        case CURLE_COULDNT_CONNECT: return .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT: return .timedOut
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE: return .connectionLost
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        default:
            let detail = String(cString: errorBuffer)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .other(code: Int(code.rawValue), message: message)
        }
    }
}

/// Collects the response body and carries the cancellation flag into the C callbacks.
private final class ResponseSink {
    var data = Data()
    let cancellation: CancellationFlag?

    init(cancellation: CancellationFlag?) {
        self.cancellation = cancellation
    }
}

private let writeToSink: kenesh_curl_write_callback = { pointer, size, count, userData in
    guard let pointer, let userData else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(userData).takeUnretainedValue()
    let length = size * count
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) { sink.data.append($0, count: length) }
    return length
}

private let abortWhenCancelled: kenesh_curl_xferinfo_callback = { userData, _, _, _, _ in
    guard let userData else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(userData).takeUnretainedValue()
    return sink.cancellation?.isCancelled == true ? 1 : 0
}
