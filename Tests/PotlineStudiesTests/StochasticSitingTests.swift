import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles
@testable import PotlineFormulation
@testable import PotlineStudies

/// The two-stage stochastic siting model on a tiny newsvendor case derived by hand.
///
/// two_smelters without its west smelter: the east smelter (100,000 t/y on grid power, 17,010
/// yuan/t delivered) and a candidate in the west on 0.30 yuan/kWh power, delivering at 15,883.2
/// yuan/t (the west smelter's cost, README), in modules of 20,000 t/y (at most 4) at `capex` yuan
/// per t/y over 10 years at 0% (capex / 10 a year). East demand is 60,000 t/y in the network and
/// 40,000 or 80,000 t/y in the two equally likely samples. Each module saves 1,126.8 yuan/t on
/// the tonnes it makes.
@Suite struct StochasticSitingTests {
    static func network(capex: Double) throws -> URL {
        try Fixtures.copy(replacing: [
            "plants.csv": """
                id,region,process,capacity_t_per_y,owner,electricity_price_yuan_per_kwh,source
                east_smelter,east,smelting,100000,grid_group,,illustrative
                """,
            "candidates.csv": """
                id,region,process,module_t_per_y,max_modules,capex_yuan_per_t_per_y,lifetime_y,discount_rate,electricity_price_yuan_per_kwh,source
                new_west,west,smelting,20000,4,\(Int(capex)),10,0,0.30,illustrative
                """,
            "demands.csv": """
                region,commodity,demand_t_per_y,source
                east,aluminium,60000,illustrative
                """,
        ])
    }

    static let demand = "demands[region=east,commodity=aluminium].demand_t_per_y"

    func study(capex: Double, risk: CVaRRisk? = nil) throws -> RobustStudy {
        let folder = try Self.network(capex: capex)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = UncertaintyFile(name: "demand", file: "demand.yaml", factors: [
            UncertainFactor(name: "east demand", distribution: .uniform(low: 40_000, high: 80_000), mode: .set,
                            targets: [try SweepParameter(parsing: Self.demand)])
        ])
        var options = RobustOptions(samples: 2, seed: 1, threads: 2)
        options.values = [[40_000], [80_000]]
        options.stochastic = StochasticOptions(samples: 2, risk: risk)
        return try RobustStudy.run(base: try NetworkFiles.read(from: folder), uncertainty: file, options: options)
    }

    @Test func expectedCostPlanBuildsForTheHighDemandTheDeterministicPlanDoesNot() throws {
        // 400 yuan per t/y a year: a module used only in the 80,000 t/y sample saves
        // ½ × 20,000 t × 1,126.8 = 11.268 M yuan/y for 8 M yuan/y of capital, so the stochastic plan
        // builds 4 modules; at the network's 60,000 t/y the deterministic plan builds 3.
        let study = try study(capex: 4_000)
        #expect(study.deterministic.decisions == ["build new_west": 60_000])
        let plan = try #require(study.stochastic)
        #expect(plan.decisions == ["build new_west": 80_000])
        // 80,000 t/y: 32 M yuan/y of capital, then 40,000 or 80,000 t × 15,883.2 yuan/t.
        let stochasticCosts = [32_000_000 + 40_000 * 15_883.2, 32_000_000 + 80_000 * 15_883.2]
        #expect(zip(study.samples.map(\.stochasticPlanCostYuan), stochasticCosts).allSatisfy { close($0, $1, tolerance: 1e-12) })
        #expect(close(plan.objectiveYuan, 984_992_000, tolerance: 1e-12))
        #expect(close(plan.expectedCostYuan, 984_992_000, tolerance: 1e-12))
        // 60,000 t/y: 24 M yuan/y; at 80,000 t/y the last 20,000 t come from east at 17,010 yuan/t.
        // EEV = ½ (24 M + 635.328 M) + ½ (24 M + 952.992 M + 340.2 M) = 988.26 M yuan/y.
        #expect(close(plan.deterministicExpectedCostYuan, 988_260_000, tolerance: 1e-12))
        // Wait and see: 40,000 t/y builds 2 modules (651.328 M), 80,000 t/y builds 4 (1,302.656 M).
        #expect(close(plan.waitAndSeeCostYuan, 976_992_000, tolerance: 1e-12))
        #expect(close(plan.valueOfStochasticSolutionYuan, 3_268_000, tolerance: 1e-9))
        #expect(close(plan.expectedValueOfPerfectInformationYuan, 8_000_000, tolerance: 1e-9))
        #expect(plan.evaluatedSamples == 2 && plan.planInfeasibleSamples == 0)
        // Its regret: 16 M yuan/y of idle modules at 40,000 t/y, none at 80,000 t/y.
        #expect(close(plan.regret.maxYuan, 16_000_000, tolerance: 1e-9))
        #expect(close(plan.regret.meanYuan, 8_000_000, tolerance: 1e-9))
        let text = RobustReport.render(study)
        #expect(text.contains("value of the stochastic solution (VSS) 3.3 M yuan/y"))
    }

