import Testing
@testable import Reports

@Suite struct SmallNumbersTests {
    let rule = SmallNumbers()

    @Test func oneAndTwoShowAsLessThanThree() {
        #expect(rule.text(0) == "0")
        #expect(rule.text(1) == "<3")
        #expect(rule.text(2) == "<3")
        #expect(rule.text(3) == "3")
    }

    @Test func thresholdIsConfigurable() {
        let five = SmallNumbers(threshold: 5)
        #expect(five.text(4) == "<5")
        #expect(five.text(5) == "5")
        #expect(SmallNumbers(threshold: 1).text(1) == "1")
    }

    @Test func aLoneSmallCellTakesAnotherWithIt() {
        // With the total (6) published, "Osh <3" next to "Bishkek 5" would reveal Osh = 1.
        #expect(rule.protect([5, 1]) == [.hidden, .small])
        // Two small cells already protect each other.
        #expect(rule.protect([5, 1, 2]) == [.count(5), .small, .small])
        // Zeros are shown and never needed.
        #expect(rule.protect([7, 0, 4]) == [.count(7), .count(0), .count(4)])
        // The smallest other cell is the one hidden.
        #expect(rule.protect([9, 4, 2]) == [.count(9), .hidden, .small])
        // Without a published total nothing more is hidden.
        #expect(rule.protect([5, 1], totalPublished: false) == [.count(5), .small])
    }

    @Test func tablesAreProtectedAlongRowsAndColumns() {
        // Column totals published: column 0 has one small cell (1), so the next smallest (4) goes too;
        // then row 1 has one hidden cell and a published total, so its other non-zero cell (5) goes as well.
        let cells = rule.protect([[6, 3], [4, 5], [1, 7]], rowTotalsPublished: [true, true, true], columnTotalsPublished: true)
        #expect(cells[2][0] == .small)
        #expect(cells[1][0] == .hidden)
        #expect(cells.joined().filter { $0 != .count(6) && $0 != .count(3) && $0 != .count(7) }.count >= 3)
        for row in cells {
            #expect(row.filter { $0 != .count(0) && !isShown($0) }.count != 1)
        }
    }

    private func isShown(_ cell: SmallNumbers.Cell) -> Bool {
        if case .count = cell { true } else { false }
    }

    @Test func fixtureBreakdownsAreProtected() throws {
        let fixture = try FixtureStore()
        let monitoring = try fixture.indicators().monitoring
        let table = ProtectedBreakdown(monitoring.violationsByCityAndPerpetrator, rule: rule, additiveRows: true)
        #expect(table.totals == [.hidden, .small])
        #expect(table.cells[0] == [.small, .small, .small, .small])
        #expect(table.cells[1] == [.small, .count(0), .count(0), .count(0)])
        let barriers = ProtectedBreakdown(monitoring.barriersByCity, rule: rule, additiveRows: false)
        #expect(barriers.cells[0][4] == .count(3))
        #expect(barriers.cells[0][0] == .small)
    }
}
