import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation

/// Siting held still or absent, on SitingTests' network: east alone delivers at 17,010 yuan/t
/// (100,000 t: 1,701 M yuan/y); the west candidate at 15,883.2 yuan/t plus its capex.
@Suite struct SitingModeTests {
    /// A 50 M site pays (1,638.32 M yuan/y); held at that plan, a 200 M site costs
    /// 1,588.32 + 200 = 1,788.32 M, where the free optimiser would not build it (1,701 M).
    @Test func heldPlanIsKeptWhenItNoLongerPays() throws {
        let cheap = try SitingTests.network(candidateCapex: 50_000_000).solve(options: SolveOptions(analysePlan: false))
        let plan = try #require(cheap.plan)
        let dear = try SitingTests.network(candidateCapex: 200_000_000)

        let free = try dear.solve(options: SolveOptions(analysePlan: false))
        #expect(close(free.totalCostYuan, 1_701_000_000))
        #expect(free.siting?.mode == "free")

        var options = SolveOptions()
        options.siting = .fixed(SitingDecisions(plan, source: "the cheap plan"))
        let held = try dear.solve(options: options)
        #expect(close(held.totalCostYuan, 1_788_320_000))
        #expect(held.plan?.builds.map(\.candidate) == ["west_new"])
        #expect(held.siting?.mode == "fixed")
        #expect(held.siting?.planSource == "the cheap plan")
        // Operations only: no baseline or break-even solves.
        #expect(held.plan?.baselineTotalCostYuan == nil)
    }

    @Test func noneIsTheNoBuildBaseline() throws {
        var options = SolveOptions()
        options.siting = .none
        let solution = try SitingTests.network(candidateCapex: 50_000_000).solve(options: options)
        #expect(close(solution.totalCostYuan, 1_701_000_000))
        #expect(solution.plan?.builds.isEmpty == true)
        #expect(solution.plan?.rejected.first?.reason == .mustNotBuild)
    }

    /// Held at an empty plan, the candidate is held out and says so.
    @Test func candidateOutsideTheHeldPlanIsLabelled() throws {
        var options = SolveOptions()
        options.siting = .fixed(SitingDecisions(source: "an empty plan"))
        let solution = try SitingTests.network(candidateCapex: 50_000_000).solve(options: options)
        #expect(close(solution.totalCostYuan, 1_701_000_000))
        #expect(solution.plan?.rejected.first?.reason == .notInHeldPlan)
    }

    /// Plan decisions naming sites the network lacks are reported, not silently dropped.
    @Test func missingDecisionsAreListed() throws {
        let network = try SitingTests.network(candidateCapex: 50_000_000)
        let decisions = SitingDecisions(builds: ["nowhere": 1], closures: ["ghost"], source: "x")
        #expect(decisions.missing(in: network) == ["build nowhere", "closure ghost"])
    }

    /// A rejected 200 M site: forced in it adds 87.32 M yuan/y, and the share is of all its
    /// yearly charges (capital and the running cost of its output), so below 87.32 / 200.
    @Test func breakEvenShareIsOfAllYearlyCharges() throws {
        let solution = try SitingTests.network(candidateCapex: 200_000_000).solve()
        let rejection = try #require(solution.plan?.rejected.first)
        #expect(close(rejection.breakEvenReductionYuanPerYear, 87_320_000, tolerance: 1))
        let share = try #require(rejection.breakEvenReductionShare)
        #expect(share < 87.32 / 200 - 0.01)
    }

    /// The JSON leaves out arrays that do not apply.
    @Test func emptyArraysAreAbsentFromJSON() throws {
        let solution = try NetworkLoader.load(from: Fixtures.twoSmelters).solve()
        let text = String(decoding: try JSONReport.encode(solution), as: UTF8.self)
        #expect(!text.contains("unmet_demands"))
        #expect(!text.contains("infeasible_constraints"))
        let back = try JSONReport.decodeSolution(try JSONReport.encode(solution))
        #expect(back.unmetDemands.isEmpty)
    }
}