    @Test func cvarPlanInsuresAgainstTheWorstSample() throws {
        // 600 yuan per t/y a year (12 M yuan/y a module): risk-neutral, modules 3 and 4 (used in
        // one sample, ½ × 22.536 M) do not pay: 40,000 t/y, expected 999.528 M yuan/y. Minimising
        // CVaR at α = 0.5 over two samples is minimising the worse one: 80,000 t/y gives
        // 48 M + 80,000 × 15,883.2 = 1,318.656 M against 1,329.192 M (60,000) and 1,339.728 M (40,000).
        let neutral = try study(capex: 6_000)
        #expect(neutral.deterministic.decisions == ["build new_west": 60_000])
        #expect(neutral.stochastic?.decisions == ["build new_west": 40_000])
        #expect(close(neutral.stochastic?.objectiveYuan, 999_528_000, tolerance: 1e-12))

        let averse = try study(capex: 6_000, risk: CVaRRisk(alpha: 0.5, weight: 1))
        let plan = try #require(averse.stochastic)
        #expect(plan.decisions == ["build new_west": 80_000])
        #expect(close(plan.objectiveYuan, 1_318_656_000, tolerance: 1e-12))
        #expect(close(plan.cvarYuan, 1_318_656_000, tolerance: 1e-12))
        #expect(close(plan.deterministicCvarYuan, 1_329_192_000, tolerance: 1e-12))
        #expect(close(plan.expectedCostYuan, 1_000_992_000, tolerance: 1e-12))
    }

    @Test func theStochasticModelSharesSitingColumnsAndNamesEachSamplesRows() throws {
        let folder = try Self.network(capex: 4_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try NetworkFiles.read(from: folder)
        let samples = try [40_000.0, 80_000].map { value in
            try NetworkLoader.parse(files.applying([try SweepParameter(parsing: Self.demand).scenario(.set, value)]))
        }
        let single = Formulation(samples[0])
        let stochastic = try Formulation(stochastic: samples, weights: [0.5, 0.5])
        let names = stochastic.model.columns.map(\.name)
        // One build and one modules column; everything else once per sample.
        #expect(names.filter { $0.hasPrefix("build.") } == ["build.new_west"])
        #expect(names.filter { $0.hasPrefix("modules.") } == ["modules.new_west"])
        #expect(stochastic.model.columns.count == 2 + 2 * (single.model.columns.count - 2))
        #expect(stochastic.model.rows.count == 2 * single.model.rows.count)
        #expect(names.contains("make.east_smelter@s1") && names.contains("make.east_smelter@s2"))
        // Capital is charged once, at the samples' probability-weighted cost: 20,000 × 400 a module.
        let modules = try #require(names.firstIndex(of: "modules.new_west"))
        #expect(stochastic.model.columns[modules].cost == 8_000_000)
        #expect(stochastic.model.problems().isEmpty)
    }
}
