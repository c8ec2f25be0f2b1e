import Dialogs

/// A short text in each language the bot speaks, so one computed report renders in any of them.
public struct Wording: Codable, Sendable, Equatable, Hashable {
    public var ru: String
    public var ky: String
    public var en: String

    public init(ru: String, ky: String, en: String) {
        self.ru = ru
        self.ky = ky
        self.en = en
    }

    /// The same text in every language: a stored label, a city name, an id.
    public init(everywhere text: String) {
        self.init(ru: text, ky: text, en: text)
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .ru: ru
        case .ky: ky
        case .en: en
        }
    }
}
