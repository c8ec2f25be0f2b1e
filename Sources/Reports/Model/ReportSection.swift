/// The three parts of the programme a report covers; `/summary mentorship|monitoring|ccm`.
public enum ReportSection: String, Codable, Sendable, CaseIterable {
    case mentorship, monitoring, ccm

    /// Parses a section name as typed, also accepting a few obvious synonyms.
    public static func parse(_ text: String) throws -> ReportSection {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "mentorship", "mentoring", "mentor", "checkin", "checkins": .mentorship
        case "monitoring", "clm", "monitor": .monitoring
        case "ccm", "skk", "скк": .ccm
        default: throw ReportError.unknownSection(text)
        }
    }
}
