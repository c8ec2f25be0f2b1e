import Testing
@testable import TelegramDouble

/// The request-head parser on its own: the byte-level fast paths must read heads exactly as before.
@Suite struct HTTPRequestParserTests {
    private func head(_ text: String) throws -> HTTPRequestHead {
        try HTTPRequestParser.parseHead(Array(text.utf8))
    }

    @Test func readsTheRequestLineAndHeaders() throws {
        let parsed = try head("POST /bot1:t/sendMessage?x=%41 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-TYPE:\t application/json \t\r\nContent-Length: 12\r\n\r\n")
        #expect(parsed.method == "POST")
        #expect(parsed.path == "/bot1:t/sendMessage")
        #expect(parsed.query == "x=%41", "the query stays encoded")
        #expect(parsed.version == "HTTP/1.1")
        #expect(parsed.headers == ["host": "127.0.0.1", "content-type": "application/json", "content-length": "12"])
        #expect(parsed.bodyFraming == .contentLength(12))
    }

    @Test func repeatedHeadersAreJoinedAndEmptyValuesKept() throws {
        let parsed = try head("GET / HTTP/1.0\r\nAccept: a\r\naccept: b\r\nX-Empty:\r\n\r\n")
        #expect(parsed.headers["accept"] == "a, b")
        #expect(parsed.headers["x-empty"] == "")
        #expect(parsed.bodyFraming == .noBody)
    }

    @Test func decodesThePathAndReadsTheAbsoluteForm() throws {
        #expect(try head("GET /bot1:t/get%4De HTTP/1.1\r\n\r\n").path == "/bot1:t/getMe")
        #expect(try head("GET /%D0%96 HTTP/1.1\r\n\r\n").path == "/Ж")
        let absolute = try head("GET http://127.0.0.1:80/bot1:t/getMe?a=b HTTP/1.1\r\n\r\n")
        #expect(absolute.path == "/bot1:t/getMe")
        #expect(absolute.query == "a=b")
        #expect(try head("GET http://127.0.0.1 HTTP/1.1\r\n\r\n").path == "/")
        // A URL in the query of an ordinary target is not an absolute-form target.
        let withURL = try head("GET /bot1:t/sendMessage?u=http://x/y HTTP/1.1\r\n\r\n")
        #expect(withURL.path == "/bot1:t/sendMessage")
        #expect(withURL.query == "u=http://x/y")
    }

    @Test(arguments: [
        "GET /%ZZ HTTP/1.1\r\n\r\n",
        "GET /x HTTP/1.1\r\nBad Name: v\r\n\r\n",
        "GET /x HTTP/1.1\r\n: no name\r\n\r\n",
        "G3T /x HTTP/1.1\r\n\r\n",
        "GET  /x HTTP/1.1\r\n\r\n",
    ])
    func refusesMalformedHeads(request: String) {
        #expect(throws: HTTPParseError.self) { try head(request) }
    }
}
