import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation

/// Green-power targets (policy.green_power) on two_smelters (see EnergyCapTests): a plant buys
/// certificates for the part of the target its own renewables do not cover.
@Suite struct GreenPowerTargetTests {
    func twoSmelters() throws -> Network { try NetworkLoader.load(from: Fixtures.twoSmelters).network }

    @Test func certificatesPerKWh() {
        let target = GreenPowerTarget(processes: ["smelting"], certificatePriceYuanPerKWh: 0.01, minimumShares: ["west": 0.7])
        // (0.7 − 0.2) × 0.01
        #expect(abs(target.certificateYuanPerKWh(process: "smelting", region: "west", renewableShare: 0.2) - 0.005) < 1e-15)
        #expect(target.certificateYuanPerKWh(process: "smelting", region: "west", renewableShare: 0.8) == 0)
        #expect(target.certificateYuanPerKWh(process: "smelting", region: "east", renewableShare: 0) == 0)
        #expect(target.certificateYuanPerKWh(process: "refining", region: "west", renewableShare: 0) == 0)
    }

    /// West at 20% renewables against a 70% target buys 0.5 × 0.01 = 0.005 yuan/kWh, 67.5 yuan/t:
    /// still cheaper than east (15,950.7 < 17,010), so it runs full and pays 60,000 × 67.5.
    @Test func certificatesAreACostOfPower() throws {
        var network = try twoSmelters()
        network.plants[0].renewableShare = 0.2
        let base = try network.solve()
        network.greenPower = GreenPowerTarget(processes: ["smelting"], certificatePriceYuanPerKWh: 0.01, minimumShares: ["west": 0.7])
        let solution = try network.solve()
        let west = solution.plants.first { $0.id == "west_smelter" }!
        #expect(close(west.productionTonnesPerYear, 60_000))
        #expect(close(west.costYuan.greenCertificates, 60_000 * 67.5))
        #expect(close(solution.costBreakdownYuan?.greenCertificates, 4_050_000))
        #expect(close(solution.totalCostYuan, base.totalCostYuan! + 4_050_000))
        // The certificates are part of what west pays per kWh: 0.30 + 0.005.
        #expect(close(west.electricityPriceYuanPerKWh, 0.305))
        #expect(TextReport.render(solution, detail: .full).contains("green certificates"))
    }

    /// At 0.1 yuan/kWh of certificate west pays 0.5 × 0.1 × 13,500 = 675 yuan/t more, still
    /// cheaper; at 0.2 it pays 1,350 > 1,126.8 (east's disadvantage), and east makes everything.
    @Test func dearCertificatesMoveProduction() throws {
        var network = try twoSmelters()
        network.plants[0].renewableShare = 0.2
        network.greenPower = GreenPowerTarget(processes: ["smelting"], certificatePriceYuanPerKWh: 0.1, minimumShares: ["west": 0.7])
        #expect(close(try network.solve().plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear, 60_000))
        network.greenPower?.certificatePriceYuanPerKWh = 0.2
        let moved = try network.solve()
        #expect(close(moved.plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear, 0))
        #expect(close(moved.plants.first { $0.id == "east_smelter" }?.productionTonnesPerYear, 100_000))
    }

    @Test func badTargetsAreNamed() throws {
        var network = try twoSmelters()
        network.greenPower = GreenPowerTarget(processes: ["smelting"], certificatePriceYuanPerKWh: -0.01, minimumShares: ["west": 1.5, "wset": 0.2])
        let messages = network.problems().map(\.description)
        #expect(messages.contains { $0.contains("policy.green_power.certificate_price_yuan_per_kwh") })
        #expect(messages.contains { $0.contains("policy.green_power.min_share.west") && $0.contains("1.5") })
        #expect(messages.contains { $0.contains("policy.green_power.min_share.wset") && $0.contains("'west'") })
    }
}
