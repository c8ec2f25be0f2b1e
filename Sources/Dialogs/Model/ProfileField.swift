/// A field of the respondent's profile that a step can save to (`saves_to`) or read (`prefill`, `when: {profile: ...}`).
public enum ProfileField: String, Sendable, CaseIterable {
    case language, alias, city, consent
}
