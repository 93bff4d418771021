import Foundation
import Testing
import Potline
import PotlineTestSupport

/// The plan analysis (baseline and break-evens) on a network small enough to derive by hand.
///
/// One product, `metal`, made from power alone: 1,000 yuan/t other cost plus its kWh at the
/// region's grid price; 1,000 t/y wanted at `market` (grid 0.50 yuan/kWh). `hydro` (grid 0.20)
/// is 1,000 km of rail away at 0.1 yuan/t-km: 100 yuan/t. Capital is annualised over one year
/// at r = 0, so capex = yearly charge, and one new site at most may be built.
///
/// - existing market smelter (1,500 t/y, 10,000 kWh/t): 10,000 × 0.5 + 1,000 = 6,000 yuan/t;
///   building nothing costs 6,000,000 yuan/y (the baseline).
/// - hydro_new (2,000 t/y, 10,000 kWh/t, 1 M yuan): 10,000 × 0.2 + 1,000 + 100 = 3,100 yuan/t;
///   the plan: 3,100,000 + 1,000,000 = 4,100,000 yuan/y.
/// - market_new (2,000 t/y, 8,000 kWh/t, 0.5 M yuan): 8,000 × 0.5 + 1,000 = 5,000 yuan/t; forced
///   in, it takes the only site: 5,000,000 + 500,000 = 5,500,000 yuan/y, 1,400,000 above the plan.
@Suite struct SitingAnalysisTests {
    static func network() -> Network {
        var network = Network(
            name: "siting", baseYear: 2024,
            regions: [
                Region(id: "market", latitudeDegrees: 31, longitudeDegrees: 121, gridPriceYuanPerKWh: 0.5),
                Region(id: "hydro", latitudeDegrees: 25, longitudeDegrees: 103, gridPriceYuanPerKWh: 0.2),
            ],
            commodities: [Commodity(id: "metal")],
            processes: [ProductionProcess(id: "smelting", output: "metal", electricityKWhPerTonne: 10_000, otherCostYuanPerTonne: 1_000)],
            plants: [Plant(id: "market_smelter", region: "market", process: "smelting", capacityTonnesPerYear: 1_500)],
            demands: [Demand(region: "market", commodity: "metal", tonnesPerYear: 1_000)],
            links: [Link(id: "rail", from: "hydro", to: "market", mode: "rail", distanceKm: 1_000, rateYuanPerTonneKm: 0.1, handlingYuanPerTonne: 0)])
        func candidate(_ id: String, _ region: String, capex: Double, kWh: Double? = nil) -> Candidate {
            Candidate(
                id: id, region: region, process: "smelting", sizing: .modules(sizeTonnesPerYear: 2_000, maximum: 1),
                siteCapexYuan: capex, lifetimeYears: 1, discountRate: 0, electricityKWhPerTonne: kWh)
        }
        network.candidates = [candidate("hydro_new", "hydro", capex: 1_000_000), candidate("market_new", "market", capex: 500_000, kWh: 8_000)]
        network.maximumNewSites = 1
        return network
    }

    @Test func theBaselineBuildsNothingAndPricesTheMarketAtTheOldSmelter() throws {
        let solution = try Self.network().solve(options: SolveOptions(threads: 1))
        #expect(close(solution.totalCostYuan, 4_100_000))
        let plan = try #require(solution.plan)
        #expect(plan.builds.map(\.candidate) == ["hydro_new"])
        #expect(close(plan.baselineTotalCostYuan, 6_000_000))
        let change = try #require(plan.deliveredCostChanges.first)
        #expect(change.region == "market" && change.commodity == "metal")
        #expect(close(change.baselineYuanPerTonne, 6_000))
        #expect(close(change.planYuanPerTonne, 3_100))
        #expect(close(change.changeYuanPerTonne, -2_900))
    }

    @Test func theRejectedSiteBreaksEvenAtTheCostItAddsForcedIn() throws {
        let plan = try #require(try Self.network().solve(options: SolveOptions(threads: 1)).plan)
        let rejected = try #require(plan.rejected.first)
        #expect(plan.rejected.count == 1 && rejected.candidate == "market_new")
        #expect(close(rejected.breakEvenReductionYuanPerYear, 1_400_000))
        // Per kWh of its 1,000 t × 8,000 kWh/t: 1.4 M ÷ 8 GWh.
        #expect(close(rejected.breakEvenPowerPriceYuanPerKWh, 0.175))
        // Of its yearly charges once built, 0.5 M capital + 5 M variable.
        #expect(close(rejected.breakEvenReductionShare, 1.4 / 5.5))
        // 1.4 M exceeds its whole 0.5 M capital charge: even free it would lose to hydro power.
        #expect(rejected.reason == .notEconomicEvenWithoutCapital)
        // The forced plan leaves hydro_new out, so the build is 1.4 M from losing its place:
        // per kWh of its 1,000 t × 10,000 kWh/t, 0.14 yuan/kWh.
        let build = try #require(plan.builds.first)
        #expect(close(build.marginYuanPerYear, 1_400_000))
        #expect(close(build.marginPowerPriceYuanPerKWh, 0.14))
    }

    @Test func withoutTheSiteLimitForcingInCostsOnlyTheIdleSite() throws {
        // Free to build both, the forced market_new idles beside hydro_new: it adds its 0.5 M
        // capital, no power (no output to price it by), and the build keeps its place.
        var network = Self.network()
        network.maximumNewSites = nil
        let plan = try #require(try network.solve(options: SolveOptions(threads: 1)).plan)
        let rejected = try #require(plan.rejected.first)
        #expect(close(rejected.breakEvenReductionYuanPerYear, 500_000))
        #expect(rejected.breakEvenPowerPriceYuanPerKWh == nil)
        #expect(plan.builds.first?.marginYuanPerYear == nil)
    }

    /// The plan analysis runs its solves side by side; whichever order they finish in, and on any
    /// number of threads, the China plan and its break-evens are the same, digit for digit. So is
    /// the rest of the solution, prices explained included: each solve picks the same of its
    /// tied optimal flows on every run.
    @Test func chinaPlanAnalysisIsTheSameOnOneThreadAndOnTwo() throws {
        let china = try NetworkLoader.load(from: Fixtures.networks.appendingPathComponent("china").path)
        let solutions = try [1, 2, 2].map { threads in
            var solution = try china.solve(options: SolveOptions(explainPrices: true, threads: threads))
            solution.buildSeconds = 0
            solution.solveSeconds = 0
            return solution
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let documents = try solutions.map { try encoder.encode($0) }
        #expect(documents[0] == documents[1] && documents[1] == documents[2])
        // China's plan builds 1.5 Mt and leaves candidates out with proven break-evens.
        let plan = try #require(solutions[0].plan)
        #expect(plan.builds.count >= 2 && plan.rejected.contains { $0.breakEvenReductionYuanPerYear != nil })
        #expect(solutions[0].priceExplanations?.isEmpty == false)
    }
}
