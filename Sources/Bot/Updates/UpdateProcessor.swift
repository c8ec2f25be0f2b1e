import Foundation
import GRDB
import Logging
import Store
import Telegram

/// Applies one update inside one transaction: its effects, its outbox rows, the processed-update
/// mark and the next polling offset commit together or not at all.
public struct UpdateProcessor: Sendable {
    let router: UpdateRouter
    let crashPoints: CrashPoints

    public init(router: UpdateRouter, crashPoints: CrashPoints = .fromEnvironment()) {
        self.router = router
        self.crashPoints = crashPoints
    }

    /// Commits `update`. A second call with the same update changes nothing but the offset.
    /// Throws when the transaction could not commit; nothing of the update is kept then.
    public func process(_ update: Update, now: Date, database: AppDatabase) throws {
        try database.writer.write { db in
            try apply(update, now: now, in: db)
            crashPoints.hit(.beforeCommit)
        }
        crashPoints.hit(.afterCommit)
    }

    /// Commits a whole getUpdates batch in one transaction: each update's effects still commit
    /// together with the offset past it, and a durable commit (an fsync, several milliseconds) is
    /// paid once per batch instead of once per update.
    public func process(batch updates: [Update], now: Date, database: AppDatabase) throws {
        try database.writer.write { db in
            for update in updates {
                try handle(update, now: now, in: db)
                crashPoints.hit(.beforeCommit)
            }
            // The batch commits as a whole, so the offset past its last update is written once.
            if let last = updates.map(\.updateId).max() { try BotState.advanceOffset(to: last + 1, in: db) }
        }
        for _ in updates { crashPoints.hit(.afterCommit) }
    }

    func apply(_ update: Update, now: Date, in db: Database) throws {
        try handle(update, now: now, in: db)
        try BotState.advanceOffset(to: update.updateId + 1, in: db)
    }

    /// The processed mark is written first, in the same transaction: when it was already there,
    /// this is a second delivery and changes nothing.
    private func handle(_ update: Update, now: Date, in db: Database) throws {
        guard try ProcessedUpdate.recordIfNew(update.updateId, at: now, in: db) else { return }
        try router.route(update, now: now, in: db)
    }
}

extension UpdateProcessor {
    /// Acknowledges an update that could not be handled (a bug, not a storage problem) so it
    /// cannot block every later update; only its id and the offset are written.
    public func skip(_ update: Update, now: Date, database: AppDatabase) throws {
        try database.writer.write { db in
            try ProcessedUpdate.record(update.updateId, at: now, in: db)
            try BotState.advanceOffset(to: update.updateId + 1, in: db)
        }
    }
}
