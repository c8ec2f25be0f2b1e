import Foundation
import Testing
import TelegramDouble

@Suite struct RequestRecordingTests {
    @Test func jsonBodyIsRecordedWithNestedValuesReencoded() throws {
        let telegram = try BotAPIDouble()
        let keyboard: [String: Any] = ["inline_keyboard": [[["text": "A/B", "callback_data": "a"]]]]
        let response = try Raw.call(telegram, "sendMessage", json: [
            "chat_id": 42, "text": "Привет", "reply_markup": keyboard, "disable_notification": true,
            "parse_mode": NSNull(),
        ])

        #expect(response.status == 200)
        let request = try #require(telegram.requests(method: "sendMessage").first)
        #expect(request.httpMethod == "POST")
        #expect(request.params == [
            "chat_id": "42",
            "text": "Привет",
            "reply_markup": #"{"inline_keyboard":[[{"callback_data":"a","text":"A/B"}]]}"#,
            "disable_notification": "true",
        ])
        #expect(request.connectionId == 1)
        #expect(abs(request.receivedAt.timeIntervalSinceNow) < 5)
        let message = try #require(response.result as? [String: Any])
        #expect(message["reply_markup"] is [String: Any], "an inline keyboard is echoed back")
    }

    @Test func formBodyAndQueryStringAreRecorded() throws {
        let telegram = try BotAPIDouble()
        let body = Array("chat_id=42&text=hello+world%21%20%D0%96".utf8)
        let path = "/bot\(telegram.token)/sendMessage?disable_notification=true&text=overridden"
        let response = try Raw.exchange(
            telegram, Raw.post(path, contentType: "application/x-www-form-urlencoded", body: body)
        )

        #expect(response.status == 200)
        #expect(telegram.requests.first?.params == [
            "chat_id": "42", "text": "hello world! Ж", "disable_notification": "true",
        ])
        #expect(telegram.sentTexts(to: 42) == ["hello world! Ж"])
    }

    @Test func multipartBodyKeepsFilesAsBytes() throws {
        let telegram = try BotAPIDouble()
        let fileBytes: [UInt8] = Array("id,name\r\n1,\"a\"\r\n".utf8) + [0, 255, 13, 10, 45, 45]
        let boundary = "------------------------d74496d66958873e"
        var body: [UInt8] = []
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nExport\r\n".utf8)
        body += Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"export.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n").utf8)
        body += fileBytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)

        let response = try Raw.exchange(telegram, Raw.post(
            "/bot\(telegram.token)/sendDocument", contentType: "multipart/form-data; boundary=\(boundary)", body: body
        ))

        #expect(response.status == 200)
        let request = try #require(telegram.requests(method: "sendDocument").first)
        #expect(request.params == ["chat_id": "42", "caption": "Export"])
        let file = try #require(request.files["document"])
        #expect(file.filename == "export.csv")
        #expect(file.contentType == "text/csv")
        #expect(file.data == Data(fileBytes))
        let document = try #require((response.result as? [String: Any])?["document"] as? [String: Any])
        #expect(document["file_name"] as? String == "export.csv")
        #expect(document["file_size"] as? Int == fileBytes.count)
        #expect(document["file_id"] is String)
        #expect(document["file_unique_id"] is String)
    }

    @Test func unparseableJSONBodyIsABadRequest() throws {
        let telegram = try BotAPIDouble()
        let response = try Raw.exchange(telegram, Raw.post(
            "/bot\(telegram.token)/sendMessage", contentType: "application/json", body: Array("{\"chat_id\":".utf8)
        ))

        #expect(response.status == 400)
        #expect(response.json["ok"] as? Bool == false)
        #expect(telegram.requests.count == 1)
    }

    @Test func concurrentClientsAreAllRecorded() throws {
        let telegram = try BotAPIDouble()
        var calls = (1...6).map { client in
            BackgroundCall {
                let connection = try RawConnection(port: telegram.port)
                for index in 1...15 {
                    let body = Raw.json(["chat_id": client, "text": "\(index)"])
                    connection.write(Raw.post("/bot\(telegram.token)/sendMessage", contentType: "application/json", body: body))
                    _ = try connection.readResponse()
                }
            }
        }
        calls.append(BackgroundCall {
            for _ in 1...50 { telegram.enqueueMessage(from: 1, text: "x") }
        })
        for call in calls { try call.value() }

        #expect(telegram.requests.count == 90)
        #expect(telegram.connectionsAccepted == 6)
        #expect(telegram.pendingUpdateCount == 50)
        for client in Int64(1)...6 {
            #expect(telegram.sentTexts(to: client) == (1...15).map(String.init))
        }
    }
}
