import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles

/// Every kind of bad input gets a located message; nothing is solved from a bad network.
@Suite struct NetworkLoaderTests {
    @Test func bundledExampleLoads() throws {
        let network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        #expect(network.name == "two_smelters")
        #expect(network.baseYear == 2024)
        #expect(network.regions.map(\.id) == ["east", "west"])
        #expect(network.processes[0].inputs.map(\.commodity) == ["alumina", "prebaked_anode"])
        #expect(network.plants[1].electricityPriceYuanPerKWh == nil)
        #expect(network.modes.first { $0.name == "rail" }?.handlingYuanPerTonne == 10)
        #expect(network.plants[0].location == SourceLocation(file: "plants.csv", row: 2))
    }

    /// Spaces around fields are trimmed, quoted or not, and both kinds of file give the same network.
    @Test func spacesAroundFieldsAreTrimmedWhereverTheyAre() throws {
        let spaced = """
            id, region ,process,capacity_t_per_y,owner,electricity_price_yuan_per_kwh,source
             west_smelter , "west" ,smelting, 60000 ,captive_group,0.30,"illustrative: captive, power"
            east_smelter,east,smelting,100000 ,grid_group,,illustrative
            """
        let folder = try Fixtures.copy(replacing: ["plants.csv": spaced])
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = try NetworkLoader.load(from: folder)
        let reference = try NetworkLoader.load(from: Fixtures.twoSmelters)
        #expect(network.plants.map(\.id) == reference.plants.map(\.id))
        #expect(network.plants.map(\.region) == ["west", "east"])
        #expect(network.plants.map(\.capacityTonnesPerYear) == reference.plants.map(\.capacityTonnesPerYear))
    }

