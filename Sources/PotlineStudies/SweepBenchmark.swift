import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// Times one sweep four ways — cold and serial (the baseline), warm-started and serial, cold on
/// several threads, warm-started on several threads — and checks that all four find the same
/// optimum, plans and breakpoints. `potline sweep … --benchmark` prints it.
public struct SweepBenchmark: Sendable, Codable {
    public static let schemaIdentifier = "potline.sweep-benchmark/1"

    /// One way of running the sweep (cold or warm, serial or parallel) and its fastest time.
    public struct Run: Sendable, Codable {
        public var name: String
        public var warmStart: Bool
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

    /// Runs the sweep in each of the four ways `repeats` times, keeping each way's fastest time.
    /// `options.warmStart` and `options.threads` are replaced; the rest (tolerance, solver
    /// options) is kept.
    public static func run(
        base: NetworkFiles, scenarios: [Scenario] = [], parameter: SweepParameter, mode: SweepMode = .set,
        values: [Double], threads: Int = ProcessInfo.processInfo.activeProcessorCount, repeats: Int = 3,
        options: SweepOptions = SweepOptions()
    ) throws -> SweepBenchmark {
        let ways: [(name: String, warm: Bool, threads: Int)] = [
            ("cold, serial", false, 1), ("warm, serial", true, 1),
            ("cold, \(threads) threads", false, threads), ("warm, \(threads) threads", true, threads),
        ]
        var runs: [Run] = []
        var baseline: Sweep?
        for way in ways {
            var best: Sweep?
            for _ in 0..<max(1, repeats) {
                var wayOptions = options
                wayOptions.warmStart = way.warm
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
                    name: way.name, warmStart: way.warm, threads: way.threads,
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
