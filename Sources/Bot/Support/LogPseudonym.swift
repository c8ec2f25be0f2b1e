import Crypto
import Foundation

/// Turns a Telegram user id into a stable, keyed tag for logs: lines about one person can be
/// followed, but the id itself cannot be read back without the key kept in the data folder.
public struct LogPseudonym: Sendable {
    private let keyBytes: [UInt8]

    public init(hexKey: String) {
        keyBytes = Array(hexKey.utf8)
    }

    public func tag(_ telegramUserId: Int64) -> String {
        let key = SymmetricKey(data: keyBytes)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(String(telegramUserId).utf8), using: key)
        return "u" + mac.prefix(5).map { String(format: "%02x", $0) }.joined()
    }
}
