import Foundation
import Testing
@testable import Bot

/// Long HTML texts cut into messages Telegram accepts, at natural places, without breaking markup.
@Suite struct MessageSplitterTests {
    /// The original text from a split's pieces, leaving out the tags the splitter added.
    private func rejoined(_ pieces: [MessageSplitter.Piece]) -> String {
        pieces.map { $0.body + $0.separator }.joined()
    }

    /// What a reader sees, as far as these tests care: the text without tags or whitespace.
    private func visible(_ html: String) -> String {
        HTMLToken.tokenize(html).filter(\.isVisible).map(\.text).joined()
    }

    /// The checks every split must pass: each part fits, shows something, and the parts
    /// rebuild the original.
    private func checkInvariants(_ html: String, limit: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let pieces = MessageSplitter.pieces(html, limit: limit)
        let parts = MessageSplitter.split(html, limit: limit)
        #expect(parts == pieces.map(\.text), sourceLocation: sourceLocation)
        for part in parts {
            #expect(part.utf16.count <= limit, "a part has \(part.utf16.count) UTF-16 units", sourceLocation: sourceLocation)
            #expect(!visible(part).isEmpty, "a part shows nothing", sourceLocation: sourceLocation)
        }
        #expect(rejoined(pieces) == html, sourceLocation: sourceLocation)
        #expect(visible(parts.joined()) == visible(html), sourceLocation: sourceLocation)
        #expect(pieces.last?.separator == "", sourceLocation: sourceLocation)
    }

    private func paragraph(_ words: Int, seed: Int = 0) -> String {
        let vocabulary = ["кеңеш", "мониторинг", "<b>важно</b>", "встреча", "CCM", "Бишкек", "&amp;", "🙂", "право", "услуги"]
        return (0..<words).map { vocabulary[($0 * 7 + seed) % vocabulary.count] }.joined(separator: " ")
    }

    @Test func aShortTextComesBackUnchanged() {
        let text = "<b>Привет</b>, Роза! 🙂\n\nКак дела &amp; новости?"
        #expect(MessageSplitter.split(text) == [text])
        #expect(MessageSplitter.split("") == [""])
        let exactlyAtTheLimit = String(repeating: "ж", count: 4000)
        #expect(MessageSplitter.split(exactlyAtTheLimit) == [exactlyAtTheLimit])
    }

    @Test func paragraphsAreKeptWhole() {
        let paragraphs = (0..<12).map { paragraph(60, seed: $0) }
        let text = paragraphs.joined(separator: "\n\n")
        let pieces = MessageSplitter.pieces(text, limit: 1000)
        #expect(pieces.count > 1)
        #expect(pieces.dropLast().allSatisfy { $0.separator == "\n\n" })
        for piece in pieces {
            #expect(piece.body.components(separatedBy: "\n\n").allSatisfy(paragraphs.contains))
        }
        checkInvariants(text, limit: 1000)
    }

    @Test func aParagraphTooLongIsCutBetweenLinesThenWords() {
        let lines = (0..<40).map { paragraph(12, seed: $0) }.joined(separator: "\n")
        let linePieces = MessageSplitter.pieces(lines, limit: 500)
        #expect(linePieces.dropLast().allSatisfy { $0.separator == "\n" })
        checkInvariants(lines, limit: 500)

        let oneHugeParagraph = paragraph(2000)
        let wordPieces = MessageSplitter.pieces(oneHugeParagraph, limit: 4000)
        #expect(wordPieces.count > 1)
        #expect(wordPieces.dropLast().allSatisfy { $0.separator == " " })
        checkInvariants(oneHugeParagraph, limit: 4000)
    }

    @Test func aCutFallsAsLateAsItCan() {
        let text = "first paragraph\n\n" + String(repeating: "слово ", count: 20) + "\n\nlast"
        let pieces = MessageSplitter.pieces(text, limit: 140)
        #expect(pieces.map(\.body) == ["first paragraph\n\n" + String(repeating: "слово ", count: 20), "last"])
    }

    @Test func withoutAnySpaceTheTextIsCutAnywhere() {
        let text = String(repeating: "абвгд", count: 1000)
        let parts = MessageSplitter.split(text, limit: 4000)
        #expect(parts.map(\.count) == [4000, 1000])
        checkInvariants(text, limit: 4000)
    }

    @Test func surrogatePairsAndFlagsAreNeverCut() {
        let emoji = String(repeating: "😀", count: 3000)
        for part in MessageSplitter.split(emoji, limit: 3999) {
            #expect(part.allSatisfy { $0 == "😀" })
        }
        checkInvariants(emoji, limit: 3999)

        let flags = String(repeating: "🇰🇬", count: 1500)
        for part in MessageSplitter.split(flags, limit: 4001) {
            #expect(part.allSatisfy { $0 == "🇰🇬" })
        }
        checkInvariants(flags, limit: 4001)

        let mixed = (0..<400).map { "Кыргызстан🇰🇬\($0 % 3 == 0 ? "👩🏽‍⚕️" : "")" }.joined()
        checkInvariants(mixed, limit: 333)
    }

