import Foundation
import GRDB

/// One finished (or abandoned) run of a dialog by one person.
public struct Response: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, DatabaseValueConvertibleByRawValue {
        case complete
        /// Cancelled or expired: the answers given so far are kept, marked so.
        case partial
    }

    public var id: Int64?
    public var personId: Int64
    public var conversationId: Int64?
    public var dialogId: String
    public var dialogVersion: String
    public var status: Status
    public var startedAt: Date
    public var finishedAt: Date

    public init(personId: Int64, conversationId: Int64?, dialogId: String, dialogVersion: String, status: Status,
                startedAt: Date, finishedAt: Date) {
        self.personId = personId
        self.conversationId = conversationId
        self.dialogId = dialogId
        self.dialogVersion = dialogVersion
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

extension Response: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "response"

    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        personId = try row.decode(forColumn: "personId")
        conversationId = try row.decode(forColumn: "conversationId")
        dialogId = try row.decode(forColumn: "dialogId")
        dialogVersion = try row.decode(forColumn: "dialogVersion")
        status = try row.decode(forColumn: "status")
        startedAt = try row.decode(forColumn: "startedAt")
        finishedAt = try row.decode(forColumn: "finishedAt")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["personId"] = personId
        container["conversationId"] = conversationId
        container["dialogId"] = dialogId
        container["dialogVersion"] = dialogVersion
        container["status"] = status
        container["startedAt"] = startedAt
        container["finishedAt"] = finishedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One stored answer, with the dialog id and version it was given under.
public struct AnswerRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var responseId: Int64
    public var personId: Int64
    public var dialogId: String
    public var dialogVersion: String
    public var stepId: String
    public var repeatIndex: Int?
    /// Machine value: an option id, comma-joined option ids, a number, a yyyy-MM-dd date or text.
    public var value: String
    /// Human-readable form in the respondent's language.
    public var label: String?
    public var answeredAt: Date

    public init(responseId: Int64, personId: Int64, dialogId: String, dialogVersion: String, stepId: String,
                repeatIndex: Int?, value: String, label: String?, answeredAt: Date) {
        self.responseId = responseId
        self.personId = personId
        self.dialogId = dialogId
        self.dialogVersion = dialogVersion
        self.stepId = stepId
        self.repeatIndex = repeatIndex
        self.value = value
        self.label = label
        self.answeredAt = answeredAt
    }
}

extension AnswerRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "answer"

    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        responseId = try row.decode(forColumn: "responseId")
        personId = try row.decode(forColumn: "personId")
        dialogId = try row.decode(forColumn: "dialogId")
        dialogVersion = try row.decode(forColumn: "dialogVersion")
        stepId = try row.decode(forColumn: "stepId")
        repeatIndex = try row.decode(forColumn: "repeatIndex")
        value = try row.decode(forColumn: "value")
        label = try row.decode(forColumn: "label")
        answeredAt = try row.decode(forColumn: "answeredAt")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["responseId"] = responseId
        container["personId"] = personId
        container["dialogId"] = dialogId
        container["dialogVersion"] = dialogVersion
        container["stepId"] = stepId
        container["repeatIndex"] = repeatIndex
        container["value"] = value
        container["label"] = label
        container["answeredAt"] = answeredAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
