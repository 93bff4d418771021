import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// The next tonne of two_smelters' demand, derived by hand in its README.
@Suite struct PriceExplanationTests {
    @Test func theEastSmelterSetsTheEastPrice() throws {
        let solution = try NetworkLoader.load(from: Fixtures.twoSmelters).solve(options: SolveOptions(explainPrices: true))
        let explanation = try #require(solution.priceExplanations?.first)
        #expect(explanation.region == "east" && explanation.commodity == "aluminium")
        #expect(close(explanation.marginalCostYuanPerTonne, 17_010))
        #expect(close(explanation.nextTonneCostYuanPerTonne, 17_010))
        // West is cheaper but full: the next tonne is made in the east from inputs bought there.
        #expect(explanation.settingPlant == "east_smelter")
        let steps = explanation.chain.map { "\($0.kind.rawValue) \($0.id)" }
        #expect(steps == ["make east_smelter", "buy alumina_port", "buy anode_market"])
        #expect(close(explanation.chain[0].unitsPerTonne, 1) && close(explanation.chain[0].costYuanPerTonne, 2_000 + 13_500 * 0.50))
        #expect(close(explanation.chain[1].unitsPerTonne, 1.92) && close(explanation.chain[1].costYuanPerTonne, 5_760))
        #expect(close(explanation.chain[2].unitsPerTonne, 0.5) && close(explanation.chain[2].costYuanPerTonne, 2_500))

        #expect(explanation.origins.map(\.source) == ["west_smelter", "east_smelter"])
        #expect(close(explanation.origins[0].share, 0.6) && close(explanation.origins[1].share, 0.4))
        #expect(close(explanation.origins[0].freightYuanPerTonne, 460))
        #expect(close(explanation.origins[0].costToServeYuanPerTonne, 15_883.2))
        #expect(close(explanation.origins[1].costToServeYuanPerTonne, 17_010))
    }

    /// West given room to grow, but the trunk capped at 50,000 t/y each way: the inputs west
    /// (2.42 t per t of aluminium) fill it at 50,000 / 2.42 = 20,661.2 t/y of aluminium, so the
    /// next tonne is again the east smelter's although the west one, with spare capacity, would
    /// serve it for 15,883.2 yuan/t.
    @Test func aBindingLinkSendsTheNextTonneAnotherWay() throws {
        let folder = try Fixtures.copy(replacing: [
            "links.csv": "id,from,to,mode,distance_km,capacity_t_per_y,source\ntrunk,east,west,rail,3000,50000,test\n",
            "plants.csv": """
                id,region,process,capacity_t_per_y,owner,electricity_price_yuan_per_kwh,source
                west_smelter,west,smelting,200000,captive_group,0.30,test
                east_smelter,east,smelting,100000,grid_group,,test

                """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let solution = try NetworkLoader.load(from: folder).solve(options: SolveOptions(explainPrices: true))
        let west = try #require(solution.plants.first { $0.id == "west_smelter" })
        #expect(close(west.productionTonnesPerYear, 50_000 / 2.42))
        #expect(close(west.utilisation, 50_000 / 2.42 / 200_000))
        let explanation = try #require(solution.priceExplanations?.first)
        #expect(close(explanation.marginalCostYuanPerTonne, 17_010))
        #expect(close(explanation.nextTonneCostYuanPerTonne, 17_010))
        #expect(explanation.settingPlant == "east_smelter")
        #expect(!explanation.chain.contains { $0.id == "trunk" || $0.id == "west_smelter" })
        let westOrigin = try #require(explanation.origins.first { $0.source == "west_smelter" })
        #expect(close(westOrigin.share, 50_000 / 2.42 / 100_000))
        #expect(close(westOrigin.costToServeYuanPerTonne, 15_883.2))
    }
}
