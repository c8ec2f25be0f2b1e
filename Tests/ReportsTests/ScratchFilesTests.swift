import Foundation
import GRDB
import Testing
@testable import Reports
import Store

/// Exports are assembled in the data folder's scratch space, never in /tmp, and what a crash leaves
/// there is removed the next time the bot starts.
@Suite struct ScratchFilesTests {
    @Test func exportScratchLivesInTheDataFolderAndIsRemovedAfterward() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        let folder = try database.writer.read { db in try ScratchFiles.makeFolder(for: db) }
        #expect(folder.path.hasPrefix(temp.url.appendingPathComponent("scratch").path + "/"))
        #expect(FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func leftoversAreClearedButAnExportInProgressIsKept() throws {
        let temp = try TemporaryFolder()
        let root = temp.url.appendingPathComponent("scratch")
        let old = root.appendingPathComponent("export-old")
        let fresh = root.appendingPathComponent("export-fresh")
        for folder in [old, fresh] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("raw answers".utf8).write(to: folder.appendingPathComponent("answers.csv"))
        }
        let now = Date()
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-3600)], ofItemAtPath: old.path)
        ScratchFiles.clearLeftovers(inDataFolder: temp.url, now: now)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))
    }
}
