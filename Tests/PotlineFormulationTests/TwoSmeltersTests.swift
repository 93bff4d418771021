import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation

/// The hand-derived optimum of Networks/examples/two_smelters (see its README.md), with every
/// backend: the optimum and its duals are unique, so both give the same delivered costs.
@Suite struct TwoSmeltersTests {
    let solution: Solution

    init() throws {
        solution = try Self.solve(with: .glpk)
    }

    static func solve(with backend: SolverBackend) throws -> Solution {
        try NetworkLoader.load(from: Fixtures.twoSmelters).solve(options: SolveOptions(solver: backend.solver))
    }

    @Test(arguments: SolverBackend.allCases) func optimumMatchesTheHandDerivation(backend: SolverBackend) throws {
        let solution = try Self.solve(with: backend)
        #expect(solution.status == .optimal)
        #expect(close(solution.totalCostYuan, 1_633_392_000))
        #expect(close(solution.costBreakdownYuan?.gridElectricity, 513_000_000))
        #expect(close(solution.costBreakdownYuan?.materials, 826_000_000))
        #expect(close(solution.costBreakdownYuan?.freight, 94_392_000))
        #expect(close(solution.costBreakdownYuan?.other, 200_000_000))
    }

    @Test(arguments: SolverBackend.allCases) func cheapPowerSmelterRunsFull(backend: SolverBackend) throws {
        let solution = try Self.solve(with: backend)
        let west = solution.plants.first { $0.id == "west_smelter" }!
        let east = solution.plants.first { $0.id == "east_smelter" }!
        #expect(close(west.productionTonnesPerYear, 60_000))
        #expect(close(west.utilisation, 1))
        #expect(close(east.productionTonnesPerYear, 40_000))
        #expect(close(west.costYuan.gridElectricity, 243_000_000))
        #expect(close(west.unitCostYuanPerTonne, 15_423.2))  // before the 460 yuan/t haul to market
    }

    @Test(arguments: SolverBackend.allCases) func deliveredCostIsTheEastSmeltersMarginalCost(backend: SolverBackend)
        throws
    {
        let solution = try Self.solve(with: backend)
        let delivered = solution.deliveredCosts[0]
        #expect(delivered.region == "east" && delivered.commodity == "aluminium")
        #expect(close(delivered.marginalCostYuanPerTonne, 17_010))
        #expect(close(delivered.averageCostYuanPerTonne, 16_333.92))
        #expect(close(delivered.averageCostBreakdownYuanPerTonne?.freight, 943.92))
        #expect(close(delivered.averageCostBreakdownYuanPerTonne?.electricity, 5_130))
        #expect(close(delivered.averageCostBreakdownYuanPerTonne?.materials, 8_260))
    }

    @Test(arguments: SolverBackend.allCases) func flowsOnTheTrunkLine(backend: SolverBackend) throws {
        let solution = try Self.solve(with: backend)
        func flow(_ commodity: String) -> Solution.FlowResult? { solution.flows.first { $0.commodity == commodity } }
        #expect(close(flow("alumina")?.tonnesPerYear, 115_200))
        #expect(flow("alumina")?.from == "east")
        #expect(close(flow("prebaked_anode")?.tonnesPerYear, 30_000))
        #expect(close(flow("aluminium")?.tonnesPerYear, 60_000))
        #expect(flow("aluminium")?.to == "east")
        #expect(close(flow("aluminium")?.freightCostYuanPerTonne, 460))
        #expect(solution.flows.count == 3)
    }

    @Test(arguments: SolverBackend.allCases) func westCapacityIsWorthTheCostGap(backend: SolverBackend) throws {
        let network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        let formulation = Formulation(network)
        let result = try backend.solver.solve(formulation.model, options: SolverOptions())
        #expect(close(result.reducedCosts?[formulation.makeColumns[0][0]], -1_126.8))
    }

    @Test func jsonRoundTripsWithUnitCarryingKeys() throws {
        let data = try JSONReport.encode(solution)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"schema\" : \"potline.solution/2\""))
        #expect(text.contains("\"marginal_cost_yuan_per_t\" : 17010"))
        #expect(text.contains("\"production_t_per_y\" : 60000"))
        let decoded = try JSONReport.decodeSolution(data)
        #expect(decoded.totalCostYuan == solution.totalCostYuan)
        #expect(decoded.plants.count == 2)
    }

    @Test func csvTablesAreWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ResultTables.writeCSV(SolutionTables.tables(solution), to: folder)
        let delivered = try String(contentsOf: folder.appendingPathComponent("delivered_costs.csv"), encoding: .utf8)
        #expect(delivered.hasPrefix("region,commodity,demand_t_per_y,marginal_cost_yuan_per_t"))
        #expect(delivered.contains("east,aluminium,100000,17010"))
        #expect(delivered.hasSuffix("\n"))
        // A table an earlier run left (a plan) is removed; other files stay.
        try "stale".write(to: folder.appendingPathComponent("plan_builds.csv"), atomically: true, encoding: .utf8)
        try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try ResultTables.writeCSV(SolutionTables.tables(solution), to: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["delivered_costs.csv", "flows.csv", "notes.txt", "plants.csv", "summary.csv", "supplies.csv"])
    }

    @Test func textReportShowsUnits() {
        let text = TextReport.render(solution)
        #expect(text.contains("Total delivered cost: 1,633.4 M yuan/y"))
        #expect(text.contains("marginal yuan/t"))
        #expect(text.contains("17,010"))
    }
}
