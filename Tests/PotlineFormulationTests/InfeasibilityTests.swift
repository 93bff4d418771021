import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies
@testable import PotlineFormulation

@Suite struct InfeasibilityTests {
    /// Capacity 60,000 + 100,000 = 160,000 t/y against 200,000 t/y of demand: 40,000 t/y short.
    @Test func infeasibleNetworkNamesTheDemandThatCannotBeMet() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.demands[0].tonnesPerYear = 200_000
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.totalCostYuan == nil)
        #expect(solution.unmetDemands.count == 1)
        #expect(solution.unmetDemands[0].region == "east")
        #expect(close(solution.unmetDemands[0].unmetTonnesPerYear, 40_000))
        #expect(TextReport.render(solution).contains("The network cannot meet these demands"))
        // The default (one-screen) report keeps the shortfall table aligned.
        #expect(TextReport.render(solution).contains("  region  commodity  demand kt/y  unmet kt/y"))
    }

    @Test func supplyLimitMakesItInfeasible() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.supplies[1].capacityTonnesPerYear = 25_000  // anodes for 50,000 t of aluminium
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(close(solution.unmetDemands.first?.unmetTonnesPerYear, 50_000))
    }

    @Test func invalidNetworkIsRejectedBeforeSolving() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.plants[0].region = "nowhere"
        #expect(throws: NetworkError.self) { try network.solve() }
    }
}

@Suite struct InfeasibilityCauseTests {
    /// A carbon cap of 100,000 t allows at most 100,000 / 13.5 = 7,407 t from west and nothing
    /// meets the rest: the cap is named as the cause, with the demand that falls short.
    @Test func carbonCapIsNamed() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.regions[0].gridEmissionKgPerKWh = 1
        network.regions[1].gridEmissionKgPerKWh = 1
        network.carbon = CarbonPolicy(nationalCapTonnes: 100_000)
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.infeasibleConstraints.count == 1)
        #expect(solution.infeasibleConstraints.first?.hasPrefix("the carbon cap") == true)
        #expect(close(solution.unmetDemands.first?.unmetTonnesPerYear, 100_000 - 100_000 / 13.5))
        #expect(TextReport.render(solution).contains("Relaxing any one of these constraints makes the network feasible:"))
    }

    /// A self-supply volume the owner cannot reach names the self-supply family, with no demand short.
    @Test func selfSupplyVolumeIsNamed() throws {
        var network = PowerTests.graphitization(fee: 3_900)
        network.selfSupplyTargets = [
            SelfSupplyTarget(owner: "maker", processes: ["graphitization"], minimumShare: 1, volumeTonnesPerYear: 50_000)
        ]
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.unmetDemands.isEmpty)
        #expect(solution.infeasibleConstraints.first?.hasPrefix("processing self-supply") == true)
    }
}
