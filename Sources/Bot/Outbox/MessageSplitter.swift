/// Cuts a long parse_mode HTML text into messages Telegram accepts, at the most natural places.
///
/// Telegram refuses more than 4096 UTF-16 code units after parsing entities; counting the raw
/// HTML, tags included, against 4000 stays clear of that. Cuts fall between paragraphs if one
/// fits, else between lines, else between words, else anywhere, but never inside a tag, an
/// entity or a character (so never between the halves of a surrogate pair). Tags open at a cut
/// are closed at the end of the part and opened again at the start of the next. A part exceeds
/// the limit only when the tags it must reopen and close leave no room for even one character,
/// which takes a limit far below 4000.
public enum MessageSplitter {
    public static func split(_ html: String, limit: Int = 4000) -> [String] {
        pieces(html, limit: limit).map(\.text)
    }

    /// One message of a split text, and what the splitter added to or dropped around it.
    struct Piece: Equatable {
        /// The tags open where this piece begins, opened again.
        var reopening: String
        /// This piece's run of the original text.
        var body: String
        /// Closing tags for what is still open where the piece ends.
        var closing: String
        /// The whitespace cut on, dropped between this piece and the next ("" for a hard cut).
        var separator: String

        var text: String { reopening + body + closing }
    }

    static func pieces(_ html: String, limit: Int) -> [Piece] {
        guard html.utf16.count > limit else {
            return [Piece(reopening: "", body: html, closing: "", separator: "")]
        }
        let tokens = HTMLToken.tokenize(html)
        // A cut after the last visible token would leave a part with nothing to show.
        let lastVisible = tokens.lastIndex(where: \.isVisible) ?? -1
        var pieces: [Piece] = []
        var start = 0
        var openTags: [HTMLToken.OpenTag] = []
        while start < tokens.count {
            let cut = nextCut(in: tokens, from: start, openTags: openTags, lastVisible: lastVisible, limit: limit)
            let reopening = openTags.map(\.opening).joined()
            let body = tokens[start..<cut.end]
            for token in body { token.apply(to: &openTags) }
            pieces.append(Piece(
                reopening: reopening,
                body: body.map(\.text).joined(),
                closing: HTMLToken.closing(openTags),
                separator: tokens[cut.end..<cut.resume].map(\.text).joined()
            ))
            start = cut.resume
        }
        return pieces
    }

    /// Where a piece starting at token `start` ends (`end`) and where the next one starts (`resume`).
    private struct Cut {
        var end: Int
        var resume: Int
    }

    /// How good a place to cut is; later cases are worse.
    private enum CutKind: CaseIterable {
        case paragraph, line, word, anywhere
    }

    /// The cut on the blank line, line break or space at `index`, if there is one there and
    /// something visible is left after it.
    private static func separatorCut(at index: Int, in tokens: [HTMLToken], lastVisible: Int) -> (CutKind, Cut)? {
        let isNewline = tokens[index].text == "\n"
        if isNewline, index + 2 <= lastVisible, tokens[index + 1].text == "\n" {
            return (.paragraph, Cut(end: index, resume: index + 2))
        }
        guard isNewline || tokens[index].text == " ", index + 1 <= lastVisible else { return nil }
        return (isNewline ? .line : .word, Cut(end: index, resume: index + 1))
    }

