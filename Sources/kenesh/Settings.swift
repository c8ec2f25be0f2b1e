import ArgumentParser
import Foundation

/// Resolves a setting from its flag, then its environment variable, then a default.
enum Setting {
    static func resolve(_ flag: String?, environment name: String, default fallback: String? = nil,
                        environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let value = env[name], !value.isEmpty { return value }
        return fallback
    }
}

/// The data folder option shared by every command that opens the store.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Data folder holding the database (env KENESH_DATA; default ./data).", valueName: "DIR"))
    var data: String?

    var dataFolder: URL {
        URL(fileURLWithPath: Setting.resolve(data, environment: "KENESH_DATA", default: "data")!)
    }
}

/// A setting that is present but wrong; printed as one line.
struct SettingError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Reads and checks the bot token without ever printing it.
enum TokenSource {
    static func load(tokenFile: String?, environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let token: String
        if let path = Setting.resolve(tokenFile, environment: "KENESH_TOKEN_FILE", environment: env) {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw SettingError("cannot read the token file \(path): check the path and its permissions")
            }
            token = contents.trimmingCharacters(in: .whitespacesAndNewlines)
            guard isWellFormed(token) else {
                throw SettingError("the token file \(path) does not hold a bot token (expected digits, a colon, then letters, digits, _ or -)")
            }
        } else if let value = env["KENESH_TOKEN"], !value.isEmpty {
            token = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard isWellFormed(token) else {
                throw SettingError("KENESH_TOKEN does not hold a bot token (expected digits, a colon, then letters, digits, _ or -)")
            }
        } else {
            throw SettingError("no bot token: pass --token-file FILE or set KENESH_TOKEN")
        }
        return token
    }

    static func isWellFormed(_ token: String) -> Bool {
        let parts = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts[0].allSatisfy(\.isASCII) && parts[0].allSatisfy(\.isNumber)
            && parts[1].unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }
    }
}
