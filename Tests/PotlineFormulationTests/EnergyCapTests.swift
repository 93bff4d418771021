import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation

/// Energy-use caps (policy.energy) on two_smelters: west (captive contract 0.30 yuan/kWh)
/// delivers to east at 15,883.2 yuan/t, east's own smelter makes it at 17,010; both use
/// 13,500 kWh/t and 100,000 t/y are wanted in east, west's capacity is 60,000 t/y.
@Suite struct EnergyCapTests {
    func twoSmelters() throws -> Network { try NetworkLoader.load(from: Fixtures.twoSmelters).network }

    /// West capped at 540 M kWh makes 540e6 / 13,500 = 40,000 t; east makes the other 60,000.
    /// Each kWh of cap is worth west's saving per kWh: (17,010 − 15,883.2) / 13,500 yuan.
    @Test func regionalCapMovesProductionAndCostsTheSaving() throws {
        var network = try twoSmelters()
        let base = try network.solve()
        network.energyCaps = [EnergyCap(processes: ["smelting"], regionalCapsKWhPerYear: ["west": 540_000_000])]
        let capped = try network.solve()
        #expect(close(capped.plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear, 40_000))
        #expect(close(capped.plants.first { $0.id == "east_smelter" }?.productionTonnesPerYear, 60_000))
        let extra: Double = 20_000 * (17_010 - 15_883.2)
        #expect(close(capped.totalCostYuan, base.totalCostYuan! + extra))
        // The marginal tonne in east is still east's own: 17,010.
        #expect(close(capped.deliveredCosts[0].marginalCostYuanPerTonne, 17_010))
        // The cap's value: one more kWh lets west make 1/13,500 t more in place of east.
        let cap = try #require(capped.caps.first)
        #expect(cap.kind == .energy && cap.scope == "west" && cap.processes == "smelting" && cap.unit == "kWh/y")
        #expect(cap.limit == 540_000_000 && close(cap.used, 540_000_000))
        #expect(close(cap.valueYuanPerUnit, (17_010 - 15_883.2) / 13_500))
        #expect(TextReport.render(capped, detail: .full).contains("0.0835 yuan/kWh"))
        let formulation = try Formulation(network.validated())
        #expect(formulation.rows(of: .energyCap).count == 1)
        #expect(formulation.model.rows[formulation.energyCapRows["0.west"]!].upper == 540_000_000)
    }

    /// A national cap counts both smelters: 1,215 M kWh = 90,000 t at 13,500 kWh/t, so 10,000 t
    /// of demand cannot be met and the diagnosis names the energy caps.
    @Test func nationalCapBelowDemandIsNamedAsTheCause() throws {
        var network = try twoSmelters()
        network.energyCaps = [EnergyCap(processes: ["smelting"], nationalCapKWhPerYear: 1_215_000_000)]
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(close(solution.unmetDemands.first?.unmetTonnesPerYear, 10_000))
        #expect(solution.infeasibleConstraints.first?.hasPrefix("the energy-use caps") == true)
    }

    /// A cap on a process no plant runs, or above what is used, changes nothing.
    @Test func slackCapChangesNothing() throws {
        var network = try twoSmelters()
        let base = try network.solve()
        network.energyCaps = [EnergyCap(processes: ["smelting"], nationalCapKWhPerYear: 1_350_000_000)]
        #expect(close(try network.solve().totalCostYuan, base.totalCostYuan!))
    }

    @Test func badCapsAreNamed() throws {
        var network = try twoSmelters()
        network.energyCaps = [
            EnergyCap(processes: ["smeltng"], nationalCapKWhPerYear: -1, regionalCapsKWhPerYear: ["wset": 1])
        ]
        let messages = network.problems().map(\.description)
        #expect(messages.contains { $0.contains("policy.energy[0].processes") && $0.contains("did you mean 'smelting'?") })
        #expect(messages.contains { $0.contains("policy.energy[0].national_cap_kwh_per_y") && $0.contains("-1") })
        #expect(messages.contains { $0.contains("policy.energy[0].regional_caps_kwh_per_y.wset") && $0.contains("'west'") })
    }
}
