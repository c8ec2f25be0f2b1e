import ArgumentParser

/// `kenesh validate DIR`: placeholder until the dialogs module lands.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check dialog files and print file:line: message for every problem.")
}
