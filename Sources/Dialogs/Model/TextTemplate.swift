/// A value a text can show in place of `{...}`.
public enum Placeholder: Sendable, Equatable, Hashable {
    case alias
    case city
    /// `{answer.STEP_ID}`: the human-readable label of an earlier answer.
    case answer(stepId: String)
    /// A `{name}` the engine does not know; the validator reports it, the engine shows it as typed.
    case unknown(name: String)
}

/// A staff-written text split once, at load time, into HTML-escaped literal runs and placeholders.
struct TextTemplate: Sendable {
    enum Segment: Sendable {
        /// Already HTML-escaped.
        case literal(String)
        case placeholder(Placeholder)
    }

    let segments: [Segment]
    /// The whole text, escaped, when it has no placeholders: rendering it costs nothing.
    let constant: String?

    init(segments: [Segment]) {
        var merged: [Segment] = []
        for segment in segments {
            if case .literal(let next) = segment, case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + next)
            } else {
                merged.append(segment)
            }
        }
        self.segments = merged
        switch merged.count {
        case 0: constant = ""
        case 1: if case .literal(let text) = merged[0] { constant = text } else { constant = nil }
        default: constant = nil
        }
    }

    /// Parses `{alias}`, `{city}` and `{answer.ID}`; braces around anything that is not a plain name stay literal.
    init(staffText: String) {
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(staffText)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                literal += rest[open...]
                rest = ""
                break
            }
            let name = rest[afterOpen..<close]
            if let placeholder = Self.placeholder(named: name) {
                if !literal.isEmpty { segments.append(.literal(HTML.escape(literal))) }
                literal = ""
                segments.append(.placeholder(placeholder))
            } else {
                literal += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(HTML.escape(literal))) }
        self.init(segments: segments)
    }

    static func placeholder(named name: Substring) -> Placeholder? {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ isNameScalar($0) }) else { return nil }
        switch name {
        case "alias": return .alias
        case "city": return .city
        default:
            if name.hasPrefix("answer.") {
                return .answer(stepId: String(name.dropFirst("answer.".count)))
            }
            return .unknown(name: String(name))
        }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".": true
        default: false
        }
    }

    var placeholders: [Placeholder] {
        segments.compactMap { if case .placeholder(let p) = $0 { p } else { nil } }
    }

    func appending(literal escaped: String) -> TextTemplate {
        TextTemplate(segments: segments + [.literal(escaped)])
    }

    /// Renders with `resolve` giving the already-escaped value of each placeholder.
    func render(_ resolve: (Placeholder) -> String) -> String {
        if let constant { return constant }
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .placeholder(let placeholder): out += resolve(placeholder)
            }
        }
        return out
    }
}
