import Foundation

/// A Telegram Bot API double serving real HTTP/1.1 on 127.0.0.1; every member is safe to use from any thread.
///
/// # TelegramDouble
///
/// Tests and benchmarks run the bot against this stand-in. The bot talks to it with its real HTTP client
/// (libcurl), so everything between "the bot calls sendMessage" and "the bytes arrive" is exercised: connection
/// reuse, request encodings (JSON, form, multipart with files, `Expect: 100-continue`), response parsing,
/// retries and timeouts. Updates are served with real getUpdates semantics (offset confirmation, long polling).
///
/// ## Why the HTTP server is hand-written on POSIX sockets
/// - Tests need faults at the byte level: close the socket after reading a request, declare a Content-Length
///   and send half the body, stall before answering. HTTP frameworks exist to make such responses impossible.
/// - Tests need to see the transport: how many TCP connections the client opened (to prove keep-alive) and
///   which connection carried which request.
/// - The target must stay dependency-free (Foundation only), so every test target and the benchmarks can use it.
///
/// The server is deliberately small: HTTP/1.1 keep-alive, Content-Length or chunked request bodies, one thread
/// per connection. It only ever faces a local test client.
///
/// ## Usage
/// ```swift
/// let telegram = try BotAPIDouble()
/// telegram.enqueueMessage(from: 42, text: "/start")
/// // point the bot at telegram.baseURL with telegram.token and run it, then:
/// #expect(telegram.waitUntil { $0.sentTexts(to: 42).count == 1 })
/// telegram.injectFault(.tooManyRequests(retryAfter: 1), method: "sendMessage")
/// ```
///
/// ## Good to know
/// - A faulted request is recorded but has no other effect: nothing is sent, no update is confirmed
///   (`.delay` is the exception: it answers normally afterwards).
/// - libcurl silently retries a request once on a fresh connection when a *reused* connection closes without
///   any response, so `.closeWithoutResponse` on a kept-alive connection needs `count: 2` to reach the bot.
public final class BotAPIDouble: @unchecked Sendable {
    /// The token the double accepts in `/bot<token>/<method>`; any other token gets 401.
    public let token: String
    /// The port the double listens on (chosen by the kernel).
    public let port: UInt16
    /// "http://127.0.0.1:<port>", the base URL for the bot's client.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// The bot's user id, taken from the token's numeric prefix (123456 for the default token), as in Telegram.
    public let botId: Int64

    private let server: HTTPServer
    /// Guards `state`; getUpdates and delays wait on it, so enqueueing and `stop()` wake them.
    private let lock = NSCondition()
    private var state = BotAPIState()

    /// Binds 127.0.0.1 on a free port and starts serving at once.
    public init(token: String = "123456:TEST-double-token") throws {
        self.token = token
        self.botId = Int64(token.prefix { $0.isNumber }) ?? 123_456
        server = try HTTPServer()
        port = server.port
        server.start { [weak self] request, connectionId in
            self?.handle(request, connectionId: connectionId) ?? .closeWithoutResponse
        }
    }

    deinit {
        stop()
    }

    /// Closes the listener and every connection and wakes blocked long polls; safe to call more than once.
    public func stop() {
        withState {
            state.isStopped = true
            lock.broadcast()
        }
        server.stop()
    }

    /// The username getMe reports; "kenesh_test_bot" unless set.
    public var botUsername: String {
        get { withState { state.botUsername } }
        set { withState { state.botUsername = newValue } }
    }

    /// The longest a getUpdates call waits, whatever `timeout` it asks for; 2 seconds unless set.
    public var maxLongPoll: TimeInterval {
        get { withState { state.maxLongPoll } }
        set { withState { state.maxLongPoll = newValue } }
    }

    /// A network round trip added to every call, half before the request is seen and half before
    /// the answer leaves, as a bot far from Telegram's servers would see; zero unless set.
    public var roundTrip: TimeInterval {
        get { withState { state.roundTrip } }
        set { withState { state.roundTrip = newValue } }
    }

    // MARK: - Updates

    /// Queues an update for getUpdates, sets its "update_id" (counting up from 1000) and returns that id.
    @discardableResult
    public func enqueueUpdate(_ update: [String: Any]) -> Int {
        withState {
            let id = state.updates.append(update)
            lock.broadcast()
            return id
        }
    }

    /// Queues a text message from a test user (first name "Test", username "user<id>"); commands get a bot_command entity.
    @discardableResult
    public func enqueueMessage(from userId: Int64, chatId: Int64? = nil, chatType: String = "private", text: String) -> Int {
        var message = userMessage(from: userId, chatId: chatId ?? userId, chatType: chatType)
        message["text"] = text
        message["entities"] = TelegramJSON.commandEntities(for: text)
        return enqueueUpdate(["message": message])
    }

