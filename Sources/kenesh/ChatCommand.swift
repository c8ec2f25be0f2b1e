import ArgumentParser
import Dialogs
import Foundation

/// `kenesh chat`: plays a dialog in the terminal against the real engine, then prints the answers.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Try a dialog in the terminal before it goes live.",
        discussion: "Buttons are numbered: type the number to press one. /back, /skip and /cancel work as in Telegram."
    )

    @Option(help: "The folder with the dialog .yaml files.")
    var dialogs: String = "dialogs"

    @Option(help: "The id of the dialog to run.")
    var dialog: String

    @Option(help: "ru, ky or en.")
    var lang: String = "ru"

    @Option(help: "An alias to use for {alias} (as if the invite carried one).")
    var alias: String?

    @Option(help: "A city to use for {city} (as if the profile had one).")
    var city: String?

    func validate() throws {
        guard Language(rawValue: lang) != nil else {
            throw ValidationError("--lang must be ru, ky or en")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: dialogs)
        do {
            _ = try DialogCatalog.dialogFiles(in: directory)
        } catch {
            Validate.printError("kenesh chat: \(error)")
            throw ExitCode(2)
        }
        let (catalog, diagnostics) = DialogCatalog.load(directory: directory)
        guard let chosen = catalog.dialog(id: dialog) else {
            for diagnostic in diagnostics where diagnostic.isError {
                Validate.printError(diagnostic.description)
            }
            let known = catalog.dialogs.map(\.id).joined(separator: ", ")
            Validate.printError("kenesh chat: no valid dialog '\(dialog)' in \(dialogs) (valid ones: \(known.isEmpty ? "none" : known))")
            throw ExitCode(1)
        }
        let context = RespondentContext(alias: alias, city: city, language: Language(rawValue: lang) ?? .ru)
        let chat = TerminalChat(
            dialog: chosen,
            context: context,
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { print($0) }
        )
        chat.run()
    }
}
