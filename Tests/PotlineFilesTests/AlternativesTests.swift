import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles

/// `alternatives.csv` on a one-plant network derived by hand. Plant `works` (capacity 150 t/y,
/// region price 0.5 yuan/kWh) runs `p1` (1 t of r1 at 100 yuan/t, 100 kWh, other 10): 160 yuan/t.
/// Its alternative `p2` (2 t of r2 at 20 yuan/t, 200 kWh, other 5) costs 40 + 100 + 5 = 145 yuan/t,
/// but only 80 t/y of r2 exist, so p2 makes 40 t/y and p1 the other 60 t/y of the 100 t/y demand:
/// 40 × 145 + 60 × 160 = 15,400 yuan/y (16,000 without the alternative); one more tonne comes from
/// p1 at 160 yuan/t.
@Suite struct AlternativesTests {
    static let tables: [String: String] = [
        "network.yaml": "name: alternatives\nbase_year: 2024\n",
        "regions.csv": "id,latitude_deg,longitude_deg,grid_price_yuan_per_kwh\na,30,110,0.5\n",
        "commodities.csv": "id\nx\nr1\nr2\nother_output\n",
        "processes.csv": """
            id,output,electricity_kwh_per_t,other_cost_yuan_per_t
            p1,x,100,10
            p2,x,200,5
            p3,other_output,0,0

            """,
        "recipes.csv": "process,commodity,t_per_t\np1,r1,1\np2,r2,2\n",
        "plants.csv": "id,region,process,capacity_t_per_y\nworks,a,p1,150\n",
        "supplies.csv": "id,region,commodity,capacity_t_per_y,price_yuan_per_t\nr1_market,a,r1,,100\nr2_market,a,r2,80,20\n",
        "demands.csv": "region,commodity,demand_t_per_y\na,x,100\n",
        "links.csv": "id,from,to,mode\n",
    ]

    func solve(alternatives: String?, replacing more: [String: String] = [:]) throws -> Solution {
        var files = Self.tables.merging(more) { $1 }
        if let alternatives { files["alternatives.csv"] = alternatives }
        let folder = try Fixtures.copy(replacing: files)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try NetworkLoader.load(from: folder).solve()
    }

    @Test func withoutTheAlternativeThePlantRunsItsOwnProcess() throws {
        let solution = try solve(alternatives: nil)
        #expect(close(solution.totalCostYuan, 16_000))
    }

    @Test func theAlternativeTakesWhatItsScarceInputAllows() throws {
        let solution = try solve(alternatives: "plant,process\nworks,p2\n")
        #expect(solution.status == .optimal)
        #expect(close(solution.totalCostYuan, 15_400))
        let works = try #require(solution.plants.first { $0.id == "works" })
        #expect(close(works.productionTonnesPerYear, 100))
        // It reports the technology that makes the most, and its weighted kWh: (60 × 100 + 40 × 200) / 100.
        #expect(works.process == "p1")
        #expect(close(works.electricityKWhPerTonne, 140))
        #expect(close(works.unitCostYuanPerTonne, 154))
        let bought = solution.supplies.first { $0.id == "r2_market" }?.purchasedTonnesPerYear
        #expect(close(bought, 80))
        let delivered = solution.deliveredCosts.first { $0.region == "a" && $0.commodity == "x" }
        #expect(close(delivered?.marginalCostYuanPerTonne, 160))
    }

    /// Both technologies share the plant's 150 t/y: 160 t/y of demand is infeasible (they do not add
    /// up to 300).
    @Test func theAlternativeSharesThePlantsCapacity() throws {
        let solution = try solve(
            alternatives: "plant,process\nworks,p2\n", replacing: ["demands.csv": "region,commodity,demand_t_per_y\na,x,160\n"])
        #expect(solution.status == .infeasible)
    }

    /// Its own figures override the process's: at 50 kWh/t p2 costs 40 + 25 + 5 = 70 yuan/t.
    @Test func theAlternativesOwnFigures() throws {
        let solution = try solve(alternatives: "plant,process,electricity_kwh_per_t\nworks,p2,50\n")
        #expect(close(solution.totalCostYuan, 40 * 70 + 60 * 160))
    }

    /// The energy standard bars each technology above it: at 150 kWh/t p2 (200) may not run, so the
    /// plant makes everything on p1 (16,000 yuan/y); at 80 kWh/t p1 (100) is barred but p2 run at its
    /// own 50 kWh/t is not, so the plant runs on p2: 100 t × (40 + 25 + 5) = 7,000 yuan/y with r2
    /// unlimited.
    @Test func theEnergyStandardBarsEachTechnology() throws {
        func manifest(_ limit: Int) -> String {
            "name: alternatives\nbase_year: 2024\npolicy:\n  capacity:\n    - processes: [p1, p2]\n      existing_plant_max_kwh_per_t: \(limit)\n"
        }
        let barred = try solve(alternatives: "plant,process\nworks,p2\n", replacing: ["network.yaml": manifest(150)])
        #expect(close(barred.totalCostYuan, 16_000))
        let unlimited = "id,region,commodity,capacity_t_per_y,price_yuan_per_t\nr1_market,a,r1,,100\nr2_market,a,r2,,20\n"
        let switched = try solve(
            alternatives: "plant,process,electricity_kwh_per_t\nworks,p2,50\n",
            replacing: [
                "network.yaml": manifest(80), "supplies.csv": unlimited,
                // It may close, so a wrongly forced "retrofit or close" row would close it.
                "plants.csv": "id,region,process,capacity_t_per_y,closure_cost_yuan_per_y\nworks,a,p1,150,1000000\n",
            ])
        #expect(switched.status == .optimal)
        #expect(close(switched.totalCostYuan, 7_000))
    }

    @Test func badAlternativesAreLocated() throws {
        let folder = try Fixtures.copy(
            replacing: Self.tables.merging(["alternatives.csv": "plant,process\nworks,p3\nworks,p1\nwork,p2\n"]) { $1 })
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try NetworkLoader.load(from: folder)
        } throws: { error in
            let text = (error as! NetworkError).problems.map(\.description)
            return text.count == 3
                && text.contains { $0.contains("alternatives.csv") && $0.contains("row 2") && $0.contains("makes other_output") }
                && text.contains { $0.contains("row 3") && $0.contains("own process") }
                && text.contains { $0.contains("row 4") && $0.contains("unknown plant 'work'") }
        }
    }
}
