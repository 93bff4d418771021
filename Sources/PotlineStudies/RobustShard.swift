import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// One shard of a robust study (`potline robust --shard K/N`): the whole Latin hypercube is drawn
/// from the seed, and shard K solves its contiguous block of samples (and the deterministic plan,
/// which every shard needs for the regret). ``RobustStudy/merge(_:names:)`` puts the shards back
/// together into the study a single run gives, number for number. Encodes to the JSON schema
/// `potline.robust-shard/1` (README, "Robust", "Shards").
public struct RobustShard: Sendable, Codable {
    public static let schemaIdentifier = "potline.robust-shard/1"

    public var schema = RobustShard.schemaIdentifier
    /// This shard's number, from 1.
    public var shard: Int
    public var shards: Int
    public var network: String
    public var scenarioFiles: [String]
    public var uncertaintyFile: String?
    public var seed: UInt64
    /// Samples of the whole study (all shards).
    public var totalSamples: Int
    public var factors: [RobustStudy.Factor]
    public var deterministic: RobustStudy.Sample
    var deterministicSignature: PlanSignature
    /// The stochastic plan (every shard solves the same model, so every shard has the same plan).
    public var stochastic: StochasticPlan?
    /// This shard's samples, indexed within the whole study.
    public var samples: [RobustStudy.Sample]
    /// The plan of each sample, in the order of ``samples``.
    var signatures: [PlanSignature]
    public var threads: Int
    public var solves: Int
    public var wallSeconds: Double

    /// The samples (indices from 0) shard `k` of `n` solves out of `total`: a contiguous block, the
    /// blocks differing in size by at most one.
    public static func range(shard k: Int, of n: Int, samples total: Int) -> Range<Int> {
        (k - 1) * total / n..<k * total / n
    }

