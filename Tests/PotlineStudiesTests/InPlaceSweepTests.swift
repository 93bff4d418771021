import Foundation
import Testing
import Potline
import PotlineFormulation
import PotlineTestSupport
@testable import PotlineStudies

/// Sweeps that change one model in place must answer exactly as sweeps that rebuild it at every
/// value, and must rebuild where the model is not a line in the value.
@Suite struct InPlaceSweepTests {
    let westPrice = try! SweepParameter(parsing: "plants[id=west_smelter].electricity_price_yuan_per_kwh")

    /// Points (without timings and simplex iterations), plans and breakpoints as JSON: equal
    /// bytes, equal answers. Iterations are left out because the paths start their solves from
    /// different bases: on two threads a rebuilt grid runs in two chains, the second cold, where
    /// an in-place grid runs as one warm chain.
    static func answers(_ sweep: Sweep) throws -> Data {
        struct Answers: Encodable {
            var points: [Sweep.Point]
            var plans: [Sweep.Plan]
            var breakpoints: [Sweep.Breakpoint]
        }
        let points = sweep.points.map { point in
            var point = point
            point.solveSeconds = 0
            point.simplexIterations = 0
            return point
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Answers(points: points, plans: sweep.plans, breakpoints: sweep.breakpoints))
    }

    static func bothWays(
        _ base: NetworkFiles, _ parameter: SweepParameter, values: [Double], threads: Int = 1
    ) throws -> (inPlace: Sweep, rebuilt: Sweep) {
        let inPlace = try Sweep.run(base: base, parameter: parameter, values: values, options: SweepOptions(threads: threads))
        let rebuilt = try Sweep.run(base: base, parameter: parameter, values: values, options: SweepOptions(threads: threads, inPlace: false))
        return (inPlace, rebuilt)
    }

    /// West's captive price p: west delivers at 11,833.2 + 13,500 p, east at 17,010, so west
    /// stops at p = 0.30 + 1,126.8 / 13,500 = 0.38346…; in place and rebuilt alike, serial and on two threads.
    @Test(arguments: [1, 2]) func inPlaceAnswersAsTheFullPathOnTwoSmelters(threads: Int) throws {
        let base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        let (inPlace, rebuilt) = try Self.bothWays(base, westPrice, values: Sweep.values(from: 0.30, to: 0.50, steps: 4), threads: threads)
        #expect(inPlace.statistics.inPlace && inPlace.statistics.rebuiltBecause == nil)
        #expect(!rebuilt.statistics.inPlace && rebuilt.statistics.rebuiltBecause == nil)
        #expect(try Self.answers(inPlace) == Self.answers(rebuilt))
        #expect(inPlace.points.map(\.plan) == ["A", "A", "B", "B", "B"])
        let breakpoint = try #require(inPlace.breakpoints.first)
        #expect(abs(breakpoint.value - (0.30 + 1_126.8 / 13_500)) <= inPlace.tolerance / 2)
        // 0.35: 60,000 t/y from west at 11,833.2 + 13,500 × 0.35 = 16,558.2, 40,000 from east at 17,010.
        #expect(close(inPlace.points[1].totalCostYuan, 60_000 * 16_558.2 + 40_000 * 17_010, tolerance: 1e-12))
    }

