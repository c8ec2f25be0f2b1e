import Foundation
import Yams

/// The dialogs the bot can run: the current version of each file, plus older versions registered for pinning.
public struct DialogCatalog: Sendable {
    private var current: [String: Dialog] = [:]
    private var versions: [String: Dialog] = [:]

    public init(dialogs: [Dialog] = []) {
        for dialog in dialogs { register(dialog) }
    }

    /// Current versions, sorted by id.
    public var dialogs: [Dialog] { current.values.sorted { $0.id < $1.id } }

    /// The current version of a dialog.
    public func dialog(id: String) -> Dialog? { current[id] }

    /// A specific version, current or registered earlier: a conversation keeps the version it started on.
    public func dialog(id: String, version: String) -> Dialog? { versions[Self.key(id, version)] }

    /// Adds a dialog version; it becomes the current one only if the catalog has no dialog with that id yet.
    public mutating func register(_ dialog: Dialog) {
        versions[Self.key(dialog.id, dialog.version)] = dialog
        if current[dialog.id] == nil { current[dialog.id] = dialog }
    }

    private static func key(_ id: String, _ version: String) -> String { id + "@" + version }

    /// Loads every `*.yaml` / `*.yml` file in `directory`. Only files without errors enter the catalog;
    /// diagnostics cover every file (and the directory itself if it cannot be read).
    public static func load(directory: URL) -> (catalog: DialogCatalog, diagnostics: [Diagnostic]) {
        var catalog = DialogCatalog()
        var diagnostics: [Diagnostic] = []
        let files: [URL]
        do {
            files = try dialogFiles(in: directory)
        } catch {
            return (catalog, [Diagnostic(file: directory.relativePath, line: 1, message: "\(error)")])
        }
        var fileOfId: [String: String] = [:]
        for url in files {
            let name = directory.appendingPathComponent(url.lastPathComponent).relativePath
            guard let bytes = try? Data(contentsOf: url) else {
                diagnostics.append(Diagnostic(file: name, line: 1, message: "cannot read this file"))
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(Diagnostic(file: name, line: 1, message: "the file is not UTF-8 text; save it as UTF-8"))
                continue
            }
            let (dialog, fileDiagnostics) = parse(yaml: text, fileName: name)
            diagnostics += fileDiagnostics
            guard let dialog else { continue }
            if let other = fileOfId[dialog.id] {
                diagnostics.append(Diagnostic(file: name, line: dialog.idLine, message: "dialog id '\(dialog.id)' is already used by \(other)"))
                continue
            }
            let baseName = url.deletingPathExtension().lastPathComponent
            if baseName != dialog.id {
                diagnostics.append(Diagnostic(file: name, line: dialog.idLine,
                    message: "dialog id '\(dialog.id)' differs from the file name '\(baseName)'; keeping them equal makes files easy to find",
                    severity: .warning))
            }
            fileOfId[dialog.id] = name
            catalog.register(dialog)
        }
        return (catalog, diagnostics)
    }

    /// Parses one dialog's YAML text (a file, or the stored source of an older version).
    /// Returns the dialog only when there are no errors; warnings may come with it.
    public static func parse(yaml: String, fileName: String) -> (Dialog?, [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let (line, message) = YAMLErrorReport.describe(error, in: yaml)
            return (nil, [Diagnostic(file: fileName, line: line, message: message)])
        }
        guard let root else {
            return (nil, [Diagnostic(file: fileName, line: 1, message: "the file is empty; a dialog needs id, title and steps")])
        }
        var parser = DialogParser(file: fileName)
        guard let draft = parser.parse(root: root) else { return (nil, parser.diagnostics) }
        let diagnostics = (parser.diagnostics + DialogValidator.check(draft, file: fileName))
            .enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        guard !diagnostics.contains(where: \.isError), let title = draft.title else { return (nil, diagnostics) }
        let dialog = Dialog(id: draft.id, title: title, languages: draft.languages, expiry: draft.expiry,
                            thanks: draft.thanks, steps: draft.steps, version: DialogVersion.of(Data(yaml.utf8)),
                            source: yaml, fileName: fileName, idLine: draft.idLine)
        return (dialog, diagnostics)
    }

    /// The dialog files in `directory`, sorted by name; throws a readable error if it is missing or unreadable.
    public static func dialogFiles(in directory: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw DialogDirectoryError(path: directory.relativePath, reason: "no such directory")
        }
        guard isDirectory.boolValue else {
            throw DialogDirectoryError(path: directory.relativePath, reason: "not a directory")
        }
        // The path-based listing: the URL-based one returns nothing for a symlinked directory on Linux.
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw DialogDirectoryError(path: directory.relativePath, reason: "cannot be read (check its permissions)")
        }
        return names
            .filter { name in ["yaml", "yml"].contains((name as NSString).pathExtension.lowercased()) && !name.hasPrefix(".") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }
}

/// A dialogs directory that is missing or cannot be read.
public struct DialogDirectoryError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}
