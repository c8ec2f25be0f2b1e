import GRDB

extension AppDatabase {
    /// One migration per step. Never edit one that has shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1: people, invites, update log, outbox") { db in
            try db.create(table: "person") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("telegramUserId", .integer).notNull().unique()
                t.column("alias", .text)
                t.column("role", .text).notNull()
                t.column("language", .text).notNull().defaults(to: "ru")
                t.column("city", .text)
                t.column("mentorId", .integer).references("person", onDelete: .setNull)
                t.column("active", .boolean).notNull().defaults(to: true)
                t.column("createdAt", .datetime).notNull()
                t.column("lastSeenAt", .datetime)
            }
            try db.create(table: "invite") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("codeHash", .text).notNull().unique()
                t.column("role", .text).notNull()
                t.column("alias", .text)
                t.column("city", .text)
                t.column("mentorId", .integer).references("person", onDelete: .setNull)
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
                t.column("usedAt", .datetime)
                t.column("personId", .integer).references("person", onDelete: .setNull)
            }
            try db.create(table: "processedUpdate") { t in
                t.primaryKey("updateId", .integer)
                t.column("processedAt", .datetime).notNull().indexed()
            }
            try db.create(table: "botState") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("chatId", .integer).notNull()
                t.column("method", .text).notNull()
                t.column("payload", .blob).notNull()
                t.column("status", .text).notNull().defaults(to: "pending")
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("notBefore", .datetime)
                t.column("createdAt", .datetime).notNull()
                t.column("lastError", .text)
            }
            try db.create(index: "outbox_by_status_chat", on: "outbox", columns: ["status", "chatId", "id"])
        }

        return migrator
    }
}