    /// Generated networks with many plants, routes and tied costs: every delivered cost, plan and
    /// breakpoint of the in-place sweep equals the rebuilt one's. On 120 regions, tied pivots
    /// went another way when a session's problem kept its last factorization (799 of 4,879
    /// delivered costs differed by up to 20.6 yuan/t before GLPKSolver discarded it).
    @Test(arguments: [(30, 10, true), (120, 16, false)])
    func inPlaceAnswersAsTheFullPathOnASyntheticNetwork(regions: Int, steps: Int, refine: Bool) throws {
        let folder = try Fixtures.syntheticNetwork(regions: regions)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try NetworkFiles.read(from: folder)
        // plants.csv: id,region,process,…; the grid price of the first smelter's region.
        let plants = try String(contentsOf: folder.appendingPathComponent("plants.csv"), encoding: .utf8)
        let smelter = try #require(
            plants.split(whereSeparator: \.isNewline).map { $0.split(separator: ",") }.first { $0.count > 2 && $0[2] == "smelting" })
        let price = try SweepParameter(parsing: "regions[id=\(smelter[1])].grid_price_yuan_per_kwh")
        let values = Sweep.values(from: 0.25, to: 0.65, steps: steps)
        let inPlace = try Sweep.run(base: base, parameter: price, values: values, options: SweepOptions(refineBreakpoints: refine))
        let rebuilt = try Sweep.run(
            base: base, parameter: price, values: values, options: SweepOptions(refineBreakpoints: refine, inPlace: false))
        #expect(inPlace.statistics.inPlace, "\(inPlace.statistics.rebuiltBecause ?? "")")
        #expect(!inPlace.breakpoints.isEmpty)
        #expect(try Self.answers(inPlace) == Self.answers(rebuilt))
        #expect(inPlace.statistics.simplexIterations == rebuilt.statistics.simplexIterations)
        guard refine else { return }
        // On three threads the brackets are bisected beside the grid run as it finds them, on
        // whichever thread is free: the answers, bit for bit, and the solves are the serial run's.
        let threaded = try Sweep.run(base: base, parameter: price, values: values, options: SweepOptions(threads: 3))
        #expect(try Self.answers(threaded) == Self.answers(inPlace))
        #expect(threaded.breakpoints.map(\.value) == inPlace.breakpoints.map(\.value))
        #expect(threaded.statistics.refinementSolves == inPlace.statistics.refinementSolves)
        #expect(threaded.statistics.simplexIterations == inPlace.statistics.simplexIterations)
    }

    /// With a tiered surcharge (+0.01 yuan/kWh per started 20 kWh/t above 13,400), the smelters'
    /// cost is a staircase in kWh/t, not a line: the check a third along (13,400, no surcharge,
    /// where the line through 13,300 and 13,700 gives 0.05 yuan/kWh) sends the sweep down the
    /// full path. At 13,500 (5 steps) east delivers at 13,500 × 0.55 + 2,000 + 1.92 × 3,000 +
    /// 0.5 × 5,000 = 17,685 yuan/t.
    @Test func aSurchargeStaircaseRebuildsTheModel() throws {
        let manifest = try String(contentsOf: Fixtures.twoSmelters.appendingPathComponent("network.yaml"), encoding: .utf8)
        let folder = try Fixtures.copy(replacing: [
            "network.yaml": manifest + """
                policy:
                  surcharge:
                    processes: [smelting]
                    threshold_kwh_per_t: 13400
                    step_kwh_per_t: 20
                    yuan_per_kwh_per_step: 0.01

                """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try NetworkFiles.read(from: folder)
        let intensity = try SweepParameter(parsing: "processes[id=smelting].electricity_kwh_per_t")
        let (inPlace, rebuilt) = try Self.bothWays(base, intensity, values: Sweep.values(from: 13_300, to: 13_700, steps: 4))
        #expect(!inPlace.statistics.inPlace)
        let reason = try #require(inPlace.statistics.rebuiltBecause)
        #expect(reason.hasSuffix("is not a line in the value at 13400"), "\(reason)")
        #expect(try Self.answers(inPlace) == Self.answers(rebuilt))
        #expect(close(inPlace.points[2].deliveredCosts[0].marginalCostYuanPerTonne, 17_685, tolerance: 1e-12))
    }

    /// Models of different shapes (a scenario adds a smelter) have no line between them.
    @Test func aChangeOfShapeHasNoFit() throws {
        let base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        let scenario = try Scenario.load(from: Fixtures.twoSmelters.appendingPathComponent("scenarios/east_new_smelter.yaml"))
        let options = SolveOptions(analysePlan: false)
        let without = try NetworkLoader.parse(base).formulation(options: options)
        let with = try NetworkLoader.parse(base.applying([scenario])).formulation(options: options)
        guard case .rebuild(let reason) = InPlaceSweepModel.fit(low: without, at: 0, high: with, at: 1) else {
            Issue.record("a fit between models of different shapes")
            return
        }
        #expect(reason.hasPrefix("the model's shape changes over the range"))
    }

    /// A siting network is a mixed-integer program: each value is its own branch-and-bound.
    @Test func aSitingSweepSaysWhyItRebuilds() throws {
        let china = try NetworkFiles.read(from: Fixtures.networks.appendingPathComponent("china_silicon"))
        let price = try SweepParameter(parsing: "regions[id=yunnan].grid_price_yuan_per_kwh")
        let sweep = try Sweep.run(
            base: china, parameter: price, mode: .scale, values: [0.9, 1.0, 1.1], options: SweepOptions(refineBreakpoints: false))
        #expect(!sweep.statistics.inPlace && sweep.statistics.mixedInteger)
        #expect(sweep.statistics.rebuiltBecause == "the model is mixed-integer (siting): each value runs its own branch-and-bound")
    }
}
