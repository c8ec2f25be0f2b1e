/// A staff-written text in Russian and optionally Kyrgyz and English; a missing language shows the Russian.
public struct LocalizedText: Sendable {
    public let ru: String
    public let ky: String?
    public let en: String?
    /// Line of the text in its file, per language (the Russian line when a language is missing).
    let lines: [Int]
    /// Escaped templates per language ordinal, fallbacks already applied.
    let templates: [TextTemplate]

    init(ru: String, ky: String?, en: String?, lines: [Int]) {
        self.ru = ru
        self.ky = ky
        self.en = en
        self.lines = lines
        let russian = TextTemplate(staffText: ru)
        templates = [russian, ky.map(TextTemplate.init(staffText:)) ?? russian, en.map(TextTemplate.init(staffText:)) ?? russian]
    }

    /// A text that is the same in every language (engine-made, never missing a translation).
    init(everywhere text: String, line: Int = 0) {
        self.init(ru: text, ky: text, en: text, lines: [line, line, line])
    }

    /// The plain (unescaped) text in `language`, falling back to Russian.
    public func string(in language: Language) -> String {
        switch language {
        case .ru: ru
        case .ky: ky ?? ru
        case .en: en ?? ru
        }
    }

    func has(_ language: Language) -> Bool {
        switch language {
        case .ru: true
        case .ky: ky != nil
        case .en: en != nil
        }
    }

    func line(in language: Language) -> Int { lines[language.ordinal] }

    func template(in language: Language) -> TextTemplate { templates[language.ordinal] }
}
