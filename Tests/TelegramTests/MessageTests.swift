import Foundation
import Telegram
import Testing

@Suite struct MessageTests {
    private func message(_ text: String?) -> Message {
        Message(messageId: 1, chat: Chat(id: 1, type: .privateChat), text: text)
    }

    @Test func commandsAreParsed() {
        #expect(message("/start ABC_12-x").command?.name == "/start")
        #expect(message("/start ABC_12-x").command?.argument == "ABC_12-x")
        #expect(message("/Help@kenesh_bot").command?.name == "/help")
        #expect(message("/help@kenesh_bot").command?.argument == "")
        #expect(message("hello").command == nil)
        #expect(message(nil).command == nil)
    }

    @Test func unknownChatKindsDecode() throws {
        let json = #"{"id": 5, "type": "forum_topic_thing"}"#
        let chat = try Chat(json: JSONReader.parse(Data(json.utf8)))
        #expect(chat.type == .other("forum_topic_thing"))
        #expect(!chat.isPrivate)
    }

    @Test func tokensAreScrubbed() {
        #expect(TokenScrubber.scrub("GET /bot123:abc/getMe failed", token: "123:abc") == "GET /bot<token>/getMe failed")
        #expect(TokenScrubber.scrub("nothing here", token: "123:abc") == "nothing here")
    }
}
