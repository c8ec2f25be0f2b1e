import Foundation
import GRDB
import Store

/// A fresh data folder with people already enrolled and past onboarding.
struct BenchStore {
    let root: URL
    var data: URL { root.appendingPathComponent("data") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kenesh-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Enrols `count` consented people with the given role; their Telegram ids start at `firstUserId`.
    func enrol(_ count: Int, role: Role, firstUserId: Int64, city: String? = nil) throws -> [Int64] {
        let database = try AppDatabase(folder: data)
        let ids = (0..<Int64(count)).map { firstUserId + $0 }
        let now = Date()
        try database.writer.write { db in
            for id in ids {
                var person = Person(telegramUserId: id, alias: "P\(id)", role: role, city: city, createdAt: now)
                person.consentedAt = now
                try person.insert(db)
            }
        }
        return ids
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// The repository's dialogs folder (the benchmark runs from the repository root).
enum BenchDialogs {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dialogs")
    }
}
