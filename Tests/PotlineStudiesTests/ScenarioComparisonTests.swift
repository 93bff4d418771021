import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// The three siting scenarios beside two_smelters, derived by hand in its scenarios/README.md.
@Suite struct ScenarioComparisonTests {
    let base: NetworkFiles
    let westExpansion: Scenario
    let eastNewSmelter: Scenario
    let northSite: Scenario

    init() throws {
        base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        let folder = Fixtures.twoSmelters.appendingPathComponent("scenarios")
        westExpansion = try Scenario.load(from: folder.appendingPathComponent("west_expansion.yaml"))
        eastNewSmelter = try Scenario.load(from: folder.appendingPathComponent("east_new_smelter.yaml"))
        northSite = try Scenario.load(from: folder.appendingPathComponent("north_site.yaml"))
    }

    func compare(threads: Int = 2) throws -> Comparison {
        try Comparison.run(
            base: base, cases: [[westExpansion], [eastNewSmelter], [northSite]], options: .init(threads: threads))
    }

    @Test func totalsAndChangesMatchTheHandDerivation() throws {
        let comparison = try compare()
        #expect(comparison.cases.map(\.name) == ["base", "west_expansion", "east_new_smelter", "north_site"])
        #expect(comparison.cases.map(\.status) == [.optimal, .optimal, .optimal, .optimal])
        #expect(comparison.worstStatus == .optimal)
        #expect(comparison.base.totalCostYuan == 1_633_392_000 && comparison.base.totalCostChangeYuan == nil)
        #expect(comparison.scenarios.map(\.totalCostYuan) == [1_588_320_000, 1_613_392_000, 1_570_770_000])
        #expect(comparison.scenarios.map(\.totalCostChangeYuan) == [-45_072_000, -20_000_000, -62_622_000])
        let west = comparison.scenarios[0]
        let split = try #require(west.costBreakdownChangeYuan)
        #expect(split.electricity == -108_000_000 && split.freight == 62_928_000)
        #expect(split.materials == 0 && split.other == 0 && split.total == -45_072_000)
        // Nothing here emits more or less per tonne in one place than the other: no CO2 factors.
        #expect(west.co2ChangeT == 0 || west.co2ChangeT == nil)
        #expect(comparison.scenarios.map { $0.deliveredCosts[0].marginalCostYuanPerTonne } == [15_883.2, 16_510, 15_883.2])
        #expect(comparison.scenarios.map { $0.deliveredCosts[0].marginalCostChangeYuanPerTonne } == [-1_126.8, -500, -1_126.8])
        #expect(comparison.scenarios.map { $0.deliveredCosts[0].averageCostChangeYuanPerTonne } == [-450.72, -200, -626.22])
        #expect(comparison.scenarios[0].deliveredCosts[0].demandChangeTonnesPerYear == 0)
    }

    @Test func outputPerStageAndPlantsThatChange() throws {
        let comparison = try compare()
        let north = comparison.scenarios[2]
        #expect(north.production.map { "\($0.process) \($0.region)" } == ["smelting west", "smelting east", "smelting north"])
        #expect(north.production.map(\.productionTonnesPerYear) == [50_000, 0, 50_000])
        #expect(north.production.map(\.changeTonnesPerYear) == [-10_000, -40_000, 50_000])
        #expect(north.plantChanges.map(\.id) == ["west_smelter", "east_smelter", "north_smelter"])
        #expect(north.plantChanges.map(\.change) == [.decreased, .stopped, .added])
        #expect(north.plantChanges.map(\.changeTonnesPerYear) == [-10_000, -40_000, 50_000])
        #expect(comparison.scenarios[0].plantChanges.map(\.change) == [.increased, .stopped])
        #expect(comparison.scenarios[1].plantChanges.map { "\($0.id) \($0.change.rawValue)" } == ["east_smelter stopped", "east_new added"])
        #expect(comparison.base.plantChanges.isEmpty && comparison.base.production.allSatisfy { $0.changeTonnesPerYear == nil })
    }

