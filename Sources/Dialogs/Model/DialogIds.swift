/// The ids of the dialogs the code itself refers to: the bot starts them, and the reports read them.
/// They match dialogs/*.yaml.
public enum DialogIds {
    public static let onboarding = "onboarding"
    public static let checkin = "mentorship-checkin"
    public static let monitoring = "city-monitoring"
    public static let debrief = "ccm-debrief"
}
