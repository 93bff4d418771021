import Testing
@testable import Potline

@Suite struct InfeasibilityTests {
    /// Capacity 60,000 + 100,000 = 160,000 t/y against 200,000 t/y of demand: 40,000 t/y short.
    @Test func infeasibleNetworkNamesTheDemandThatCannotBeMet() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        network.demands[0].tonnesPerYear = 200_000
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.totalCostYuan == nil)
        #expect(solution.unmetDemands.count == 1)
        #expect(solution.unmetDemands[0].region == "east")
        #expect(close(solution.unmetDemands[0].unmetTPerY, 40_000))
        #expect(TextReport.render(solution).contains("The network cannot meet these demands"))
    }

    @Test func supplyLimitMakesItInfeasible() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        network.supplies[1].capacityTonnesPerYear = 25_000  // anodes for 50,000 t of aluminium
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(close(solution.unmetDemands.first?.unmetTPerY, 50_000))
    }

    @Test func invalidNetworkIsRejectedBeforeSolving() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        network.plants[0].region = "nowhere"
        #expect(throws: NetworkError.self) { try network.solve() }
    }
}
