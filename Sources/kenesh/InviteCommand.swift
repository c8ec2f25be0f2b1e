import ArgumentParser
import Foundation
import Store

/// `kenesh invite`: makes a one-time enrolment code.
struct Invite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a one-time invite code (printed as the last line of stdout).",
        discussion: "Works while the bot runs on the same data folder; the running bot accepts the code at once."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "leader, mentor, monitor or coordinator.")
    var role: Role

    @Option(help: ArgumentHelp("The mentor (by alias) of a leader.", valueName: "ALIAS"))
    var mentor: String?

    @Option(help: ArgumentHelp("The city of a monitor.", valueName: "NAME"))
    var city: String?

    @Option(help: ArgumentHelp("The person's alias (never a real name); asked during onboarding when not given.", valueName: "ALIAS"))
    var alias: String?

    @Option(name: .customLong("valid-days"), help: "Days until the code expires.")
    var validDays: Int = 7

    func validate() throws {
        guard (1...365).contains(validDays) else {
            throw ValidationError("--valid-days must be between 1 and 365, got \(validDays)")
        }
        if mentor != nil && role != .leader {
            throw ValidationError("--mentor is only for leaders")
        }
    }

    func run() throws {
        let database = try StoreOpener.open(dataOptions.dataFolder)
        let now = Date()
        let (code, invite, username) = try database.writer.write { db in
            do {
                let made = try Store.Invite.create(role: role, alias: alias, city: city, mentorAlias: mentor,
                                                   validFor: TimeInterval(validDays) * 86400, now: now, in: db)
                return (made.code, made.invite, try BotState.botUsername(in: db))
            } catch let error as InviteError {
                throw SettingError(error.description)
            }
        }
        let expiry = ISO8601DateFormatter().string(from: invite.expiresAt)
        FileHandle.standardError.write(Data("kenesh: invite for a \(role.rawValue), single use, valid until \(expiry)\n".utf8))
        if let username {
            print("https://t.me/\(username)?start=\(code)")
        }
        print(code)
    }
}

extension Role: ExpressibleByArgument {}
