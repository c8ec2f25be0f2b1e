import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct AppDatabaseTests {
    @Test func createsAPrivateFolderAndMigrates() throws {
        let temp = try TemporaryFolder()
        let folder = temp.url.appendingPathComponent("data")
        let database = try AppDatabase(folder: folder)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let fileMode = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent(AppDatabase.fileName).path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        let tables = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["botState", "invite", "outbox", "person", "processedUpdate"] {
            #expect(tables.contains(table))
        }
        let journal = try database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func twoOpenersShareOneDatabase() throws {
        let temp = try TemporaryFolder()
        let first = try AppDatabase(folder: temp.url)
        let second = try AppDatabase(folder: temp.url)
        try first.writer.write { db in try BotState.advanceOffset(to: 42, in: db) }
        #expect(try second.writer.read { db in try BotState.offset(in: db) } == 42)
    }

    @Test func refusesAFileAsDataFolder() throws {
        let temp = try TemporaryFolder()
        let file = temp.url.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError.notAFolder(file.path)) { try AppDatabase(folder: file) }
    }

    @Test func offsetNeverMovesBack() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        let offset = try database.writer.write { db in
            try BotState.advanceOffset(to: 10, in: db)
            try BotState.advanceOffset(to: 7, in: db)
            return try BotState.offset(in: db)
        }
        #expect(offset == 10)
    }

    @Test func processedUpdatesAreRemembered() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            #expect(try !ProcessedUpdate.contains(5, in: db))
            try ProcessedUpdate.record(5, at: Date(), in: db)
            try ProcessedUpdate.record(5, at: Date(), in: db)
            #expect(try ProcessedUpdate.contains(5, in: db))
            #expect(try ProcessedUpdate.count(in: db) == 1)
            try ProcessedUpdate.pruneOlderThan(Date().addingTimeInterval(60), in: db)
            #expect(try ProcessedUpdate.count(in: db) == 0)
        }
    }
}
