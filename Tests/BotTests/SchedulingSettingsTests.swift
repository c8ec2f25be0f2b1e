import Bot
import Foundation
import Testing

/// The schedule settings as typed on the command line.
@Suite struct SchedulingSettingsTests {
    @Test func quietHoursParseAndMayBeOff() throws {
        #expect(try ScheduleSettingParser.quietHours("21:00-09:00") == QuietHours(start: TimeOfDay(hour: 21, minute: 0),
                                                                                   end: TimeOfDay(hour: 9, minute: 0)))
        #expect(try ScheduleSettingParser.quietHours("off") == nil)
        #expect(try ScheduleSettingParser.quietHours("OFF") == nil)
        for bad in ["25:00-09:00", "21:00", "21-9", "21:00-21:00", "9pm-9am", ""] {
            #expect(throws: ScheduleSettingError.self, "\(bad)") { try ScheduleSettingParser.quietHours(bad) }
        }
        #expect(ScheduleSettings().quietHours?.description == "21:00-09:00")
    }

    @Test func durationsAndReminderLists() throws {
        #expect(try ScheduleSettingParser.durationList("2h,72h,24h") == [72 * 3600, 24 * 3600, 2 * 3600])
        #expect(try ScheduleSettingParser.durationList("3d, 90m") == [3 * 86400, 90 * 60])
        #expect(try ScheduleSettingParser.durationList("off") == [])
        #expect(try ScheduleSettingParser.duration("1h30m", minimum: 0, maximum: 86400) == 5400)
        #expect(try ScheduleSettingParser.duration("120m", minimum: 900, maximum: 86400) == 7200)
        for bad in ["72", "h", "2x", "-2h", "2h,", "3 days"] {
            #expect(throws: ScheduleSettingError.self, "\(bad)") { try ScheduleSettingParser.durationList(bad) }
        }
        #expect(throws: ScheduleSettingError.self) { try ScheduleSettingParser.duration("5m", minimum: 900, maximum: 86400) }
        #expect(try ScheduleSettingParser.timeOfDay("9:05") == TimeOfDay(hour: 9, minute: 5))
        #expect(throws: ScheduleSettingError.self) { try ScheduleSettingParser.timeOfDay("24:00") }
        #expect(throws: ScheduleSettingError.self) { try ScheduleSettingParser.integer("0", in: 1...31, what: "a day") }
    }

    @Test func aMalformedScheduleOptionGetsOneLineNamingIt() throws {
        let folder = try TemporaryFolder()
        let cases: [(arguments: [String], option: String)] = [
            (["--quiet-hours", "25:00-09:00"], "--quiet-hours"),
            (["--checkin-every-days", "0"], "--checkin-every-days"),
            (["--checkin-time", "7pm"], "--checkin-time"),
            (["--monitoring-day", "32"], "--monitoring-day"),
            (["--monitoring-time", "10"], "--monitoring-time"),
            (["--meeting-reminders", "3 days"], "--meeting-reminders"),
            (["--meeting-length", "5m"], "--meeting-length"),
            (["--debrief-after", "soon"], "--debrief-after"),
        ]
        for (arguments, option) in cases {
            let result = try KeneshProcess.command(["run", "--data", folder.dataPath, "--dialogs", folder.url.path] + arguments)
            #expect(result.status != 0, "\(arguments) succeeded")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments) printed \(lines.count) lines")
            #expect(lines.first?.hasPrefix("kenesh: \(option) ") == true, "\(result.stderr)")
            #expect(lines.first?.contains("expected") == true, "\(result.stderr)")
        }
    }
}
