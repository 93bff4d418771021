import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles
@testable import PotlineReports

/// OR-Library cap41 (published optimum 1,040,444.375) is too small for million yuan: its
/// report shows whole yuan throughout, and builds that no analysed rival leaves out say so.
@Suite struct MoneyScaleReportTests {
    @Test func cap41ReportsInWholeYuan() throws {
        let file = Fixtures.repository.appendingPathComponent("Tests/Fixtures/orlib/cap41.txt")
        let instance = try CapacitatedWarehouseInstance.parse(String(contentsOf: file, encoding: .utf8), file: file.path)
        let solution = try instance.network(name: "cap41").validated().solve()
        let text = TextReport.render(solution, detail: .full)
        #expect(text.contains("Total delivered cost: 1,040,444 yuan/y"))
        #expect(text.contains("  component            yuan/y  share"))
        #expect(!text.contains("M yuan"))
        #expect(text.contains("no rival"))
        #expect(text.contains("(margin no rival: none of the plans solved for the break-even analysis leaves this build out"))
        // The closest rejected candidate's break-even bounds the one build its forced plan drops.
        let plan = try #require(solution.plan)
        let closest = try #require(plan.rejected.compactMap(\.breakEvenReductionYuanPerYear).min())
        #expect(plan.builds.compactMap(\.marginYuanPerYear).min() == closest)
    }
}
