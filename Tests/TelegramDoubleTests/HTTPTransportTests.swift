import Foundation
import Testing
import TelegramDouble

@Suite struct HTTPTransportTests {
    @Test func keepAliveServesManyRequestsOnOneConnection() throws {
        let telegram = try BotAPIDouble()
        let connection = try RawConnection(port: telegram.port)
        connection.write(Raw.get("/bot\(telegram.token)/getMe"))
        let first = try connection.readResponse()
        connection.write(Raw.post(
            "/bot\(telegram.token)/sendMessage", contentType: "application/json", body: Raw.json(["chat_id": 1, "text": "hi"])
        ))
        let second = try connection.readResponse()

        #expect(first.status == 200)
        #expect(first.headers["connection"] == "keep-alive")
        #expect(second.status == 200)
        #expect(telegram.connectionsAccepted == 1)
        #expect(Set(telegram.requests.map(\.connectionId)) == [1])
    }

    @Test func connectionCloseIsHonoured() throws {
        let telegram = try BotAPIDouble()
        let connection = try RawConnection(port: telegram.port)
        connection.write(Raw.get("/bot\(telegram.token)/getMe", headers: ["Connection: close"]))
        let response = try connection.readResponse()

        #expect(response.status == 200)
        #expect(response.headers["connection"] == "close")
        #expect(connection.isClosedByServer())
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() throws {
        let telegram = try BotAPIDouble()
        let connection = try RawConnection(port: telegram.port)
        connection.write("GET /bot\(telegram.token)/getMe HTTP/1.0\r\n\r\n")
        _ = try connection.readResponse()

        #expect(connection.isClosedByServer())
    }

    @Test func expectContinueGetsAnInterimAnswerBeforeTheBody() throws {
        let telegram = try BotAPIDouble()
        let connection = try RawConnection(port: telegram.port)
        let body = Raw.json(["chat_id": 3, "text": "large"])
        connection.write(
            "POST /bot\(telegram.token)/sendMessage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.count)\r\nExpect: 100-continue\r\n\r\n"
        )
        let interim = try connection.readResponse()
        connection.write(body)
        let final = try connection.readResponse()

        #expect(interim.status == 100)
        #expect(interim.body.isEmpty)
        #expect(final.status == 200)
        #expect(telegram.sentTexts(to: 3) == ["large"])
    }

    @Test func chunkedBodiesAreDecoded() throws {
        let telegram = try BotAPIDouble()
        let connection = try RawConnection(port: telegram.port)
        connection.write(
            "POST /bot\(telegram.token)/sendMessage HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n7\r\nchat_id\r\nb;ext=1\r\n=9&text=hey\r\n0\r\n\r\n"
        )
        let response = try connection.readResponse()

        #expect(response.status == 200)
        #expect(telegram.sentTexts(to: 9) == ["hey"])
    }

    @Test(arguments: [
        "NONSENSE\r\n\r\n",
        "GET /x HTTP/2.0\r\n\r\n",
        "GET /x HTTP/1.1\r\nNo colon here\r\n\r\n",
        "POST /x HTTP/1.1\r\nContent-Length: -4\r\n\r\n",
        "POST /x HTTP/1.1\r\nContent-Length: 99999999999999\r\n\r\n",
        "POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "GET x HTTP/1.1\r\n\r\n",
    ])
    func malformedRequestsGet400AndAClosedConnection(request: String) throws {
        let telegram = try BotAPIDouble()
        let connection = try RawConnection(port: telegram.port)
        connection.write(request)
        let response = try connection.readResponse()

        #expect(response.status == 400)
        #expect(response.headers["connection"] == "close")
        #expect(connection.isClosedByServer())
        #expect(telegram.requests.isEmpty)
        #expect(try Raw.call(telegram, "getMe").status == 200, "the server survives")
    }

    @Test func oversizedHeadIsRejected() throws {
        let telegram = try BotAPIDouble()
        let connection = try RawConnection(port: telegram.port)
        connection.write("GET /x HTTP/1.1\r\nX-Filler: " + String(repeating: "a", count: 70_000))
        let response = try connection.readResponse()

        #expect(response.status == 400)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func realCurlReusesItsConnectionAndUploadsWithExpectContinue() throws {
        let telegram = try BotAPIDouble()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("double-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.bin")
        let bytes = Data((0..<1_200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: file)

        let base = "\(telegram.baseURL)/bot\(telegram.token)"
        let output = try runCurl([
            "-sS", "--max-time", "5", "\(base)/getMe", "\(base)/getMe",
            "--next", "-sS", "--max-time", "5", "-F", "chat_id=77", "-F", "document=@\(file.path)", "\(base)/sendDocument",
        ])

        #expect(output.contains(#""username":"kenesh_test_bot""#))
        #expect(output.contains(#""file_size":1200000"#))
        #expect(telegram.connectionsAccepted == 1)
        let upload = try #require(telegram.requests(method: "sendDocument").first)
        #expect(upload.headers["expect"] == "100-continue")
        #expect(upload.files["document"]?.filename == "big.bin")
        #expect(upload.files["document"]?.data == bytes)
        #expect(upload.params["chat_id"] == "77")
    }

    private func runCurl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
