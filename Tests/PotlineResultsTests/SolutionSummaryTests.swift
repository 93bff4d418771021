import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation
@testable import PotlineResults
@testable import PotlineSolve

/// A summary read straight from a formulation and its result is the summary of the whole
/// solution, field for field and bit for bit: sweeps read points the short way and must not
/// differ from the full path.
@Suite struct SolutionSummaryTests {
    static func bothWays(_ network: Network) throws -> (short: SolutionSummary, full: SolutionSummary) {
        let formulation = try Formulation(network.validated())
        let solved = try formulation.solve(options: SolveOptions())
        let lp = try #require(solved.optimalLP)
        return (SolutionSummary(formulation: formulation, result: lp.result), SolutionSummary(solved.solution))
    }

    @Test func twoSmeltersOneAndTwoPeriods() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        var (short, full) = try Self.bothWays(network)
        #expect(short == full)
        // East 100,000 t: west's 60,000 at 15,883.2, east's own 40,000 at 17,010 (the README's derivation).
        #expect(short.totalCostYuan == 1_633_392_000)
        #expect(short.plantProduction.map(\.id) == ["west_smelter", "east_smelter"])
        #expect(short.plantProduction.map(\.tonnesPerYear) == [60_000, 40_000])
        #expect(short.deliveredCosts.first?.marginalCostYuanPerTonne == 17_010)
        network.periods = [Period(id: "wet", shareOfYear: 0.5), Period(id: "dry", shareOfYear: 0.5)]
        (short, full) = try Self.bothWays(network)
        #expect(short == full)
        #expect(short.routes.count == full.routes.count && !short.routes.isEmpty)
    }

    /// A generated 30-region chain: many routes and plants, ties and degenerate duals.
    @Test func syntheticThirtyRegions() throws {
        let folder = try Fixtures.syntheticNetwork(regions: 30)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (short, full) = try Self.bothWays(try NetworkLoader.load(from: folder).network)
        #expect(short == full)
        #expect(short.routes.count > 30)
    }
}
