/// Cities are typed by people ("Бишкек", "бишкек ", "г. Бишкек"): this merges spellings of one city
/// and shows each under its most common spelling.
struct CityNames {
    static let unknown = "?"
    private var spellings: [String: [String: Int]] = [:]
    private var keys: [String: (key: String, trimmed: String)] = [:]

    /// Remembers one use of `raw` and returns the key it is counted under.
    mutating func key(for raw: String?) -> String {
        if let raw, let known = keys[raw] {
            spellings[known.key, default: [:]][known.trimmed, default: 0] += 1
            return known.key
        }
        let trimmed = (raw ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !trimmed.isEmpty else { return Self.unknown }
        var key = trimmed.lowercased().replacingOccurrences(of: "ё", with: "е")
        for prefix in ["г. ", "г.", "город ", "шаары "] where key.hasPrefix(prefix) && key.count > prefix.count {
            key = String(key.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        spellings[key, default: [:]][trimmed, default: 0] += 1
        if let raw { keys[raw] = (key, trimmed) }
        return key
    }

    /// The spelling shown for a key: the most used, ties broken alphabetically.
    func display(_ key: String) -> String {
        guard let variants = spellings[key] else { return key }
        return variants.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }?.key ?? key
    }
}
