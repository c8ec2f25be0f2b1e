/// How the Bot API's answers are read: snake_case keys, required fields must be present with the
/// right kind, optional ones may be absent or null but not of the wrong kind.

extension Update: JSONReadable {
    /// An update of a kind the bot does not handle, or whose content it cannot read, still has
    /// its id and becomes `.unsupported`, so it is acknowledged instead of blocking the queue.
    public init(json: JSONValue) throws(JSONShapeError) {
        let updateId = try json.required("update_id").int64()
        let kind: Kind
        if let message = try? json.optional("message", as: Message.self) {
            kind = .message(message)
        } else if let edited = try? json.optional("edited_message", as: Message.self) {
            kind = .editedMessage(edited)
        } else if let query = try? json.optional("callback_query", as: CallbackQuery.self) {
            kind = .callbackQuery(query)
        } else {
            kind = .unsupported
        }
        self.init(updateId: updateId, kind: kind)
    }
}

extension Message: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(messageId: try json.required("message_id").int(),
                  date: try json.required("date").int(),
                  chat: try Chat(json: try json.required("chat")),
                  from: try json.optional("from", as: User.self),
                  text: try json.optional("text")?.string(),
                  entities: try json.optional("entities", as: [MessageEntity].self),
                  document: try json.optional("document", as: Document.self))
    }
}

extension SentMessage: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(messageId: try json.required("message_id").int())
    }
}

extension Chat: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(id: try json.required("id").int64(), type: Kind(rawValue: try json.required("type").string()))
    }
}

extension Chat.Kind {
    init(rawValue: String) {
        switch rawValue {
        case "private": self = .privateChat
        case "group": self = .group
        case "supergroup": self = .supergroup
        case "channel": self = .channel
        default: self = .other(rawValue)
        }
    }
}

extension User: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(id: try json.required("id").int64(), isBot: try json.required("is_bot").bool(),
                  firstName: try json.optional("first_name")?.string(), username: try json.optional("username")?.string(),
                  languageCode: try json.optional("language_code")?.string())
    }
}

extension CallbackQuery: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(id: try json.required("id").string(), from: try User(json: try json.required("from")),
                  message: try json.optional("message", as: Message.self), data: try json.optional("data")?.string())
    }
}

extension MessageEntity: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(type: try json.required("type").string(), offset: try json.required("offset").int(),
                  length: try json.required("length").int())
    }
}

extension Document: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(fileId: try json.required("file_id").string(), fileName: try json.optional("file_name")?.string(),
                  fileSize: try json.optional("file_size")?.int())
    }
}

extension ResponseParameters: JSONReadable {
    public init(json: JSONValue) throws(JSONShapeError) {
        self.init(retryAfter: try json.optional("retry_after")?.int(),
                  migrateToChatId: try json.optional("migrate_to_chat_id")?.int64())
    }
}
