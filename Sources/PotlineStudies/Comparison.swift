import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// Options for ``Comparison/run(base:cases:options:)``.
public struct ComparisonOptions: Sendable {
    public var solve: SolveOptions
    /// Cases solved at once, one GLPK problem per thread; 1 solves them one after another.
    /// The whole comparison's budget: each case's plan analysis gets its share (`solve.threads`
    /// is replaced).
    public var threads: Int
    /// Called from the solving threads after each case is solved.
    public var progress: (@Sendable (RunProgress) -> Void)?
    /// Free siting in every case, or held at the base's (or a given) plan, or none.
    public var siting: SitingRequest
    /// For a base with siting decisions: also solve it with none (the no-build baseline), shown
    /// beside the base (not when every case is already solved without siting).
    public var noBuildBaseline: Bool

    public init(
        solve: SolveOptions = SolveOptions(), threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (RunProgress) -> Void)? = nil, siting: SitingRequest = .free, noBuildBaseline: Bool = true
    ) {
        self.solve = solve
        self.threads = threads
        self.progress = progress
        self.siting = siting
        self.noBuildBaseline = noBuildBaseline
    }
}

/// A base network and scenario cases solved side by side: for each case its results, their
/// change against the base, and the inputs it changed, so cause and effect read together.
/// Encodes to the documented JSON schema `potline.compare/1` (README, "Compare JSON").
public struct Comparison: Sendable, Codable {
    /// Identifies the JSON layout; bumped when a field changes meaning or goes away (fields may be
    /// added within a version, so readers ignore keys they do not know).
    public static let schemaIdentifier = "potline.compare/1"

    /// One solved case. For the base, every `…_change…` field is absent.
    public struct Case: Sendable, Codable {
        public var name: String
        public var description: String
        /// The scenario files stacked to make this case, in order (empty for the base).
        public var scenarioFiles: [String]
        public var status: TerminationStatus
        public var totalCostYuan: Double?
        public var totalCostChangeYuan: Double?
        public var costBreakdownYuan: CostComponents?
        public var costBreakdownChangeYuan: CostComponents?
        /// Emissions, tCO2/y.
        public var co2T: Double?
        public var co2ChangeT: Double?
        public var deliveredCosts: [DeliveredCost]
        public var production: [Production]
        /// Plants whose output differs from the base (or that the case added or removed).
        public var plantChanges: [PlantChange]
        /// Plants whose unit cost or surcharge differs from the base's (both solved).
        @OmittedWhenEmpty public var plantEffects: [PlantEffect] = []
        /// Per region and process: surcharge paid and unit cost, where either differs.
        @OmittedWhenEmpty public var regionEffects: [RegionEffect] = []
        /// Siting decisions (sites built, plants closed, retrofits) that differ from the base's.
        @OmittedWhenEmpty public var siteChanges: [SiteChange] = []
        @OmittedWhenEmpty public var unmetDemands: [Solution.UnmetDemand] = []
        /// For a network with siting decisions: free, held at a plan, or none.
        public var siting: SitingModeResult?
        /// What this case's scenarios changed in the inputs, net of stacking.
        public var inputChanges: [InputChange]
        public var solveSeconds: Double
        public var simplexIterations: Int
        /// The full solution, for scripts (not part of the JSON).
        public var solution: Solution?

        enum CodingKeys: String, CodingKey {
            case name, description, scenarioFiles, status, totalCostYuan, totalCostChangeYuan, costBreakdownYuan,
                costBreakdownChangeYuan, co2T, co2ChangeT, deliveredCosts, production, plantChanges, plantEffects,
                regionEffects, siteChanges, unmetDemands, siting, inputChanges, solveSeconds, simplexIterations
        }
    }

