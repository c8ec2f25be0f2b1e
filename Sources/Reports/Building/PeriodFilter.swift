import Foundation
import GRDB

/// The SQL condition "this column falls in the period", with its arguments.
struct PeriodFilter {
    let period: ReportPeriod

    /// `column >= ? AND column < ?` (or `1` for all time), for a column holding a stored date.
    func sql(_ column: String) -> String {
        switch (period.start, period.end) {
        case (nil, nil): "1"
        case (_?, nil): "\(column) >= ?"
        case (nil, _?): "\(column) < ?"
        case (_?, _?): "\(column) >= ? AND \(column) < ?"
        }
    }

    var arguments: StatementArguments {
        StatementArguments([period.start, period.end].compactMap { $0 })
    }

    /// Only the lower bound: for "was this invitation answered later", which may be after the period.
    func sqlFromStart(_ column: String) -> String {
        period.start == nil ? "1" : "\(column) >= ?"
    }

    var startArguments: StatementArguments {
        StatementArguments([period.start].compactMap { $0 })
    }
}
