import Yams

/// Turns an error from Yams into a line and a message for staff, without echoing the file's text.
enum YAMLErrorReport {
    static func describe(_ error: any Error, in yaml: String) -> (line: Int, message: String) {
        guard let yamlError = error as? YamlError else {
            return (1, "cannot read this file as YAML")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _):
            // "while scanning a quoted scalar" and the like: where it began is where the mistake is.
            return (context?.mark.line ?? mark.line, syntaxMessage(problem, context))
        case .composer(let context, let problem, let mark, _):
            return (mark.line, syntaxMessage(problem, context))
        case .parser(let context, let problem, let mark, _):
            return (mark.line, syntaxMessage(problem, context) + "; check the indentation")
        case .reader(let problem, let offset, _, _):
            return (offset.map { line(atCharacterOffset: $0, in: yaml) } ?? 1, "cannot read the file: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark.line, "key \(names) is written more than once in the same block (first here)")
        case .dataCouldNotBeDecoded:
            return (1, "the file is not UTF-8 text")
        default:
            return (1, "cannot read this file as YAML")
        }
    }

    private static func syntaxMessage(_ problem: String, _ context: YamlError.Context?) -> String {
        guard let context else { return "YAML syntax error: \(problem)" }
        return "YAML syntax error: \(problem) (\(context.text) that starts on line \(context.mark.line))"
    }

    private static func line(atCharacterOffset offset: Int, in text: String) -> Int {
        1 + text.prefix(offset).reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