    /// Solves shard `shard` of `shards` of the study ``RobustStudy/run(base:scenarios:uncertainty:options:)`` describes.
    public static func run(
        base: NetworkFiles, scenarios: [Scenario] = [], uncertainty: UncertaintyFile, shard: Int, of shards: Int,
        options: RobustOptions
    ) throws -> RobustShard {
        precondition(shards >= 1 && (1...shards).contains(shard), "shard \(shard) of \(shards)")
        let started = ContinuousClock.now
        let stacked: NetworkFiles
        do throws(NetworkError) { stacked = try base.applying(scenarios) } catch {
            throw ScenarioError(caseName: scenarios.map(\.name).joined(separator: " + "), problems: error.problems)
        }
        let factors = uncertainty.factors
        precondition(options.values.map { $0.count == options.samples } ?? true, "one row of values per sample")
        // The whole design, whatever the shard: a Latin hypercube's strata depend on N.
        let all = options.values ?? design(factors, samples: options.samples, seed: options.seed)
        let block = range(shard: shard, of: shards, samples: options.samples)
        let values = block.map { all[$0] }
        let shared = SharedFiles(files: stacked)
        let counter = ProgressCounter(
            total: (options.stochastic == nil ? 2 : 3) * block.count + (options.stochastic == nil ? 1 : 2), handler: options.progress)

        // The deterministic plan: the optimum at the network's own values.
        let baseNetwork = try RobustStudy.parse(stacked, name: "base")
        var baseOptions = options.solve
        baseOptions.threads = options.threads
        let baseSolution = try baseNetwork.solve(options: baseOptions)
        counter.finishOne()
        let siting = Formulation(baseNetwork).hasSitingDecisions
        let planDecisions = PlanDecisions(baseSolution, siting: siting)
        var stochastic: StochasticPlan?
        if let settings = options.stochastic {
            guard siting else {
                throw NetworkError([NetworkProblem(file: baseNetwork.name, message: "has no siting decisions (candidates, closures, retrofits) for a stochastic siting model")])
            }
            let inputs = options.values.map { Array($0.prefix(settings.samples)) }
                ?? design(factors, samples: settings.samples, seed: options.seed)
            let networks = try inputs.enumerated().map { i, row in
                try RobustStudy.parse(stacked, UncertainFactor.scenario("stochastic sample \(i + 1)", file: uncertainty.file, factors, at: row))
            }
            stochastic = try ValidatedNetwork.solveStochastic(networks, risk: settings.risk, options: options.solve)
            counter.finishOne()
        }
        let stochasticDecisions = stochastic.flatMap { $0.objectiveYuan == nil ? nil : PlanDecisions(values: $0.decisions) }

        var solveOptions = options.solve
        solveOptions.threads = ParallelSolves.threadsPerJob(options.threads, jobs: values.count)
        let results = ParallelSolves.map(Array(zip(block, values)), threads: options.threads) { [solveOptions] index, inputs in
            Result { () throws -> (RobustStudy.Sample, PlanSignature) in
                let clock = ContinuousClock.now
                let network = try RobustStudy.parse(
                    shared.files, UncertainFactor.scenario("sample \(index + 1)", file: uncertainty.file, factors, at: inputs))
                let solution = try network.solve(options: solveOptions)
                counter.finishOne()
                var fixed = Formulation(network)
                fixed.fix(planDecisions)
                let planSolution = try fixed.solve(options: solveOptions).solution
                counter.finishOne()
                let regret: Double? =
                    if let plan = planSolution.totalCostYuan, let own = solution.totalCostYuan { tidy(plan - own) } else { nil }
                var stochasticSolution: Solution?
                if let stochasticDecisions {
                    var held = Formulation(network)
                    held.fix(stochasticDecisions)
                    stochasticSolution = try held.solve(options: solveOptions).solution
                    counter.finishOne()
                }
                let sample = RobustStudy.Sample(
                    index: index, inputs: inputs, status: solution.status, totalCostYuan: solution.totalCostYuan,
                    deliveredCosts: solution.deliveredCosts.map(DeliveredCostSummary.init), plan: "", decisions: solution.totalCostYuan == nil ? [:] : PlanDecisions(solution, siting: siting).values,
                    deterministicPlanStatus: planSolution.status, deterministicPlanCostYuan: planSolution.totalCostYuan,
                    regretYuan: regret, unmetDemands: solution.unmetDemands, infeasibleConstraints: solution.infeasibleConstraints,
                    solveSeconds: seconds(since: clock), stochasticPlanStatus: stochasticSolution?.status,
                    stochasticPlanCostYuan: stochasticSolution?.totalCostYuan)
                return (sample, PlanSignature(solution))
            }
        }
        var samples: [RobustStudy.Sample] = []
        var signatures: [PlanSignature] = []
        for result in results {
            let (sample, signature) = try result.get()
            samples.append(sample)
            signatures.append(signature)
        }
        let deterministic = RobustStudy.Sample(
            index: -1, inputs: [], status: baseSolution.status, totalCostYuan: baseSolution.totalCostYuan,
            deliveredCosts: [], plan: "", decisions: planDecisions.values, deterministicPlanStatus: baseSolution.status,
            deterministicPlanCostYuan: baseSolution.totalCostYuan, regretYuan: 0, unmetDemands: baseSolution.unmetDemands,
            infeasibleConstraints: baseSolution.infeasibleConstraints, solveSeconds: baseSolution.solveSeconds)
        return RobustShard(
            shard: shard, shards: shards, network: baseNetwork.name, scenarioFiles: scenarios.map(\.file),
            uncertaintyFile: uncertainty.file, seed: options.seed, totalSamples: options.samples,
            factors: factors.map(RobustStudy.Factor.init), deterministic: deterministic,
            deterministicSignature: PlanSignature(baseSolution), stochastic: stochastic, samples: samples, signatures: signatures,
            threads: options.threads, solves: 1 + 2 * samples.count + (stochastic == nil ? 0 : 1 + samples.count),
            wallSeconds: seconds(since: started))
    }

    /// N samples of `factors` by Latin hypercube from `seed`, as the factors' values.
    static func design(_ factors: [UncertainFactor], samples: Int, seed: UInt64) -> [[Double]] {
        LatinHypercube.design(samples: samples, factors: factors.count, seed: seed).map { row in
            zip(factors, row).map { $0.distribution.quantile($1) }
        }
    }

