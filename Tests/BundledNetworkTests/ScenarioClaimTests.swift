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
        return (try NetworkLoader.parse(files).network, try ScenarioCase(base: files, scenarios: [scenario]).network().network)
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

    /// "Graphitization toll fees of YEAR (S3), HIGH yuan/t high-end, LOW yuan/t low-end": the
    /// Acheson tollers take the high-end fee, the box toller the low-end one.
    @Test(arguments: [("toll_fees_2011", 28_000.0, 28_000.0), ("toll_fees_2020", 15_000.0, 12_000.0), ("toll_fees_2021", 25_000.0, 22_000.0)])
    func tollFeesByYear(name: String, highEnd: Double, lowEnd: Double) throws {
        let (base, changed) = try Self.apply(name)
        #expect(changed.tolling.count == base.tolling.count)
        for toller in changed.tolling {
            #expect(toller.feeYuanPerTonne == (toller.process == "graphitization_acheson" ? highEnd : lowEnd), "\(toller.id)")
        }
    }

    /// "Two Xinjiang candidates with captive coal units": both are added, in Xinjiang, each served
    /// by its own captive unit, and East Hope's restart is sized 0.1-0.8 Mt/y (S2's 80万 t).
    @Test func xinjiangCaptiveSites() throws {
        let (base, changed) = try Self.apply("xinjiang_captive_sites")
        let added = changed.candidates.filter { c in !base.candidates.contains { $0.id == c.id } }
        #expect(added.map(\.id) == ["new_smelter_xinjiang_captive", "new_smelter_xinjiang_east_hope_restart"])
        #expect(added.allSatisfy { $0.region == "xinjiang" })
        for candidate in added {
            #expect(changed.captivePower.filter { $0.plant == candidate.id }.count == 1, "\(candidate.id)")
        }
        #expect(added.last?.sizing == .continuous(minimumTonnesPerYear: 100_000, maximumTonnesPerYear: 800_000))
    }

    /// "At least 30% of smelting capacity at or below 13,000 kWh/t on the plants' basis, from 2024."
    @Test func benchmarkShareS4Reading() throws {
        let (base, changed) = try Self.apply("benchmark_share_s4_reading")
        let policy = try #require(changed.capacityPolicies.first)
        #expect(policy.processes == ["smelting", "smelting_gc"])
        #expect(policy.benchmarkKWhPerTonne == 13_000 && policy.benchmarkMinimumShare == 0.3 && policy.benchmarkYear == 2024)
        #expect(base.capacityPolicies.first?.benchmarkKWhPerTonne == 13_350)
    }

    /// "National CO2 cap 475.8 Mt/y."
    @Test func co2ActionPlanCap() throws {
        let (_, changed) = try Self.apply("co2_action_plan_2025")
        #expect(changed.carbon.nationalCapTonnes == 475_800_000)
    }

    /// "Smelters' electricity capped at 552.97 TWh/y": the cap is on both smelting processes.
    @Test func energySavingCap() throws {
        let (base, changed) = try Self.apply("energy_saving_2025")
        #expect(base.energyCaps == [EnergyCap(processes: ["smelting", "smelting_gc"])])
        #expect(changed.energyCaps == [EnergyCap(processes: ["smelting", "smelting_gc"], nationalCapKWhPerYear: 552_970_000_000)])
    }

    /// "Shandong 21%, Sichuan and Yunnan 70%": three targets, at network.yaml's certificate price.
    @Test func greenPower598() throws {
        let (base, changed) = try Self.apply("green_power_598")
        #expect(base.greenPower?.minimumShares.isEmpty == true)
        #expect(changed.greenPower?.minimumShares == ["shandong": 0.21, "sichuan": 0.7, "yunnan": 0.7])
        #expect(changed.greenPower?.certificatePriceYuanPerKWh == 0.005)
        #expect(changed.greenPower?.processes == ["smelting", "smelting_gc"])
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
