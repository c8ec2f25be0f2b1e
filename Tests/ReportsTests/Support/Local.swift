import Dialogs
import Foundation
import Reports

/// Local Bishkek wall time ("2026-11-03 10:00") as an instant.
func local(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .bishkek
    formatter.dateFormat = text.count > 10 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd"
    return formatter.date(from: text)!
}

/// The repository's dialogs/ folder.
let shippedDialogs = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("dialogs")

let shippedCatalog: DialogCatalog = DialogCatalog.load(directory: shippedDialogs).catalog
