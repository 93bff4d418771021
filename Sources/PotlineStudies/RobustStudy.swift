import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// Options for ``RobustStudy/run(base:scenarios:uncertainty:options:)``.
public struct RobustOptions: Sendable {
    public var samples: Int
    public var seed: UInt64
    /// The study's thread budget: samples solved at once, each solve's studies on its share
    /// (`solve.threads` is replaced).
    public var threads: Int
    public var solve: SolveOptions
    public var progress: (@Sendable (RunProgress) -> Void)?
    /// The samples' inputs (one value per factor, in order) instead of the Latin hypercube: a
    /// designed experiment; `samples` must be their number.
    public var values: [[Double]]?
    /// Also solve the two-stage stochastic siting model and evaluate its plan in every sample.
    public var stochastic: StochasticOptions?

    public init(
        samples: Int, seed: UInt64, threads: Int = 1, solve: SolveOptions = SolveOptions(analysePlan: false),
        progress: (@Sendable (RunProgress) -> Void)? = nil, values: [[Double]]? = nil, stochastic: StochasticOptions? = nil
    ) {
        self.samples = samples
        self.seed = seed
        self.threads = threads
        self.solve = solve
        self.progress = progress
        self.values = values
        self.stochastic = stochastic
    }
}

/// A robust-siting study: every uncertain factor sampled by Latin hypercube from a seed, each
/// sample solved, the deterministic plan (the optimum at the network's own values) re-solved
/// with its decisions fixed in every sample, and the summary: how often each plan and decision
/// wins, cost percentiles, the deterministic plan's regret, the drivers, infeasible samples.
/// Encodes to the JSON schema `potline.robust/1` (README, "Robust").
public struct RobustStudy: Sendable, Codable {
    public static let schemaIdentifier = "potline.robust/1"

    /// One uncertain input: its distribution, range and the inputs it moves.
    public struct Factor: Sendable, Codable {
        public var name: String
        public var distribution: String
        public var low: Double
        public var high: Double
        public var apply: SweepMode
        public var targets: [String]
        public var source: String

        init(_ factor: UncertainFactor) {
            name = factor.name
            distribution = switch factor.distribution {
            case .uniform: "uniform"
            case .triangular(_, let mode, _): "triangular (mode \(NumberText.format(mode)))"
            case .truncatedNormal(let mean, let sd, _, _): "normal (mean \(NumberText.format(mean)), sd \(NumberText.format(sd)), truncated)"
            }
            low = factor.distribution.low
            high = factor.distribution.high
            apply = factor.mode
            targets = factor.targets.map(\.description)
            source = factor.source
        }
    }

    /// One draw of the factors and the optimum at it.
    public struct Sample: Sendable, Codable {
        public var index: Int
        /// The factors' values, in the order of ``RobustStudy/factors``.
        public var inputs: [Double]
        public var status: TerminationStatus
        public var totalCostYuan: Double?
        public var deliveredCosts: [Sweep.DeliveredCost]
        /// Label in ``RobustStudy/plans``.
        public var plan: String
        public var decisions: [String: Double]
        /// The deterministic plan with its decisions fixed in this sample.
        public var deterministicPlanStatus: TerminationStatus
        public var deterministicPlanCostYuan: Double?
        /// Deterministic plan's cost − this sample's optimum (yuan/y), when both solved.
        public var regretYuan: Double?
        public var unmetDemands: [Solution.UnmetDemand]
        public var infeasibleConstraints: [String]
        public var solveSeconds: Double
        /// The stochastic plan with its decisions fixed in this sample (with `--stochastic`).
        public var stochasticPlanStatus: TerminationStatus? = nil
        public var stochasticPlanCostYuan: Double? = nil
    }

    /// P10, P50, P90 and mean of a value over the samples.
    public struct Percentiles: Sendable, Codable, Equatable {
        public var p10: Double
        public var p50: Double
        public var p90: Double
        public var mean: Double
    }