    private static func nextCut(in tokens: [HTMLToken], from start: Int, openTags initial: [HTMLToken.OpenTag],
                                lastVisible: Int, limit: Int) -> Cut {
        let prefixLength = initial.reduce(0) { $0 + $1.opening.utf16.count }
        var openTags = initial
        var closingLength = HTMLToken.closing(openTags).utf16.count
        var length = prefixLength
        var hasVisible = false
        var best: [CutKind: Cut] = [:]
        var index = start
        while index < tokens.count {
            if hasVisible, index <= lastVisible, length + closingLength <= limit,
               !tokens[index - 1].isOpeningTag, !tokens[index].isClosingTag {
                best[.anywhere] = Cut(end: index, resume: index)
                if let (kind, cut) = separatorCut(at: index, in: tokens, lastVisible: lastVisible) {
                    best[kind] = cut
                }
            }
            let token = tokens[index]
            length += token.text.utf16.count
            if length > limit { break }
            if token.isTag {
                token.apply(to: &openTags)
                closingLength = HTMLToken.closing(openTags).utf16.count
            }
            hasVisible = hasVisible || token.isVisible
            index += 1
        }
        if index == tokens.count, length + closingLength <= limit {
            return Cut(end: index, resume: index)
        }
        if let cut = CutKind.allCases.lazy.compactMap({ best[$0] }).first {
            return cut
        }
        // Not even one visible character fits after the reopened tags (a tiny limit, or a huge
        // tag): send the smallest part that shows something, over the limit, rather than none.
        let firstVisible = tokens[start...].firstIndex(where: \.isVisible) ?? tokens.count - 1
        return Cut(end: firstVisible + 1, resume: firstVisible + 1)
    }
}

/// One run of parse_mode HTML that must never be cut: a tag, an entity, or one character.
struct HTMLToken {
    enum Kind: Equatable {
        case character, entity, openingTag(name: String), closingTag(name: String)
    }

    /// A tag still open at some point of the text, as it was written (attributes and all).
    struct OpenTag: Equatable {
        var name: String
        var opening: String
    }

    let text: Substring
    let kind: Kind

    /// Shows something in the message: an entity, or a character other than whitespace.
    var isVisible: Bool {
        switch kind {
        case .entity: true
        case .character: !(text.first?.isWhitespace ?? true)
        case .openingTag, .closingTag: false
        }
    }

    var isTag: Bool { isOpeningTag || isClosingTag }

    var isOpeningTag: Bool {
        if case .openingTag = kind { true } else { false }
    }

    var isClosingTag: Bool {
        if case .closingTag = kind { true } else { false }
    }

    /// Keeps `openTags` up to date with this token.
    func apply(to openTags: inout [OpenTag]) {
        switch kind {
        case .openingTag(let name):
            openTags.append(OpenTag(name: name, opening: String(text)))
        case .closingTag(let name):
            if let open = openTags.lastIndex(where: { $0.name == name }) { openTags.remove(at: open) }
        case .character, .entity:
            break
        }
    }

    /// The closing tags for `openTags`, innermost first.
    static func closing(_ openTags: [OpenTag]) -> String {
        openTags.reversed().map { "</\($0.name)>" }.joined()
    }

    static func tokenize(_ html: String) -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        var index = html.startIndex
        while index < html.endIndex {
            let token = tag(in: html, at: index) ?? entity(in: html, at: index)
                ?? HTMLToken(text: html[index...index], kind: .character)
            tokens.append(token)
            index = token.text.endIndex
        }
        return tokens
    }

    /// `<b>`, `</b>`, `<a href="...">` at `index`; nil when what is there is not a tag.
    private static func tag(in html: String, at index: String.Index) -> HTMLToken? {
        guard html[index] == "<" else { return nil }
        var quote: Character?
        var cursor = html.index(after: index)
        while cursor < html.endIndex {
            let character = html[cursor]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                let text = html[index...cursor]
                let inside = text.dropFirst().dropLast()
                let isClosing = inside.hasPrefix("/")
                let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
                guard !name.isEmpty else { return nil }
                return HTMLToken(text: text, kind: isClosing ? .closingTag(name: name) : .openingTag(name: name))
            } else if character == "<" {
                return nil
            }
            cursor = html.index(after: cursor)
        }
        return nil
    }

    /// `&amp;`, `&lt;`, `&#128512;`, `&#x1F600;` at `index`; nil when what is there is not an entity.
    private static func entity(in html: String, at index: String.Index) -> HTMLToken? {
        guard html[index] == "&" else { return nil }
        var cursor = html.index(after: index)
        var length = 0
        while cursor < html.endIndex, length <= 10 {
            let character = html[cursor]
            if character == ";" {
                return length > 0 ? HTMLToken(text: html[index...cursor], kind: .entity) : nil
            }
            guard character.isASCII, character.isLetter || character.isNumber || character == "#" else { return nil }
            length += 1
            cursor = html.index(after: cursor)
        }
        return nil
    }
}
