import Foundation

/// A fresh folder under the system temp dir, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kenesh-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Every byte of every file in the folder, for "is this value still on disk?" checks.
    func allBytes() throws -> Data {
        var data = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
            data.append(try Data(contentsOf: url.appendingPathComponent(name)))
        }
        return data
    }
}