    /// A delivered cost in one case and its change against the base, yuan/t.
    public struct DeliveredCost: Sendable, Codable {
        public var region: String
        public var commodity: String
        public var demandTonnesPerYear: Double
        public var demandChangeTonnesPerYear: Double?
        public var marginalCostYuanPerTonne: Double?
        public var marginalCostChangeYuanPerTonne: Double?
        public var averageCostYuanPerTonne: Double?
        public var averageCostChangeYuanPerTonne: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case region
            case commodity
            case demandTonnesPerYear = "demandTPerY"
            case demandChangeTonnesPerYear = "demandChangeTPerY"
            case marginalCostYuanPerTonne = "marginalCostYuanPerT"
            case marginalCostChangeYuanPerTonne = "marginalCostChangeYuanPerT"
            case averageCostYuanPerTonne = "averageCostYuanPerT"
            case averageCostChangeYuanPerTonne = "averageCostChangeYuanPerT"
        }
    }

    /// Output of one process (stage) in one region, all its plants together.
    public struct Production: Sendable, Codable {
        public var process: String
        public var region: String
        public var productionTonnesPerYear: Double
        public var changeTonnesPerYear: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case process
            case region
            case productionTonnesPerYear = "productionTPerY"
            case changeTonnesPerYear = "changeTPerY"
        }
    }

    /// A plant whose output a case changes, t/y.
    public struct PlantChange: Sendable, Codable {
        public enum Kind: String, Sendable, Codable {
            /// Idle in the base, producing in the case.
            case started
            /// Producing in the base, idle in the case.
            case stopped
            case increased, decreased
            /// Not in the base network: the case's scenarios added it.
            case added
            /// In the base network but removed by the case's scenarios.
            case removed
        }

        public var id: String
        public var region: String
        public var process: String
        public var change: Kind
        public var baseProductionTonnesPerYear: Double?
        public var productionTonnesPerYear: Double?
        public var changeTonnesPerYear: Double

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case id
            case region
            case process
            case change
            case baseProductionTonnesPerYear = "baseProductionTPerY"
            case productionTonnesPerYear = "productionTPerY"
            case changeTonnesPerYear = "changeTPerY"
        }
    }

    /// A siting decision of a case that the base did not take, or the reverse.
    public struct SiteChange: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable {
            /// A candidate site built in the case but not in the base.
            case built
            /// A candidate built in the base but not in the case.
            case notBuilt = "not_built"
            /// A plant closed in the case but not in the base.
            case closed
            /// A plant closed in the base but kept open in the case.
            case keptOpen = "kept_open"
            /// A retrofit chosen in the case but not in the base.
            case retrofitted
            /// A retrofit chosen in the base but not in the case.
            case notRetrofitted = "not_retrofitted"
        }

        /// The candidate, plant or retrofit id.
        public var site: String
        public var region: String?
        public var process: String?
        public var change: Kind
        /// Capacity built or closed (t/y); nil for a retrofit.
        public var capacityTonnesPerYear: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case site
            case region
            case process
            case change
            case capacityTonnesPerYear = "capacityTPerY"
        }
    }

    public var schema = Comparison.schemaIdentifier
    public var network: String
    public var baseYear: Int
    public var base: Case
    /// The base network with no sites, closures or retrofits, when it has siting decisions:
    /// what the base's plan is worth, and the reference a siting scenario should be read against.
    public var noBuild: Case?
    public var scenarios: [Case]
    /// Wall-clock time for all solves, and the threads they ran on.
    public var wallSeconds: Double
    public var threads: Int

    /// Every case, the base first, then the no-build baseline (if solved) and the scenarios.
    public var cases: [Case] { [base] + compared }

    /// The cases shown against the base: the no-build baseline (if solved), then the scenarios.
    public var compared: [Case] { (noBuild.map { [$0] } ?? []) + scenarios }

    /// Solves the base and each case (a list of scenarios stacked on the base, in order) on
    /// `options.threads` threads and compares them.
    ///
    /// ```swift
    /// let base = try NetworkFiles.read(from: URL(fileURLWithPath: "Networks/examples/two_smelters"))
    /// let expand = try Scenario.load(from: "Networks/examples/two_smelters/scenarios/west_expansion.yaml")
    /// let comparison = try Comparison.run(base: base, cases: [[expand]])
    /// print(comparison.scenarios[0].totalCostChangeYuan!)  // -45072000
    /// ```
    ///
    /// Throws ``ScenarioError`` (naming the case) when a scenario cannot apply or the changed
    /// network is invalid, and ``SolverError`` when the solver fails. An infeasible case is a
    /// result: its status says so and its unmet demands are listed.
    public static func run(base: NetworkFiles, cases: [[Scenario]], options: ComparisonOptions = ComparisonOptions())
        throws -> Comparison
    {
        var prepared: [(ScenarioCase, ValidatedNetwork)] = []
        var seen: [String: Int] = [:]
        for scenarios in [[]] + cases {
            var name = scenarios.isEmpty ? "base" : scenarios.map(\.name).joined(separator: " + ")
            // Two cases of one name would be indistinguishable in the CSV and JSON: number the later ones.
            seen[name, default: 0] += 1
            if seen[name]! > 1 { name += " (\(seen[name]!))" }
            do throws(NetworkError) {
                let scenarioCase = try ScenarioCase(base: base, scenarios: scenarios, name: name)
                prepared.append((scenarioCase, try scenarioCase.network()))
            } catch {
                throw ScenarioError(caseName: name, problems: error.problems)
            }
        }
        let withBaseline = options.noBuildBaseline && options.siting != .none && prepared[0].1.hasSitingDecisions
        let started = ContinuousClock.now
        let counter = ProgressCounter(total: prepared.count + (withBaseline ? 1 : 0), handler: options.progress)
        func solve(_ jobs: [(ValidatedNetwork, SitingMode)]) throws -> [Solution] {
            var solveOptions = options.solve
            solveOptions.threads = ParallelSolves.threadsPerJob(options.threads, jobs: jobs.count)
            let results = ParallelSolves.map(jobs, threads: options.threads) { [solveOptions] job in
                defer { counter.finishOne() }
                var caseOptions = solveOptions
                caseOptions.siting = job.1
                return Result { try job.0.solve(options: caseOptions) }
            }
            return try results.map { try $0.get() }
        }
        // Held at the base's plan, the base is solved first; otherwise every case at once.
        var solved: [Solution]
        var noBuild: Solution?
        let baseline = withBaseline ? [(prepared[0].1, SitingMode.none)] : []
        if options.siting.needsBaseFirst {
            let base = try solve([(prepared[0].1, options.siting.baseMode)])[0]
            let mode = options.siting.caseMode(base: base)
            let rest = try solve(baseline + prepared.dropFirst().map { ($0.1, mode) })
            noBuild = withBaseline ? rest[0] : nil
            solved = [base] + rest.dropFirst(withBaseline ? 1 : 0)
        } else {
            let modes = [options.siting.baseMode] + prepared.dropFirst().map { _ in options.siting.caseMode(base: nil) }
            let all = try solve(baseline + zip(prepared.map(\.1), modes).map { ($0, $1) })
            noBuild = withBaseline ? all[0] : nil
            solved = Array(all.dropFirst(withBaseline ? 1 : 0))
        }
        let wall = seconds(since: started)
        var comparison = Comparison(base: (prepared[0].0, solved[0]), scenarios: zip(prepared.dropFirst().map(\.0), solved.dropFirst()).map { ($0, $1) })
        if let noBuild {
            var description = "the base with no sites, closures or retrofits (siting none)"
            if let cost = noBuild.totalCostYuan, let planCost = solved[0].totalCostYuan {
                description += "; the base's plan saves \(Format.millionYuan(cost - planCost)) M yuan/y against it"
            }
            var baselineCase = prepared[0].0
            baselineCase.name = "no build"
            baselineCase.description = description
            comparison.noBuild = Case(baselineCase, noBuild, against: solved[0])
        }
        comparison.wallSeconds = wall
        comparison.threads = max(1, min(options.threads, prepared.count + (withBaseline ? 1 : 0)))
        return comparison
    }

    /// Compares cases already solved (the base first).
    public init(base: (ScenarioCase, Solution), scenarios: [(ScenarioCase, Solution)]) {
        network = base.1.network
        baseYear = base.1.baseYear
        self.base = Case(base.0, base.1, against: nil)
        self.scenarios = scenarios.map { Case($0.0, $0.1, against: base.1) }
        wallSeconds = 0
        threads = 1
    }

    /// The status scripts should act on: the worst over all cases (any infeasible case makes the
    /// comparison infeasible).
    public var worstStatus: TerminationStatus { PotlineStudies.worstStatus(cases.map(\.status)) }
}