    @Test func missingFileIsNamed() throws {
        let problems = try Fixtures.problems(replacing: [:], removing: ["plants.csv"])
        #expect(problems.count == 1)
        #expect(problems[0].file == "plants.csv")
        #expect(problems[0].message.hasPrefix("file is missing"))
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: NetworkError.self) { try NetworkLoader.load(from: "/nonexistent/network") }
    }

    @Test func unknownRegionSuggestsTheClosestName() throws {
        let problems = try Fixtures.problems(replacing: [
            "plants.csv": """
            id,region,process,capacity_t_per_y
            west_smelter,wset,smelting,60000
            east_smelter,east,smelting,100000
            """
        ])
        #expect(problems.map(\.description) == ["plants.csv, row 2, column region: unknown region 'wset' (did you mean 'west'?)"])
    }

    @Test func negativeAndNonNumericValuesAreAllReported() throws {
        let problems = try Fixtures.problems(replacing: [
            "plants.csv": """
            id,region,process,capacity_t_per_y,electricity_kwh_per_t
            west_smelter,west,smelting,-5,13500
            east_smelter,east,smelting,100000,lots
            """
        ])
        #expect(
            problems.map(\.description) == [
                "plants.csv, row 2, column capacity_t_per_y: '-5' is negative",
                "plants.csv, row 3, column electricity_kwh_per_t: 'lots' is not a number",
            ])
    }

    @Test func duplicateIdsNameBothRows() throws {
        let problems = try Fixtures.problems(replacing: [
            "plants.csv": """
            id,region,process,capacity_t_per_y
            smelter,west,smelting,60000
            smelter,east,smelting,100000
            """
        ])
        #expect(problems.map(\.description) == ["plants.csv, row 3, column id: duplicate plant 'smelter' (first at row 2)"])
    }

    @Test func unknownColumnAndMissingRequiredColumn() throws {
        let problems = try Fixtures.problems(replacing: [
            "demands.csv": """
            region,commodity,demand_t_per_yr
            east,aluminium,100000
            """
        ])
        #expect(
            problems.map(\.description) == [
                // One misspelt header, one problem: not also "missing" and "is required" on every row.
                "demands.csv, row 1, column demand_t_per_yr: unknown column (did you mean 'demand_t_per_y'?); 'demand_t_per_y' is required"
            ])
    }

    @Test func badIdAndBadBooleanAndWrongFieldCount() throws {
        let problems = try Fixtures.problems(replacing: [
            "links.csv": """
            id,from,to,mode,distance_km,bidirectional
            Trunk Line,east,west,rail,3000,maybe
            second,east,west,rail
            """
        ])
        #expect(
            problems.map(\.description) == [
                "links.csv, row 3: has 4 fields but the header has 6",
                "links.csv, row 2, column id: 'Trunk Line' is not a valid id (use lower-case letters, digits and _, at most 64 characters)",
                "links.csv, row 2, column bidirectional: 'maybe' is not true or false",
            ])
    }

    @Test func unknownModeCommodityAndProcess() throws {
        let problems = try Fixtures.problems(replacing: [
            "links.csv": "id,from,to,mode,distance_km\ntrunk,east,west,train,3000\n",
            "recipes.csv": "process,commodity,t_per_t\nsmelting,aluminaa,1.92\nsmeltin,prebaked_anode,0.5\n",
        ])
        // Every problem in one run: the bad row and the references elsewhere.
        #expect(
            problems.map(\.description) == [
                "recipes.csv, row 3, column process: unknown process 'smeltin' (did you mean 'smelting'?)",
                "recipes.csv, row 2, column commodity: unknown commodity 'aluminaa' (did you mean 'alumina'?)",
                "links.csv, row 2, column mode: unknown mode 'train' (did you mean 'rail'?)",
            ])
        let second = try Fixtures.problems(replacing: [
            "links.csv": "id,from,to,mode,distance_km\ntrunk,east,west,train,3000\n",
            "recipes.csv": "process,commodity,t_per_t\nsmelting,aluminaa,1.92\n",
        ])
        #expect(
            second.map(\.description) == [
                "recipes.csv, row 2, column commodity: unknown commodity 'aluminaa' (did you mean 'alumina'?)",
                "links.csv, row 2, column mode: unknown mode 'train' (did you mean 'rail'?)",
            ])
    }

    @Test func demandNoSupplyCanReach() throws {
        let problems = try Fixtures.problems(replacing: [
            "regions.csv": """
            id,latitude_deg,longitude_deg,grid_price_yuan_per_kwh
            east,31.23,121.47,0.50
            west,43.83,87.62,0.45
            island,20.0,110.3,0.6
            """,
            "demands.csv": "region,commodity,demand_t_per_y\neast,aluminium,100000\nisland,aluminium,5000\n",
        ])
        #expect(
            problems.map(\.description) == [
                "demands.csv, row 3, column commodity: no supply can reach the demand for aluminium in island: "
                    + "it is available in east, west but no chain of links that carry aluminium leads to island"
            ])
    }

    @Test func plantWithoutAPowerPrice() throws {
        let problems = try Fixtures.problems(replacing: [
            "regions.csv": "id,latitude_deg,longitude_deg\neast,31.23,121.47\nwest,43.83,87.62\n"
        ])
        #expect(
            problems.map(\.description) == [
                "plants.csv, row 3, column electricity_price_yuan_per_kwh: plant 'east_smelter' uses electricity but neither it nor region 'east' has a power price"
            ])
    }

    @Test func manifestErrorsNameKeyAndLine() throws {
        let problems = try Fixtures.problems(replacing: [
            "network.yaml": "name: x\nbase_year: twenty\nmodes:\n  rail:\n    circuit: 1.2\ncolour: red\n"
        ])
        #expect(
            problems.map(\.description) == [
                "network.yaml, line 6, key colour: unknown key",
                "network.yaml, line 2, key base_year: 'twenty' is not a year",
                "network.yaml, line 5, key modes.rail.circuit: unknown key (did you mean 'circuity'?)",
            ])
    }

    @Test func policySettingsAreChecked() throws {
        let manifest = """
            name: two_smelters
            base_year: 2024
            policy:
              surcharge: {processes: smelting, threshold_kwh_per_t: 13450, yuan_per_kwh_per_step: -0.01}
              carbon: {price_yuan_per_t: -80}
              capacity:
                - {processes: smelting, ceiling_t_per_y: -5}
            """
        let problems = try Fixtures.problems(replacing: ["network.yaml": manifest])
        #expect(
            problems.map(\.description) == [
                "network.yaml, line 7, key policy.capacity[0].processes: must be a list, e.g. [smelting, smelting_gc]",
                "network.yaml, line 4, key policy.surcharge.processes: must be a list, e.g. [smelting]",
                "network.yaml, line 4, key policy.surcharge.yuan_per_kwh_per_step: -0.01 is outside ≥ 0",
                "network.yaml, line 5, key policy.carbon.price_yuan_per_t: -80.0 is negative",
            ])
        let ranges = try Fixtures.problems(replacing: [
            "network.yaml": manifest.replacingOccurrences(of: "processes: smelting,", with: "processes: [smelting],")
        ])
        #expect(
            ranges.map(\.description) == [
                "network.yaml, line 4, key policy.surcharge.yuan_per_kwh_per_step: -0.01 is outside ≥ 0",
                "network.yaml, line 5, key policy.carbon.price_yuan_per_t: -80.0 is negative",
                "network.yaml, line 6, key policy.capacity.ceiling_t_per_y: -5.0 is negative",
            ])
    }

    @Test func optionalTablesAreCrossChecked() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.links[0].commodities = ["alumina", "alumina"]
        network.processes.append(ProductionProcess(id: "anode_baking", output: "prebaked_anode"))
        network.retrofits = [
            Retrofit(id: "odd", plant: "east_smelter", process: "anode_baking", capital: CapitalCost(capexYuan: 0, lifetimeYears: 1, discountRate: 0))
        ]
        network.tolling = [TollingService(id: "toller", region: "east", process: "smelting", owner: "", feeYuanPerTonne: 1)]
        network.captivePower = [CaptivePower(id: "unit", plant: "nowhere", capacityKWhPerYear: 1, generationCostYuanPerKWh: 0.3)]
        network.periodConditions = [PeriodCondition(region: "east", period: "dry")]
        #expect(
            network.problems().map(\.description) == [
                "links.csv, row 2, column commodities: lists a commodity twice",
                "column process: a retrofit must keep the plant's output: 'anode_baking' makes prebaked_anode, the plant makes aluminium",
                "column period: period conditions need periods.csv",
                "column plant: unknown plant or candidate 'nowhere'",
                "column owner: is required: whose material the toller processes",
            ])
    }

    @Test func loadingNeverModifiesTheFolder() throws {
        let folder = try Fixtures.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            }
            return files
        }
        let before = try snapshot()
        _ = try NetworkLoader.load(from: folder).solve()
        #expect(try snapshot() == before)
    }
}

