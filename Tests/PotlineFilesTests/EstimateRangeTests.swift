import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles

/// `ranges.csv`: read against the figures it names, every problem located in ranges.csv.
@Suite struct EstimateRangeTests {
    static let header = "table,row,column,low,high,source\n"

    @Test func rangesAreReadWithTheirValues() throws {
        let folder = try Fixtures.copy(replacing: [
            "ranges.csv": Self.header + """
            plants,west_smelter,electricity_price_yuan_per_kwh,0.25,0.35,estimate: captive cost ±0.05
            plants,east_smelter,electricity_price_yuan_per_kwh,0.45,0.55,estimate: the east grid price (blank cell)
            plants,east_smelter,electricity_kwh_per_t,13300,13600,estimate: the process default
            demands,region=east;commodity=aluminium,demand_t_per_y,90000,110000,estimate: ±10%
            network.yaml,,modes.rail.rate_yuan_per_tkm,0.12,0.18,estimate: DOMAIN rail all-in
            links,trunk,rate_yuan_per_tkm,0.1,0.2,estimate: the mode's rate (blank cell)
            """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = try NetworkLoader.load(from: folder)
        #expect(network.ranges.map(\.value) == [0.30, 0.50, 13500, 100000, 0.15, 0.15])
        #expect(network.ranges[3].row == "region=east;commodity=aluminium")
        #expect(network.ranges.allSatisfy { $0.isEstimate })
        #expect(network.ranges[0].location == SourceLocation(file: "ranges.csv", row: 2))
        #expect(network.ranges.allSatisfy { $0.valueChangedByScenario == false })
    }

    @Test func aNetworkWithoutRangesHasNone() throws {
        let network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        #expect(network.ranges.isEmpty)
    }

    @Test func everyBadRowIsLocated() throws {
        let problems = try Fixtures.problems(replacing: [
            "ranges.csv": Self.header + """
            plants,west_smelter,electricity_price_yuan_per_kwh,0.31,0.35,estimate: too high
            plants,west_smelter,electricity_price_yuan_per_kwh,0.2,0.25,estimate: repeated
            plants,wset_smelter,capacity_t_per_y,1,2,estimate: unknown row
            plants,east_smelter,capacity,1,2,estimate: unknown column
            plnts,east_smelter,capacity_t_per_y,1,2,estimate: unknown table
            plants,east_smelter,capacity_t_per_y,3,2,estimate: low above high
            supplies,alumina_port,capacity_t_per_y,1,2,estimate: blank without default
            demands,east,demand_t_per_y,1,2,estimate: no id column
            network.yaml,,modes.rail.speed,1,2,estimate: no such key
            plants,east_smelter,capacity_t_per_y,x,2,
            """
        ])
        #expect(
            problems.map(\.description) == [
                "ranges.csv, row 2, column low: plants row west_smelter electricity_price_yuan_per_kwh is 0.3, outside the range 0.31…0.35",
                "ranges.csv, row 3, column column: repeats the range of row 2 for the same figure",
                "ranges.csv, row 4, column row: no row of plants.csv is 'wset_smelter' (did you mean 'west_smelter'?)",
                "ranges.csv, row 5, column column: 'capacity' is not a column of plants.csv",
                "ranges.csv, row 6, column table: the network has no table 'plnts' (did you mean 'plants'?)",
                "ranges.csv, row 7, column high: 2 is below low 3",
                "ranges.csv, row 8, column column: supplies.csv row 2 column capacity_t_per_y is blank and has no default value to give a range to",
                "ranges.csv, row 9, column row: demands.csv has no id column: select its row with col=value;col=value",
                "ranges.csv, row 10, column column: network.yaml has no key 'modes.rail.speed'",
                "ranges.csv, row 11, column low: 'x' is not a number",
                "ranges.csv, row 11, column source: is required: the document that gives the range, or 'estimate: reasoning'",
            ])
    }

    @Test func aScenarioThatMovesAFigureIsNotHeldToTheBaseRange() throws {
        let folder = try Fixtures.copy(replacing: [
            "ranges.csv": Self.header
                + "plants,west_smelter,electricity_price_yuan_per_kwh,0.25,0.35,estimate: captive cost ±0.05\n"
                + "plants,east_smelter,electricity_price_yuan_per_kwh,0.45,0.55,estimate: the east grid price (blank cell)\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Scenario.parse(
            """
                name: dear_power
                changes:
                  - table: plants
                    where: {id: west_smelter}
                    set: {electricity_price_yuan_per_kwh: 0.60}
                  - table: regions
                    where: {id: east}
                    set: {grid_price_yuan_per_kwh: 0.70}
                """, file: "dear_power.yaml")
        let changed = try ScenarioCase(base: NetworkFiles.read(from: folder), scenarios: [scenario]).network()
        // The east smelter's blank price follows the region's, which the scenario moved.
        #expect(changed.ranges.map(\.value) == [0.60, 0.70])
        #expect(changed.ranges.map(\.valueChangedByScenario) == [true, true])
    }

    /// A scenario that blanks a ranged figure with no default (a supply made unlimited) leaves
    /// no figure to check: the range is dropped, not reported as a problem.
    @Test func aScenarioThatBlanksAFigureDropsItsRange() throws {
        let folder = try Fixtures.copy(replacing: [
            "supplies.csv": "id,region,commodity,capacity_t_per_y,price_yuan_per_t,source\n"
                + "alumina_port,east,alumina,1000000,3000,illustrative\n"
                + "anode_market,east,prebaked_anode,,5000,illustrative\n",
            "ranges.csv": Self.header + "supplies,alumina_port,capacity_t_per_y,800000,1200000,estimate: ±20%\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try NetworkFiles.read(from: folder)
        #expect(try ScenarioCase(base: base, scenarios: []).network().ranges.map(\.value) == [1_000_000])
        let scenario = try Scenario.parse(
            """
                name: unlimited_alumina
                changes:
                  - table: supplies
                    where: {id: alumina_port}
                    set: {capacity_t_per_y: ~}
                """, file: "unlimited_alumina.yaml")
        #expect(try ScenarioCase(base: base, scenarios: [scenario]).network().ranges.isEmpty)
    }
}
