import Foundation
import Logging

/// A Telegram Bot API client over libcurl. Blocking, and owned by one thread at a time:
/// give every thread that talks to Telegram its own client.
public final class BotAPIClient {
    private let configuration: BotAPIConfiguration
    private let session: CurlSession
    private let logger: Logger
    private let encoder: JSONEncoder

    public init(configuration: BotAPIConfiguration, cancellation: CancellationFlag? = nil, logger: Logger) throws(BotAPIError) {
        self.configuration = configuration
        self.logger = logger
        do {
            session = try CurlSession(connectTimeout: configuration.connectTimeout, cancellation: cancellation)
        } catch {
            throw .transport(error)
        }
        encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
    }

    // MARK: Methods

    public func getMe() throws(BotAPIError) -> User {
        try call("getMe", NoParameters())
    }

    /// Long-polls for updates with id ≥ `offset`; an offset also confirms every update before it.
    public func getUpdates(offset: Int64?, timeout: Int, limit: Int = 100,
                           allowedUpdates: [String] = Update.handledKinds) throws(BotAPIError) -> [Update] {
        try call("getUpdates", GetUpdates(offset: offset, limit: limit, timeout: timeout, allowedUpdates: allowedUpdates),
                 timeout: TimeInterval(timeout) + configuration.longPollGrace)
    }

    public func deleteWebhook(dropPendingUpdates: Bool = false) throws(BotAPIError) {
        let _: Bool = try call("deleteWebhook", DeleteWebhook(dropPendingUpdates: dropPendingUpdates))
    }

    @discardableResult
    public func sendMessage(_ message: SendMessage) throws(BotAPIError) -> SentMessage {
        try call("sendMessage", message)
    }

    @discardableResult
    public func editMessageText(_ edit: EditMessageText) throws(BotAPIError) -> SentMessage {
        try call("editMessageText", edit)
    }

    @discardableResult
    public func editMessageReplyMarkup(_ edit: EditMessageReplyMarkup) throws(BotAPIError) -> SentMessage {
        try call("editMessageReplyMarkup", edit)
    }

    public func answerCallbackQuery(_ answer: AnswerCallbackQuery) throws(BotAPIError) {
        let _: Bool = try call("answerCallbackQuery", answer)
    }

    @discardableResult
    public func sendDocument(_ upload: DocumentUpload) throws(BotAPIError) -> Message {
        var parts = [
            MultipartPart(name: "chat_id", data: Data(String(upload.chatId).utf8), fileName: nil, mimeType: nil),
            MultipartPart(name: "document", data: upload.data, fileName: upload.fileName, mimeType: upload.mimeType),
        ]
        if let caption = upload.caption {
            parts.append(MultipartPart(name: "caption", data: Data(caption.utf8), fileName: nil, mimeType: nil))
        }
        return try perform("sendDocument", body: .multipart(parts), timeout: configuration.requestTimeout * 4)
    }

    public func setMyCommands(_ commands: [BotCommand], scope: BotCommandScope? = nil,
                              languageCode: String? = nil) throws(BotAPIError) {
        let _: Bool = try call("setMyCommands", SetMyCommands(commands: commands, scope: scope, languageCode: languageCode))
    }

    public func leaveChat(chatId: Int64) throws(BotAPIError) {
        let _: Bool = try call("leaveChat", ChatOnly(chatId: chatId))
    }

    // MARK: Plumbing

    private func call<Parameters: Encodable, Result: JSONReadable>(
        _ method: String, _ parameters: Parameters, timeout: TimeInterval? = nil
    ) throws(BotAPIError) -> Result {
        let body: Data
        if let direct = parameters as? any DirectJSONBody {
            body = JSONBodyWriter.body(of: direct)
        } else {
            do {
                body = try encoder.encode(parameters)
            } catch {
                throw .badRequest(description: "could not encode the \(method) parameters")
            }
        }
        return try perform(method, body: .json(body), timeout: timeout ?? configuration.requestTimeout)
    }

    private func perform<Result: JSONReadable>(_ method: String, body: HTTPBody, timeout: TimeInterval) throws(BotAPIError) -> Result {
        let url = "\(configuration.baseURL)/bot\(configuration.token)/\(method)"
        let response: HTTPResponse
        do {
            response = try session.post(url: url, body: body, timeout: timeout)
        } catch {
            let failure = scrubbed(error)
            logger.debug("bot api call failed", metadata: ["bot.method": "\(method)", "bot.error": "\(failure)"])
            throw .transport(failure)
        }
        do {
            return try BotAPIResponseDecoder.decode(Result.self, from: response)
        } catch {
            let scrubbedError = scrub(error)
            logger.debug("bot api call failed", metadata: ["bot.method": "\(method)", "bot.error": "\(scrubbedError)"])
            throw scrubbedError
        }
    }

    private func scrubbed(_ failure: TransportFailure) -> TransportFailure {
        if case .other(let code, let message) = failure {
            return .other(code: code, message: TokenScrubber.scrub(message, token: configuration.token))
        }
        return failure
    }

    private func scrub(_ error: BotAPIError) -> BotAPIError {
        let token = configuration.token
        switch error {
        case .badRequest(let d): return .badRequest(description: TokenScrubber.scrub(d, token: token))
        case .unauthorized(let d): return .unauthorized(description: TokenScrubber.scrub(d, token: token))
        case .forbidden(let d): return .forbidden(description: TokenScrubber.scrub(d, token: token))
        case .conflict(let d): return .conflict(description: TokenScrubber.scrub(d, token: token))
        case .tooManyRequests(let after, let d): return .tooManyRequests(retryAfter: after, description: TokenScrubber.scrub(d, token: token))
        case .serverError(let s, let d): return .serverError(status: s, description: TokenScrubber.scrub(d, token: token))
        case .transport(let failure): return .transport(scrubbed(failure))
        case .invalidResponse(let s, let r): return .invalidResponse(status: s, reason: TokenScrubber.scrub(r, token: token))
        case .other(let c, let d): return .other(code: c, description: TokenScrubber.scrub(d, token: token))
        }
    }
}
