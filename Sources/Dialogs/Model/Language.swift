/// A language the bot speaks; Russian is the fallback for any missing text.
public enum Language: String, Codable, Sendable, CaseIterable {
    case ru, ky, en

    /// Position in per-language tables, so lookups are array indexing rather than hashing.
    var ordinal: Int {
        switch self {
        case .ru: 0
        case .ky: 1
        case .en: 2
        }
    }
}
