import Foundation
import Synchronization
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// Sweeps on Networks/examples/two_smelters, whose breakpoints follow from its README:
/// west delivers at 11,833.2 + 13,500 × p yuan/t (p its captive power price), east at 17,010.
@Suite struct ScenarioSweepTests {
    let base: NetworkFiles
    let westPrice: SweepParameter
    let eastDemand: SweepParameter

    init() throws {
        base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        westPrice = try SweepParameter(parsing: "plants[id=west_smelter].electricity_price_yuan_per_kwh")
        eastDemand = try SweepParameter(parsing: "demands[region=east,commodity=aluminium].demand_t_per_y")
    }

    @Test func parsesParameterPaths() throws {
        #expect(westPrice.target == .table("plants.csv", .matching([.init(column: "id", values: ["west_smelter"])])))
        #expect(westPrice.key == "electricity_price_yuan_per_kwh")
        #expect(
            eastDemand.target
                == .table(
                    "demands.csv",
                    .matching([.init(column: "region", values: ["east"]), .init(column: "commodity", values: ["aluminium"])])))
        let several = try SweepParameter(parsing: "regions.csv[id=east|west].grid_price_yuan_per_kwh")
        #expect(several.target == .table("regions.csv", .matching([.init(column: "id", values: ["east", "west"])])))
        #expect(try SweepParameter(parsing: "regions[*].grid_price_yuan_per_kwh").target == .table("regions.csv", .all))
        #expect(try SweepParameter(parsing: "regions.grid_price_yuan_per_kwh").target == .table("regions.csv", .all))
        let manifest = try SweepParameter(parsing: "manifest.modes.rail.rate_yuan_per_tkm")
        #expect(manifest.target == .manifest && manifest.key == "modes.rail.rate_yuan_per_tkm")
        for bad in ["regions[id=east]", "regions[id=east.grid", "regions[id].x", "[id=x].y", "manifest.", "regions[id=x].a.b"] {
            #expect(throws: NetworkError.self, "\(bad)") { try SweepParameter(parsing: bad) }
        }
    }

    /// West's captive price and East's grid price scaled together by f: west delivers at
    /// 11,833.2 + 4,050 f (0.30 × 13,500 kWh/t), east at 10,260 + 6,750 f (0.50 × 13,500), so
    /// west comes into use above f = 1,573.2 / 2,700 = 0.582666….
    @Test func combinedParameterMovesEveryPartByOneValue() throws {
        let eastGrid = try SweepParameter(parsing: "regions[id=east].grid_price_yuan_per_kwh")
        let both = SweepParameter(combining: [westPrice, eastGrid])
        #expect(both.cells.count == 2)
        #expect(both.description == "plants[id=west_smelter].electricity_price_yuan_per_kwh & regions[id=east].grid_price_yuan_per_kwh")
        #expect(both.scenario(.scale, 2).changes.count == 2)
        let sweep = try Sweep.run(base: base, parameter: both, mode: .scale, values: [0.4, 0.5, 0.6, 0.8, 1.0])
        #expect(sweep.points.map(\.plan) == ["A", "A", "B", "B", "B"])
        // f = 0.4: east makes all 100,000 t/y at 10,260 + 6,750 × 0.4 = 12,960 yuan/t.
        #expect(close(sweep.points[0].totalCostYuan, 100_000 * 12_960))
        #expect(close(sweep.points[0].deliveredCosts[0].marginalCostYuanPerTonne, 12_960))
        let breakpoint = try #require(sweep.breakpoints.first)
        #expect(sweep.breakpoints.count == 1 && sweep.refined)
        #expect(abs(breakpoint.value - 1_573.2 / 2_700) <= sweep.tolerance / 2)
        #expect(breakpoint.entering.first == "plant west_smelter")
    }

    @Test func unrefinedSweepKeepsGridBrackets() throws {
        var options = SweepOptions()
        options.refineBreakpoints = false
        let sweep = try Sweep.run(base: base, parameter: westPrice, values: [0.35, 0.4], options: options)
        #expect(!sweep.refined && sweep.statistics.refinementSolves == 0)
        let breakpoint = try #require(sweep.breakpoints.first)
        #expect(breakpoint.lowerValue == 0.35 && breakpoint.upperValue == 0.4)
    }

    @Test func evenlySpacedValuesIncludeBothEnds() {
        #expect(Sweep.values(from: 0.3, to: 0.5, steps: 4) == [0.3, 0.35, 0.4, 0.45, 0.5])
        #expect(Sweep.values(from: 1, to: 1, steps: 0) == [1])
    }

    @Test func westStopsAboveTheHandDerivedCaptivePrice() throws {
        let sweep = try Sweep.run(base: base, parameter: westPrice, values: Sweep.values(from: 0.30, to: 0.50, steps: 4))
        #expect(sweep.points.map(\.value) == [0.3, 0.35, 0.4, 0.45, 0.5])
        #expect(sweep.points.map(\.plan) == ["A", "A", "B", "B", "B"])
        // 60,000 t/y from west at 11,833.2 + 13,500 p, 40,000 from east at 17,010; above the
        // breakpoint east makes all 100,000 t/y.
        #expect(close(sweep.points[0].totalCostYuan, 1_633_392_000))
        #expect(close(sweep.points[1].totalCostYuan, 60_000 * (11_833.2 + 13_500 * 0.35) + 40_000 * 17_010))
        #expect(close(sweep.points[2].totalCostYuan, 1_701_000_000))
        #expect(close(sweep.points[4].totalCostYuan, 1_701_000_000))
        #expect(close(sweep.points[1].deliveredCosts[0].marginalCostYuanPerTonne, 17_010))

        #expect(sweep.breakpoints.count == 1)
        let breakpoint = try #require(sweep.breakpoints.first)
        let exact = 0.30 + 1_126.8 / 13_500  // 0.383466…
        #expect(sweep.tolerance == 0.2 * 1e-6)
        #expect(breakpoint.lowerValue < exact && exact < breakpoint.upperValue)
        #expect(breakpoint.upperValue - breakpoint.lowerValue <= sweep.tolerance)
        #expect(abs(breakpoint.value - exact) <= sweep.tolerance / 2)
        #expect(breakpoint.planBelow == "A" && breakpoint.planAbove == "B")
        #expect(breakpoint.entering.isEmpty)
        #expect(
            breakpoint.leaving == [
                "plant west_smelter", "route trunk alumina east→west", "route trunk aluminium west→east",
                "route trunk prebaked_anode east→west",
            ])
        #expect(sweep.plans.map(\.plants) == [["east_smelter", "west_smelter"], ["east_smelter"]])
        // Bisection from a 0.05 bracket to 2 × 10⁻⁷: ⌈log₂(250,000)⌉ = 18 halvings.
        #expect(sweep.statistics.gridSolves == 5 && sweep.statistics.refinementSolves == 18)
    }

    @Test func eastEntersWhenDemandPassesWestCapacity() throws {
        let sweep = try Sweep.run(base: base, parameter: eastDemand, values: [40_000, 80_000, 120_000])
        #expect(sweep.points.map(\.plan) == ["A", "B", "B"])
        #expect(close(sweep.points[0].totalCostYuan, 40_000 * 15_883.2))
        #expect(close(sweep.points[0].deliveredCosts[0].marginalCostYuanPerTonne, 15_883.2))
        #expect(close(sweep.points[2].totalCostYuan, 60_000 * 15_883.2 + 60_000 * 17_010))
        #expect(close(sweep.points[2].deliveredCosts[0].marginalCostYuanPerTonne, 17_010))
        let breakpoint = try #require(sweep.breakpoints.first)
        #expect(sweep.breakpoints.count == 1)
        #expect(breakpoint.lowerValue <= 60_000 && 60_000 < breakpoint.upperValue)
        #expect(abs(breakpoint.value - 60_000) <= sweep.tolerance)
        #expect(breakpoint.entering == ["plant east_smelter"] && breakpoint.leaving.isEmpty)
    }

    @Test func infeasibilityIsAPlanToo() throws {
        // West 60,000 + east 100,000: at most 160,000 t/y can be met.
        let sweep = try Sweep.run(base: base, parameter: eastDemand, values: [150_000, 170_000])
        #expect(sweep.points.map(\.status) == [.optimal, .infeasible])
        #expect(sweep.points[1].totalCostYuan == nil)
        let breakpoint = try #require(sweep.breakpoints.first)
        #expect(abs(breakpoint.value - 160_000) <= sweep.tolerance)
        #expect(breakpoint.entering.first == "status infeasible")
    }

    @Test func scaleAndAddModes() throws {
        let eastGrid = try SweepParameter(parsing: "regions[id=east].grid_price_yuan_per_kwh")
        let scaled = try Sweep.run(base: base, parameter: eastGrid, mode: .scale, values: [1.0, 0.9])
        // East at 0.45 yuan/kWh: 40,000 t/y save 13,500 × 0.05 = 675 yuan/t.
        #expect(scaled.points.map(\.value) == [0.9, 1.0])
        #expect(close(scaled.points[0].totalCostYuan, 1_633_392_000 - 40_000 * 675))
        #expect(close(scaled.points[1].totalCostYuan, 1_633_392_000))
        let added = try Sweep.run(base: base, parameter: eastDemand, mode: .add, values: [-20_000])
        #expect(close(added.points[0].totalCostYuan, 60_000 * 15_883.2 + 20_000 * 17_010))
    }

    @Test func aParameterThatSelectsNothingFailsOnce() throws {
        let wrong = try SweepParameter(parsing: "plants[id=north_smelter].capacity_t_per_y")
        do {
            _ = try Sweep.run(base: base, parameter: wrong, values: [1, 2, 3])
            Issue.record("expected an error")
        } catch let error as ScenarioError {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].message.hasPrefix("selects no row; id in plants.csv: west_smelter, east_smelter"))
            #expect(error.problems[0].file == "--set plants[id=north_smelter].capacity_t_per_y")
        }
        let blank = try SweepParameter(parsing: "plants.electricity_price_yuan_per_kwh")
        #expect(throws: ScenarioError.self) { try Sweep.run(base: base, parameter: blank, mode: .scale, values: [2]) }
    }

    @Test func sweepOnTopOfAScenario() throws {
        // With the east grid at 0.45 the east smelter delivers at 16,335, so west leaves at
        // 0.30 + (16,335 − 15,883.2) / 13,500 = 0.333466… yuan/kWh.
        let cheapEast = try Scenario.parse(
            "changes:\n  - table: regions\n    where: {id: east}\n    set: {grid_price_yuan_per_kwh: 0.45}\n", file: "cheap.yaml")
        let sweep = try Sweep.run(
            base: base, scenarios: [cheapEast], parameter: westPrice, values: [0.30, 0.40], options: .init(tolerance: 1e-9))
        #expect(sweep.scenarioFiles == ["cheap.yaml"])
        #expect(abs(try #require(sweep.breakpoints.first).value - (0.30 + 451.8 / 13_500)) <= 1e-9)
    }

    /// Values that avoid the breakpoint itself, where two plans tie and either is optimal.
    let demandSeries = Sweep.values(from: 35_000, to: 155_000, steps: 12)

    @Test func warmStartedResultsEqualColdOnes() throws {
        let cold = try Sweep.run(base: base, parameter: eastDemand, values: demandSeries, options: .init(warmStart: false))
        let warm = try Sweep.run(base: base, parameter: eastDemand, values: demandSeries, options: .init(warmStart: true))
        expectSameResults(warm, cold)
        #expect(warm.statistics.simplexIterations <= cold.statistics.simplexIterations)
    }

    @Test func parallelResultsEqualSerialOnes() throws {
        let serial = try Sweep.run(base: base, parameter: eastDemand, values: demandSeries, options: .init(threads: 1))
        for warmStart in [false, true] {
            let parallel = try Sweep.run(
                base: base, parameter: eastDemand, values: demandSeries, options: .init(warmStart: warmStart, threads: 4))
            expectSameResults(parallel, serial)
        }
    }

    @Test func progressCountsEverySolve() throws {
        let seen = Mutex<[RunProgress]>([])
        let sweep = try Sweep.run(
            base: base, parameter: eastDemand, values: [40_000, 80_000],
            options: .init(threads: 2, progress: { progress in seen.withLock { $0.append(progress) } }))
        let reports = seen.withLock { $0 }
        let solves = sweep.statistics.gridSolves + sweep.statistics.refinementSolves
        #expect(reports.count == solves)
        #expect(reports.map(\.done).sorted() == Array(1...solves))
        #expect(reports.allSatisfy { $0.total >= $0.done })
    }

    func expectSameResults(_ a: Sweep, _ b: Sweep) {
        #expect(a.points.map(\.value) == b.points.map(\.value))
        #expect(a.points.map(\.plan) == b.points.map(\.plan))
        #expect(a.points.map(\.status) == b.points.map(\.status))
        for (p, q) in zip(a.points, b.points) {
            #expect(close(p.totalCostYuan, q.totalCostYuan ?? .nan, tolerance: 1e-9))
            #expect(close(p.deliveredCosts[0].marginalCostYuanPerTonne, q.deliveredCosts[0].marginalCostYuanPerTonne ?? .nan))
        }
        #expect(a.plans == b.plans)
        #expect(a.breakpoints.map(\.value) == b.breakpoints.map(\.value))
    }
}
