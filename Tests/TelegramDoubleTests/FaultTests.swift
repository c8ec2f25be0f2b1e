import Foundation
import Testing
import TelegramDouble

@Suite struct FaultTests {
    @Test func statusFaultSendsTheRawBody() throws {
        let telegram = try BotAPIDouble()
        let body = #"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#
        telegram.injectFault(.status(400, body: body))
        let response = try Raw.call(telegram, "sendMessage", json: ["chat_id": 1, "text": "x"])

        #expect(response.status == 400)
        #expect(response.text == body)
        #expect(response.headers["content-type"] == "application/json")
        #expect(telegram.sentTexts(to: 1).isEmpty, "a faulted request has no effect")
        #expect(telegram.requests.count == 1, "but it is recorded")
    }

    @Test func tooManyRequestsCarriesRetryAfter() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.tooManyRequests(retryAfter: 7))
        let response = try Raw.call(telegram, "getMe")

        #expect(response.status == 429)
        #expect(response.json["error_code"] as? Int == 429)
        #expect(response.json["description"] as? String == "Too Many Requests: retry after 7")
        #expect((response.json["parameters"] as? [String: Any])?["retry_after"] as? Int == 7)
    }

    @Test func serverErrorIsTelegramStyleJSON() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.serverError(502))
        let response = try Raw.call(telegram, "getMe")

        #expect(response.status == 502)
        #expect(response.json["ok"] as? Bool == false)
        #expect(response.json["error_code"] as? Int == 502)
    }

    @Test func htmlFaultLooksLikeAProxyPage() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.html(status: 504))
        let response = try Raw.call(telegram, "getMe")

        #expect(response.status == 504)
        #expect(response.headers["content-type"] == "text/html")
        #expect(response.text.contains("<title>504 Gateway Timeout</title>"))
    }

    @Test func truncatedJSONSendsHalfTheBodyAndCloses() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.truncatedJSON)
        let connection = try RawConnection(port: telegram.port)
        connection.write(Raw.get("/bot\(telegram.token)/getMe"))

        var received: [UInt8] = []
        #expect {
            _ = try connection.readResponse()
        } throws: { error in
            guard case RawClientError.closed(let bytes) = error else { return false }
            received = bytes
            return true
        }
        let text = String(decoding: received, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        #expect(parts[0].hasPrefix("HTTP/1.1 200 OK"))
        let declaredLength = try #require(
            parts[0].components(separatedBy: "\r\n").first { $0.hasPrefix("Content-Length: ") }
                .flatMap { Int($0.dropFirst("Content-Length: ".count)) }
        )
        let bodyLength = received.count - parts[0].utf8.count - 4
        #expect(bodyLength > 0)
        #expect(bodyLength == declaredLength / 2)
    }

    @Test func closeWithoutResponseSendsNothing() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.closeWithoutResponse)
        let connection = try RawConnection(port: telegram.port)
        connection.write(Raw.get("/bot\(telegram.token)/getMe"))

        #expect(try connection.readUntilClosed().isEmpty)
        #expect(telegram.requests.count == 1)
        #expect(try Raw.call(telegram, "getMe").status == 200, "only the next request was faulted")
    }

    @Test func delayAnswersNormallyAfterTheWait() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.delay(0.3))
        let started = Date()
        let response = try Raw.call(telegram, "getMe")

        #expect(response.status == 200)
        #expect(Date().timeIntervalSince(started) >= 0.28)
    }

    @Test func delayOutlastsAClientTimeout() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.delay(1))
        #expect(throws: RawClientError.timedOut) {
            try Raw.exchange(telegram, Raw.get("/bot\(telegram.token)/getMe"), receiveTimeout: 0.2)
        }
    }

    @Test func faultsTargetAMethodAndACount() throws {
        let telegram = try BotAPIDouble()
        telegram.injectFault(.serverError(500), method: "sendMessage", count: 2)
        let statuses = try [
            Raw.call(telegram, "getMe"),
            Raw.call(telegram, "sendMessage", json: ["chat_id": 1, "text": "a"]),
            Raw.call(telegram, "getMe"),
            Raw.call(telegram, "sendMessage", json: ["chat_id": 1, "text": "b"]),
            Raw.call(telegram, "sendMessage", json: ["chat_id": 1, "text": "c"]),
        ].map(\.status)

        #expect(statuses == [200, 500, 200, 500, 200])
        #expect(telegram.sentTexts(to: 1) == ["c"])
    }

    @Test func randomFaultsRepeatWithTheSameSeedAndStopAtRateZero() throws {
        func statuses(seed: UInt64) throws -> [Int] {
            let telegram = try BotAPIDouble()
            telegram.setRandomFaults(rate: 0.5, faults: [.serverError(500), .serverError(502)], seed: seed, methods: ["getMe"])
            let connection = try RawConnection(port: telegram.port)
            var result: [Int] = []
            for _ in 0..<30 {
                connection.write(Raw.get("/bot\(telegram.token)/getMe"))
                result.append(try connection.readResponse().status)
            }
            telegram.setRandomFaults(rate: 0, faults: [.serverError(500)])
            for _ in 0..<5 {
                connection.write(Raw.get("/bot\(telegram.token)/getMe"))
                #expect(try connection.readResponse().status == 200)
            }
            return result
        }

        let first = try statuses(seed: 7)
        #expect(try statuses(seed: 7) == first)
        #expect(Set(first) == [200, 500, 502])
    }

    @Test func randomFaultsSkipOtherMethods() throws {
        let telegram = try BotAPIDouble()
        telegram.setRandomFaults(rate: 1, faults: [.serverError(503)], methods: ["sendMessage"])

        #expect(try Raw.call(telegram, "getMe").status == 200)
        #expect(try Raw.call(telegram, "sendMessage", json: ["chat_id": 1, "text": "x"]).status == 503)
    }

    @Test func faultedGetUpdatesDoesNotConfirm() throws {
        let telegram = try BotAPIDouble()
        telegram.enqueueMessage(from: 1, text: "a")
        telegram.enqueueMessage(from: 1, text: "b")
        telegram.injectFault(.closeWithoutResponse, method: "getUpdates")
        _ = try? Raw.call(telegram, "getUpdates", query: "offset=1001")

        #expect(telegram.lastOffset == 1001)
        #expect(telegram.pendingUpdateCount == 2)
    }
}
