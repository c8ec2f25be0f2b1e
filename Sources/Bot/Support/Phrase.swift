/// A sentence the bot says outside dialogs, in each language it speaks; Russian is the fallback.
public struct Phrase: Sendable, Equatable {
    public let ru: String
    public let ky: String?
    public let en: String?

    public init(ru: String, ky: String? = nil, en: String? = nil) {
        self.ru = ru
        self.ky = ky
        self.en = en
    }

    public func text(for language: String) -> String {
        switch language {
        case "ky": ky ?? ru
        case "en": en ?? ru
        default: ru
        }
    }
}
