import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles

/// Scenario files on Networks/examples/two_smelters: selection, scaling, adding, stacking, rows,
/// manifest keys, and every way an overlay can be wrong.
@Suite struct ScenarioOverlayTests {
    let base: NetworkFiles

    init() throws {
        base = try NetworkFiles.read(from: Fixtures.twoSmelters)
    }

    func scenario(_ yaml: String, file: String = "test.yaml") throws(NetworkError) -> Scenario {
        try Scenario.parse(yaml, file: file)
    }

    func apply(_ yamls: String...) throws(NetworkError) -> ScenarioCase {
        var scenarios: [Scenario] = []
        for (i, yaml) in yamls.enumerated() { scenarios.append(try scenario(yaml, file: "s\(i + 1).yaml")) }
        return try ScenarioCase(base: base, scenarios: scenarios)
    }

    /// The problems applying (or, if that succeeds, parsing) `yaml` reports.
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try apply(yaml).network()
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func readsNameDescriptionAndChanges() throws {
        let parsed = try scenario(
            """
            name: dear_east_power
            description: East grid price up 20%.
            changes:
              - table: regions
                where: {id: east}
                scale: {grid_price_yuan_per_kwh: 1.2}
            """, file: "dear.yaml")
        #expect(parsed.name == "dear_east_power")
        #expect(parsed.description == "East grid price up 20%.")
        #expect(parsed.changes.count == 1)
        #expect(parsed.changes[0].target == .table("regions.csv", .matching([.init(column: "id", values: ["east"])])))
        #expect(parsed.changes[0].action == .edit([.init(key: "grid_price_yuan_per_kwh", operation: .scale(1.2), line: 6)]))
        #expect(parsed.changes[0].line == 4)
        // Without a name, the file's name stands in.
        let unnamed = try scenario("changes:\n  - table: regions\n    where: '*'\n    scale: {grid_price_yuan_per_kwh: 2}\n", file: "dir/cheap.yaml")
        #expect(unnamed.name == "cheap")
    }

