/// One problem found in a dialog file, printed as `file:line: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Errors keep a file out of the catalog; warnings do not.
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public let file: String
    public let line: Int
    public let message: String
    public let severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        switch severity {
        case .error: "\(file):\(line): \(message)"
        case .warning: "\(file):\(line): warning: \(message)"
        }
    }
}
