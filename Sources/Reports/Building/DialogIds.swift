/// The dialogs and steps the indicators read; they match dialogs/*.yaml.
enum ReportDialogs {
    static let checkIn = "mentorship-checkin"
    static let monitoring = "city-monitoring"
    static let debrief = "ccm-debrief"

    /// The value a chosen "Other (please specify)" is stored as; the typed text is only in the label.
    static let other = "_other"
}
