import Foundation
import Testing
import TelegramDouble

@Suite struct GetUpdatesTests {
    private func updateIds(_ response: RawResponse) -> [Int] {
        (response.result as? [[String: Any]] ?? []).compactMap { $0["update_id"] as? Int }
    }

    @Test func updatesStayQueuedUntilAnOffsetConfirmsThem() throws {
        let telegram = try BotAPIDouble()
        #expect(telegram.enqueueMessage(from: 1, text: "a") == 1000)
        #expect(telegram.enqueueMessage(from: 1, text: "b") == 1001)
        #expect(telegram.enqueueUpdate(["my_chat_member": ["date": 0]]) == 1002)

        #expect(updateIds(try Raw.call(telegram, "getUpdates")) == [1000, 1001, 1002])
        #expect(updateIds(try Raw.call(telegram, "getUpdates")) == [1000, 1001, 1002], "returning does not remove")
        #expect(telegram.lastOffset == nil)

        #expect(updateIds(try Raw.call(telegram, "getUpdates", query: "offset=1001&limit=1")) == [1001])
        #expect(telegram.lastOffset == 1001)
        #expect(telegram.pendingUpdateCount == 2)

        #expect(updateIds(try Raw.call(telegram, "getUpdates", query: "offset=1003")) == [])
        #expect(telegram.pendingUpdateCount == 0)
    }

    @Test func offsetAndLimitAlsoComeFromJSONBodies() throws {
        let telegram = try BotAPIDouble()
        for text in ["a", "b", "c"] { telegram.enqueueMessage(from: 1, text: text) }
        let response = try Raw.call(telegram, "getUpdates", json: ["offset": 1001, "limit": 1, "timeout": 0])

        #expect(updateIds(response) == [1001])
        #expect(telegram.lastOffset == 1001)
        #expect(telegram.pendingUpdateCount == 2)
    }

    @Test func allowedUpdatesFiltersKinds() throws {
        let telegram = try BotAPIDouble()
        telegram.enqueueMessage(from: 1, text: "a")
        telegram.enqueueCallbackQuery(from: 1, messageId: 1, data: "x")
        let response = try Raw.call(telegram, "getUpdates", json: ["allowed_updates": ["callback_query"]])

        #expect(updateIds(response) == [1001])
    }

    @Test func longPollWakesUpWhenAnUpdateArrives() throws {
        let telegram = try BotAPIDouble()
        telegram.maxLongPoll = 5
        let poll = BackgroundCall { try Raw.call(telegram, "getUpdates", query: "timeout=30") }
        #expect(telegram.waitUntil(timeout: 2) { $0.requests.count == 1 })
        Thread.sleep(forTimeInterval: 0.1)
        let enqueuedAt = Date()
        telegram.enqueueMessage(from: 1, text: "wake up")

        let response = try poll.value()
        #expect(updateIds(response) == [1000])
        #expect(Date().timeIntervalSince(enqueuedAt) < 1)
    }

    @Test func longPollReturnsEmptyAfterTheCappedTimeout() throws {
        let telegram = try BotAPIDouble()
        telegram.maxLongPoll = 0.3
        let started = Date()
        let response = try Raw.call(telegram, "getUpdates", query: "timeout=50")
        let elapsed = Date().timeIntervalSince(started)

        #expect(response.status == 200)
        #expect(response.text == #"{"ok":true,"result":[]}"#)
        #expect(elapsed >= 0.28)
        #expect(elapsed < 1.5)
    }

    @Test func stopEndsALongPoll() throws {
        let telegram = try BotAPIDouble()
        telegram.maxLongPoll = 5
        let poll = BackgroundCall { try? Raw.call(telegram, "getUpdates", query: "timeout=5") }
        #expect(telegram.waitUntil(timeout: 2) { $0.requests.count == 1 })
        let stoppedAt = Date()
        telegram.stop()
        telegram.stop()

        _ = try poll.value()
        #expect(Date().timeIntervalSince(stoppedAt) < 1)
        #expect(throws: RawClientError.self) { try Raw.call(telegram, "getMe") }
    }
}
