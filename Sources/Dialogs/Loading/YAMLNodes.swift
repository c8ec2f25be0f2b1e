import Yams

extension Node {
    /// 1-based line of the node in its file (1 if Yams did not record one).
    var line: Int { mark?.line ?? 1 }

    /// The text of a scalar exactly as written, whatever type YAML would resolve it to (so `no` stays "no").
    var rawScalar: String? { scalar?.string }
}

/// A YAML mapping read key by key, remembering each key's line; keys are compared as written.
struct YAMLMap {
    struct Entry {
        let key: String
        let keyLine: Int
        let value: Node
    }

    let entries: [Entry]
    let line: Int

    init?(_ node: Node) {
        guard let mapping = node.mapping else { return nil }
        entries = mapping.compactMap { pair in
            pair.key.rawScalar.map { Entry(key: $0, keyLine: pair.key.line, value: pair.value) }
        }
        line = node.line
    }

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func keyLine(_ key: String) -> Int {
        entries.first { $0.key == key }?.keyLine ?? line
    }

    var keys: [String] { entries.map(\.key) }
}
