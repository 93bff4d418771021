import Testing
import Potline
import PotlineTestSupport

/// Where a delivered tonne's cost comes from, on a chain small enough to trace by hand:
///
///     north: cheap mine (600 t/y at 50 yuan/t), dear mine (unlimited, 80 yuan/t),
///            smelter (2 t ore per t metal, 100 yuan/t other cost, 1.5 tCO2/t)
///     north ──rail 100 km × 0.2 yuan/t-km + 10 yuan/t handling = 30 yuan/t──▶ south: 600 t/y metal
///
/// 600 t metal need 1,200 t ore: all 600 t of the cheap mine and 600 t of the dear one, so the
/// average tonne of ore costs (600 × 50 + 600 × 80) / 1,200 = 65 yuan and a tonne of metal carries
/// 2 × 65 = 130 yuan of materials, 100 other and 30 freight: 260 yuan/t on average. The next tonne
/// needs dear ore only: 2 × 80 + 100 + 30 = 290 yuan/t at the margin.
@Suite struct CostAttributionTests {
    static func chain(demand: Double = 600) -> Network {
        Network(
            name: "attribution", baseYear: 2024,
            regions: [
                Region(id: "north", latitudeDegrees: 40, longitudeDegrees: 110),
                Region(id: "south", latitudeDegrees: 30, longitudeDegrees: 110),
            ],
            commodities: [Commodity(id: "ore"), Commodity(id: "metal")],
            processes: [
                ProductionProcess(
                    id: "smelting", output: "metal", otherCostYuanPerTonne: 100, inputs: [.init(commodity: "ore", tonnesPerTonne: 2)],
                    processEmissionTonnesPerTonne: 1.5)
            ],
            plants: [Plant(id: "smelter", region: "north", process: "smelting", capacityTonnesPerYear: 1_000)],
            supplies: [
                Supply(id: "cheap_mine", region: "north", commodity: "ore", capacityTonnesPerYear: 600, priceYuanPerTonne: 50),
                Supply(id: "dear_mine", region: "north", commodity: "ore", priceYuanPerTonne: 80),
            ],
            demands: [Demand(region: "south", commodity: "metal", tonnesPerYear: demand)],
            links: [
                Link(
                    id: "rail", from: "north", to: "south", mode: "rail", distanceKm: 100, rateYuanPerTonneKm: 0.2,
                    handlingYuanPerTonne: 10)
            ])
    }

    @Test func averageCostMixesTheMinesByTheTonnesTheySell() throws {
        let solution = try Self.chain().solve()
        // 600 × 50 + 600 × 80 of ore, 600 × 100 other, 600 × 30 freight.
        #expect(close(solution.totalCostYuan, 156_000))
        let delivered = try #require(solution.deliveredCosts.first { $0.region == "south" && $0.commodity == "metal" })
        #expect(close(delivered.demandTonnesPerYear, 600))
        #expect(close(delivered.averageCostYuanPerTonne, 260))
        let breakdown = try #require(delivered.averageCostBreakdownYuanPerTonne)
        #expect(close(breakdown.materials, 130))
        #expect(close(breakdown.other, 100))
        #expect(close(breakdown.freight, 30))
        #expect(close(breakdown.electricity, 0))
        #expect(close(breakdown.capital, 0))
        #expect(close(delivered.embeddedCo2TonnesPerTonne, 1.5))
    }

    @Test func theMarginIsTheDearMineWhileTheAverageIsTheMix() throws {
        let delivered = try #require(try Self.chain().solve().deliveredCosts.first)
        #expect(close(delivered.marginalCostYuanPerTonne, 290))
    }

    @Test func withinTheCheapMineAverageAndMarginAgree() throws {
        // 250 t metal need 500 t ore, all from the cheap mine: 2 × 50 + 100 + 30 = 230 yuan/t both ways.
        let delivered = try #require(try Self.chain(demand: 250).solve().deliveredCosts.first)
        #expect(close(delivered.averageCostYuanPerTonne, 230))
        #expect(close(delivered.averageCostBreakdownYuanPerTonne?.materials, 100))
        #expect(close(delivered.marginalCostYuanPerTonne, 230))
    }
}
