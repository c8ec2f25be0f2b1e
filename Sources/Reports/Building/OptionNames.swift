import Dialogs
import GRDB
import Store

/// Names options and steps in every language from the dialog files; when a dialog or option is gone from
/// the files, from the older versions the store keeps, then from the labels stored with the answers.
/// Each fallback leaves a note so the report says its labels are not the current ones.
struct OptionNames {
    let catalog: DialogCatalog?
    private(set) var notes: [Wording] = []
    private var parsedVersions: [String: [Dialog]] = [:]
    private var noted: Set<String> = []

    init(catalog: DialogCatalog?) {
        self.catalog = catalog
    }

    /// The options of a choice or multi-choice step, current version first.
    mutating func options(dialogId: String, stepId: String, in db: Database) throws -> [ChoiceOption] {
        guard let step = try step(dialogId: dialogId, stepId: stepId, in: db) else { return [] }
        switch step.kind {
        case .choice(let spec), .multiChoice(let spec): return spec.options
        default: return []
        }
    }

    /// Counts for every option of the step in dialog order (zeros included), then "other", then values
    /// the dialog no longer has.
    mutating func categoryCounts(_ counts: [String: Int], dialogId: String, stepId: String, otherName: Wording = Self.other,
                                 excluding excluded: Set<String> = [], in db: Database) throws -> [CategoryCount] {
        let options = try options(dialogId: dialogId, stepId: stepId, in: db).filter { !excluded.contains($0.id) }
        var result = options.map { CategoryCount(id: $0.id, name: Self.wording($0.text), count: counts[$0.id] ?? 0) }
        let known = Set(options.map(\.id)).union(excluded)
        if let other = counts[ReportDialogs.other] {
            result.append(CategoryCount(id: ReportDialogs.other, name: otherName, count: other))
        }
        for (value, count) in counts.sorted(by: { $0.key < $1.key }) where !known.contains(value) && value != ReportDialogs.other {
            result.append(CategoryCount(id: value, name: try storedName(dialogId: dialogId, stepId: stepId, value: value, in: db), count: count))
        }
        return result
    }

    /// A value the dialog files do not name: an older version's text, else the label stored with an answer.
    private mutating func storedName(dialogId: String, stepId: String, value: String, in db: Database) throws -> Wording {
        for dialog in try olderVersions(dialogId, in: db) {
            guard let step = dialog.step(id: stepId) else { continue }
            switch step.kind {
            case .choice(let spec), .multiChoice(let spec):
                if let option = spec.options.first(where: { $0.id == value }) {
                    note("option:\(dialogId)/\(stepId)/\(value)", Wording(
                        ru: "Вариант «\(value)» (\(dialogId), \(stepId)) удалён из диалога; название взято из прежней версии.",
                        ky: "«\(value)» варианты (\(dialogId), \(stepId)) диалогдон алынып салынган; аты мурунку версиядан алынды.",
                        en: "Option \"\(value)\" (\(dialogId), \(stepId)) is no longer in the dialog; its name comes from an earlier version."))
                    return Self.wording(option.text)
                }
            default: continue
            }
        }
        let label = try String.fetchOne(db, sql: """
            SELECT label FROM answer WHERE dialogId = ? AND stepId = ? AND value = ? AND label IS NOT NULL LIMIT 1
            """, arguments: [dialogId, stepId, value])
        note("option:\(dialogId)/\(stepId)/\(value)", Wording(
            ru: "Варианта «\(value)» (\(dialogId), \(stepId)) нет в файлах диалогов; показана подпись из сохранённых ответов.",
            ky: "«\(value)» варианты (\(dialogId), \(stepId)) диалог файлдарында жок; сакталган жооптордогу жазуу көрсөтүлдү.",
            en: "Option \"\(value)\" (\(dialogId), \(stepId)) is not in the dialog files; the label stored with the answers is shown."))
        return Wording(everywhere: label ?? value)
    }

    /// The step in the current dialog, else in the newest stored version that has it.
    mutating func step(dialogId: String, stepId: String, in db: Database) throws -> Step? {
        if let dialog = catalog?.dialog(id: dialogId) {
            if let step = dialog.step(id: stepId) { return step }
        } else if catalog != nil {
            note("dialog:\(dialogId)", Wording(
                ru: "Диалога «\(dialogId)» больше нет в файлах; названия взяты из сохранённых версий и ответов.",
                ky: "«\(dialogId)» диалогу файлдарда жок; аттар сакталган версиялардан жана жооптордон алынды.",
                en: "The dialog \"\(dialogId)\" is no longer in the dialog files; names come from stored versions and answers."))
        } else {
            note("catalog", Wording(
                ru: "Файлы диалогов не загружены: названия вариантов взяты из сохранённых версий диалогов и из ответов.",
                ky: "Диалог файлдары жүктөлгөн жок: варианттардын аттары сакталган диалог версияларынан жана жооптордон алынды.",
                en: "The dialog files were not loaded: option names come from the stored dialog versions and the answers."))
        }
        return try olderVersions(dialogId, in: db).lazy.compactMap { $0.step(id: stepId) }.first
    }

    mutating func olderVersions(_ dialogId: String, in db: Database) throws -> [Dialog] {
        if let cached = parsedVersions[dialogId] { return cached }
        let sources = try Row.fetchAll(db, sql: """
            SELECT fileName, source FROM dialogSource WHERE dialogId = ? ORDER BY firstSeenAt DESC
            """, arguments: [dialogId])
        let dialogs = sources.compactMap { row in DialogCatalog.parse(yaml: row["source"], fileName: row["fileName"]).0 }
        parsedVersions[dialogId] = dialogs
        return dialogs
    }

    private mutating func note(_ key: String, _ text: Wording) {
        guard noted.insert(key).inserted else { return }
        notes.append(text)
    }

    static func wording(_ text: LocalizedText) -> Wording {
        Wording(ru: text.string(in: .ru), ky: text.string(in: .ky), en: text.string(in: .en))
    }

    static let other = Wording(ru: "Другое", ky: "Башка", en: "Other")
}
