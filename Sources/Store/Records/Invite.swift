import Crypto
import Foundation
import GRDB

/// A single-use enrolment code. Only the code's SHA-256 is stored, so a copy of the
/// database cannot be used to enrol.
public struct Invite: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var codeHash: String
    public var role: Role
    public var alias: String?
    public var city: String?
    public var mentorId: Int64?
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?
    public var personId: Int64?
}

extension Invite: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// Invite codes: how they are made and how they are recognised.
public enum InviteCode {
    /// Telegram's deep-link `start` parameter allows 1-64 of these characters.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    static let length = 20

    /// 20 characters from 62: about 119 random bits.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    public static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(code.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `text` could be a code at all (1-64 of A-Z a-z 0-9 _ -).
    public static func isWellFormed(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
    }
}

/// What became of a `/start CODE`.
public enum InviteRedemption: Equatable, Sendable {
    case enrolled(Person)
    case unknown
    case alreadyUsed
    case expired
}

/// Why an invite could not be made, in words for the coordinator.
public enum InviteError: Error, Equatable, CustomStringConvertible {
    case noSuchMentor(String)
    case aliasTaken(String)
    case invalidAlias

    public var description: String {
        switch self {
        case .noSuchMentor(let alias): "there is no mentor with the alias \"\(alias)\""
        case .aliasTaken(let alias): "the alias \"\(alias)\" is already in use; choose another"
        case .invalidAlias: "an alias must be 1-32 characters and not only spaces"
        }
    }
}

extension Invite {
    public static let defaultValidity: TimeInterval = 7 * 24 * 3600

    /// Makes an invite and returns the plain code, which exists nowhere else once this returns.
    public static func create(role: Role, alias: String?, city: String?, mentorAlias: String?,
                              validFor: TimeInterval = defaultValidity, now: Date,
                              in db: Database) throws -> (code: String, invite: Invite) {
        var mentorId: Int64?
        if let mentorAlias {
            guard let mentor = try Person.find(alias: mentorAlias, role: .mentor, in: db) else {
                throw InviteError.noSuchMentor(mentorAlias)
            }
            mentorId = mentor.id
        }
        let alias = alias?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let alias {
            guard (1...32).contains(alias.count) else { throw InviteError.invalidAlias }
            let taken = try Person.filter(Person.Columns.alias == alias).fetchCount(db) > 0
                || Invite.filter(Column("alias") == alias && Column("usedAt") == nil && Column("expiresAt") > now).fetchCount(db) > 0
            if taken { throw InviteError.aliasTaken(alias) }
        }
        let code = InviteCode.generate()
        var invite = Invite(codeHash: InviteCode.hash(code), role: role, alias: alias, city: city, mentorId: mentorId,
                            createdAt: now, expiresAt: now.addingTimeInterval(validFor))
        try invite.insert(db)
        return (code, invite)
    }

    /// Enrols `telegramUserId` with the invite behind `code`, if it is valid. The caller has checked
    /// that this Telegram user is not enrolled yet.
    public static func redeem(code: String, telegramUserId: Int64, now: Date, in db: Database) throws -> InviteRedemption {
        guard InviteCode.isWellFormed(code),
              var invite = try Invite.filter(Column("codeHash") == InviteCode.hash(code)).fetchOne(db)
        else { return .unknown }
        if invite.usedAt != nil { return .alreadyUsed }
        if invite.expiresAt <= now { return .expired }
        var person = Person(telegramUserId: telegramUserId, alias: invite.alias, role: invite.role,
                            city: invite.city, mentorId: invite.mentorId, createdAt: now, lastSeenAt: now)
        try person.insert(db)
        invite.usedAt = now
        invite.personId = person.id
        try invite.update(db)
        return .enrolled(person)
    }
}

extension Invite {
    /// Makes the invite that enrolled `person` usable again (they declined consent and are erased).
    public static func reopen(for person: Person, in db: Database) throws {
        guard let personId = person.id else { return }
        try db.execute(sql: "UPDATE invite SET usedAt = NULL, personId = NULL WHERE personId = ?", arguments: [personId])
    }
}
