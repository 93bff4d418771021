import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// Times one sweep five ways — cold and serial with the model rebuilt at every value (the
/// baseline), warm-started and serial rebuilt, warm-started and serial with one model changed in
/// place, cold on several threads rebuilt, warm-started on several threads in place — and checks
/// that all five find the same optimum, plans and breakpoints. `potline sweep … --benchmark` prints it.
public struct SweepBenchmark: Sendable, Codable {
    public static let schemaIdentifier = "potline.sweep-benchmark/1"

    /// One way of running the sweep (cold or warm, serial or parallel) and its fastest time.
    public struct Run: Sendable, Codable {
        public var name: String
        public var warmStart: Bool
        /// Whether the sweep was asked to change one model in place (it may still have rebuilt:
        /// ``Sweep/Statistics/rebuiltBecause``).
        public var inPlace: Bool
        public var threads: Int
        public var solves: Int
        public var simplexIterations: Int
        /// The fastest of the repeats.
        public var wallSeconds: Double
        /// Baseline wall time ÷ this run's.
        public var speedup: Double
        /// Whether statuses, total costs (to 10⁻⁹), plans and breakpoints equal the baseline's.
        public var sameResultsAsBaseline: Bool
    }

    public var schema = SweepBenchmark.schemaIdentifier
    public var network: String
    public var parameter: String
    public var values: Int
    public var repeats: Int
    public var runs: [Run]

    /// Runs the sweep in each of the five ways `repeats` times, keeping each way's fastest time.
    /// `options.warmStart`, `options.inPlace` and `options.threads` are replaced; the rest
    /// (tolerance, solver options) is kept.
    public static func run(
        base: NetworkFiles, scenarios: [Scenario] = [], parameter: SweepParameter, mode: SweepMode = .set,
        values: [Double], threads: Int = ProcessInfo.processInfo.activeProcessorCount, repeats: Int = 3,
        options: SweepOptions = SweepOptions()
    ) throws -> SweepBenchmark {
        let ways: [(name: String, warm: Bool, inPlace: Bool, threads: Int)] = [
            ("cold, serial, rebuilt", false, false, 1), ("warm, serial, rebuilt", true, false, 1),
            ("warm, serial, in place", true, true, 1), ("cold, \(threads) threads, rebuilt", false, false, threads),
            ("warm, \(threads) threads, in place", true, true, threads),
        ]
        var runs: [Run] = []
        var baseline: Sweep?
        for way in ways {
            var best: Sweep?
            for _ in 0..<max(1, repeats) {
                var wayOptions = options
                wayOptions.warmStart = way.warm
                wayOptions.inPlace = way.inPlace
                wayOptions.threads = way.threads
                wayOptions.progress = nil
                let sweep = try Sweep.run(
                    base: base, scenarios: scenarios, parameter: parameter, mode: mode, values: values, options: wayOptions)
                if best == nil || sweep.statistics.wallSeconds < best!.statistics.wallSeconds { best = sweep }
            }
            let sweep = best!
            if baseline == nil { baseline = sweep }
            runs.append(
                Run(
                    name: way.name, warmStart: way.warm, inPlace: way.inPlace, threads: way.threads,
                    solves: sweep.statistics.gridSolves + sweep.statistics.refinementSolves,
                    simplexIterations: sweep.statistics.simplexIterations, wallSeconds: sweep.statistics.wallSeconds,
                    speedup: baseline!.statistics.wallSeconds / max(sweep.statistics.wallSeconds, 1e-9),
                    sameResultsAsBaseline: sameResults(sweep, baseline!)))
        }
        return SweepBenchmark(
            network: baseline!.network, parameter: parameter.description, values: baseline!.points.count,
            repeats: max(1, repeats), runs: runs)
    }

    static func sameResults(_ a: Sweep, _ b: Sweep) -> Bool {
        guard a.points.count == b.points.count, a.plans == b.plans, a.breakpoints.count == b.breakpoints.count else {
            return false
        }
        let pointsAgree = zip(a.points, b.points).allSatisfy { p, q in
            guard p.value == q.value, p.status == q.status, p.plan == q.plan else { return false }
            guard let x = p.totalCostYuan, let y = q.totalCostYuan else { return p.totalCostYuan == q.totalCostYuan }
            return abs(x - y) <= 1e-9 * max(1, abs(y))
        }
        let breakpointsAgree = zip(a.breakpoints, b.breakpoints).allSatisfy { p, q in
            abs(p.value - q.value) <= max(a.tolerance, b.tolerance) && p.planBelow == q.planBelow && p.planAbove == q.planAbove
        }
        return pointsAgree && breakpointsAgree
    }

}