    @Test func scaleSelectsOneRowByID() throws {
        let overlaid = try apply("changes:\n  - table: regions\n    where: {id: east}\n    scale: {grid_price_yuan_per_kwh: 1.2}\n")
        let network = try overlaid.network()
        #expect(network.regions.map(\.gridPriceYuanPerKWh) == [0.6, 0.45])  // 0.50 × 1.2; west untouched
        #expect(
            overlaid.inputChanges == [
                InputChange(
                    scenario: "s1", file: "regions.csv", row: 2, key: "id=east", column: "grid_price_yuan_per_kwh",
                    kind: .changed, oldValue: "0.50", newValue: "0.6")
            ])
    }

    @Test func starSelectsEveryRowAndListsSelectSeveral() throws {
        let all = try apply("changes:\n  - table: regions\n    where: '*'\n    scale: {grid_price_yuan_per_kwh: 2}\n").network()
        #expect(all.regions.map(\.gridPriceYuanPerKWh) == [1, 0.9])
        let several = try apply(
            "changes:\n  - table: plants\n    where: {id: [west_smelter, east_smelter]}\n    set: {capacity_t_per_y: 70000}\n"
        ).network()
        #expect(several.plants.map(\.capacityTonnesPerYear) == [70_000, 70_000])
        // `*` inside a condition matches any value of that column; numbers match by value.
        let wildcard = try apply(
            "changes:\n  - table: plants\n    where: {id: '*', capacity_t_per_y: 60000.0}\n    add: {capacity_t_per_y: 5000}\n"
        ).network()
        #expect(wildcard.plants.map(\.capacityTonnesPerYear) == [65_000, 100_000])
    }

    @Test func addToADemandSelectedByTwoColumns() throws {
        let overlaid = try apply(
            "changes:\n  - table: demands\n    where: {region: east, commodity: aluminium}\n    add: {demand_t_per_y: 20000}\n")
        #expect(try overlaid.network().demands[0].tonnesPerYear == 120_000)
        #expect(overlaid.inputChanges.map(\.key) == ["region=east, commodity=aluminium"])
        #expect(overlaid.inputChanges.map(\.newValue) == ["120000"])
    }

    @Test func stackedScenariosApplyInOrderAndDiffNetOfBoth() throws {
        let first = "name: first\nchanges:\n  - table: regions\n    where: {id: east}\n    scale: {grid_price_yuan_per_kwh: 1.2}\n"
        let second = "name: second\nchanges:\n  - table: regions\n    where: {id: east}\n    add: {grid_price_yuan_per_kwh: 0.1}\n"
        let stacked = try apply(first, second)
        #expect(stacked.name == "first + second")
        #expect(try stacked.network().regions[0].gridPriceYuanPerKWh == 0.7)  // 0.50 × 1.2 + 0.1
        let reversed = try apply(second, first)
        #expect(try reversed.network().regions[0].gridPriceYuanPerKWh == 0.72)  // (0.50 + 0.1) × 1.2
        // One net change from the base, credited to the scenario that wrote it last.
        #expect(stacked.inputChanges.count == 1)
        #expect(stacked.inputChanges[0].oldValue == "0.50" && stacked.inputChanges[0].newValue == "0.7")
        #expect(stacked.inputChanges[0].scenario == "second")
        // Setting a value back to the base's leaves no change.
        let undo = "changes:\n  - table: regions\n    where: {id: east}\n    set: {grid_price_yuan_per_kwh: '0.50'}\n"
        #expect(try apply(first, undo).inputChanges.isEmpty)
    }

    @Test func addAndRemoveRows() throws {
        let overlaid = try apply(
            """
            name: replace_east
            changes:
              - table: plants
                where: {id: east_smelter}
                remove_rows: true
              - table: plants
                add_rows:
                  - {id: east_new, region: east, process: smelting, capacity_t_per_y: 120000, other_cost_yuan_per_t: 1500}
            """)
        let network = try overlaid.network()
        #expect(network.plants.map(\.id) == ["west_smelter", "east_new"])
        #expect(network.plants[1].otherCostYuanPerTonne == 1_500)
        #expect(network.plants[1].location == SourceLocation(file: "s1.yaml (change 2 on plants.csv)", row: 8))
        #expect(overlaid.inputChanges.map(\.kind) == [.removed, .added])
        #expect(overlaid.inputChanges[0].key == "id=east_smelter" && overlaid.inputChanges[0].row == 3)
        #expect(
            overlaid.inputChanges[1].newValue
                == "id=east_new, region=east, process=smelting, capacity_t_per_y=120000, other_cost_yuan_per_t=1500")
        // 120,000 t/y at 8,260 + 6,750 + 1,500 = 16,510 yuan/t beats west's 15,883.2 + nothing:
        // west still runs full (60,000), east_new makes the other 40,000.
        let solution = try network.solve()
        #expect(close(solution.totalCostYuan, 60_000 * 15_883.2 + 40_000 * 16_510))
    }

    @Test func setAddsAColumnTheTableLacked() throws {
        let overlaid = try apply(
            "changes:\n  - table: plants\n    where: {id: east_smelter}\n    set: {electricity_kwh_per_t: 13000}\n")
        let network = try overlaid.network()
        #expect(network.plants[1].electricityKWhPerTonne == 13_000)
        #expect(network.plants[0].electricityKWhPerTonne == nil)  // blank: the process's 13,500
        #expect(overlaid.inputChanges.first?.oldValue == "")
    }

    @Test func manifestKeysBySetScaleAddAndRemove() throws {
        let overlaid = try apply(
            """
            changes:
              - manifest:
                  set: {modes.rail.rate_yuan_per_tkm: 0.2, modes.road.rate_yuan_per_tkm: 0.5}
                  add: {modes.rail.handling_yuan_per_t: 5}
            """)
        let network = try overlaid.network()
        let rail = network.modes.first { $0.name == "rail" }!
        #expect(rail.rateYuanPerTonneKm == 0.2 && rail.handlingYuanPerTonne == 15)
        #expect(network.modes.first { $0.name == "road" }!.rateYuanPerTonneKm == 0.5)
        #expect(
            overlaid.inputChanges.map { "\($0.key): \($0.oldValue ?? "–") → \($0.newValue ?? "–")" } == [
                "modes.rail.rate_yuan_per_tkm: 0.15 → 0.2", "modes.rail.handling_yuan_per_t: 10 → 15",
                "modes.road.rate_yuan_per_tkm: – → 0.5",
            ])
        // Rail at 0.2 yuan/t-km: 3,000 km × 0.2 + 15 = 615 yuan/t on the trunk (was 460).
        #expect(try network.solve().flows.first?.freightCostYuanPerTonne == 615)
        let removed = try apply("changes:\n  - manifest:\n      remove: [description]\n")
        #expect(try removed.network().description == "")
        #expect(removed.inputChanges.map(\.kind) == [.removed])
        let scaled = try apply("changes:\n  - manifest:\n      scale: {modes.rail.rate_yuan_per_tkm: 2}\n")
        #expect(try scaled.network().modes.first { $0.name == "rail" }!.rateYuanPerTonneKm == 0.3)
    }

    @Test func manifestListItemsByKeyOrPosition() throws {
        let policy = """
            name: with_policy
            base_year: 2024
            modes: {rail: {rate_yuan_per_tkm: 0.15, handling_yuan_per_t: 10}}
            policy:
              capacity:
                - {process: smelting, ceiling_t_per_y: 200000}
              surcharge:
                processes: [smelting]
                threshold_kwh_per_t: 13450
            """
        let folder = try Fixtures.copy(replacing: ["network.yaml": policy])
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try NetworkFiles.read(from: folder)
        let scenario = try Scenario.parse(
            """
            name: tighter
            changes:
              - manifest:
                  set: {policy.surcharge.threshold_kwh_per_t: 13300}
                  scale: {"policy.capacity[process=smelting].ceiling_t_per_y": 0.8}
            """, file: "tighter.yaml")
        let overlaid = try ScenarioCase(base: files, scenarios: [scenario])
        let network = try overlaid.network()
        #expect(network.surcharge?.thresholdKWhPerTonne == 13_300)
        #expect(network.capacityPolicies.first?.ceilingTonnesPerYear == 160_000)
        #expect(
            overlaid.inputChanges.map { "\($0.key): \($0.oldValue ?? "–") → \($0.newValue ?? "–")" } == [
                "policy.capacity[process=smelting].ceiling_t_per_y: 200000 → 160000",
                "policy.surcharge.threshold_kwh_per_t: 13450 → 13300",
            ])
        // By position, and removing a list item.
        let byPosition = try Scenario.parse(
            "changes:\n  - manifest:\n      set: {\"policy.capacity[0].ceiling_t_per_y\": 1}\n", file: "p.yaml")
        #expect(try ScenarioCase(base: files, scenarios: [byPosition]).network().capacityPolicies[0].ceilingTonnesPerYear == 1)
        let removal = try Scenario.parse(
            "changes:\n  - manifest:\n      remove: [\"policy.capacity[process=smelting]\"]\n", file: "r.yaml")
        #expect(try ScenarioCase(base: files, scenarios: [removal]).network().capacityPolicies.isEmpty)
        // A list item that is not there is an error, not a new item.
        let missing = try Scenario.parse(
            "changes:\n  - manifest:\n      set: {\"policy.capacity[process=refining].ceiling_t_per_y\": 1}\n", file: "m.yaml")
        #expect(throws: NetworkError.self) { try ScenarioCase(base: files, scenarios: [missing]) }
        // Sweeps address the same keys.
        let ceiling = try SweepParameter(parsing: "manifest.policy.capacity[process=smelting].ceiling_t_per_y")
        #expect(ceiling.target == .manifest && ceiling.key == "policy.capacity[process=smelting].ceiling_t_per_y")
    }

    @Test func aChangeThatSelectsNothingIsAnError() {
        let found = problems("changes:\n  - table: regions\n    where: {id: eats}\n    scale: {grid_price_yuan_per_kwh: 1.2}\n")
        #expect(
            found == [
                "s1.yaml, line 2, key change 1 (regions.csv where id = eats): selects no row; "
                    + "id in regions.csv: east, west (did you mean 'east'?)"
            ])
        let twoColumns = problems(
            "changes:\n  - table: demands\n    where: {region: west, commodity: aluminium}\n    set: {demand_t_per_y: 1}\n")
        #expect(twoColumns.count == 1 && twoColumns[0].contains("selects no row; region in demands.csv: east"))
    }

    @Test func wrongTargetsAreErrorsNamingTheChange() {
        #expect(
            problems("changes:\n  - table: regions\n    where: {idd: east}\n    set: {name: East}\n")
                == ["s1.yaml, line 2, key change 1 (regions.csv where idd = east): 'idd' is not a column of regions.csv (did you mean 'id'?)"])
        #expect(
            problems("changes:\n  - table: plant\n    where: {id: west_smelter}\n    set: {owner: x}\n")
                == ["s1.yaml, line 2, key change 1 (plant.csv where id = west_smelter): the network has no table plant.csv (did you mean 'plants.csv'?)"])
        // Scaling a column the table lacks.
        #expect(
            problems("changes:\n  - table: plants\n    where: '*'\n    scale: {capacity: 2}\n")
                == ["s1.yaml, line 4, key change 1 (plants.csv, every row): 'capacity' is not a column of plants.csv"])
    }

    @Test func scaleAndAddNeedNumbers() {
        // east_smelter's price is blank (it pays the grid price): nothing to scale.
        #expect(
            problems("changes:\n  - table: plants\n    where: '*'\n    scale: {electricity_price_yuan_per_kwh: 1.1}\n")
                == [
                    "s1.yaml, line 4, key change 1 (plants.csv, every row): plants.csv row 3 (id=east_smelter) is blank "
                        + "(it takes a default), so there is no number to scale; use set"
                ])
        #expect(
            problems("changes:\n  - table: plants\n    where: {id: west_smelter}\n    add: {owner: 1}\n")
                == [
                    "s1.yaml, line 4, key change 1 (plants.csv where id = west_smelter): plants.csv row 2 (id=west_smelter) "
                        + "is 'captive_group', not a number to add to"
                ])
        #expect(
            problems("changes:\n  - manifest:\n      scale: {name: 2}\n")
                == ["s1.yaml, line 3, key change 1 (network.yaml): network.yaml key 'name' is 'two_smelters', not a number to scale"])
        #expect(
            problems("changes:\n  - manifest:\n      add: {modes.rail.circuity: 0.1}\n")
                == ["s1.yaml, line 3, key change 1 (network.yaml): network.yaml has no key 'modes.rail.circuity' to add to"])
    }

    @Test func problemsInChangedRowsNameTheScenario() {
        #expect(
            problems("changes:\n  - table: plants\n    where: {id: west_smelter}\n    set: {capacity_t_per_y: -5}\n")
                == ["s1.yaml (change 1 on plants.csv), row 2, column capacity_t_per_y: '-5' is negative"])
        #expect(
            problems("changes:\n  - table: plants\n    where: {id: west_smelter}\n    set: {capacity_t_per_yr: 5}\n")
                == [
                    "s1.yaml (change 1 on plants.csv), row 4, column capacity_t_per_yr: unknown column (did you mean 'capacity_t_per_y'?)"
                ])
        #expect(
            problems("changes:\n  - table: plant\n    add_rows:\n      - {id: x, region: east, process: smelting, capacity_t_per_y: 1}\n")
                == ["s1.yaml (change 1 on plant.csv), row 2: plant.csv is not a table Potline reads (did you mean 'plants.csv'?)"])
        // Removing a region that plants still stand in: the parser's cross-check catches it.
        let dangling = problems("changes:\n  - table: regions\n    where: {id: west}\n    remove_rows: true\n")
        #expect(dangling.contains { $0.contains("unknown region 'west'") })
    }

    @Test func malformedScenarioFilesListEveryProblem() {
        #expect(throws: NetworkError.self) { try scenario("just text") }
        do throws(NetworkError) {
            _ = try scenario(
                """
                nam: typo
                changes:
                  - table: regions
                    scale: {grid_price_yuan_per_kwh: 1.2}
                  - table: regions
                    where: {id: east}
                    scale: {grid_price_yuan_per_kwh: lots}
                  - manifest: {set: {modes.rail.circuity: 1.3}}
                    where: {id: east}
                  - table: plants
                    where: {id: east_smelter}
                    remove_rows: true
                    set: {owner: x}
                """)
            Issue.record("expected problems")
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "test.yaml, line 1, key nam: unknown key (did you mean 'name'?)",
                    "test.yaml, line 3, key changes[1].where: is required: which rows to change (where: \"*\" for every row)",
                    "test.yaml, line 7, key changes[2].scale.grid_price_yuan_per_kwh: 'lots' is not a number to scale by",
                    "test.yaml, line 9, key changes[3].where: belongs inside 'manifest:' (or use 'table:')",
                    "test.yaml, line 12, key changes[4].remove_rows: stands alone: no set, scale or add beside it",
                ])
        }
        #expect(throws: NetworkError.self) { try Scenario.load(from: "/nonexistent/scenario.yaml") }
    }

    @Test func scenarioCheapensTheEastGridAndTheOptimumFollows() throws {
        // East grid 0.45 yuan/kWh: east smelter 8,260 + 13,500 × 0.45 + 2,000 = 16,335 yuan/t, still
        // dearer than west's 15,883.2, so the plan stays and 40,000 t/y each save 675 yuan/t.
        let network = try apply("changes:\n  - table: regions\n    where: {id: east}\n    scale: {grid_price_yuan_per_kwh: 0.9}\n")
            .network()
        let solution = try network.solve()
        #expect(close(solution.totalCostYuan, 1_633_392_000 - 40_000 * 675))
        #expect(close(solution.deliveredCosts[0].marginalCostYuanPerTonne, 16_335))
    }
}
