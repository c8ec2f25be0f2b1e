import ArgumentParser

/// `kenesh chat`: placeholder until the dialogs module lands.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Try a dialog in the terminal.")
}
