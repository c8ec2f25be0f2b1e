/// Telegram's limits and the id rules that keep callback_data (`k1|<conversation>|<step>|<option>`) within 64 bytes.
enum Limits {
    static let messageText = 4096
    static let buttonLabel = 64
    static let stepIdBytes = 24
    static let optionIdBytes = 16
    static let dialogIdBytes = 64
    static let buttonsPerMessage = 100
    static let scalePoints = 11
    static let textMaxLength = 4000
    static let repeatRounds = 50

    /// `[a-z0-9_-]+`
    static func isValidId(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
        }
    }
}