    @Test func inputChangesSitBesideTheResults() throws {
        let comparison = try compare()
        #expect(comparison.base.inputChanges.isEmpty)
        #expect(
            comparison.scenarios[0].inputChanges == [
                InputChange(
                    scenario: "west_expansion", file: "plants.csv", row: 2, key: "id=west_smelter", column: "capacity_t_per_y",
                    kind: .changed, oldValue: "60000", newValue: "120000")
            ])
        #expect(comparison.scenarios[2].inputChanges.map { "\($0.file) \($0.key) \($0.kind)" } == [
            "links.csv id=north_line added", "plants.csv id=north_smelter added", "regions.csv id=north added",
        ])
        #expect(comparison.scenarios[0].scenarioFiles == [Fixtures.twoSmelters.appendingPathComponent("scenarios/west_expansion.yaml").path])
    }

    @Test func stackedCaseNamesBothScenarios() throws {
        // North runs full first; west's extra capacity is then not needed: the same plan as north alone.
        let comparison = try Comparison.run(base: base, cases: [[westExpansion, northSite]])
        let stacked = comparison.scenarios[0]
        #expect(stacked.name == "west_expansion + north_site")
        #expect(stacked.totalCostYuan == 1_570_770_000)
        #expect(stacked.inputChanges.count == 4)
        #expect(stacked.plantChanges.map(\.change) == [.decreased, .stopped, .added])
    }

    @Test func casesOfTheSameNameAreNumbered() throws {
        let comparison = try Comparison.run(base: base, cases: [[westExpansion], [westExpansion]])
        #expect(comparison.scenarios.map(\.name) == ["west_expansion", "west_expansion (2)"])
    }

    @Test func parallelResultsEqualSerialOnes() throws {
        let serial = try compare(threads: 1)
        let parallel = try compare(threads: 4)
        #expect(parallel.threads == 4 && serial.threads == 1)
        let a = try JSONSerialization.jsonObject(with: JSONReport.encode(serial.cases.map(\.withoutTimes)))
        let b = try JSONSerialization.jsonObject(with: JSONReport.encode(parallel.cases.map(\.withoutTimes)))
        #expect(NSDictionary(dictionary: ["cases": a]).isEqual(to: ["cases": b]))
    }

    @Test func anInfeasibleCaseIsAResultNotAnError() throws {
        let tooMuch = try Scenario.parse(
            "name: too_much\nchanges:\n  - table: demands\n    where: {region: east}\n    set: {demand_t_per_y: 200000}\n",
            file: "too_much.yaml")
        let comparison = try Comparison.run(base: base, cases: [[tooMuch]])
        #expect(comparison.scenarios[0].status == .infeasible)
        #expect(comparison.worstStatus == .infeasible)
        #expect(comparison.scenarios[0].totalCostChangeYuan == nil)
        // 200,000 wanted, 60,000 + 100,000 can be made.
        #expect(comparison.scenarios[0].unmetDemands.map(\.unmetTonnesPerYear) == [40_000])
        #expect(ComparisonReport.render(comparison).contains("not optimal: too_much (infeasible)"))
    }

    @Test func aBrokenScenarioNamesItsCase() throws {
        let broken = try Scenario.parse(
            "name: broken\nchanges:\n  - table: plants\n    where: {id: west}\n    set: {capacity_t_per_y: 1}\n", file: "broken.yaml")
        do {
            _ = try Comparison.run(base: base, cases: [[westExpansion], [broken]])
            Issue.record("expected an error")
        } catch let error as ScenarioError {
            #expect(error.caseName == "broken")
            #expect(error.description.hasPrefix("broken: 1 problem in the scenario:"))
            #expect(error.problems[0].file == "broken.yaml")
        }
    }

    @Test func jsonCarriesTheSchemaAndRoundTrips() throws {
        let comparison = try compare()
        let data = try JSONReport.encode(comparison)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"schema\" : \"potline.compare/1\""))
        #expect(text.contains("\"total_cost_change_yuan\" : -62622000"))
        #expect(text.contains("\"marginal_cost_change_yuan_per_t\" : -1126.8"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let decoded = try decoder.decode(Comparison.self, from: data)
        #expect(decoded.scenarios.map(\.totalCostYuan) == comparison.scenarios.map(\.totalCostYuan))
        #expect(decoded.scenarios[2].inputChanges == comparison.scenarios[2].inputChanges)
    }

    @Test func textAndCSVReports() throws {
        let comparison = try compare()
        let text = ComparisonReport.render(comparison)
        #expect(text.contains("total cost M yuan/y  1,633.4         1,588.3   -45.1"))
        #expect(text.contains("capacity_t_per_y  changed  60000   120000"))
        #expect(text.contains("-40.0  stopped"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ResultTables.writeCSV(ComparisonReport.tables(comparison), to: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            files == [
                "case_flows.csv", "case_plants.csv", "cases.csv", "delivered_costs.csv", "input_changes.csv", "plant_changes.csv",
                "production.csv",
            ])
        let cases = try String(contentsOf: folder.appendingPathComponent("cases.csv"), encoding: .utf8)
        #expect(cases.contains("north_site,"))
        #expect(cases.contains(",optimal,1570770000,-62622000,"))
        let plants = try String(contentsOf: folder.appendingPathComponent("plant_changes.csv"), encoding: .utf8)
        #expect(plants.contains("north_site,north_smelter,north,smelting,added,,50000,50000"))
    }
}

extension Comparison.Case {
    /// The case without its timings, which differ from run to run.
    var withoutTimes: Comparison.Case {
        var copy = self
        copy.solveSeconds = 0
        return copy
    }
}
