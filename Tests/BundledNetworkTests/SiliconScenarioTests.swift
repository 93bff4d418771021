import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// Each scenario bundled with Networks/china_silicon says in its description what it does to the
/// answer; these run them all in one comparison (as `potline compare` does) and check each claim.
@Suite struct SiliconScenarioTests {
    static let folder = Fixtures.networks.appendingPathComponent("china_silicon")

    private static let compared = Result { () throws -> Comparison in
        let files = try BundledScenarioTests.scenarioFiles("china_silicon")
        return try Comparison.run(
            base: try NetworkFiles.read(from: folder), cases: try files.map { [try Scenario.load(from: $0.path)] },
            options: ComparisonOptions(solve: SolveOptions(analysePlan: false)))
    }

    let comparison: Comparison
    init() throws { comparison = try Self.compared.get() }

    func scenario(_ name: String) throws -> Comparison.Case {
        try #require(comparison.scenarios.first { $0.name == name }, "no scenario \(name)")
    }

    func solution(_ result: Comparison.Case) throws -> Solution {
        try #require(result.status == .optimal, "\(result.name) is \(result.status.words)")
        return try #require(result.solution)
    }

    static let hoshineOwner = "Hoshine Silicon"
    /// Hoshine's unit consumption (seed 001 chart 2.10) and the base network's prices: Xinjiang grid
    /// 0.32, captive 0.26 yuan/kWh at coal ~800 yuan/t, self-supply capped at 91.64%.
    static let hoshineKWhPerTonne = 12_000.0

    /// Every Hoshine plant's unit cost moves by `expected` yuan/t (each runs in both cases).
    func expectHoshineUnitCostChange(_ name: String, by expected: Double) throws {
        let base = try solution(comparison.base)
        let changed = try solution(try scenario(name))
        let plants = base.plants.filter { $0.owner == Self.hoshineOwner }
        #expect(plants.count == 3)
        for before in plants {
            let after = try #require(changed.plants.first { $0.id == before.id })
            let old = try #require(before.unitCostYuanPerTonne), new = try #require(after.unitCostYuanPerTonne)
            #expect(abs(new - old - expected) < 1e-6 * old, "\(name) \(before.id): \(new - old) yuan/t, expected \(expected)")
        }
    }

    func hoshineOutput(_ solution: Solution) -> Double {
        solution.plants.filter { $0.owner == Self.hoshineOwner }.reduce(0.0) { $0 + $1.productionTonnesPerYear }
    }

    @Test func everyScenarioIsOptimal() throws {
        #expect(comparison.scenarios.count == 6)
        for result in [comparison.base] + comparison.scenarios {
            #expect(result.status == .optimal, "\(result.name): \(result.status.words)")
        }
    }

    /// "each Hoshine tonne costs 218.7 yuan more": (0.32 − 0.26) × 12,000 × (0.9164 − 0.6126).
    @Test func hoshineSelfSupplyFalls() throws {
        let rise = (0.32 - 0.26) * Self.hoshineKWhPerTonne * (0.9164 - 0.6126)
        #expect(abs(rise - 218.736) < 1e-9)
        try expectHoshineUnitCostChange("hoshine_self_supply_61", by: rise)
        // The system pays at most that on Hoshine's base output (it may move output elsewhere).
        let change = try #require(try scenario("hoshine_self_supply_61").totalCostChangeYuan)
        let bound = rise * hoshineOutput(try solution(comparison.base))
        #expect(change > 0 && change <= bound * (1 + 1e-9), "total +\(change) yuan/y, bound \(bound)")
    }

    /// "each Hoshine tonne 1,209.6 yuan cheaper": 0.9164 × 12,000 × (0.26 − 0.15); the system saves at
    /// least that on Hoshine's base output.
    @Test func coalAt400() throws {
        let saving = 0.9164 * Self.hoshineKWhPerTonne * (0.26 - 0.15)
        try expectHoshineUnitCostChange("coal_400", by: -saving)
        let change = try #require(try scenario("coal_400").totalCostChangeYuan)
        let bound = -saving * hoshineOutput(try solution(comparison.base))
        #expect(change <= bound * (1 - 1e-9), "total \(change) yuan/y, at most \(bound)")
    }

    /// "the same optimum as the base".
    @Test func coalAt800IsTheBase() throws {
        let result = try scenario("coal_800")
        let base = try #require(comparison.base.totalCostYuan)
        #expect(abs(try #require(result.totalCostChangeYuan)) < 1e-9 * base)
    }

    /// "Yunnan runs at most 50% and Sichuan 60% of capacity in the dry season; … total cost rises."
    @Test func drySeasonCurtailment() throws {
        let result = try scenario("dry_season_curtailment")
        let solution = try solution(result)
        let dryShare = try #require(solution.periods.first { $0.id == "dry" }?.shareOfYear)
        for (region, availability) in [("yunnan", 0.5), ("sichuan", 0.6)] {
            for plant in solution.plants where plant.region == region {
                let dry = plant.productionByPeriodT?["dry"] ?? 0
                let limit = (plant.capacityTonnesPerYear ?? 0) * dryShare * availability
                #expect(dry <= limit * (1 + 1e-9) + 1e-6, "\(plant.id): \(dry) t in the dry season, limit \(limit)")
            }
        }
        #expect(try #require(result.totalCostChangeYuan) > 0)
    }

    /// "it goes to Xinjiang as all-coal, carbon-electrode 553# furnaces", and it lowers the total cost.
    @Test func whereNewCapacityGoes() throws {
        let result = try scenario("new_capacity_500kt")
        let built = result.siteChanges
        #expect(!built.isEmpty)
        #expect(abs(built.reduce(0.0) { $0 + ($1.capacityTonnesPerYear ?? 0) } - 500_000) < 1e-6, "\(built)")
        for site in built {
            #expect(site.change == .built)
            #expect((site.region ?? "").hasPrefix("xinjiang_") && site.process == "si553_allcoal_carbon", "\(site.site)")
        }
        #expect(try #require(result.totalCostChangeYuan) < 0)
    }

    /// "Xinjiang's 553# furnaces switch to it and the total cost falls."
    @Test func allCoalSwitch() throws {
        let result = try scenario("all_coal_switch")
        let solution = try solution(result)
        let xinjiang = solution.plants.filter {
            $0.region.hasPrefix("xinjiang_") && $0.output == "silicon_553" && $0.productionTonnesPerYear > 0
        }
        #expect(xinjiang.count >= 3)
        for plant in xinjiang { #expect(plant.process == "si553_allcoal_carbon", "\(plant.id) runs \(plant.process)") }
        #expect(try #require(result.totalCostChangeYuan) < 0)
    }
}
