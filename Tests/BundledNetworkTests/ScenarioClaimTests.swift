import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// Each bundled China scenario does what its description says, checked on the network it
/// makes (no solve): an example that claims one thing and changes another misleads.
@Suite struct ScenarioClaimTests {
    static let china = Fixtures.networks.appendingPathComponent("china")

    static func apply(_ name: String) throws -> (base: Network, changed: Network) {
        let files = try NetworkFiles.read(from: china)
        let scenario = try Scenario.load(from: china.appendingPathComponent("scenarios/\(name).yaml").path)
        return (try NetworkLoader.parse(files), try ScenarioCase(base: files, scenarios: [scenario]).network())
    }

    /// "target removed (its 100 kt/y volume kept)": the share goes, the volume stays.
    @Test func putailaiNoTargetKeepsTheVolume() throws {
        let (base, changed) = try Self.apply("putailai_no_self_supply_target")
        let before = try #require(base.selfSupplyTargets.first { $0.owner == "Putailai" })
        let after = try #require(changed.selfSupplyTargets.first { $0.owner == "Putailai" })
        #expect(before.minimumShare == 0.7)
        #expect(after.minimumShare == nil)
        #expect(after.volumeTonnesPerYear == before.volumeTonnesPerYear)
        #expect(after.volumeTonnesPerYear == 100_000)
    }

    /// "70% in-house" and "at most 50%": the share bounds say so.
    @Test(arguments: [("putailai_self_supply_70", 0.7), ("putailai_self_supply_50", 0.5)])
    func putailaiShares(name: String, share: Double) throws {
        let (_, changed) = try Self.apply(name)
        let target = try #require(changed.selfSupplyTargets.first { $0.owner == "Putailai" })
        #expect(target.maximumShare == share)
        #expect(target.volumeTonnesPerYear == 100_000)
    }

    /// "threshold 13,300 kWh/t (from 2025)" and "13,650 (2021–22)".
    @Test(arguments: [("surcharge_2025", 13_300.0), ("surcharge_2021", 13_650.0)])
    func surchargeThreshold(name: String, threshold: Double) throws {
        let (_, changed) = try Self.apply(name)
        #expect(changed.surcharge?.thresholdKWhPerTonne == threshold)
    }

    /// "Xinjiang grid price and captive generation cost × 1.2": every Xinjiang captive unit.
    @Test func xinjiangPowerUpScalesGridAndEveryCaptiveUnit() throws {
        let (base, changed) = try Self.apply("xinjiang_power_up")
        let grid = { (n: Network) in n.regions.first { $0.id == "xinjiang" }?.gridPriceYuanPerKWh }
        #expect(abs(try #require(grid(changed)) - 1.2 * (try #require(grid(base)))) < 1e-9)
        let xinjiangPlants = Set(base.plants.filter { $0.region == "xinjiang" }.map(\.id))
        let units = base.captivePower.filter { xinjiangPlants.contains($0.plant) }
        #expect(!units.isEmpty)
        for unit in units {
            let after = try #require(changed.captivePower.first { $0.id == unit.id })
            #expect(abs(after.generationCostYuanPerKWh - 1.2 * unit.generationCostYuanPerKWh) < 1e-9, "\(unit.id)")
        }
    }

    /// "Guangdong aluminium demand + 0.5 Mt/y."
    @Test func guangdongDemandUp() throws {
        let (base, changed) = try Self.apply("guangdong_demand_up")
        let demand = { (n: Network) in n.demands.first { $0.region == "guangdong" && $0.commodity == "aluminium" }?.tonnesPerYear }
        #expect(try #require(demand(changed)) - (try #require(demand(base))) == 500_000)
    }

    /// "Exactly 1 Mt/y of new smelting capacity."
    @Test func newSmelting1Mt() throws {
        let (_, changed) = try Self.apply("new_smelting_1mt")
        let policy = try #require(changed.capacityPolicies.first)
        #expect(policy.newCapacityMinimumTonnesPerYear == 1_000_000)
        #expect(policy.newCapacityMaximumTonnesPerYear == 1_000_000)
    }
}

extension ScenarioClaimTests {
    /// One base year, one set of rules: base_year 2025 brings the 2025 surcharge threshold.
    @Test func baseYearSetsTheSurchargeThreshold() throws {
        let files = try NetworkFiles.read(from: Self.china)
        #expect(try NetworkLoader.parse(files).surcharge?.thresholdKWhPerTonne == 13_450)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("year-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "name: year_2025\nchanges:\n  - manifest:\n      set: {base_year: 2025}\n".write(to: file, atomically: true, encoding: .utf8)
        let network = try ScenarioCase(base: files, scenarios: [try Scenario.load(from: file.path)]).network()
        #expect(network.surcharge?.thresholdKWhPerTonne == 13_300)
    }
}
