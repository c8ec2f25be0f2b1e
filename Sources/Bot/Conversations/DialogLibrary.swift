import Dialogs
import Foundation
import GRDB
import Store

/// The dialogs the bot runs: the current files, plus every older version a conversation in
/// progress may still be pinned to (kept in the database, parsed once, cached).
public final class DialogLibrary: @unchecked Sendable {
    private let currentCatalog: DialogCatalog
    private let lock = NSLock()
    private var pinned: [String: Dialog] = [:]

    public init(catalog: DialogCatalog) {
        self.currentCatalog = catalog
    }

    /// The current version of a dialog.
    public func current(_ dialogId: String) -> Dialog? {
        currentCatalog.dialog(id: dialogId)
    }

    public var dialogIds: [String] { catalog.dialogs.map(\.id) }

    /// The current dialogs, for labels in reports.
    public var catalog: DialogCatalog { currentCatalog }

    /// Stores the text of every current dialog version so a restart after a file edit can still
    /// finish conversations started on the old text.
    public func rememberSources(now: Date, in db: Database) throws {
        for dialog in currentCatalog.dialogs {
            try DialogSource.remember(dialogId: dialog.id, version: dialog.version, fileName: dialog.fileName,
                                      source: dialog.source, now: now, in: db)
        }
    }

    /// The exact version a conversation started on; falls back to the current version (the engine
    /// then closes the conversation as cancelled, keeping its answers).
    public func dialog(_ dialogId: String, version: String, in db: Database) throws -> Dialog? {
        if let exact = currentCatalog.dialog(id: dialogId, version: version) { return exact }
        let key = "\(dialogId)@\(version)"
        lock.lock()
        let cached = pinned[key]
        lock.unlock()
        if let cached { return cached }
        if let stored = try DialogSource.source(dialogId: dialogId, version: version, in: db),
           let parsed = DialogCatalog.parse(yaml: stored.source, fileName: stored.fileName).0,
           parsed.version == version {
            lock.lock()
            pinned[key] = parsed
            lock.unlock()
            return parsed
        }
        return currentCatalog.dialog(id: dialogId)
    }
}