/// The status a script should act on for several solves: a solver failure over a limit over
/// infeasibility over optimal.
public func worstStatus(_ statuses: [TerminationStatus]) -> TerminationStatus {
    let order: [TerminationStatus] = [
        .numericalFailure, .timeLimit, .iterationLimit, .infeasible, .unbounded, .infeasibleOrUnbounded,
    ]
    return order.first(where: statuses.contains) ?? .optimal
}

/// Output below this (t/y) counts as idle; differences below it are noise, not a change.
package let productionTolerance = 1e-3

extension Comparison.Case {
    init(_ scenarioCase: ScenarioCase, _ solution: Solution, against base: Solution?) {
        let solved = solution.totalCostYuan != nil
        let baseSolved = base?.totalCostYuan != nil
        name = scenarioCase.name
        description = scenarioCase.description
        scenarioFiles = scenarioCase.scenarios.map(\.file)
        status = solution.status
        totalCostYuan = solution.totalCostYuan
        totalCostChangeYuan = difference(base?.totalCostYuan, solution.totalCostYuan)
        costBreakdownYuan = solution.costBreakdownYuan
        if let before = base?.costBreakdownYuan, let after = solution.costBreakdownYuan {
            // Noise is judged against the totals: a component that moves by less than 10⁻¹¹ of
            // the cost did not move.
            let scale = max(abs(before.total), abs(after.total))
            costBreakdownChangeYuan = (after + before * -1).map { abs($0) <= Tolerance.relativeCostEquality * scale ? 0 : tidy($0) }
        }
        co2T = solution.co2T
        co2ChangeT = difference(base?.co2T, solution.co2T)
        deliveredCosts = solution.deliveredCosts.map { cost in
            let before = base?.deliveredCosts.first { $0.region == cost.region && $0.commodity == cost.commodity }
            return Comparison.DeliveredCost(
                region: cost.region, commodity: cost.commodity, demandTonnesPerYear: cost.demandTonnesPerYear,
                demandChangeTonnesPerYear: difference(before?.demandTonnesPerYear, cost.demandTonnesPerYear),
                marginalCostYuanPerTonne: cost.marginalCostYuanPerTonne,
                marginalCostChangeYuanPerTonne: difference(before?.marginalCostYuanPerTonne, cost.marginalCostYuanPerTonne),
                averageCostYuanPerTonne: cost.averageCostYuanPerTonne,
                averageCostChangeYuanPerTonne: difference(before?.averageCostYuanPerTonne, cost.averageCostYuanPerTonne))
        }
        production = []
        if solved {
            let now = Self.productionByStage(solution)
            let before = baseSolved ? base.map(Self.productionByStage) : nil
            var keys = now.map(\.key)
            for (key, _) in before ?? [] where !keys.contains(key) { keys.append(key) }
            let nowByKey = Dictionary(now, uniquingKeysWith: +)
            let beforeByKey = before.map { Dictionary($0, uniquingKeysWith: +) }
            production = keys.map { key in
                let tonnes = nowByKey[key] ?? 0
                return Comparison.Production(
                    process: key.process, region: key.region, productionTonnesPerYear: tonnes,
                    changeTonnesPerYear: beforeByKey.map { change(from: $0[key] ?? 0, to: tonnes) })
            }
        }
        plantChanges = (solved && baseSolved) ? Self.plantChanges(from: base!, to: solution) : []
        siteChanges = (solved && baseSolved) ? Self.siteChanges(from: base!.plan, to: solution.plan) : []
        plantEffects = (solved && baseSolved) ? Self.plantEffects(from: base!, to: solution) : []
        regionEffects = (solved && baseSolved) ? Self.regionEffects(from: base!, to: solution) : []
        siting = solution.siting
        unmetDemands = solution.unmetDemands
        inputChanges = scenarioCase.inputChanges
        solveSeconds = solution.solveSeconds
        simplexIterations = solution.simplexIterations
        self.solution = solution
    }

