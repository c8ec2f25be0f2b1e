import Foundation
import Testing

/// One person's check-in, step by step, so several can be interleaved.
struct CheckInScript {
    let chat: TestChat
    let topic: String
    let did: String
    private(set) var step = 0

    init(chat: TestChat, topic: String, did: String, startingAt step: Int = 0) {
        self.chat = chat
        self.topic = topic
        self.did = did
        self.step = step
    }

    var isDone: Bool { step >= 8 }

    /// Takes the next step; each waits until the bot has committed and sent everything.
    mutating func advance() {
        switch step {
        case 0: chat.send("/checkin")
        case 1: chat.press(topic)
        case 2: chat.send(did)
        case 3: chat.press("3")
        case 4: chat.press("5")
        case 5: chat.press("no")
        case 6: chat.send("Следующий шаг: \(did)")
        case 7: chat.press("_send")
        default: return
        }
        step += 1
    }

    /// The answers a stored response must hold, by step id.
    var expectedAnswers: [String: String] {
        ["topic": topic, "did": did, "progress": "3", "confidence": "5", "need_support": "no", "next_step": "Следующий шаг: \(did)"]
    }
}
