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

        migrator.registerMigration("v3: meetings, RSVPs, dialog invitations, support requests, audit") { db in
            try db.create(table: "meeting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                // plenary, working_group, oversight
                t.column("kind", .text).notNull()
                t.column("place", .text)
                t.column("startsAt", .datetime).notNull().indexed()
                t.column("durationMinutes", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("cancelledAt", .datetime)
            }
            try db.create(table: "rsvp") { t in
                t.column("meetingId", .integer).notNull().references("meeting", onDelete: .cascade)
                t.column("personId", .integer).notNull().references("person", onDelete: .cascade)
                // yes, no, maybe
                t.column("answer", .text).notNull()
                t.column("answeredAt", .datetime).notNull()
                t.primaryKey(["meetingId", "personId"])
            }
            // Every time the bot asked someone to fill in a dialog: the denominator of response rates.
            try db.create(table: "dialogInvitation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("personId", .integer).notNull().indexed().references("person", onDelete: .cascade)
                t.column("dialogId", .text).notNull()
                // round, command, meeting
                t.column("source", .text).notNull()
                t.column("meetingId", .integer).references("meeting", onDelete: .setNull)
                t.column("invitedAt", .datetime).notNull().indexed()
                t.column("conversationId", .integer).references("conversation", onDelete: .setNull)
            }
            try db.alter(table: "response") { t in
                t.add(column: "meetingId", .integer).references("meeting", onDelete: .setNull)
            }
            try db.alter(table: "conversation") { t in
                t.add(column: "meetingId", .integer).references("meeting", onDelete: .setNull)
            }
            // A leader asked for support in a check-in; the mentor's "I'll contact them" press acknowledges it.
            try db.create(table: "supportRequest") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("personId", .integer).notNull().indexed().references("person", onDelete: .cascade)
                t.column("mentorId", .integer).references("person", onDelete: .setNull)
                t.column("responseId", .integer).notNull().references("response", onDelete: .cascade)
                t.column("createdAt", .datetime).notNull()
                t.column("acknowledgedAt", .datetime)
            }
            // Who looked at or took data out, and when. Never what the data said.
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                // "person:<id>" for a coordinator in the bot, "cli" for the command line
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("detail", .text)
                t.column("at", .datetime).notNull().indexed()
            }
        }

        migrator.registerMigration("v4: coordinator deactivation") { db in
            try db.alter(table: "person") { t in
                // Set by a coordinator: the person may no longer use the bot. Unlike `active`
                // (false while they have blocked the bot), writing again does not clear it.
                t.add(column: "deactivatedAt", .datetime)
            }
        }

        migrator.registerMigration("v5: scheduler: pending invitations, meeting reminders, mentor prompts") { db in
            // A dialog the scheduler (or /round) decided to send, waiting for the person to be free and
            // for the quiet hours to end. Once the dialog starts it becomes a dialogInvitation row.
            try db.create(table: "pendingInvitation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("personId", .integer).notNull().indexed().references("person", onDelete: .cascade)
                t.column("dialogId", .text).notNull()
                // round, meeting
                t.column("source", .text).notNull()
                t.column("meetingId", .integer).references("meeting", onDelete: .cascade)
                t.column("queuedAt", .datetime).notNull()
            }
            // Per meeting and person: the last reminder offset sent (index into the configured offsets,
            // furthest first) and whether the cancellation was told, so nothing goes out twice.
            try db.create(table: "meetingReminder") { t in
                t.column("meetingId", .integer).notNull().references("meeting", onDelete: .cascade)
                t.column("personId", .integer).notNull().indexed().references("person", onDelete: .cascade)
                t.column("offsetIndex", .integer).notNull()
                t.column("remindedAt", .datetime).notNull()
                t.column("cancellationSentAt", .datetime)
                t.primaryKey(["meetingId", "personId"])
            }
            try db.alter(table: "meeting") { t in
                // When the debriefs of this meeting were queued; set once, so a restart does not queue them again.
                t.add(column: "debriefsQueuedAt", .datetime)
            }
            // A prompt to a mentor: a support request (kind "support") or two missed check-ins in a row
            // (kind "missed", keyed by the later invitation so it fires once). Holds ids and times only.
            try db.create(table: "mentorPrompt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("personId", .integer).notNull().indexed().references("person", onDelete: .cascade)
                t.column("mentorId", .integer).references("person", onDelete: .setNull)
                t.column("supportRequestId", .integer).unique().references("supportRequest", onDelete: .cascade)
                t.column("invitationId", .integer).unique().references("dialogInvitation", onDelete: .cascade)
                t.column("createdAt", .datetime).notNull()
                t.column("handledAt", .datetime)
                // sent, or skipped (no reachable mentor)
                t.column("outcome", .text)
            }
            try db.create(index: "mentorPrompt_pending", on: "mentorPrompt", columns: ["handledAt"])
        }

        migrator.registerMigration("v6: answers by dialog and step, for report indicators") { db in
            // Report indicators read a few steps of three dialogs out of every answer. This index holds
            // everything they read (it covers the query), so they skip the rest of the answer table:
            // a million answers are counted in a third of the time, for about a third more file.
            try db.create(index: "answer_by_dialog_step", on: "answer",
                          columns: ["dialogId", "stepId", "responseId", "repeatIndex", "value"])
        }

        migrator.registerMigration("v7: pending outbox rows in order, and those put off") { db in
            // The outbox workers read the oldest pending rows, leaving out the chats whose first row
            // waits on a 429 or a back-off. Refused rows stay in the table for `kenesh status`, so the
            // pending ones get an index of their own, in id order; the put-off ones are few, and this
            // second index holds only them. The index by status and chat served the look that read each
            // chat's first row; nothing else needs it, and each write would keep it up to date.
            try db.execute(sql: "DROP INDEX outbox_by_status_chat")
            try db.execute(sql: "CREATE INDEX outbox_pending ON outbox(id) WHERE status = 'pending'")
            try db.execute(sql: "CREATE INDEX outbox_put_off ON outbox(notBefore, chatId) WHERE notBefore IS NOT NULL AND status = 'pending'")
        }

        return migrator
    }
}
