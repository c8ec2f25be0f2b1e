import GRDB
import Store

/// The id a person has in exports: "P" and 8 hex digits of an HMAC-SHA256 of their person id, keyed by
/// the data folder's secret. Stable across exports from one data folder, so rows can be followed over time;
/// never the alias or the Telegram id, and not reversible without the key, which stays in the database.
/// Differs from the log tags (those hash Telegram ids, under a different message prefix).
public struct ParticipantPseudonym: Sendable {
    private let key: [UInt8]

    public init(secret: String) {
        key = Array(secret.utf8)
    }

    /// Uses the data folder's `logKey`, creating it if this store has none yet (so it needs a writable `db`).
    public static func forStore(_ db: Database) throws -> ParticipantPseudonym {
        ParticipantPseudonym(secret: try BotState.logKey(in: db))
    }

    public func id(_ personId: Int64) -> String {
        let mac = SHA256Digest.hmac(key: key, message: Array("kenesh-export-participant:\(personId)".utf8))
        return "P" + mac.prefix(4).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }
}