    struct Stage: Hashable {
        var process: String
        var region: String
    }

    /// Output per (process, region) in the order plants first appear.
    static func productionByStage(_ solution: Solution) -> [(key: Stage, value: Double)] {
        var order: [Stage] = []
        var tonnes: [Stage: Double] = [:]
        for plant in solution.plants {
            let stage = Stage(process: plant.process, region: plant.region)
            if tonnes[stage] == nil { order.append(stage) }
            tonnes[stage, default: 0] += plant.productionTonnesPerYear
        }
        return order.map { ($0, tidy(tonnes[$0]!)) }
    }

    static func plantChanges(from base: Solution, to solution: Solution) -> [Comparison.PlantChange] {
        let before = Dictionary(base.plants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(solution.plants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [Comparison.PlantChange] = []
        for plant in solution.plants {
            let was = before[plant.id]?.productionTonnesPerYear
            let now = plant.productionTonnesPerYear
            let kind: Comparison.PlantChange.Kind
            if let was {
                guard abs(now - was) > productionTolerance else { continue }
                kind =
                    was <= productionTolerance ? .started
                    : now <= productionTolerance ? .stopped : now > was ? .increased : .decreased
            } else {
                kind = .added
            }
            changes.append(
                .init(
                    id: plant.id, region: plant.region, process: plant.process, change: kind, baseProductionTonnesPerYear: was,
                    productionTonnesPerYear: now, changeTonnesPerYear: change(from: was ?? 0, to: now)))
        }
        for plant in base.plants where after[plant.id] == nil {
            changes.append(
                .init(
                    id: plant.id, region: plant.region, process: plant.process, change: .removed,
                    baseProductionTonnesPerYear: plant.productionTonnesPerYear, productionTonnesPerYear: nil, changeTonnesPerYear: -plant.productionTonnesPerYear))
        }
        return changes
    }
}

extension Comparison.Case {
    static func siteChanges(from base: SitingPlan?, to plan: SitingPlan?) -> [Comparison.SiteChange] {
        var changes: [Comparison.SiteChange] = []
        let builds = plan?.builds ?? [], baseBuilds = base?.builds ?? []
        for build in builds where !baseBuilds.contains(where: { $0.candidate == build.candidate }) {
            changes.append(.init(site: build.candidate, region: build.region, process: build.process, change: .built, capacityTonnesPerYear: build.capacityTonnesPerYear))
        }
        for build in baseBuilds where !builds.contains(where: { $0.candidate == build.candidate }) {
            changes.append(.init(site: build.candidate, region: build.region, process: build.process, change: .notBuilt, capacityTonnesPerYear: build.capacityTonnesPerYear))
        }
        let closures = plan?.closures ?? [], baseClosures = base?.closures ?? []
        for closure in closures where !baseClosures.contains(where: { $0.plant == closure.plant }) {
            changes.append(.init(site: closure.plant, region: closure.region, process: closure.process, change: .closed, capacityTonnesPerYear: closure.capacityFreedTonnesPerYear))
        }
        for closure in baseClosures where !closures.contains(where: { $0.plant == closure.plant }) {
            changes.append(.init(site: closure.plant, region: closure.region, process: closure.process, change: .keptOpen, capacityTonnesPerYear: closure.capacityFreedTonnesPerYear))
        }
        let retrofits = plan?.retrofits ?? [], baseRetrofits = base?.retrofits ?? []
        for retrofit in retrofits where !baseRetrofits.contains(where: { $0.retrofit == retrofit.retrofit }) {
            changes.append(.init(site: retrofit.retrofit, region: nil, process: nil, change: .retrofitted, capacityTonnesPerYear: nil))
        }
        for retrofit in baseRetrofits where !retrofits.contains(where: { $0.retrofit == retrofit.retrofit }) {
            changes.append(.init(site: retrofit.retrofit, region: nil, process: nil, change: .notRetrofitted, capacityTonnesPerYear: nil))
        }
        return changes
    }
}

/// `after − before` without floating-point noise; nil unless both are known.
package func difference(_ before: Double?, _ after: Double?) -> Double? {
    guard let before, let after else { return nil }
    return change(from: before, to: after)
}

/// `after − before`, zero when the two agree to 12 significant digits (the precision results
/// are reported to), so that a re-solve's rounding does not show as a change.
func change(from before: Double, to after: Double) -> Double {
    let delta = after - before
    return abs(delta) <= Tolerance.relativeCostEquality * max(abs(before), abs(after)) ? 0 : tidy(delta)
}
