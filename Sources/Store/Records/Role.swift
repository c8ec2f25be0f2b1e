/// What a person does in the programme; decides what the bot offers them.
public enum Role: String, Codable, Sendable, CaseIterable, DatabaseValueConvertibleByRawValue {
    case leader, mentor, monitor, coordinator
}

import GRDB

/// Lets a String-backed enum be stored as its raw value.
public protocol DatabaseValueConvertibleByRawValue: RawRepresentable, DatabaseValueConvertible where RawValue == String {}

extension DatabaseValueConvertibleByRawValue {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        String.fromDatabaseValue(dbValue).flatMap(Self.init(rawValue:))
    }
}
