import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles
@testable import PotlineStudies

@Suite struct TornadoTests {
    func tornado() throws -> Tornado {
        let file = UncertaintyFile(name: "t", file: "t.yaml", factors: [
            UncertainFactor(name: "west power", distribution: .uniform(low: 0.35, high: 0.42), mode: .set,
                            targets: [try SweepParameter(parsing: "plants[id=west_smelter].electricity_price_yuan_per_kwh")]),
            UncertainFactor(name: "east demand", distribution: .triangular(low: 150_000, mode: 155_000, high: 170_000), mode: .set,
                            targets: [try SweepParameter(parsing: "demands[region=east,commodity=aluminium].demand_t_per_y")]),
            UncertainFactor(name: "east power", distribution: .uniform(low: 0.9, high: 1.0), mode: .scale,
                            targets: [try SweepParameter(parsing: "regions[id=east].grid_price_yuan_per_kwh")]),
        ])
        return try Tornado.run(base: try NetworkFiles.read(from: Fixtures.twoSmelters), uncertainty: file, threads: 2)
    }

    @Test func swingsAreTheHandDerivedCostChanges() throws {
        let t = try tornado()
        #expect(t.baseCostYuan == 1_633_392_000)
        #expect(t.statistics.solves == 7)
        // Ranked: the end with no optimum first, then by swing.
        #expect(t.swings.map(\.factor.name) == ["east demand", "west power", "east power"])

        // West smelter's power (60,000 t × 13,500 kWh/t at 0.30): +0.05 yuan/kWh costs 40.5 M yuan/y;
        // at 0.42, past the breakpoint 0.30 + 1,126.8 / 13,500, east makes everything, for
        // 810,000,000 kWh × 1,126.8 / 13,500 = 67.608 M yuan/y more than the base.
        let west = try #require(t.swings.first { $0.factor.name == "west power" })
        #expect(close(west.low.changeYuan, 40_500_000, tolerance: 1e-12))
        #expect(close(west.high.changeYuan, 67_608_000, tolerance: 1e-12))
        #expect(close(west.swingYuan, 27_108_000, tolerance: 1e-12))
        #expect(!west.low.changesDecision)
        #expect(west.high.leaving == ["make west_smelter"] && west.high.entering.isEmpty)
        #expect(west.high.resized == ["make east_smelter"])
        #expect(west.high.decisions["make east_smelter"] == 100_000)

        // East demand 150,000 t/y: 50,000 t more from east at its delivered 17,010 yuan/t;
        // 170,000 t/y is above the 160,000 t/y of capacity.
        let demand = try #require(t.swings.first)
        #expect(close(demand.low.changeYuan, 50_000 * 17_010, tolerance: 1e-12))
        #expect(demand.high.status == .infeasible && demand.swingYuan == nil)
        #expect(close(demand.high.unmetDemands.first?.unmetTonnesPerYear, 10_000))

        // East grid 0.50 scaled by 0.9 (1.0, the high end, changes nothing): 0.05 yuan/kWh × 13,500 kWh/t
        // = 675 yuan/t less on east's 40,000 t, −27.0 M yuan/y; east (16,335 yuan/t) is still dearer
        // than west (15,883.2), so the plan holds, and the swing is just below west power's.
        let east = try #require(t.swings.last)
        #expect(east.high.changeYuan.map { abs($0) < 1e-6 } == true)
        #expect(close(east.low.changeYuan, -27_000_000, tolerance: 1e-12))
        #expect(!east.low.changesDecision && !east.high.changesDecision)
    }

    @Test func reportShowsRankedSwingsAndDecisions() throws {
        let text = TornadoReport.render(try tornado())
        #expect(text.contains("Base: total cost 1,633.4 M yuan/y"))
        #expect(text.contains("−make west_smelter ~make east_smelter 100.0 kt/y"))
        #expect(text.contains("infeasible: east aluminium short 10.0 kt/y"))
        #expect(text.contains("2 of 3 inputs change the plan"))
        let lines = text.split(separator: "\n")
        let order = ["east demand", "west power", "east power"].map { name in lines.firstIndex { $0.hasPrefix("  \(name)") }! }
        #expect(order == order.sorted())
    }
}
