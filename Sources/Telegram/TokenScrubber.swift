/// Removes the bot token from any text before it can reach a log or an error message.
public enum TokenScrubber {
    public static func scrub(_ text: String, token: String) -> String {
        guard !token.isEmpty, text.contains(token) else { return text }
        return text.replacingOccurrences(of: token, with: "<token>")
    }
}
