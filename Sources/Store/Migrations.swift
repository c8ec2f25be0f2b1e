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

        migrator.registerMigration("v2: conversations, responses, answers, dialog versions, consent") { db in
            try db.alter(table: "person") { t in
                t.add(column: "consentedAt", .datetime)
            }
            try db.create(table: "conversation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("personId", .integer).notNull().references("person", onDelete: .cascade)
                t.column("dialogId", .text).notNull()
                t.column("dialogVersion", .text).notNull()
                t.column("state", .blob).notNull()
                t.column("status", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
                t.column("nextDeadline", .datetime).indexed()
            }
            // One dialog at a time per person.
            try db.execute(sql: "CREATE UNIQUE INDEX conversation_one_active ON conversation(personId) WHERE status = 'active'")
            try db.create(table: "questionMessage") { t in
                t.column("conversationId", .integer).notNull().references("conversation", onDelete: .cascade)
                t.column("stepId", .text).notNull()
                t.column("messageId", .integer).notNull()
                t.primaryKey(["conversationId", "stepId"])
            }
            try db.create(table: "response") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("personId", .integer).notNull().references("person", onDelete: .cascade)
                t.column("conversationId", .integer).references("conversation", onDelete: .setNull)
                t.column("dialogId", .text).notNull()
                t.column("dialogVersion", .text).notNull()
                t.column("status", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime).notNull().indexed()
            }
            try db.create(table: "answer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("responseId", .integer).notNull().indexed().references("response", onDelete: .cascade)
                t.column("personId", .integer).notNull().indexed().references("person", onDelete: .cascade)
                t.column("dialogId", .text).notNull()
                t.column("dialogVersion", .text).notNull()
                t.column("stepId", .text).notNull()
                t.column("repeatIndex", .integer)
                t.column("value", .text).notNull()
                t.column("label", .text)
                t.column("answeredAt", .datetime).notNull()
            }
            try db.create(table: "dialogSource") { t in
                t.column("dialogId", .text).notNull()
                t.column("version", .text).notNull()
                t.column("fileName", .text).notNull()
                t.column("source", .text).notNull()
                t.column("firstSeenAt", .datetime).notNull()
                t.primaryKey(["dialogId", "version"])
            }
        }

        return migrator
    }
}
