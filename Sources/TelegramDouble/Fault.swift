import Foundation

extension BotAPIDouble {
    /// A way to misbehave instead of (or before) answering a request normally.
    public enum Fault: Sendable, Equatable {
        /// That HTTP status with that raw body, e.g. `{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}`.
        case status(Int, body: String)
        /// 429 with Telegram's `parameters.retry_after`.
        case tooManyRequests(retryAfter: Int)
        /// That 5xx status with a Telegram-style JSON error.
        case serverError(Int)
        /// An HTML error page (Content-Type text/html), as a proxy in front of Telegram would send.
        case html(status: Int)
        /// Status 200 and the Content-Length of the full body, but only half the body is sent before the connection closes.
        case truncatedJSON
        /// The request is read, then the connection is closed without a byte of response.
        case closeWithoutResponse
        /// Waits that long (or until `stop()`), then answers normally, so a client timeout can fire first.
        case delay(TimeInterval)
    }
}

extension BotAPIDouble.Fault {
    /// What to send instead of the normal answer; nil for `.delay`, which answers normally afterwards.
    var replacementReply: HTTPReply? {
        switch self {
        case .status(let status, let body):
            let trimmed = body.drop { $0.isWhitespace }
            let isJSON = trimmed.hasPrefix("{") || trimmed.hasPrefix("[")
            return .respond(HTTPResponse(
                status: status, contentType: isJSON ? TelegramJSON.jsonContentType : "text/plain; charset=utf-8", text: body
            ))
        case .tooManyRequests(let retryAfter):
            return .respond(TelegramJSON.error(
                429, "Too Many Requests: retry after \(retryAfter)", parameters: ["retry_after": retryAfter]
            ))
        case .serverError(let status):
            return .respond(TelegramJSON.error(status, HTTPResponse.reasonPhrase(status)))
        case .html(let status):
            let title = "\(status) \(HTTPResponse.reasonPhrase(status))"
            let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
                + "<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
            return .respond(HTTPResponse(status: status, contentType: "text/html", text: page))
        case .truncatedJSON:
            let fullBody = #"{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"#
                + #""text":"this answer is cut off halfway by TelegramDouble"}}"#
            return .respondTruncated(HTTPResponse(status: 200, contentType: TelegramJSON.jsonContentType, text: fullBody))
        case .closeWithoutResponse:
            return .closeWithoutResponse
        case .delay:
            return nil
        }
    }
}

/// Decides which requests get a fault: scripted ones first (in the order injected), then random ones.
struct FaultPlan {
    private struct Scripted {
        let fault: BotAPIDouble.Fault
        let method: String?
        var remaining: Int
    }

    private struct RandomFaults {
        let rate: Double
        let faults: [BotAPIDouble.Fault]
        let methods: Set<String>?
        var generator: SplitMix64
    }

    private var scripted: [Scripted] = []
    private var random: RandomFaults?

    mutating func inject(_ fault: BotAPIDouble.Fault, method: String?, count: Int) {
        guard count > 0 else { return }
        scripted.append(Scripted(fault: fault, method: method, remaining: count))
    }

    mutating func setRandom(rate: Double, faults: [BotAPIDouble.Fault], seed: UInt64, methods: Set<String>?) {
        guard rate > 0, !faults.isEmpty else {
            random = nil
            return
        }
        random = RandomFaults(rate: min(rate, 1), faults: faults, methods: methods, generator: SplitMix64(seed: seed))
    }

    /// The fault for the next request to `method`, consuming one scripted use or one random draw.
    mutating func nextFault(for method: String) -> BotAPIDouble.Fault? {
        if let index = scripted.firstIndex(where: { $0.method == nil || $0.method == method }) {
            let fault = scripted[index].fault
            scripted[index].remaining -= 1
            if scripted[index].remaining == 0 { scripted.remove(at: index) }
            return fault
        }
        guard var plan = random, plan.methods?.contains(method) ?? true else { return nil }
        defer { random = plan }
        guard Double.random(in: 0..<1, using: &plan.generator) < plan.rate else { return nil }
        return plan.faults.randomElement(using: &plan.generator)
    }
}

/// A small seeded generator (SplitMix64), so a run with random faults can be repeated exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
