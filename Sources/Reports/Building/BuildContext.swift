import Dialogs
import Foundation
import GRDB

/// What every section builder needs: the open database, the period, the answers the indicators read,
/// names for options, local time.
struct BuildContext {
    let db: Database
    let period: ReportPeriod
    let filter: PeriodFilter
    let timeZone: TimeZone
    let now: Date
    let pseudonym: ParticipantPseudonym?
    let data: IndicatorData
    var names: OptionNames
    var clock: LocalClock

    init(db: Database, period: ReportPeriod, catalog: DialogCatalog?, timeZone: TimeZone, now: Date, pseudonym: ParticipantPseudonym?) throws {
        self.db = db
        self.period = period
        filter = PeriodFilter(period: period)
        self.timeZone = timeZone
        self.now = now
        self.pseudonym = pseudonym
        var data = try IndicatorData(db: db, filter: filter)
        try data.scan(db)
        self.data = data
        names = OptionNames(catalog: catalog)
        clock = LocalClock(timeZone: timeZone)
    }

    /// How many completed answers of one step took each value (a multi-choice value counts as a whole).
    func valueCounts(_ dialog: IndicatorData.Dialog, _ step: IndicatorData.Step) -> [String: Int] {
        var byCode: [Int: Int] = [:]
        for answer in data.answers(dialog) where answer.step == step { byCode[answer.value, default: 0] += 1 }
        return Dictionary(uniqueKeysWithValues: byCode.map { (data.text($0.key), $0.value) })
    }

    /// Per option id, how many completed answers of a multi-choice step ticked it.
    func optionCounts(_ dialog: IndicatorData.Dialog, _ step: IndicatorData.Step) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (value, count) in valueCounts(dialog, step) {
            for id in Set(Self.optionIds(value)) { counts[id, default: 0] += count }
        }
        return counts
    }

    /// Multi-choice values are comma-joined option ids (the engine writes them without spaces).
    static func optionIds(_ value: String) -> [String] {
        value.utf8.split(separator: UInt8(ascii: ",")).compactMap { id in
            let trimmed = id.drop { $0 == 0x20 }
            return trimmed.isEmpty ? nil : String(Substring(trimmed))
        }
    }
}
