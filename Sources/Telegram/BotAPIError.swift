/// Why a Bot API call failed. Descriptions come from Telegram or libcurl and are
/// scrubbed of the token; none of them carries a URL or a message text.
public enum BotAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400: the request was wrong (e.g. "Bad Request: chat not found").
    case badRequest(description: String)
    /// 401: the token is wrong or revoked. Retrying cannot help.
    case unauthorized(description: String)
    /// 403: e.g. "Forbidden: bot was blocked by the user".
    case forbidden(description: String)
    /// 409: another getUpdates poller, or a webhook, is active for this token.
    case conflict(description: String)
    /// 429: wait `retryAfter` seconds before trying again.
    case tooManyRequests(retryAfter: Int, description: String)
    /// 5xx from Telegram or a proxy in front of it.
    case serverError(status: Int, description: String)
    /// The request never got an HTTP answer.
    case transport(TransportFailure)
    /// An HTTP answer that is not Bot API JSON: a proxy's HTML page, truncated JSON...
    case invalidResponse(status: Int, reason: String)
    /// Any other Bot API error code (404 for an unknown method, for instance).
    case other(code: Int, description: String)

    /// Whether the same request may succeed if sent again later.
    public var isRetryable: Bool {
        switch self {
        case .tooManyRequests, .serverError, .transport, .invalidResponse, .conflict: true
        case .badRequest, .unauthorized, .forbidden, .other: false
        }
    }

    /// True for Telegram's harmless "message is not modified" answer to an edit that changes nothing.
    public var isMessageNotModified: Bool {
        if case .badRequest(let description) = self { return description.contains("message is not modified") }
        return false
    }

    public var description: String {
        switch self {
        case .badRequest(let d): "Bot API 400: \(d)"
        case .unauthorized(let d): "Bot API 401 (check the bot token): \(d)"
        case .forbidden(let d): "Bot API 403: \(d)"
        case .conflict(let d): "Bot API 409 (another poller or a webhook uses this token): \(d)"
        case .tooManyRequests(let after, _): "Bot API 429: retry after \(after) s"
        case .serverError(let status, let d): "Bot API server error \(status): \(d)"
        case .transport(let failure): "network: \(failure)"
        case .invalidResponse(let status, let reason): "not a Bot API answer (HTTP \(status)): \(reason)"
        case .other(let code, let d): "Bot API \(code): \(d)"
        }
    }
}

/// A request that got no usable HTTP answer.
public enum TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case couldNotResolveHost
    case couldNotConnect
    case timedOut
    /// The connection closed or broke before the whole answer arrived.
    case connectionLost
    /// Stopped on purpose because the bot is shutting down.
    case cancelled
    case other(code: Int, message: String)

    public var description: String {
        switch self {
        case .couldNotResolveHost: "could not resolve the API host"
        case .couldNotConnect: "could not connect to the API"
        case .timedOut: "timed out"
        case .connectionLost: "connection lost mid-response"
        case .cancelled: "cancelled for shutdown"
        case .other(let code, let message): "curl error \(code): \(message)"
        }
    }
}
