import Foundation

/// Turns an HTTP answer into a result or a typed error, following Telegram's
/// `{"ok": ..., "result": ..., "error_code": ..., "description": ..., "parameters": ...}` envelope.
enum BotAPIResponseDecoder {
    private struct Envelope<Result: Decodable>: Decodable {
        let ok: Bool
        let result: Result?
        let errorCode: Int?
        let description: String?
        let parameters: ResponseParameters?
    }

    private struct ErrorEnvelope: Decodable {
        let ok: Bool
        let errorCode: Int?
        let description: String?
        let parameters: ResponseParameters?
    }

    static func decode<Result: Decodable>(_ type: Result.Type, from response: HTTPResponse,
                                          using decoder: JSONDecoder) throws(BotAPIError) -> Result {
        guard isJSONObject(response.body) else {
            if response.status >= 500 {
                throw .serverError(status: response.status, description: "no Bot API JSON in the answer")
            }
            throw .invalidResponse(status: response.status, reason: response.body.isEmpty ? "empty body" : "body is not JSON")
        }
        if (200..<300).contains(response.status) {
            do {
                let envelope = try decoder.decode(Envelope<Result>.self, from: response.body)
                if envelope.ok, let result = envelope.result { return result }
                throw error(code: envelope.errorCode ?? response.status, description: envelope.description,
                            parameters: envelope.parameters)
            } catch let error as BotAPIError {
                throw error
            } catch {
                throw .invalidResponse(status: response.status, reason: "unexpected JSON shape")
            }
        }
        guard let envelope = try? decoder.decode(ErrorEnvelope.self, from: response.body) else {
            throw .invalidResponse(status: response.status, reason: "unexpected JSON shape")
        }
        throw error(code: envelope.errorCode ?? response.status, description: envelope.description,
                    parameters: envelope.parameters)
    }

    /// Whether the body looks like a JSON object; a malformed one fails to decode afterwards.
    /// Parsing it whole here would double the cost of every call.
    private static func isJSONObject(_ body: Data) -> Bool {
        body.first { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0) } == UInt8(ascii: "{")
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