    @Test func tagsAndEntitiesAreNeverCut() {
        let unit = "<a href=\"https://example.org/a?x=1&amp;y=2\">ссылка</a>&amp;&lt;&#128512;<i>ы</i>"
        let text = String(repeating: unit, count: 200)
        let tokenTexts = Set(HTMLToken.tokenize(unit).filter { $0.kind != .character }.map { String($0.text) })
        for limit in [97, 150, 4000] {
            for part in MessageSplitter.split(text, limit: limit) {
                for token in HTMLToken.tokenize(part) where token.kind != .character {
                    #expect(tokenTexts.contains(String(token.text)) || token.text.hasPrefix("</"))
                }
                // A stray "<", ">", "&" or ";" would be a cut tag or entity.
                let plain = HTMLToken.tokenize(part).filter { $0.kind == .character }.map(\.text).joined()
                #expect(!plain.contains { "<>&;".contains($0) })
            }
            checkInvariants(text, limit: limit)
        }
    }

    @Test func tagsOpenAtACutAreClosedAndReopened() {
        let text = "<b>" + paragraph(60) + " <i>" + paragraph(10, seed: 3) + "\n\n" + paragraph(60, seed: 5) + "</i></b> конец"
        let pieces = MessageSplitter.pieces(text, limit: 300)
        #expect(pieces.count > 2)
        #expect(pieces[0].reopening == "")
        #expect(pieces[0].closing == "</b>")
        #expect(pieces[1].reopening == "<b>")
        #expect(pieces.contains { $0.closing == "</i></b>" && $0.separator == "\n\n" })
        #expect(pieces.contains { $0.reopening == "<b><i>" })
        #expect(pieces.last?.closing == "")
        for part in pieces.map(\.text) {
            #expect(isBalanced(part), "unbalanced: \(part)")
        }
        checkInvariants(text, limit: 300)
    }

    @Test func aLinkAndPreformattedBlockAreReopenedWithTheirAttributes() {
        let code = (0..<60).map { "let value\($0) = compute(\($0))" }.joined(separator: "\n")
        let text = "<pre><code class=\"language-swift\">\(code)</code></pre>\n<a href=\"tg://user?id=1\">" + paragraph(300) + "</a>"
        let pieces = MessageSplitter.pieces(text, limit: 700)
        #expect(pieces.dropFirst().contains { $0.reopening == "<pre><code class=\"language-swift\">" })
        #expect(pieces.contains { $0.reopening == "<a href=\"tg://user?id=1\">" && $0.closing == "</a>" })
        for part in pieces.map(\.text) {
            #expect(isBalanced(part), "unbalanced: \(part)")
        }
        checkInvariants(text, limit: 700)
    }

    @Test func everyPartFitsForManyLimits() {
        let text = (0..<25).map { paragraph(40 + $0 * 3, seed: $0) + ($0 % 2 == 0 ? "\n" : "\n\n") }.joined() + "<b>конец</b>"
        for limit in [64, 100, 257, 1000, 4000] {
            checkInvariants(text, limit: limit)
        }
    }

    @Test func aPartNeverShowsNothing() {
        let text = String(repeating: "слово ", count: 800) + "\n\n\n\n" + String(repeating: " ", count: 50)
        checkInvariants(text, limit: 4000)
    }

    @Test func randomTextsKeepEveryPromise() {
        var random = SeededRandom(seed: 20_251_121)
        let words = ["кеңеш", "права", "🙂", "🇰🇬", "👩🏽‍⚕️", "&amp;", "&lt;", "&#128512;", "Ош", "CLM", "x"]
        let tags = ["b", "i", "u", "s", "code"]
        for _ in 0..<150 {
            var html = ""
            var open: [String] = []
            for _ in 0..<Int.random(in: 20...400, using: &random) {
                switch Int.random(in: 0..<12, using: &random) {
                case 0 where open.count < 3:
                    let tag = tags.randomElement(using: &random)!
                    html += "<\(tag)>"
                    open.append(tag)
                case 1 where !open.isEmpty:
                    html += "</\(open.removeLast())>"
                case 2:
                    html += "<a href=\"https://example.org/?q=\(Int.random(in: 0...999, using: &random))&amp;r=1\">"
                        + words.randomElement(using: &random)! + "</a>"
                case 3: html += "\n"
                case 4: html += "\n\n"
                default: html += words.randomElement(using: &random)! + (Bool.random(using: &random) ? " " : "")
                }
            }
            html += "конец" + open.reversed().map { "</\($0)>" }.joined()
            let limit = Int.random(in: 150...1500, using: &random)
            checkInvariants(html, limit: limit)
            for part in MessageSplitter.split(html, limit: limit) {
                #expect(isBalanced(part), "unbalanced: \(part)")
            }
        }
    }

    @Test func aVeryLongTextIsSplitQuickly() {
        let text = (0..<2000).map { paragraph(8, seed: $0) }.joined(separator: "\n")
        let started = Date()
        let parts = MessageSplitter.split(text)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(parts.count == (text.utf16.count + 3999) / 4000 || parts.count == (text.utf16.count + 3999) / 4000 + 1)
    }

    /// Every closing tag matches the innermost open one, and nothing is left open.
    private func isBalanced(_ html: String) -> Bool {
        var open: [HTMLToken.OpenTag] = []
        for token in HTMLToken.tokenize(html) {
            switch token.kind {
            case .openingTag(let name): open.append(HTMLToken.OpenTag(name: name, opening: String(token.text)))
            case .closingTag(let name):
                guard open.last?.name == name else { return false }
                open.removeLast()
            case .character, .entity: break
            }
        }
        return open.isEmpty
    }
}

/// A repeatable random source, so a failing case can be replayed.
private struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
