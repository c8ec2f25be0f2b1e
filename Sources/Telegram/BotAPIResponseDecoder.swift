import Foundation

/// Turns an HTTP answer into a result or a typed error, following Telegram's
/// `{"ok": ..., "result": ..., "error_code": ..., "description": ..., "parameters": ...}` envelope.
enum BotAPIResponseDecoder {
    static func decode<Result: JSONReadable>(_ type: Result.Type, from response: HTTPResponse) throws(BotAPIError) -> Result {
        guard let envelope = try? JSONReader.parse(response.body), case .object = envelope else {
            if response.status >= 500 {
                throw .serverError(status: response.status, description: "no Bot API JSON in the answer")
            }
            throw .invalidResponse(status: response.status, reason: response.body.isEmpty ? "empty body" : "body is not JSON")
        }
        let ok: Bool
        let failure: (code: Int?, description: String?, parameters: ResponseParameters?)
        do {
            ok = try envelope.required("ok").bool()
            failure = (try envelope.optional("error_code")?.int(), try envelope.optional("description")?.string(),
                       try envelope.optional("parameters", as: ResponseParameters.self))
        } catch {
            throw .invalidResponse(status: response.status, reason: "unexpected JSON shape")
        }
        if (200..<300).contains(response.status), ok, let result = envelope.optional("result") {
            do {
                return try Result(json: result)
            } catch {
                throw .invalidResponse(status: response.status, reason: "unexpected JSON shape")
            }
        }
        throw error(code: failure.code ?? response.status, description: failure.description, parameters: failure.parameters)
    }

    private static func error(code: Int, description: String?, parameters: ResponseParameters?) -> BotAPIError {
        let text = description ?? "no description"
        switch code {
        case 400: return .badRequest(description: text)
        case 401: return .unauthorized(description: text)
        case 403: return .forbidden(description: text)
        case 409: return .conflict(description: text)
        case 429: return .tooManyRequests(retryAfter: max(parameters?.retryAfter ?? 1, 1), description: text)
        case 500...599: return .serverError(status: code, description: text)
        default: return .other(code: code, description: text)
        }
    }
}