    /// A distinct plan and the share of samples whose optimum it is.
    public struct PlanShare: Sendable, Codable {
        public var plan: Sweep.Plan
        public var samples: Int
        public var share: Double
    }

    /// One siting or production decision and how often the samples take it.
    public struct DecisionShare: Sendable, Codable {
        /// `build CANDIDATE`, `close PLANT`, `retrofit RETROFIT` or `make PLANT`.
        public var decision: String
        public var samples: Int
        /// Share of all samples that take it.
        public var share: Double
        /// Capacity (t/y) or production (t/y) over the samples that take it; 1 for close/retrofit.
        public var value: Percentiles?
        public var inDeterministicPlan: Bool
    }

    /// The spread of a delivered cost over the samples, yuan/t.
    public struct DeliveredCostRange: Sendable, Codable {
        public var region: String
        public var commodity: String
        public var marginalCostYuanPerTonne: Percentiles?
        public var averageCostYuanPerTonne: Percentiles?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case region
            case commodity
            case marginalCostYuanPerTonne = "marginalCostYuanPerT"
            case averageCostYuanPerTonne = "averageCostYuanPerT"
        }
    }

    /// What holding the deterministic plan costs against each sample's own optimum, yuan/y.
    public struct Regret: Sendable, Codable {
        /// Samples where both the fixed plan and the sample's own optimum solved.
        public var samples: Int
        /// Samples where the deterministic plan cannot be operated (but the sample itself can).
        public var planInfeasibleSamples: Int
        public var meanYuan: Double?
        public var p90Yuan: Double?
        public var maxYuan: Double?
        /// Share of samples where the deterministic plan is optimal (regret ≤ tolerance).
        public var zeroRegretShare: Double?
    }

    /// How strongly a factor moves the cost and the decisions (rank correlation).
    public struct Driver: Sendable, Codable {
        public var factor: String
        /// Spearman rank correlation with the total cost (feasible samples).
        public var costCorrelation: Double?
        /// Spearman rank correlation with each decision's value (0 where not taken).
        public var decisionCorrelations: [String: Double]
    }

    /// A sample whose network cannot meet its demands, and why.
    public struct InfeasibleSample: Sendable, Codable {
        public var index: Int
        public var inputs: [Double]
        public var status: TerminationStatus
        public var unmetDemands: [Solution.UnmetDemand]
        public var infeasibleConstraints: [String]
    }

    /// Solve counts and times of the study.
    public struct Statistics: Sendable, Codable {
        public var solves: Int
        /// Threads per shard.
        public var threads: Int
        /// Shards the study ran in (1 unless merged from `--shard K/N` results).
        public var shards: Int
        /// The shards' wall times added up (a single run's wall time).
        public var wallSeconds: Double
        public var secondsPerSample: Double
    }

    public var schema = RobustStudy.schemaIdentifier
    public var network: String
    public var scenarioFiles: [String]
    public var uncertaintyFile: String?
    public var seed: UInt64
    /// Latin hypercube over the factors; generator xoshiro256** seeded by SplitMix64.
    public var sampling = "latin_hypercube/xoshiro256**"
    public var factors: [Factor]
    public var deterministic: Sample
    public var deterministicPlan: String
    public var plans: [PlanShare]
    public var decisions: [DecisionShare]
    public var totalCostYuan: Percentiles?
    public var deliveredCosts: [DeliveredCostRange]
    public var regret: Regret
    public var drivers: [Driver]
    public var infeasibleSamples: [InfeasibleSample]
    /// The two-stage stochastic plan and its value (with `--stochastic`).
    public var stochastic: StochasticPlan?
    public var samples: [Sample]
    public var statistics: Statistics

    /// Samples `uncertainty` on `base` (with `scenarios` stacked on it) and solves every sample.
    ///
    /// ```swift
    /// let base = try NetworkFiles.read(from: URL(fileURLWithPath: "Networks/examples/two_smelters"))
    /// let price = try SweepParameter(parsing: "plants[id=west_smelter].electricity_price_yuan_per_kwh")
    /// let file = UncertaintyFile(name: "west", file: "-", factors: [
    ///     UncertainFactor(name: "west power", distribution: .uniform(low: 0.35, high: 0.42), mode: .set, targets: [price])])
    /// let study = try RobustStudy.run(base: base, uncertainty: file, options: RobustOptions(samples: 200, seed: 1))
    /// print(study.plans.map { ($0.plan.label, $0.share) })  // A ≈ 0.478 below 0.383466 yuan/kWh
    /// ```
    public static func run(
        base: NetworkFiles, scenarios: [Scenario] = [], uncertainty: UncertaintyFile, options: RobustOptions
    ) throws -> RobustStudy {
        // A single run is the one shard of one: the same code path as a sharded study, so
        // sharding and merging give the same numbers by construction (and the tests check it).
        let shard = try RobustShard.run(
            base: base, scenarios: scenarios, uncertainty: uncertainty, shard: 1, of: 1, options: options)
        return try merge([shard])
    }

    static func parse(_ files: NetworkFiles, name: String) throws -> ValidatedNetwork {
        do throws(NetworkError) { return try NetworkLoader.parse(files) } catch {
            throw ScenarioError(caseName: name, problems: error.problems)
        }
    }

    /// The network with `scenario` (a sample's or a tornado end's values) applied.
    static func parse(_ files: NetworkFiles, _ scenario: Scenario) throws -> ValidatedNetwork {
        do throws(NetworkError) { return try NetworkLoader.parse(files.applying([scenario])) } catch {
            throw ScenarioError(caseName: scenario.name, problems: error.problems)
        }
    }

    /// The summary of solved samples; `signatures[0]` is the deterministic plan's, then one per sample.
    static func summarise(
        network: String, scenarioFiles: [String], uncertaintyFile: String?, factors: [Factor], seed: UInt64,
        deterministic: Sample, samples: [Sample], signatures: [PlanSignature], stochastic: StochasticPlan?,
        statistics: Statistics
    ) -> RobustStudy {
        var samples = samples
        var deterministic = deterministic
        // Plans lettered A, B, … by how many samples take them (ties: first seen).
        var counts: [PlanSignature: Int] = [:]
        var order: [PlanSignature] = []
        for s in signatures.dropFirst() {
            if counts[s] == nil { order.append(s) }
            counts[s, default: 0] += 1
        }
        if counts[signatures[0]] == nil { order.append(signatures[0]) }
        let ranked = order.enumerated().sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }
            .map(\.element)
        var labels: [PlanSignature: String] = [:]
        for (i, s) in ranked.enumerated() { labels[s] = Sweep.planLabel(i) }
        for i in samples.indices { samples[i].plan = labels[signatures[i + 1]]! }
        deterministic.plan = labels[signatures[0]]!
        let n = Double(samples.count)
        let plans = ranked.map { s in
            PlanShare(plan: s.plan(label: labels[s]!), samples: counts[s] ?? 0, share: Double(counts[s] ?? 0) / n)
        }

        let names = Set(samples.flatMap(\.decisions.keys)).union(deterministic.decisions.keys).sorted()
        let decisions = names.map { name in
            let taken = samples.compactMap { $0.decisions[name] }.filter { $0 > productionTolerance }
            return DecisionShare(
                decision: name, samples: taken.count, share: Double(taken.count) / n, value: percentiles(taken),
                inDeterministicPlan: (deterministic.decisions[name] ?? 0) > productionTolerance)
        }

        let solved = samples.filter { $0.totalCostYuan != nil }
        var demandKeys: [String] = []
        var byDemand: [String: (region: String, commodity: String, marginal: [Double], average: [Double])] = [:]
        for sample in solved {
            for cost in sample.deliveredCosts {
                let key = "\(cost.region)|\(cost.commodity)"
                if byDemand[key] == nil {
                    demandKeys.append(key)
                    byDemand[key] = (cost.region, cost.commodity, [], [])
                }
                if let m = cost.marginalCostYuanPerTonne { byDemand[key]!.marginal.append(m) }
                if let a = cost.averageCostYuanPerTonne { byDemand[key]!.average.append(a) }
            }
        }

        let regrets = samples.compactMap(\.regretYuan)
        let planInfeasible = samples.filter { $0.totalCostYuan != nil && $0.deterministicPlanCostYuan == nil }.count
        let regretTolerance = 1e-7
        let regret = Regret(
            samples: regrets.count, planInfeasibleSamples: planInfeasible, meanYuan: percentiles(regrets)?.mean,
            p90Yuan: percentiles(regrets)?.p90, maxYuan: regrets.max(),
            zeroRegretShare: regrets.isEmpty
                ? nil
                : Double(zip(solved, solved.compactMap(\.regretYuan)).filter { $1 <= regretTolerance * max(1, abs($0.totalCostYuan!)) }.count)
                    / Double(regrets.count))

        let costs = solved.map { $0.totalCostYuan! }
        let drivers = factors.enumerated().map { f, factor in
            let x = solved.map { $0.inputs[f] }
            var byDecision: [String: Double] = [:]
            let all = samples.map { $0.inputs[f] }
            for name in names {
                if let r = spearman(all, samples.map { $0.decisions[name] ?? 0 }) { byDecision[name] = r }
            }
            return Driver(factor: factor.name, costCorrelation: spearman(x, costs), decisionCorrelations: byDecision)
        }
        .sorted { abs($0.costCorrelation ?? 0) > abs($1.costCorrelation ?? 0) }

        return RobustStudy(
            network: network, scenarioFiles: scenarioFiles, uncertaintyFile: uncertaintyFile, seed: seed, factors: factors,
            deterministic: deterministic, deterministicPlan: deterministic.plan, plans: plans, decisions: decisions,
            totalCostYuan: percentiles(costs),
            deliveredCosts: demandKeys.map { key in
                let d = byDemand[key]!
                return DeliveredCostRange(
                    region: d.region, commodity: d.commodity, marginalCostYuanPerTonne: percentiles(d.marginal),
                    averageCostYuanPerTonne: percentiles(d.average))
            },
            regret: regret, drivers: drivers,
            infeasibleSamples: samples.filter { $0.totalCostYuan == nil }.map {
                InfeasibleSample(index: $0.index, inputs: $0.inputs, status: $0.status, unmetDemands: $0.unmetDemands,
                                 infeasibleConstraints: $0.infeasibleConstraints)
            },
            stochastic: stochastic?.evaluated(on: samples), samples: samples, statistics: statistics)
    }
}

/// P10, P50, P90 (linear interpolation between order statistics, as numpy's default) and the mean.
func percentiles(_ values: [Double]) -> RobustStudy.Percentiles? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    func q(_ p: Double) -> Double {
        let h = p * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
    return .init(p10: q(0.1), p50: q(0.5), p90: q(0.9), mean: sorted.reduce(0, +) / Double(sorted.count))
}

/// Spearman's rank correlation (Pearson's on ranks, ties given their average rank); nil when
/// either side does not vary.
func spearman(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count, x.count > 2 else { return nil }
    func ranks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] }
        var r = Array(repeating: 0.0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            for k in i...j { r[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return r
    }
    let rx = ranks(x), ry = ranks(y)
    let mx = rx.reduce(0, +) / Double(rx.count), my = ry.reduce(0, +) / Double(ry.count)
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(rx, ry) {
        sxy += (a - mx) * (b - my)
        sxx += (a - mx) * (a - mx)
        syy += (b - my) * (b - my)
    }
    guard sxx > 0, syy > 0 else { return nil }
    return sxy / (sxx * syy).squareRoot()
}
