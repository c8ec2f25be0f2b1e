import Dialogs

/// The dialogs and steps the indicators read; they match dialogs/*.yaml.
enum ReportDialogs {
    static let checkIn = DialogIds.checkin
    static let monitoring = DialogIds.monitoring
    static let debrief = DialogIds.debrief

    /// The value a chosen "Other (please specify)" is stored as; the typed text is only in the label.
    static let other = "_other"
}