    /// Queues a message that carries a sticker and no text.
    @discardableResult
    public func enqueueSticker(from userId: Int64, chatId: Int64? = nil) -> Int {
        var message = userMessage(from: userId, chatId: chatId ?? userId, chatType: nil)
        message["sticker"] = [
            "file_id": "CAACAgIAAxkBAAIdoubleSticker", "file_unique_id": "AgADdoubleSticker",
            "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false, "emoji": "👍",
        ] as [String: Any]
        return enqueueUpdate(["message": message])
    }

    /// Queues a press of an inline keyboard button under the bot's message `messageId` in the user's private chat.
    @discardableResult
    public func enqueueCallbackQuery(from userId: Int64, messageId: Int, data: String) -> Int {
        let (queryId, sentText) = withState {
            (state.nextCallbackQueryId(), state.sentText(chatId: userId, messageId: messageId))
        }
        var message: [String: Any] = [
            "message_id": messageId, "date": TelegramJSON.unixTime(),
            "chat": TelegramJSON.chat(id: userId, type: "private"), "from": botUser(),
        ]
        message["text"] = sentText
        let query: [String: Any] = [
            "id": queryId, "from": TelegramJSON.testUser(id: userId), "message": message,
            "chat_instance": "-\(userId)\(botId)", "data": data,
        ]
        return enqueueUpdate(["callback_query": query])
    }

    /// Updates queued and not yet confirmed by a getUpdates offset.
    public var pendingUpdateCount: Int {
        withState { state.updates.count }
    }

    /// The `offset` of the most recent getUpdates request (faulted ones included); nil before any, or if it sent none.
    public var lastOffset: Int? {
        withState { state.lastOffset }
    }

    // MARK: - What the bot did

    /// Every request, in arrival order, including faulted and rejected ones.
    public var requests: [RecordedRequest] {
        withState { state.requests }
    }

    /// The recorded requests to `method`, in arrival order.
    public func requests(method: String) -> [RecordedRequest] {
        withState { state.requests.filter { $0.method == method } }
    }

    /// Forgets the recorded requests (long benchmarks would otherwise keep every request).
    public func clearRequests() {
        withState { state.requests.removeAll() }
    }

    /// The texts of successful sendMessage calls to that chat, in order.
    public func sentTexts(to chatId: Int64) -> [String] {
        withState { state.sentMessages.filter { $0.chatId == chatId }.map(\.text) }
    }

    /// TCP connections accepted so far; a client that reuses its connection keeps this at 1.
    public var connectionsAccepted: Int {
        server.connectionsAccepted
    }

