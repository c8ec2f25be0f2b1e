import ArgumentParser
import Dialogs
import Foundation

/// `kenesh validate DIR`: checks every dialog file and prints `file:line: message` for each problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check dialog files and print file:line: message for every problem.",
        discussion: "Exits 0 when every file is valid (warnings allowed), 1 when any file has an error, 2 when DIR cannot be read."
    )

    @Argument(help: "The folder with the dialog .yaml files.")
    var directory: String = "dialogs"

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        let files: [URL]
        do {
            files = try DialogCatalog.dialogFiles(in: url)
        } catch {
            Self.printError("kenesh validate: \(error)")
            throw ExitCode(2)
        }
        guard !files.isEmpty else {
            Self.printError("kenesh validate: \(directory): no .yaml dialog files here")
            throw ExitCode(2)
        }
        let (catalog, diagnostics) = DialogCatalog.load(directory: url)
        for diagnostic in diagnostics {
            Self.printError(diagnostic.description)
        }
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        print("\(files.count) file(s) checked, \(catalog.dialogs.count) valid; \(errors) error(s), \(warnings) warning(s)")
        if errors > 0 { throw ExitCode(1) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
