import Foundation

/// A dialog file as parsed, before the validator decides whether it may become a `Dialog`.
struct DialogDraft {
    var id = ""
    var idLine = 1
    var title: LocalizedText?
    var languages: [Language] = Language.allCases
    var expiry: TimeInterval?
    var thanks: LocalizedText?
    var steps: [Step] = []
    /// Steps whose own definition had an error: the validator does not report references to them again.
    var brokenStepIds: Set<String> = []
}
