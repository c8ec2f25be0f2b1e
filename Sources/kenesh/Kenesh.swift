import ArgumentParser

@main
struct Kenesh: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kenesh: a Telegram bot for community programmes.",
        subcommands: [Validate.self, Chat.self]
    )
}