    /// Reads a shard file written by `potline robust --shard K/N --partial FILE`.
    public static func load(from path: String) throws(NetworkError) -> RobustShard {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NetworkError([NetworkProblem(file: path, message: "cannot be read (no such shard file)")])
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        struct Header: Decodable { var schema: String? }
        let schema = (try? decoder.decode(Header.self, from: data))?.schema
        guard schema == schemaIdentifier else {
            throw NetworkError([
                NetworkProblem(
                    file: path, column: "schema",
                    message: "is \(schema.map { "'\($0)'" } ?? "missing"), not '\(schemaIdentifier)': "
                        + "not a shard written by potline robust --shard K/N --partial FILE")
            ])
        }
        do { return try decoder.decode(RobustShard.self, from: data) } catch {
            throw NetworkError([NetworkProblem(file: path, message: "is not a complete \(schemaIdentifier) document: \(error)")])
        }
    }

    /// What must be equal in every shard of one study, as text for a located message.
    fileprivate var study: [(String, String)] {
        [
            ("network", network), ("scenario_files", scenarioFiles.joined(separator: " + ")),
            ("uncertainty_file", uncertaintyFile ?? ""), ("seed", String(seed)), ("total_samples", String(totalSamples)),
            ("shards", String(shards)),
            ("factors", factors.map { "\($0.name) \($0.distribution) \($0.low)…\($0.high) \($0.apply.rawValue) \($0.targets)" }
                .joined(separator: "; ")),
            ("deterministic", deterministic.decisions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                + " cost \(deterministic.totalCostYuan.map { "\($0)" } ?? "none")"),
            ("stochastic", stochastic.map { s in
                "\(s.samples) samples, " + s.decisions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                    + " objective \(s.objectiveYuan.map { "\($0)" } ?? "none")"
            } ?? "none"),
        ]
    }
}

extension RobustStudy {
    /// The study from all shards of one run (`shards[i]` read from `names[i]`, for messages):
    /// every shard once, all from the same network, scenarios, uncertainty file, seed and sample
    /// count. The result equals a single run's, sample for sample; only the statistics (solves,
    /// times) tell it was sharded.
    public static func merge(_ shards: [RobustShard], names: [String]? = nil) throws(NetworkError) -> RobustStudy {
        let names = names ?? shards.map { "shard \($0.shard)/\($0.shards)" }
        guard let first = shards.first else { throw NetworkError([NetworkProblem(file: "robust-merge", message: "no shard files given")]) }
        var problems: [NetworkProblem] = []
        var seen: [Int: String] = [:]
        let expected = first.study
        for (shard, name) in zip(shards, names) {
            for ((key, value), (_, wanted)) in zip(shard.study, expected) where value != wanted {
                problems.append(NetworkProblem(file: name, column: key, message: "is \(value), but \(names[0]) has \(wanted): not the same study"))
            }
            if let other = seen[shard.shard] {
                problems.append(NetworkProblem(file: name, column: "shard", message: "shard \(shard.shard)/\(shard.shards) is also in \(other)"))
            }
            seen[shard.shard] = name
            let block = RobustShard.range(shard: shard.shard, of: shard.shards, samples: shard.totalSamples)
            if shard.samples.map(\.index) != Array(block) || shard.signatures.count != shard.samples.count {
                problems.append(
                    NetworkProblem(file: name, column: "samples", message: "must hold samples \(block.lowerBound + 1)…\(block.upperBound) of shard \(shard.shard)/\(shard.shards)"))
            }
        }
        let missing = (1...first.shards).filter { seen[$0] == nil }
        if !missing.isEmpty, problems.isEmpty {
            problems.append(
                NetworkProblem(
                    file: "robust-merge", column: "shard",
                    message: "shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(first.shards)" }.joined(separator: ", ")) missing"))
        }
        if !problems.isEmpty { throw NetworkError(problems) }
        let ordered = shards.sorted { $0.shard < $1.shard }
        let samples = ordered.flatMap(\.samples)
        let wall = ordered.map(\.wallSeconds).reduce(0, +)
        return summarise(
            network: first.network, scenarioFiles: first.scenarioFiles, uncertaintyFile: first.uncertaintyFile,
            factors: first.factors, seed: first.seed, deterministic: first.deterministic, samples: samples,
            signatures: [first.deterministicSignature] + ordered.flatMap(\.signatures), stochastic: first.stochastic,
            statistics: Statistics(
                solves: ordered.map(\.solves).reduce(0, +), threads: first.threads, shards: first.shards, wallSeconds: wall,
                secondsPerSample: samples.isEmpty ? 0 : wall / Double(samples.count)))
    }
}
