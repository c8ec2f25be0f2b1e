import ArgumentParser
import Foundation

@main
struct Kenesh: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kenesh: a Telegram bot for community programmes.",
        subcommands: [Run.self, Invite.self, Status.self, Audit.self, Report.self, Validate.self, Chat.self]
    )

    /// Like ParsableCommand.main, but a bad option or setting gets exactly one line on stderr.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = message(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data("kenesh: \(message)\n".utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
