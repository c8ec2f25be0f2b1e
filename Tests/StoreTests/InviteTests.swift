import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct InviteTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func codesAreWellFormedAndDistinct() {
        let codes = (0..<200).map { _ in InviteCode.generate() }
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy(InviteCode.isWellFormed))
        #expect(!InviteCode.isWellFormed(""))
        #expect(!InviteCode.isWellFormed(String(repeating: "a", count: 65)))
        #expect(!InviteCode.isWellFormed("abc def"))
        #expect(!InviteCode.isWellFormed("код"))
        #expect(InviteCode.isWellFormed("A-z_09"))
    }

    @Test func aValidCodeEnrolsOnceOnly() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            let (code, _) = try Invite.create(role: .monitor, alias: "Жылдыз", city: "Ош", mentorAlias: nil, now: now, in: db)
            guard case .enrolled(let person) = try Invite.redeem(code: code, telegramUserId: 501, now: now, in: db) else {
                Issue.record("a fresh code did not enrol")
                return
            }
            #expect(person.role == .monitor)
            #expect(person.alias == "Жылдыз")
            #expect(person.city == "Ош")
            #expect(person.language == "ru")
            #expect(try Invite.redeem(code: code, telegramUserId: 502, now: now, in: db) == .alreadyUsed)
            #expect(try Person.fetchCount(db) == 1)
        }
    }

    @Test func unknownMalformedAndExpiredCodesEnrolNobody() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            let (code, _) = try Invite.create(role: .leader, alias: nil, city: nil, mentorAlias: nil, validFor: 3600, now: now, in: db)
            #expect(try Invite.redeem(code: "NoSuchCode123", telegramUserId: 7, now: now, in: db) == .unknown)
            #expect(try Invite.redeem(code: "'; DROP TABLE person; --", telegramUserId: 7, now: now, in: db) == .unknown)
            #expect(try Invite.redeem(code: code, telegramUserId: 7, now: now.addingTimeInterval(3601), in: db) == .expired)
            #expect(try Person.fetchCount(db) == 0)
        }
    }

    @Test func onlyTheHashOfACodeIsStored() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        let code = try database.writer.write { db in
            try Invite.create(role: .leader, alias: nil, city: nil, mentorAlias: nil, now: now, in: db).code
        }
        try database.checkpoint()
        let bytes = try temp.allBytes()
        #expect(bytes.range(of: Data(code.utf8)) == nil)
        #expect(bytes.range(of: Data(InviteCode.hash(code).utf8)) != nil)
    }

    @Test func mentorsAndAliasesAreChecked() throws {
        let temp = try TemporaryFolder()
        let database = try AppDatabase(folder: temp.url)
        try database.writer.write { db in
            #expect(throws: InviteError.noSuchMentor("Ментор")) {
                try Invite.create(role: .leader, alias: nil, city: nil, mentorAlias: "Ментор", now: now, in: db)
            }
            let (mentorCode, _) = try Invite.create(role: .mentor, alias: "Ментор", city: nil, mentorAlias: nil, now: now, in: db)
            _ = try Invite.redeem(code: mentorCode, telegramUserId: 900, now: now, in: db)
            let (_, invite) = try Invite.create(role: .leader, alias: "Лидер", city: nil, mentorAlias: "Ментор", now: now, in: db)
            #expect(invite.mentorId != nil)
            #expect(throws: InviteError.aliasTaken("Лидер")) {
                try Invite.create(role: .leader, alias: "Лидер", city: nil, mentorAlias: nil, now: now, in: db)
            }
            #expect(throws: InviteError.invalidAlias) {
                try Invite.create(role: .leader, alias: "   ", city: nil, mentorAlias: nil, now: now, in: db)
            }
        }
    }
}
