import Dialogs
import Store

/// Every command the bot understands in a private chat.
public enum BotCommandName: String, CaseIterable, Sendable {
    case start, help, language, cancel, back, skip, mydata, forget
    case checkin, monitoring
    case mentees
    case summary, export, report, meeting, meetings, round, invite, people

    /// Parses "/checkin" (already lowercased and stripped of "@botname").
    public init?(command: String) {
        guard command.hasPrefix("/") else { return nil }
        self.init(rawValue: String(command.dropFirst()))
    }

    /// Commands that steer the dialog in progress rather than start something new.
    var steersDialog: Bool {
        self == .cancel || self == .back || self == .skip
    }

    /// The dialog this command starts, if it starts one.
    var dialogId: String? {
        switch self {
        case .checkin: DialogIds.checkin
        case .monitoring: DialogIds.monitoring
        default: nil
        }
    }
}

/// Who may use which command: decided here and nowhere else.
public enum CommandTable {
    static let everyone: Set<BotCommandName> = [.start, .help, .language, .cancel, .back, .skip, .mydata, .forget]
    static let byRole: [Role: Set<BotCommandName>] = [
        .leader: [.checkin],
        .monitor: [.monitoring],
        .mentor: [.mentees],
        .coordinator: [.summary, .export, .report, .meeting, .meetings, .round, .invite, .people],
    ]

    public static func allows(_ command: BotCommandName, for role: Role) -> Bool {
        everyone.contains(command) || byRole[role, default: []].contains(command)
    }
}