    /// Polls every 10 ms until the condition holds or the timeout passes; returns whether it held.
    public func waitUntil(timeout: TimeInterval = 10, _ condition: (BotAPIDouble) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition(self) { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    // MARK: - Faults

    /// The next `count` requests (to `method`, or to any method when nil) get `fault` instead of the normal answer.
    public func injectFault(_ fault: Fault, method: String? = nil, count: Int = 1) {
        withState { state.faultPlan.inject(fault, method: method, count: count) }
    }

    /// Every request (to one of `methods`, or to any when nil) has probability `rate` of getting one of `faults`,
    /// drawn from a generator seeded with `seed` so runs repeat; rate 0 turns it off. Injected faults go first.
    public func setRandomFaults(rate: Double, faults: [Fault], seed: UInt64 = 42, methods: Set<String>? = nil) {
        withState { state.faultPlan.setRandom(rate: rate, faults: faults, seed: seed, methods: methods) }
    }

    /// Called, on the serving thread, after each request the double answered normally (not faulted,
    /// not refused by the limits): lets a benchmark react to a reply the moment it is delivered.
    public func onRequest(_ hook: (@Sendable (RecordedRequest) -> Void)?) {
        withState { state.onRequest = hook }
    }

    /// Refuses message calls with 429 past Telegram's limits, as a strict server would: per chat a
    /// burst of 3 then 1 per second, and at most 30 in any second overall. nil turns it off.
    public func enforceTelegramLimits(_ on: Bool) {
        withState { state.limits = on ? TelegramLimits() : nil }
    }

    /// How many 429s the limits gave.
    public var limitRefusals: Int {
        withState { state.limits?.refusals ?? 0 }
    }

    // MARK: - Serving

    private func handle(_ request: HTTPRequest, connectionId: Int) -> HTTPReply {
        let halfTrip = withState { state.roundTrip } / 2
        if halfTrip > 0 { waitUnlessStopped(halfTrip) }
        let reply = serve(request, connectionId: connectionId)
        if halfTrip > 0 { waitUnlessStopped(halfTrip) }
        return reply
    }

    private func serve(_ request: HTTPRequest, connectionId: Int) -> HTTPReply {
        let route = BotAPIRoute(path: request.head.path, token: token)
        let parameters = RequestParameters(request)
        let recorded = RecordedRequest(
            method: route.method, params: parameters.values, files: parameters.files, connectionId: connectionId,
            receivedAt: Date(), httpMethod: request.head.method, headers: request.head.headers,
            hasValidToken: route.hasValidToken
        )
        let (fault, hook): (Fault?, (@Sendable (RecordedRequest) -> Void)?) = withState {
            state.requests.append(recorded)
            if route.method == "getUpdates" {
                state.lastOffset = parameters.values["offset"].flatMap { Int($0) }
            }
            if let fault = state.faultPlan.nextFault(for: route.method) { return (fault, nil) }
            if let chatId = parameters.values["chat_id"].flatMap({ Int64($0) }),
               let retryAfter = state.limits?.admit(route.method, chatId: chatId, at: recorded.receivedAt) {
                return (.tooManyRequests(retryAfter: retryAfter), nil)
            }
            return (nil, state.onRequest)
        }
        if let fault {
            if let reply = fault.replacementReply { return reply }
            if case .delay(let seconds) = fault { waitUnlessStopped(seconds) }
        }
        let response = answer(route, parameters)
        hook?(recorded)
        return .respond(response)
    }

    private func answer(_ route: BotAPIRoute, _ parameters: RequestParameters) -> HTTPResponse {
        guard route.isBotPath else { return TelegramJSON.error(404, "Not Found") }
        guard route.hasValidToken else { return TelegramJSON.error(401, "Unauthorized") }
        if let bodyError = parameters.bodyError { return TelegramJSON.error(400, "Bad Request: \(bodyError)") }
        if route.method == "getUpdates" { return getUpdates(parameters.values) }
        let bot = botUser()
        let response = withState { state.answer(route.method, params: parameters.values, files: parameters.files, bot: bot) }
        return response ?? TelegramJSON.error(404, "Not Found")
    }

    /// Confirms by offset, then returns what is queued, waiting up to the (capped) timeout for something to arrive.
    private func getUpdates(_ params: [String: String]) -> HTTPResponse {
        let offset = params["offset"].flatMap { Int($0) }
        let limit = min(max(params["limit"].flatMap { Int($0) } ?? 100, 1), 100)
        let timeout = max(params["timeout"].flatMap { Double($0) } ?? 0, 0)
        var allowed: Set<String>?
        if let list = params["allowed_updates"].flatMap(TelegramJSON.decode) as? [String], !list.isEmpty {
            allowed = Set(list)
        }
        let updates = withState {
            if let offset { state.updates.confirm(offset: offset) }
            let deadline = Date().addingTimeInterval(min(timeout, state.maxLongPoll))
            while true {
                let updates = state.updates.deliverable(limit: limit, allowed: allowed)
                if !updates.isEmpty || state.isStopped || !lock.wait(until: deadline) { return updates }
            }
        }
        return TelegramJSON.ok(encodedArray: updates)
    }

    /// Sleeps for a `.delay` fault without holding the lock; `stop()` cuts it short.
    private func waitUnlessStopped(_ seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        withState {
            while !state.isStopped && lock.wait(until: deadline) {}
        }
    }

    private func botUser() -> [String: Any] {
        TelegramJSON.user(id: botId, isBot: true, firstName: "Kenesh", username: botUsername)
    }

    private func userMessage(from userId: Int64, chatId: Int64, chatType: String?) -> [String: Any] {
        let messageId = withState { state.nextMessageId(in: chatId) }
        return [
            "message_id": messageId, "date": TelegramJSON.unixTime(),
            "chat": TelegramJSON.chat(id: chatId, type: chatType), "from": TelegramJSON.testUser(id: userId),
        ]
    }

    private func withState<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// The parts of a `/bot<token>/<method>` path.
struct BotAPIRoute {
    /// The method name, or for other paths their last component.
    let method: String
    /// Whether the path has the `/bot<token>/<method>` shape at all.
    let isBotPath: Bool
    let hasValidToken: Bool

    init(path: String, token: String) {
        guard path.hasPrefix("/bot"), let slash = path.dropFirst(4).firstIndex(of: "/") else {
            method = path.split(separator: "/").last.map(String.init) ?? ""
            isBotPath = false
            hasValidToken = false
            return
        }
        method = String(path[path.index(after: slash)...])
        isBotPath = !method.isEmpty
        hasValidToken = path[path.index(path.startIndex, offsetBy: 4)..<slash] == token
    }
}
