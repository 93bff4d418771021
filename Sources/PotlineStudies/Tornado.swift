import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// One-at-a-time swings (a tornado): every uncertain factor put at its low and at its high with
/// every other input at the network's own values, the network solved at each end, and the change
/// in total cost and in the decisions (sites built, closed, retrofitted; production for a network
/// without siting) against the deterministic plan. Factors are ranked by their cost swing, so a
/// reader sees which estimates deserve a better source. Encodes to the JSON schema
/// `potline.tornado/1` (README, "Tornado").
public struct Tornado: Sendable, Codable {
    public static let schemaIdentifier = "potline.tornado/1"

    /// The network solved with one factor at one end of its range.
    public struct End: Sendable, Codable {
        public var value: Double
        public var status: TerminationStatus
        public var totalCostYuan: Double?
        /// Total cost − the base's (yuan/y), when both solved.
        public var changeYuan: Double?
        public var decisions: [String: Double]
        /// Decisions taken here and not in the deterministic plan, and the reverse.
        public var entering: [String]
        public var leaving: [String]
        /// Decisions in both whose t/y differ (`build X` at another capacity, `make PLANT`).
        public var resized: [String]
        public var unmetDemands: [Solution.UnmetDemand]

        /// True when this end's plan is not the deterministic one.
        public var changesDecision: Bool { !entering.isEmpty || !leaving.isEmpty || !resized.isEmpty || status != .optimal }
    }

    public struct Swing: Sendable, Codable {
        public var factor: RobustStudy.Factor
        public var low: End
        public var high: End
        /// |cost at high − cost at low| (yuan/y); nil when either end has no optimum.
        public var swingYuan: Double?
    }

    public struct Statistics: Sendable, Codable {
        public var solves: Int
        public var threads: Int
        public var wallSeconds: Double
    }

    public var schema = Tornado.schemaIdentifier
    public var network: String
    public var scenarioFiles: [String]
    public var uncertaintyFile: String?
    public var baseStatus: TerminationStatus
    public var baseCostYuan: Double?
    /// The deterministic plan's decisions (keys as ``PlanDecisions``).
    public var baseDecisions: [String: Double]
    /// Largest swing first; factors with an end that has no optimum come first of all.
    public var swings: [Swing]
    public var statistics: Statistics

    /// Relative difference below which two capacities or productions are the same decision.
    static let sameDecisionTolerance = 1e-6

    /// Solves `base` (with `scenarios`) at the network's values and with each factor of
    /// `uncertainty` alone at its low and at its high, on `threads` threads.
    public static func run(
        base: NetworkFiles, scenarios: [Scenario] = [], uncertainty: UncertaintyFile, threads: Int = 1,
        solve: SolveOptions = SolveOptions(analysePlan: false), progress: (@Sendable (RunProgress) -> Void)? = nil
    ) throws -> Tornado {
        let started = ContinuousClock.now
        let stacked: NetworkFiles
        do throws(NetworkError) { stacked = try base.applying(scenarios) } catch {
            throw ScenarioError(caseName: scenarios.map(\.name).joined(separator: " + "), problems: error.problems)
        }
        let factors = uncertainty.factors
        let counter = ProgressCounter(total: 1 + 2 * factors.count, handler: progress)
        let baseNetwork = try RobustStudy.parse(stacked, name: "base")
        let baseSolution = try baseNetwork.solve(options: solve)
        counter.finishOne()
        let siting = Formulation(baseNetwork).hasSitingDecisions
        let baseDecisions = PlanDecisions(baseSolution, siting: siting).values
        let baseCost = baseSolution.totalCostYuan

        let shared = SharedFiles(files: stacked)
        let solveOptions = solve
        let jobs = factors.indices.flatMap { f in [(f, factors[f].distribution.low), (f, factors[f].distribution.high)] }
        let results = ParallelSolves.map(jobs, threads: threads) { f, value in
            Result { () throws -> End in
                let factor = factors[f]
                let scenario = UncertainFactor.scenario(
                    "\(factor.name) at \(NumberText.format(value))", file: uncertainty.file, [factor], at: [value])
                let solution = try RobustStudy.parse(shared.files, scenario).solve(options: solveOptions)
                counter.finishOne()
                let decisions = solution.totalCostYuan == nil ? [:] : PlanDecisions(solution, siting: siting).values
                func taken(_ d: [String: Double]) -> Set<String> { Set(d.filter { $0.value > productionTolerance }.keys) }
                let here = taken(decisions), there = taken(baseDecisions)
                let resized = here.intersection(there).filter { key in
                    let a = decisions[key]!, b = baseDecisions[key]!
                    return abs(a - b) > sameDecisionTolerance * max(1, abs(b))
                }
                return End(
                    value: value, status: solution.status, totalCostYuan: solution.totalCostYuan,
                    changeYuan: solution.totalCostYuan.flatMap { cost in baseCost.map { cost - $0 } }, decisions: decisions,
                    entering: here.subtracting(there).sorted(), leaving: there.subtracting(here).sorted(), resized: resized.sorted(),
                    unmetDemands: solution.unmetDemands)
            }
        }
        var ends: [End] = []
        for result in results { ends.append(try result.get()) }
        let swings = factors.indices.map { f in
            let low = ends[2 * f], high = ends[2 * f + 1]
            let swing: Double? =
                if let a = low.totalCostYuan, let b = high.totalCostYuan { abs(b - a) } else { nil }
            return Swing(factor: RobustStudy.Factor(factors[f]), low: low, high: high, swingYuan: swing)
        }
        // Stable: equal swings keep the file's order.
        let ranked = swings.enumerated().sorted { a, b in
            let x = a.element.swingYuan ?? .infinity, y = b.element.swingYuan ?? .infinity
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        return Tornado(
            network: baseNetwork.name, scenarioFiles: scenarios.map(\.file), uncertaintyFile: uncertainty.file,
            baseStatus: baseSolution.status, baseCostYuan: baseCost, baseDecisions: baseDecisions, swings: ranked,
            statistics: Statistics(solves: 1 + jobs.count, threads: threads, wallSeconds: seconds(since: started)))
    }
}