/// Whole-file problems say what to do, and one cause gives one message.
@Suite struct FileProblemTests {
    /// GBK (what Excel on a Chinese Windows saves) is not UTF-8: the first bad byte's row is named.
    @Test func notUTF8NamesTheRowAndSuggestsCSVUTF8() throws {
        let folder = try Fixtures.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        var gbk = Data("id,name,kind,latitude_deg,longitude_deg,grid_price_yuan_per_kwh\neast,East,province,31.23,121.47,0.50\nwest,".utf8)
        gbk.append(contentsOf: [0xCE, 0xF7, 0xB2, 0xBF])  // 西部 in GBK
        gbk.append(contentsOf: Array(",province,43.83,87.62,0.45\n".utf8))
        try gbk.write(to: folder.appendingPathComponent("regions.csv"))
        do {
            _ = try NetworkLoader.load(from: folder)
            Issue.record("expected problems")
        } catch {
            let descriptions = error.problems.map(\.description)
            #expect(descriptions.first == "regions.csv, row 3: is not UTF-8 text (first bad byte 0xCE); save it as \"CSV UTF-8\" (Excel on a Chinese Windows saves GBK by default)")
            // Not also "file is missing", nor unknown regions for rows that could not be read.
            #expect(!descriptions.contains { $0.contains("missing") })
            #expect(!descriptions.contains { $0.contains("unknown region") })
        }
    }
}
